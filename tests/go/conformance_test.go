// The conformance test of one generated Go package: the shared vectors (ERRGEN_VECTORS) and the
// catalog as errgen validated it (ERRGEN_SPEC). tests/test_go_target.py copies it next to a copy of
// the package, with the import path filled in, and writes the names of the sentinels, categories
// and constants to look up (names_test.go) from the catalog.
package conformance_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	errs "errgen.test/PACKAGE"
)

type vector struct {
	Name    string          `json:"name"`
	Payload *string         `json:"payload"` // nil for exact bytes, given in Bytes
	Bytes   []byte          `json:"payload_base64"`
	Expect  json.RawMessage `json:"expect"`
	// All is every error of the payload, each with its pointer, when the case says (nil otherwise).
	All *[]json.RawMessage `json:"all"`
}

type expected struct {
	Error      string            `json:"error"`    // "payload": no error payload
	Success    bool              `json:"success"`  // a success code: no error, with its code and name
	NoError    bool              `json:"no_error"` // the same, said without them
	Kind       string            `json:"kind"`
	Code       json.RawMessage   `json:"code"`
	Name       *string           `json:"name"`
	Class      string            `json:"class"`
	Category   *string           `json:"category"`
	Variant    *int              `json:"variant"`
	Params     []string          `json:"params"`
	ByName     map[string]string `json:"params_by_name"`
	Matched    string            `json:"matched"`
	Detail     *string           `json:"detail"`
	Mismatch   *string           `json:"mismatch"`
	Message    string            `json:"message"`
	Retryable  bool              `json:"retryable"`
	HTTPStatus *int              `json:"http_status"`
	Pointer    string            `json:"pointer"` // in the items of a case's All only
}

type match struct {
	Code         json.RawMessage   `json:"code"`
	Message      string            `json:"message"`
	Variant      *int              `json:"variant"`
	Params       []string          `json:"params"`
	ParamsByName map[string]string `json:"params_by_name"`
}

// spec is the catalog as the model has it (tests/test_go_target.py writes it).
type spec struct {
	Categories []specCategory `json:"categories"`
	Errors     []struct {
		Code        json.RawMessage `json:"code"`
		Name        string          `json:"name"`
		Title       string          `json:"title"`
		Aliases     []errs.Alias    `json:"aliases"`
		Kind        string          `json:"kind"`
		Category    *string         `json:"category"`
		Messages    []string        `json:"messages"`
		Retryable   bool            `json:"retryable"`
		HTTPStatus  *int            `json:"http_status"`
		Deprecated  bool            `json:"deprecated"`
		Retired     bool            `json:"retired"`
		Description string          `json:"description"`
	} `json:"errors"`
}

type specCategory struct {
	Name     string     `json:"name"`
	Title    string     `json:"title"`
	Ranges   [][2]int64 `json:"ranges"`
	Prefixes []string   `json:"prefixes"`
}

// contains says from the catalog whether the category declares c: in one of its ranges, under one
// of its prefixes.
func (category specCategory) contains(c errs.Code) bool {
	raw, _ := json.Marshal(c)
	var number int64
	if json.Unmarshal(raw, &number) == nil {
		for _, r := range category.Ranges {
			if r[0] <= number && number <= r[1] {
				return true
			}
		}
		return false
	}
	var text string
	_ = json.Unmarshal(raw, &text)
	for _, prefix := range category.Prefixes {
		if strings.HasPrefix(text, prefix) {
			return true
		}
	}
	return false
}

func load(t *testing.T, variable string, into any) {
	t.Helper()
	data, err := os.ReadFile(os.Getenv(variable))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, into); err != nil {
		t.Fatal(err)
	}
}

func code(t *testing.T, raw json.RawMessage) errs.Code {
	t.Helper()
	var c errs.Code
	if err := json.Unmarshal(raw, &c); err != nil {
		t.Fatalf("code %s: %v", raw, err)
	}
	return c
}

func sameParams(a, b []string) bool {
	return len(a) == len(b) && (len(a) == 0 || reflect.DeepEqual(a, b))
}

func orEmpty(text *string) string {
	if text == nil {
		return ""
	}
	return *text
}

// differs says how got is not the error want describes ("" when it is): its code, message, kind,
// variant and params (by name too), how it matched, its category, retryable and HTTP status.
func differs(t *testing.T, got *errs.Error, want expected) string {
	t.Helper()
	c := code(t, want.Code)
	variant, status := -1, 0
	if want.Variant != nil {
		variant = *want.Variant
	}
	if want.HTTPStatus != nil {
		status = *want.HTTPStatus
	}
	wantCategory := errs.Category(0)
	if want.Category != nil {
		wantCategory = categories[*want.Category]
		if wantCategory.String() != *want.Category {
			return fmt.Sprintf("category %v is not %s", wantCategory, *want.Category)
		}
	}
	switch {
	case got.Code != c || got.Message != want.Message || got.Kind.String() != want.Kind || got.Kind != c.Kind():
		return fmt.Sprintf("code %v, message %q, kind %v", got.Code, got.Message, got.Kind)
	case got.Variant != variant || !sameParams(got.Params, want.Params) || !reflect.DeepEqual(got.ParamsByName(), want.ByName):
		return fmt.Sprintf("variant %d, params %q, by name %v", got.Variant, got.Params, got.ParamsByName())
	case string(got.Matched) != want.Matched || got.Detail != orEmpty(want.Detail) || string(got.Mismatch) != orEmpty(want.Mismatch):
		return fmt.Sprintf("matched %q, detail %q, mismatch %q", got.Matched, got.Detail, got.Mismatch)
	case got.Matched == errs.MatchedNone && (want.Mismatch == nil || got.Variant != -1):
		return "no match without a reason"
	case got.Category != wantCategory || c.Category() != wantCategory:
		return fmt.Sprintf("category %v, want %v", got.Category, wantCategory)
	case got.Retryable != want.Retryable || got.HTTPStatus != status:
		return fmt.Sprintf("retryable %v, HTTP status %d", got.Retryable, got.HTTPStatus)
	}
	return ""
}

// everyError holds EveryError to the case's All: each error, with its pointer, in order.
func everyError(t *testing.T, v vector, data []byte) {
	t.Helper()
	got, err := errs.EveryError(data)
	if err != nil || len(got) != len(*v.All) {
		t.Errorf("%s: EveryError gives %d errors, %v; want %d", v.Name, len(got), err, len(*v.All))
		return
	}
	for i, raw := range *v.All {
		var want expected
		if err := json.Unmarshal(raw, &want); err != nil {
			t.Fatal(err)
		}
		if problem := differs(t, got[i], want); problem != "" || got[i].Pointer != want.Pointer {
			t.Errorf("%s: error %d at %s: %s; want %s", v.Name, i, got[i].Pointer, problem, raw)
		}
	}
	if first, err := errs.FromPayload(data); err != nil || (first == nil) != (len(got) == 0) || first != nil && !reflect.DeepEqual(first, got[0]) {
		t.Errorf("%s: FromPayload gives %#v, %v: not the first of EveryError", v.Name, first, err)
	}
}

func TestVectors(t *testing.T) {
	var file struct {
		Cases []vector `json:"cases"`
	}
	load(t, "ERRGEN_VECTORS", &file)
	if len(file.Cases) == 0 {
		t.Fatal("no vectors")
	}
	var s spec
	load(t, "ERRGEN_SPEC", &s)
	for _, v := range file.Cases {
		data := v.Bytes
		if v.Payload != nil {
			data = []byte(*v.Payload)
		}
		got, err := errs.FromPayload(data)
		// The same payload inside a response that encoding/json decodes, through Error.UnmarshalJSON.
		var response struct {
			Error errs.Error `json:"error"`
		}
		inResponse := append(append([]byte(`{"error": `), data...), '}')
		decodeErr := json.Unmarshal(inResponse, &response)
		var want expected
		if err := json.Unmarshal(v.Expect, &want); err != nil {
			t.Fatal(err)
		}
		if v.All != nil {
			everyError(t, v, data)
		}
		if want.Success || want.NoError { // no error, yet a payload read: json.Unmarshal fills in a success code
			if got != nil || err != nil || decodeErr != nil || response.Error.Kind != errs.KindSuccess ||
				want.Code != nil && response.Error.Code != code(t, want.Code) ||
				want.Name != nil && response.Error.Code.String() != *want.Name {
				t.Errorf("%s: a success code gives %#v, %v; json.Unmarshal %#v, %v", v.Name, got, err, response.Error, decodeErr)
			}
			if every, err := errs.EveryError(data); every != nil || err != nil {
				t.Errorf("%s: EveryError of a success gives %v, %v", v.Name, every, err)
			}
			continue
		}
		if want.Error == "payload" {
			var payloadError *errs.PayloadError
			if got != nil || !errors.As(err, &payloadError) || payloadError.Reason == "" {
				t.Errorf("%s: want a *PayloadError, got %v, %v", v.Name, got, err)
			}
			// JSON null is no payload, but encoding/json's convention makes it a no-op.
			if decodeErr == nil && strings.TrimSpace(string(data)) != "null" {
				t.Errorf("%s: json.Unmarshal accepted it: %#v", v.Name, response.Error)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", v.Name, err)
			continue
		}
		if decodeErr != nil || !reflect.DeepEqual(&response.Error, got) {
			t.Errorf("%s: json.Unmarshal gives %#v, %v; FromPayload %#v", v.Name, response.Error, decodeErr, got)
		}
		if problem := differs(t, got, want); problem != "" {
			t.Errorf("%s: %s; got %#v, want %s", v.Name, problem, got, v.Expect)
		}
		// And back: json.Marshal and ToPayload write the payload at the first location, which reads
		// back as the same error (its pointer that location's).
		encoded, err := json.Marshal(got)
		if again, againErr := errs.FromPayload(encoded); err != nil || againErr != nil || again == nil ||
			!reflect.DeepEqual(again, withPointer(*got, again.Pointer)) || string(got.ToPayload()) != string(encoded) {
			t.Errorf("%s: %s (%v) reads back as %#v, %v", v.Name, encoded, err, again, againErr)
		}
		c := code(t, want.Code)
		variant := -1
		if want.Variant != nil {
			variant = *want.Variant
		}
		wantCategory := errs.Category(0)
		if want.Category != nil {
			wantCategory = categories[*want.Category]
		}
		wrapped := fmt.Errorf("wrapped: %w", got)
		for _, declared := range s.Categories {
			category := categories[declared.Name]
			if errors.Is(wrapped, category) != (category == wantCategory) {
				t.Errorf("%s: errors.Is(err, Category %s) is wrong", v.Name, declared.Name)
			}
			if category.Contains(c) != declared.contains(c) {
				t.Errorf("%s: Category %s Contains it: %v", v.Name, declared.Name, category.Contains(c))
			}
		}
		var as *errs.Error
		if !errors.As(wrapped, &as) || as != got {
			t.Errorf("%s: errors.As failed", v.Name)
		}
		info, known := errs.Lookup(c)
		if known != (want.Name != nil) {
			t.Errorf("%s: Lookup says known=%v", v.Name, known)
		}
		if want.Name != nil {
			if info.Name != *want.Name || c.String() != *want.Name || info.Category != wantCategory {
				t.Errorf("%s: Lookup gave %#v, String %q", v.Name, info, c.String())
			}
			if byName, ok := errs.LookupName(*want.Name); !ok || byName != c {
				t.Errorf("%s: LookupName gave %v, %v", v.Name, byName, ok)
			}
			for name, sentinel := range sentinels {
				if errors.Is(wrapped, sentinel) != (name == *want.Name) {
					t.Errorf("%s: errors.Is(err, Err of %s) is wrong", v.Name, name)
				}
			}
			if got.Error() != codeText(got.Code)+" "+*want.Name+": "+got.Message {
				t.Errorf("%s: Error() is %q", v.Name, got.Error())
			}
		} else {
			if got.Error() != codeText(got.Code)+": "+got.Message || c.String() != codeText(c) {
				t.Errorf("%s: Error() is %q", v.Name, got.Error())
			}
			for name, sentinel := range sentinels {
				if errors.Is(wrapped, sentinel) {
					t.Errorf("%s: an unknown code is Err of %s", v.Name, name)
				}
			}
		}
		// Match and Classify match exactly: a tolerant match is none of theirs.
		exact := -1
		if want.Matched == "exact" {
			exact = variant
		}
		matched, params, ok := errs.Match(c, want.Message)
		if ok != (exact >= 0) || matched != exact || exact >= 0 && !sameParams(params, want.Params) {
			t.Errorf("%s: Match gave %d %q %v", v.Name, matched, params, ok)
		}
		if classified := errs.Classify(c, want.Message); classified != exact {
			t.Errorf("%s: Classify gave %d", v.Name, classified)
		}
		if exact >= 0 {
			formatted, err := errs.Format(c, variant, params...)
			if err != nil || formatted != want.Message {
				t.Errorf("%s: Format gave %q, %v", v.Name, formatted, err)
			}
			if _, err := errs.Format(c, variant, append(params, "extra")...); err == nil {
				t.Errorf("%s: Format took a value too many", v.Name)
			}
		}
		// A server's error of the same variant and params, written and read back as itself.
		if variant >= 0 {
			built, err := errs.Build(c, variant, want.Params...)
			if err != nil || built.Pointer != "" {
				t.Errorf("%s: Build gave %#v, %v", v.Name, built, err)
			} else if back, err := errs.FromPayload(built.ToPayload()); err != nil || back == nil || back.Code != c ||
				back.Variant != built.Variant || !sameParams(back.Params, built.Params) || back.Message != built.Message {
				t.Errorf("%s: %s reads back as %#v, %v", v.Name, built.ToPayload(), back, err)
			}
		}
		if !known {
			if _, err := errs.Format(c, 0); err == nil {
				t.Errorf("%s: Format of an unknown code did not fail", v.Name)
			}
			if errs.Messages(c) != nil {
				t.Errorf("%s: Messages of an unknown code", v.Name)
			}
		}
	}
}

func withPointer(e errs.Error, pointer string) *errs.Error {
	e.Pointer = pointer
	return &e
}

func codeText(c errs.Code) string {
	data, _ := json.Marshal(c)
	var text string
	if json.Unmarshal(data, &text) == nil {
		return text
	}
	return string(data)
}

// Each message of a code and the variant, params and params by name the reference rules give it.
func TestMatches(t *testing.T) {
	var file struct {
		Matches []match `json:"matches"`
	}
	load(t, "ERRGEN_VECTORS", &file)
	for _, m := range file.Matches {
		c := code(t, m.Code)
		name := fmt.Sprintf("%v %q", c, m.Message)
		want := -1
		if m.Variant != nil {
			want = *m.Variant
		}
		variant, params, ok := errs.Match(c, m.Message)
		if variant != want || ok != (want >= 0) || !sameParams(params, m.Params) {
			t.Errorf("%s: Match gives %d, %q, %v; want %d, %q", name, variant, params, ok, want, m.Params)
		}
		if classified := errs.Classify(c, m.Message); classified != want {
			t.Errorf("%s: Classify gives %d", name, classified)
		}
		// New matches exactly where Match does; elsewhere it may match tolerantly, as the catalog says.
		e := errs.New(c, m.Message)
		if (e.Matched == errs.MatchedExact) != (want >= 0) {
			t.Errorf("%s: New matches it %s", name, e.Matched)
		} else if want >= 0 && (e.Variant != want || !sameParams(e.Params, m.Params) || !reflect.DeepEqual(e.ParamsByName(), m.ParamsByName)) {
			t.Errorf("%s: New gives %#v, by name %v; want %v", name, e, e.ParamsByName(), m.ParamsByName)
		}
		for placeholder, value := range m.ParamsByName {
			if got, ok := e.Param(placeholder); !ok || got != value {
				t.Errorf("%s: Param(%q) = %q, %v", name, placeholder, got, ok)
			}
		}
	}
}

func TestSpec(t *testing.T) {
	var s spec
	load(t, "ERRGEN_SPEC", &s)
	if got := errs.Categories(); len(got) != len(s.Categories) {
		t.Fatalf("Categories() = %v", got)
	}
	for i, category := range errs.Categories() {
		if category.String() != s.Categories[i].Name || category.Title() != s.Categories[i].Title ||
			category.Error() != s.Categories[i].Name || categories[s.Categories[i].Name] != category {
			t.Errorf("category %d: %v %q", i, category, category.Title())
		}
	}
	var active []errs.Code
	retired := 0
	exceptions := 0
	for _, e := range s.Errors {
		c := code(t, e.Code)
		if e.Retired {
			retired++
			if errs.RetiredCodes[c] != e.Name {
				t.Errorf("%s: RetiredCodes[%v] = %q", e.Name, c, errs.RetiredCodes[c])
			}
			if _, ok := errs.Lookup(c); ok {
				t.Errorf("%s: a retired code is known", e.Name)
			}
			if _, ok := errs.LookupName(e.Name); ok {
				t.Errorf("%s: a retired name is known", e.Name)
			}
			continue
		}
		active = append(active, c)
		if !reflect.DeepEqual(errs.Messages(c), e.Messages) {
			t.Errorf("%s: Messages() = %q, want %q", e.Name, errs.Messages(c), e.Messages)
		}
		info, ok := errs.Lookup(c)
		status := 0
		if e.HTTPStatus != nil {
			status = *e.HTTPStatus
		}
		category := errs.Category(0)
		if e.Category != nil {
			category = categories[*e.Category]
		}
		if !ok || info.Code != c || info.Name != e.Name || info.Title != e.Title || info.Kind.String() != e.Kind ||
			!reflect.DeepEqual(info.Aliases, e.Aliases) || info.Category != category || c.Category() != category ||
			!reflect.DeepEqual(info.Messages, e.Messages) || info.Retryable != e.Retryable ||
			info.HTTPStatus != status || info.Deprecated != e.Deprecated || info.Description != e.Description {
			t.Errorf("%s: Lookup() = %#v", e.Name, info)
		}
		if c.String() != e.Name || c.Kind() != info.Kind {
			t.Errorf("%s: String() %q, Kind() %v", e.Name, c.String(), c.Kind())
		}
		names := []string{e.Name, e.Title}
		for _, alias := range e.Aliases {
			names = append(names, alias.Name, alias.Title)
			if constants[alias.Name] != c {
				t.Errorf("%s: the constant of alias %s is %v", e.Name, alias.Name, constants[alias.Name])
			}
		}
		for _, name := range names {
			if byName, ok := errs.LookupName(name); !ok || byName != c {
				t.Errorf("%s: LookupName(%q) = %v, %v", e.Name, name, byName, ok)
			}
		}
		if constants[e.Name] != c {
			t.Errorf("%s: its constant is %v", e.Name, constants[e.Name])
		}
		if len(e.Messages) > 0 {
			info.Messages[0] = "changed"
			if errs.Messages(c)[0] != e.Messages[0] {
				t.Errorf("%s: Lookup() shares its messages", e.Name)
			}
		}
		sentinel, has := sentinels[e.Name]
		if has != (e.Kind != "success") {
			t.Errorf("%s: a code of kind %s has a sentinel: %v", e.Name, e.Kind, has)
		}
		if has {
			exceptions++
			// A literal of errors.go, worked out by errgen: what New makes of the first message.
			first := ""
			if len(e.Messages) > 0 {
				first = e.Messages[0]
			}
			exact := -1
			if sentinel.Matched == errs.MatchedExact {
				exact = sentinel.Variant
			}
			if made := errs.New(c, first); !reflect.DeepEqual(sentinel, made) || errs.Classify(c, first) != exact {
				t.Errorf("%s: sentinel %#v, New %#v", e.Name, sentinel, made)
			}
		}
		for variant, message := range e.Messages {
			if _, err := errs.Format(c, variant, make([]string, 99)...); err == nil {
				t.Errorf("%s: Format took 99 values", e.Name)
			}
			// Each template, filled with its own placeholders' text, reads back as itself.
			got, params, ok := errs.Match(c, message)
			if ok {
				formatted, err := errs.Format(c, got, params...)
				if err != nil || formatted != message {
					t.Errorf("%s: Format(Match(%q)) = %q, %v", e.Name, message, formatted, err)
				}
			}
		}
		if _, err := errs.Format(c, len(e.Messages)); err == nil {
			t.Errorf("%s: Format of a variant too many did not fail", e.Name)
		}
		if _, err := errs.Format(c, -1); err == nil {
			t.Errorf("%s: Format of variant -1 did not fail", e.Name)
		}
	}
	if !reflect.DeepEqual(errs.Codes(), active) {
		t.Errorf("Codes() = %v, want %v", errs.Codes(), active)
	}
	if len(errs.RetiredCodes) != retired || len(sentinels) != exceptions {
		t.Errorf("%d retired codes, %d sentinels", len(errs.RetiredCodes), len(sentinels))
	}
}

func TestMalformedPayloadsNeverPanic(t *testing.T) {
	for _, payload := range []string{"", " ", "{", "{}", "[]", "1", "\"x\"", "\xff", "{\"a\":1}", "{\"a\":[[[[1]]]]}"} {
		got, err := errs.FromPayload([]byte(payload))
		var payloadError *errs.PayloadError
		if got != nil || !errors.As(err, &payloadError) {
			t.Errorf("%q: %v, %v", payload, got, err)
		}
	}
	codeField, _ := json.Marshal(errs.PayloadCodeField)
	messageField, _ := json.Marshal(errs.PayloadMessageField)
	for _, code := range []string{"-1121.0", "1e3", "1E3", "99999999999999999999", "-99999999999999999999", "[1]", "{}", "-"} {
		payload := "{" + string(codeField) + ":" + code + "," + string(messageField) + ":\"x\"}"
		got, err := errs.FromPayload([]byte(payload))
		var payloadError *errs.PayloadError
		if got != nil || !errors.As(err, &payloadError) {
			t.Errorf("%q: %v, %v", payload, got, err)
		}
	}
}

// nested is levels arrays and objects, alternating from an array, around 0.
func nested(levels int) string {
	text := "0"
	for level := levels - 1; level >= 0; level-- {
		if level%2 == 0 {
			text = "[" + text + "]"
		} else {
			text = `{"a":` + text + "}"
		}
	}
	return text
}

// The payload object is level 1: text nested MaxDepth levels is read, one more is refused, wherever
// it is; brackets in strings do not count.
func TestMaxDepth(t *testing.T) {
	if errs.MaxDepth != 128 {
		t.Fatalf("MaxDepth is %d", errs.MaxDepth)
	}
	code := sample
	codeField, _ := json.Marshal(errs.PayloadCodeField)
	messageField, _ := json.Marshal(errs.PayloadMessageField)
	codeText, _ := json.Marshal(code)
	message, _ := json.Marshal(sampleMessage)
	payload := func(code, message, extra string) []byte {
		return []byte("{" + string(codeField) + ":" + code + "," + string(messageField) + ":" + message + `,"x":` + extra + "}")
	}
	brackets, _ := json.Marshal(strings.Repeat("[{", 2*errs.MaxDepth))
	for _, data := range [][]byte{
		payload(string(codeText), string(message), nested(errs.MaxDepth-1)),
		payload(string(codeText), string(message), string(brackets)),
	} {
		if !json.Valid(data) {
			t.Fatalf("not JSON: %s", data)
		}
		if got, err := errs.FromPayload(data); err != nil || got.Code != code {
			t.Errorf("%s: %v, %v", data, got, err)
		}
	}
	for _, data := range [][]byte{
		payload(string(codeText), string(message), nested(errs.MaxDepth)),
		payload(nested(errs.MaxDepth), string(message), "0"),
		payload(string(codeText), nested(errs.MaxDepth), "0"),
		payload(string(codeText), string(message), "["+string(brackets)+","+nested(errs.MaxDepth)+"]"),
	} {
		if !json.Valid(data) {
			t.Fatalf("not JSON: %s", data)
		}
		got, err := errs.FromPayload(data)
		var payloadError *errs.PayloadError
		if got != nil || !errors.As(err, &payloadError) || payloadError.Reason != "payload nests deeper than 128 levels" {
			t.Errorf("%s: %v, %v", data, got, err)
		}
		var e errs.Error
		if err := json.Unmarshal(data, &e); !errors.As(err, &payloadError) {
			t.Errorf("%s: json.Unmarshal gives %v", data, err)
		}
	}
}
