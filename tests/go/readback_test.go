// Reads back what one generated Go package holds, for the fuzz test to compare with its spec:
// tests/test_fuzz.py copies it next to a copy of the package, with the import path and the
// package clause filled in, and reads readback.json, which it writes in the package directory.
// Each variant of each code is also built as a server's error, written with ToPayload and read
// back with FromPayload, as the same code, message, variant and params.
package readback_test

import (
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"

	errs "errgen.test/PACKAGE"
)

type readError struct {
	Name        string    `json:"name"`
	Code        errs.Code `json:"code"`
	Messages    []string  `json:"messages"`
	Description string    `json:"description"`
}

func TestReadback(t *testing.T) {
	out := struct {
		Version    string      `json:"version"`
		Categories []string    `json:"categories"`
		Errors     []readError `json:"errors"`
		Retired    [][2]any    `json:"retired"`
	}{Version: errs.Version, Categories: []string{}, Errors: []readError{}, Retired: [][2]any{}}
	for _, category := range errs.Categories() {
		out.Categories = append(out.Categories, category.Title())
	}
	for _, code := range errs.Codes() {
		info, ok := errs.Lookup(code)
		if !ok {
			t.Fatalf("Lookup(%v) found nothing", code)
		}
		out.Errors = append(out.Errors, readError{info.Name, code, info.Messages, info.Description})
		for variant, text := range info.Messages {
			if info.Kind == errs.KindSuccess {
				break
			}
			// The fuzzed specs write printf templates of %s only.
			params := make([]string, strings.Count(strings.ReplaceAll(text, "%%", ""), "%s"))
			for i := range params {
				params[i] = "v"
			}
			built, err := errs.Build(code, variant, params...)
			if err != nil {
				t.Fatalf("Build(%v, %d): %v", code, variant, err)
			}
			back, err := errs.FromPayload(built.ToPayload())
			if err != nil || back == nil || back.Code != built.Code || back.Message != built.Message ||
				back.Variant != built.Variant || !reflect.DeepEqual(back.Params, built.Params) {
				t.Errorf("%s reads back as %#v, %v; built %#v", built.ToPayload(), back, err, built)
			}
		}
	}
	for code, name := range errs.RetiredCodes {
		out.Retired = append(out.Retired, [2]any{code, name})
	}
	data, err := json.Marshal(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("readback.json", data, 0o644); err != nil {
		t.Fatal(err)
	}
}
