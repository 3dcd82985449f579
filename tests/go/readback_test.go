// Reads back what one generated Go package holds, for the fuzz test to compare with its spec:
// tests/test_fuzz.py copies it next to a copy of the package, with the import path and the
// package clause filled in, and reads readback.json, which it writes in the package directory.
package readback_test

import (
	"encoding/json"
	"os"
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
