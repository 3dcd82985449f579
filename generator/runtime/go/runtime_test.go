// The runtime, tested directly against the small catalog of catalog_int_test.go or, with the
// build tag stringcodes, catalog_string_test.go; the generated packages are tested through the
// shared vectors, the fuzz test and the consumers.

package runtime

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestFit(t *testing.T) {
	cases := []struct {
		parts   []string
		message string
		params  []string
		ok      bool
	}{
		{[]string{"Invalid symbol."}, "Invalid symbol.", nil, true},
		{[]string{"Invalid symbol."}, "Invalid symbol", nil, false},
		{[]string{"Too many; ", " per ", "."}, "Too many; 5 per 1 per 2.", []string{"5", "1 per 2"}, true},
		{[]string{"Too many; ", " per ", "."}, "Too many;  per .", []string{"", ""}, true},
		{[]string{"Too many; ", " per ", "."}, "Too many; 5 per 1", nil, false},
		{[]string{"", ""}, "anything", []string{"anything"}, true},
		{[]string{"a", "", "b"}, "ab", []string{"", ""}, true},
		{[]string{"ab", "ba"}, "aba", nil, false}, // the literals may not overlap
		{[]string{"x", "y", "x"}, "xyx", []string{"", ""}, true},
		{[]string{"x", "y", "x"}, "xx", nil, false},
	}
	for _, c := range cases {
		params, ok := fit(c.parts, c.message, true)
		if ok != c.ok || !reflect.DeepEqual(params, c.params) {
			t.Errorf("fit(%q, %q) = %q, %v; want %q, %v", c.parts, c.message, params, ok, c.params, c.ok)
		}
		if _, ok := fit(c.parts, c.message, false); ok != c.ok {
			t.Errorf("fit(%q, %q) without values = %v", c.parts, c.message, ok)
		}
	}
}

func TestLookupsOnTheTable(t *testing.T) {
	if got := Codes(); !reflect.DeepEqual(got, []Code{CodeTooMany, CodeBadSymbol}) {
		t.Errorf("Codes() = %v, in catalog order", got)
	}
	info, ok := Lookup(CodeBadSymbol)
	if !ok || info.Name != "BAD_SYMBOL" || info.Category != CategoryRequest || !info.Deprecated ||
		info.Description != "The symbol is *unknown*." || !reflect.DeepEqual(info.Messages, []string{"Invalid symbol."}) {
		t.Errorf("Lookup(CodeBadSymbol) = %+v, %v", info, ok)
	}
	info.Messages[0] = "changed"
	if Messages(CodeBadSymbol)[0] != "Invalid symbol." {
		t.Error("Lookup shares its messages with the table")
	}
	if _, ok := Lookup(unknownCode); ok || Messages(unknownCode) != nil {
		t.Error("an unknown code is known")
	}
	if code, ok := LookupName("TOO_MANY_REQUESTS"); !ok || code != CodeTooMany {
		t.Errorf("LookupName = %v, %v", code, ok)
	}
	if RetiredCodes[CodeOld] != "OLD" || len(RetiredCodes) != 1 {
		t.Errorf("RetiredCodes = %v", RetiredCodes)
	}
}

func TestCategories(t *testing.T) {
	if got := Categories(); !reflect.DeepEqual(got, []Category{CategoryGeneral, CategoryRequest}) {
		t.Errorf("Categories() = %v", got)
	}
	if CategoryRequest.String() != "request" || CategoryRequest.Title() != "Request" || CategoryRequest.Error() != "request" {
		t.Error("the names of CategoryRequest")
	}
	if Category(0).String() != "Category(0)" || Category(3).Title() != "" || Category(3).Contains(CodeBadSymbol) {
		t.Error("a value that is no category")
	}
	if unknownCode.Category() != CategoryGeneral || outsideCode.Category() != 0 || CodeBadSymbol.Category() != CategoryRequest {
		t.Error("Code.Category")
	}
}

func TestMatchClassifyFormat(t *testing.T) {
	variant, params, ok := Match(CodeTooMany, "Too many; 5 per SECOND.")
	if !ok || variant != 1 || !reflect.DeepEqual(params, []string{"5", "SECOND"}) {
		t.Errorf("Match = %d, %q, %v", variant, params, ok)
	}
	if variant, params, ok := Match(unknownCode, "x"); ok || variant != -1 || params != nil {
		t.Error("Match of an unknown code")
	}
	if Classify(CodeTooMany, "Too many requests.") != 0 || Classify(CodeTooMany, "nope") != -1 || Classify(unknownCode, "x") != -1 {
		t.Error("Classify")
	}
	if message, err := Format(CodeTooMany, 1, "5", "SECOND"); err != nil || message != "Too many; 5 per SECOND." {
		t.Errorf("Format = %q, %v", message, err)
	}
	for _, failed := range []struct {
		code    Code
		variant int
		params  []string
		want    string
	}{
		{unknownCode, 0, nil, "runtime: unknown code " + unknownCode.raw()},
		{CodeTooMany, 2, nil, "runtime: code TOO_MANY_REQUESTS has no message variant 2"},
		{CodeTooMany, 1, []string{"5"}, "runtime: message variant 1 of code TOO_MANY_REQUESTS takes 2 value(s), got 1"},
	} {
		if _, err := Format(failed.code, failed.variant, failed.params...); err == nil || err.Error() != failed.want {
			t.Errorf("Format(%v, %d, %q) failed with %v", failed.code, failed.variant, failed.params, err)
		}
	}
}

func TestErrorsIsAndAs(t *testing.T) {
	e := New(CodeTooMany, "Too many; 1 per 2.")
	if e.Variant != 1 || !e.Retryable || e.HTTPStatus != 429 || e.Category != CategoryGeneral {
		t.Errorf("New = %+v", e)
	}
	var err error = e
	if !errors.Is(err, ErrTooMany) || errors.Is(err, ErrBadSymbol) || !errors.Is(err, CategoryGeneral) || errors.Is(err, CategoryRequest) {
		t.Error("errors.Is")
	}
	unknown := New(unknownCode, "x")
	if unknown.Variant != -1 || unknown.Category != CategoryGeneral || unknown.Error() != unknownCode.raw()+": x" {
		t.Errorf("New of an unknown code = %+v", unknown)
	}
	if ErrBadSymbol.Message != "Invalid symbol." || ErrBadSymbol.Variant != 0 {
		t.Errorf("the sentinel = %+v", ErrBadSymbol)
	}
}

func TestFromPayload(t *testing.T) {
	e, err := FromPayload([]byte(knownPayload))
	if err != nil || e.Code != CodeBadSymbol || e.Variant != 0 || e.Message != "Invalid symbol." {
		t.Errorf("FromPayload = %+v, %v", e, err)
	}
	e, err = FromPayload([]byte(unknownPayload))
	if err != nil || e.Code != unknownCode || e.Variant != -1 || e.Category != CategoryGeneral {
		t.Errorf("FromPayload of an unknown code = %+v, %v", e, err)
	}
	deep := strings.Repeat("[", MaxDepth) + strings.Repeat("]", MaxDepth)
	for payload, reason := range map[string]string{
		"\xff":                      "payload is not valid UTF-8",
		"{":                         "payload is not valid JSON",
		"[1]":                       "payload must be a JSON object",
		`{"msg": "x"}`:              "payload has no " + `"` + strings.ReplaceAll(PayloadCodeField, `"`, `\"`) + `"` + " field",
		badCodePayload:              "must be " + codeKind,
		`{"x": ` + deep + `}`:       "payload nests deeper than 128 levels",
		`{"x": "` + deep + `"}`:     "payload has no",
		`{"x": ["\"` + deep + `"]}`: "payload has no",
	} {
		_, err := FromPayload([]byte(payload))
		var problem *PayloadError
		if !errors.As(err, &problem) || !strings.Contains(problem.Reason, reason) ||
			!strings.HasPrefix(err.Error(), "runtime: not an error payload: ") {
			t.Errorf("FromPayload(%.40q) = %v; want %q", payload, err, reason)
		}
	}
}

func TestJSONRoundTripAndNull(t *testing.T) {
	e := New(CodeTooMany, "Too many; \"1\" per 2.")
	data, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	var back Error
	if err := json.Unmarshal(data, &back); err != nil || !reflect.DeepEqual(&back, e) {
		t.Errorf("round trip of %s = %+v, %v", data, back, err)
	}
	if err := json.Unmarshal([]byte(" null "), &back); err != nil || back.Code != CodeTooMany {
		t.Errorf("null = %+v, %v", back, err)
	}
}

func TestAKnownMessageIsReadWithoutAllocating(t *testing.T) {
	data := []byte(knownPayload)
	allocations := testing.AllocsPerRun(100, func() {
		var e Error
		if e.UnmarshalJSON(data) != nil || e.Variant != 0 {
			t.Fatal("not read")
		}
	})
	if allocations != 0 && codeKind != "a string" { // a string code is decoded by encoding/json
		t.Errorf("%v allocations", allocations)
	}
}

func BenchmarkClassify(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Classify(CodeTooMany, "Too many; 5 per SECOND.")
	}
}
