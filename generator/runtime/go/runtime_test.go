// The runtime, tested directly against the small catalog of catalog_int_test.go or, with the
// build tag stringcodes, catalog_string_test.go; the generated packages are tested through the
// shared vectors, the fuzz test and the consumers.

package runtime

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// Initialising the package fills the sentinels in without building the index of the codes, which
// waits for the first lookup.
func TestMain(m *testing.M) {
	if index.codes != nil || sentinels[sBadSymbol].Code != CodeBadSymbol {
		fmt.Println("initialised: the index", index.codes, "the sentinel", sentinels[sBadSymbol])
		os.Exit(1)
	}
	os.Exit(m.Run())
}

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
		v := form{parts: c.parts, types: []byte(strings.Repeat("s", len(c.parts)-1))}
		params, ok := v.fit(c.message, true)
		if ok != c.ok || !reflect.DeepEqual(params, c.params) {
			t.Errorf("fit(%q, %q) = %q, %v; want %q, %v", c.parts, c.message, params, ok, c.params, c.ok)
		}
		if _, ok := v.fit(c.message, false); ok != c.ok {
			t.Errorf("fit(%q, %q) without values = %v", c.parts, c.message, ok)
		}
	}
}

// The values each type takes, as model.fits says; s takes every one.
func TestFits(t *testing.T) {
	values := []string{"", "-", "0", "-0", "007", "1.", ".5", "1.5", "-1.5e10", "1e", "1e+", "1e+5", "1E5", "1.5E-05",
		"+1", "1 ", " 1", "\uff11", "true", "false", "TRUE", "truee", "0x10", "1_000", "1,5", "--1", "1.5.5", "1e5e5"}
	takes := map[byte][]string{
		'd': {"0", "-0", "007"},
		'i': {"0", "-0", "007"},
		'f': {"0", "-0", "007", "1.5", "-1.5e10", "1e+5", "1E5", "1.5E-05"},
		'b': {"true", "false"},
		's': values,
	}
	for kind, taken := range takes {
		for _, value := range values {
			if got, want := fits(kind, value), slices.Contains(taken, value); got != want {
				t.Errorf("fits(%c, %q) = %v", kind, value, got)
			}
		}
	}
}

// The model's own answers (generator.model.fits), when tests/test_go_runtime.py gives them in
// ERRGEN_FITS: [type, value, whether it fits] for every short text over the characters numbers
// are made of, and more.
func TestFitsAgreeWithTheModel(t *testing.T) {
	path := os.Getenv("ERRGEN_FITS")
	if path == "" {
		t.Skip("ERRGEN_FITS names no table of the model's answers")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var table [][3]any
	if err := json.Unmarshal(data, &table); err != nil || len(table) == 0 {
		t.Fatalf("%d rows: %v", len(table), err)
	}
	for _, row := range table {
		kind, value, want := row[0].(string), row[1].(string), row[2].(bool)
		if fits(kind[0], value) != want {
			t.Errorf("fits(%s, %q) = %v", kind, value, !want)
		}
	}
}

// The most specific variant wins (see model.specificity): the literal one, then the most literal
// characters, then the most typed placeholders, then catalog order; the values split first, as fit
// does, then each must be of its type.
func TestTypedVariantsInMatchOrder(t *testing.T) {
	cases := []struct {
		message string
		variant int
		params  []string
	}{
		{"Limit 5.", 4, nil},
		{"Limit 7.", 1, []string{"7"}},
		{"Limit -7.", 1, []string{"-7"}},
		{"Limit 05.", 1, []string{"05"}},
		{"Limit 1.5.", 2, []string{"1.5"}},
		{"Limit -1.5e+3.", 2, []string{"-1.5e+3"}},
		{"Limit 1E-3.", 2, []string{"1E-3"}},
		{"Limit 1..", 0, []string{"1."}},
		{"Limit 1e.", 0, []string{"1e"}},
		{"Limit true.", 3, []string{"true"}},
		{"Limit True.", 0, []string{"True"}},
		{"Limit .", 0, []string{""}},
		{"Limit 3 of x 4", 5, []string{"3", "x", "4"}},
		{"Limit 3 of x y 4", -1, nil}, // " " is taken at its leftmost: "y 4" is no integer
		{"Limit 3 of x 4.", 0, []string{"3 of x 4"}},
		{"Limit 5", -1, nil},
	}
	for _, c := range cases {
		variant, params, ok := Match(CodeLimit, c.message)
		if variant != c.variant || ok != (c.variant >= 0) || !reflect.DeepEqual(params, c.params) {
			t.Errorf("Match(%q) = %d, %q, %v; want %d, %q", c.message, variant, params, ok, c.variant, c.params)
		}
		if classified := Classify(CodeLimit, c.message); classified != c.variant {
			t.Errorf("Classify(%q) = %d", c.message, classified)
		}
	}
}

func TestParamsByName(t *testing.T) {
	e := New(CodeNamed, "Order 1 of EUR and 2.")
	if e.Variant != 0 || !reflect.DeepEqual(e.Params, []string{"1", "EUR", "2"}) ||
		!reflect.DeepEqual(e.ParamsByName(), map[string]string{"0": "1", "ccy": "EUR"}) {
		t.Errorf("New = %+v, by name %v", e, e.ParamsByName())
	}
	for name, want := range map[string]string{"0": "1", "ccy": "EUR"} {
		if got, ok := e.Param(name); !ok || got != want {
			t.Errorf("Param(%q) = %q, %v", name, got, ok)
		}
	}
	for _, name := range []string{"", "x", "1"} {
		if got, ok := e.Param(name); ok {
			t.Errorf("Param(%q) = %q", name, got)
		}
	}
	unnamed := New(CodeNamed, "Order 5.")
	if unnamed.Variant != 1 || len(unnamed.ParamsByName()) != 0 {
		t.Errorf("{} has a name: %+v", unnamed)
	}
	if _, ok := unnamed.Param(""); ok {
		t.Error("Param of no name")
	}
	for _, e := range []*Error{
		New(CodeTooManyRequests, "Too many; 1 per 2."), New(unknownCode, "x"), New(CodeNamed, "nope"),
		{Code: CodeNamed, Variant: 0}, {Code: CodeNamed, Variant: 7, Params: []string{"x"}},
	} {
		if byName := e.ParamsByName(); byName == nil || len(byName) != 0 {
			t.Errorf("ParamsByName of %+v = %v", e, byName)
		}
		if got, ok := e.Param("0"); ok {
			t.Errorf("Param of %+v = %q", e, got)
		}
	}
}

func TestKinds(t *testing.T) {
	if CodeWarn.Kind() != KindWarning || CodeOk.Kind() != KindSuccess || CodeBadSymbol.Kind() != KindError || unknownCode.Kind() != KindError {
		t.Error("Code.Kind")
	}
	if KindError.String() != "error" || KindWarning.String() != "warning" || KindSuccess.String() != "success" || Kind(7).String() != "Kind(7)" {
		t.Error("Kind.String")
	}
	if info, _ := Lookup(CodeOk); info.Kind != KindSuccess {
		t.Errorf("Lookup(CodeOk) = %+v", info)
	}
	// A success code is no error: FromPayload gives neither an *Error nor an error.
	if e, err := FromPayload([]byte(successPayload)); e != nil || err != nil {
		t.Errorf("FromPayload of a success code = %+v, %v", e, err)
	}
	var e Error
	if err := json.Unmarshal([]byte(successPayload), &e); err != nil || e.Kind != KindSuccess || e.Code != CodeOk || e.Variant != 0 {
		t.Errorf("json.Unmarshal of a success code = %+v, %v", e, err)
	}
	if New(CodeOk, "Done.").Kind != KindSuccess {
		t.Error("New of a success code")
	}
	// A literal variant is its text with %% made %.
	if Classify(CodeWarn, "100% careful.") != 1 || Classify(CodeWarn, "100%% careful.") != -1 {
		t.Error("a literal variant with %%")
	}
	warning := New(CodeWarn, "Careful.")
	if warning.Kind != KindWarning || warning.Category != 0 || !errors.Is(warning, ErrWarn) {
		t.Errorf("a warning = %+v", warning)
	}
}

func TestACodeWithoutMessagesNeverMatches(t *testing.T) {
	if variant, params, ok := Match(CodeBare, ""); ok || variant != -1 || params != nil {
		t.Error("Match")
	}
	if Messages(CodeBare) != nil || Classify(CodeBare, "x") != -1 {
		t.Error("Messages or Classify")
	}
	if info, ok := Lookup(CodeBare); !ok || info.Messages != nil || info.Category != 0 || info.Title != "BARE" {
		t.Errorf("Lookup = %+v, %v", info, ok)
	}
	if _, err := Format(CodeBare, 0); err == nil || err.Error() != "runtime: code BARE has no message variant 0" {
		t.Errorf("Format = %v", err)
	}
	if ErrBare.Message != "" || ErrBare.Variant != -1 || ErrBare.Category != 0 {
		t.Errorf("the sentinel = %+v", ErrBare)
	}
}

// Each sentinel is an element of sentinels, filled in from its entry when the package is
// initialised: the error New makes of its code and first message template, one distinct pointer
// per code, which errors.Is and errors.As find through wrapping.
func TestSentinelsAreWhatNewMakes(t *testing.T) {
	all := []*Error{ErrTooManyRequests, ErrBadSymbol, ErrLimit, ErrNamed, ErrWarn, ErrBare}
	codes := []Code{CodeTooManyRequests, CodeBadSymbol, CodeLimit, CodeNamed, CodeWarn, CodeBare}
	seen := map[*Error]bool{}
	for i, sentinel := range all {
		if sentinel.Code != codes[i] || seen[sentinel] {
			t.Errorf("sentinel %d is %+v", i, sentinel)
		}
		seen[sentinel] = true
		messages := Messages(sentinel.Code)
		message := ""
		if len(messages) > 0 {
			message = messages[0]
		}
		if made := New(sentinel.Code, message); !reflect.DeepEqual(made, sentinel) {
			t.Errorf("sentinel %+v, New %+v", sentinel, made)
		}
		wrapped := fmt.Errorf("wrapped: %w", New(codes[i], "whatever"))
		for j, other := range all {
			if errors.Is(wrapped, other) != (i == j) {
				t.Errorf("errors.Is(New(%v), sentinel of %v) = %v", codes[i], other.Code, i != j)
			}
		}
		var as *Error
		if !errors.As(fmt.Errorf("wrapped: %w", sentinel), &as) || as != sentinel {
			t.Errorf("errors.As of the sentinel of %v gives %p", codes[i], as)
		}
	}
	if len(sentinels) != len(entries) || sentinels[sOk].Code != CodeOk || sentinels[sOk].Kind != KindSuccess {
		t.Errorf("%d sentinels of %d entries, the success code's %+v", len(sentinels), len(entries), sentinels[sOk])
	}
}

func TestLookupsOnTheTable(t *testing.T) {
	if got := Codes(); !reflect.DeepEqual(got, []Code{CodeTooManyRequests, CodeBadSymbol, CodeLimit, CodeNamed, CodeWarn, CodeOk, CodeBare}) {
		t.Errorf("Codes() = %v, in catalog order", got)
	}
	info, ok := Lookup(CodeBadSymbol)
	if !ok || info.Name != "BAD_SYMBOL" || info.Title != "Bad symbol!" || info.Category != CategoryRequest || !info.Deprecated ||
		info.Description != "The symbol is *unknown*." || !reflect.DeepEqual(info.Messages, []string{"Invalid symbol."}) ||
		!reflect.DeepEqual(info.Aliases, []Alias{{Name: "BAD_TICKER", Title: "bad ticker"}}) || info.Kind != KindError {
		t.Errorf("Lookup(CodeBadSymbol) = %+v, %v", info, ok)
	}
	info.Messages[0] = "changed"
	info.Aliases[0].Name = "changed"
	if Messages(CodeBadSymbol)[0] != "Invalid symbol." {
		t.Error("Lookup shares its messages with the table")
	}
	if again, _ := Lookup(CodeBadSymbol); again.Aliases[0].Name != "BAD_TICKER" {
		t.Error("Lookup shares its aliases with the table")
	}
	if info, _ := Lookup(CodeTooManyRequests); info.Title != "TOO_MANY_REQUESTS" || info.Aliases != nil {
		t.Errorf("Lookup(CodeTooManyRequests) = %+v", info)
	}
	if _, ok := Lookup(unknownCode); ok || Messages(unknownCode) != nil {
		t.Error("an unknown code is known")
	}
	for _, name := range []string{"BAD_SYMBOL", "Bad symbol!", "BAD_TICKER", "bad ticker"} {
		if code, ok := LookupName(name); !ok || code != CodeBadSymbol {
			t.Errorf("LookupName(%q) = %v, %v", name, code, ok)
		}
	}
	if code, ok := LookupName("TOO_MANY_REQUESTS"); !ok || code != CodeTooManyRequests {
		t.Errorf("LookupName = %v, %v", code, ok)
	}
	// An identifier comes before an upstream name: OK is CodeLimit's upstream name too.
	if code, ok := LookupName("OK"); !ok || code != CodeOk {
		t.Errorf("LookupName(OK) = %v, %v", code, ok)
	}
	for _, name := range []string{"", "bad symbol!", "OLD", "Too many requests."} {
		if code, ok := LookupName(name); ok {
			t.Errorf("LookupName(%q) = %v", name, code)
		}
	}
	if CodeBadTicker != CodeBadSymbol || CodeBadTicker.String() != "BAD_SYMBOL" {
		t.Error("the alias constant")
	}
	if RetiredCodes[CodeOld] != "OLD" || len(RetiredCodes) != 1 {
		t.Errorf("RetiredCodes = %v", RetiredCodes)
	}
}

func TestCategories(t *testing.T) {
	if got := Categories(); !reflect.DeepEqual(got, []Category{CategoryGeneral, CategoryRequest, CategoryInner}) {
		t.Errorf("Categories() = %v", got)
	}
	if CategoryRequest.String() != "REQUEST" || CategoryRequest.Title() != "Request" || CategoryRequest.Error() != "REQUEST" {
		t.Error("the names of CategoryRequest")
	}
	if Category(0).String() != "Category(0)" || Category(4).Title() != "" || Category(4).Contains(CodeBadSymbol) || Category(0).Contains(outsideCode) {
		t.Error("a value that is no category")
	}
	// An unknown code: the narrowest range, the longest prefix, that holds it.
	for code, want := range map[Code]Category{unknownCode: CategoryGeneral, innerCode: CategoryInner, otherRangeCode: CategoryRequest, outsideCode: 0} {
		if got := code.Category(); got != want {
			t.Errorf("%v.Category() = %v, want %v", code, got, want)
		}
		if got := New(code, "x").Category; got != want {
			t.Errorf("New(%v).Category = %v, want %v", code, got, want)
		}
	}
	// A known code: its entry's, whether it lies in that category or in none.
	if CodeBadSymbol.Category() != CategoryRequest || CodeWarn.Category() != 0 || CodeLimit.Category() != CategoryInner {
		t.Error("Code.Category of a known code")
	}
	for _, c := range []struct {
		category Category
		code     Code
		want     bool
	}{
		{CategoryGeneral, innerCode, true}, {CategoryInner, innerCode, true}, {CategoryRequest, otherRangeCode, true},
		{CategoryGeneral, CodeWarn, true}, {CategoryInner, unknownCode, false}, {CategoryRequest, unknownCode, false},
		{CategoryGeneral, outsideCode, false},
	} {
		if c.category.Contains(c.code) != c.want {
			t.Errorf("%v.Contains(%v) != %v", c.category, c.code, c.want)
		}
	}
}

func TestMatchClassifyFormat(t *testing.T) {
	variant, params, ok := Match(CodeTooManyRequests, "Too many; 5 per SECOND.")
	if !ok || variant != 1 || !reflect.DeepEqual(params, []string{"5", "SECOND"}) {
		t.Errorf("Match = %d, %q, %v", variant, params, ok)
	}
	if variant, params, ok := Match(unknownCode, "x"); ok || variant != -1 || params != nil {
		t.Error("Match of an unknown code")
	}
	if Classify(CodeTooManyRequests, "Too many requests.") != 0 || Classify(CodeTooManyRequests, "nope") != -1 || Classify(unknownCode, "x") != -1 {
		t.Error("Classify")
	}
	if message, err := Format(CodeTooManyRequests, 1, "5", "SECOND"); err != nil || message != "Too many; 5 per SECOND." {
		t.Errorf("Format = %q, %v", message, err)
	}
	for _, failed := range []struct {
		code    Code
		variant int
		params  []string
		want    string
	}{
		{unknownCode, 0, nil, "runtime: unknown code " + unknownCode.raw()},
		{CodeTooManyRequests, 2, nil, "runtime: code TOO_MANY_REQUESTS has no message variant 2"},
		{CodeTooManyRequests, -1, nil, "runtime: code TOO_MANY_REQUESTS has no message variant -1"},
		{CodeTooManyRequests, 1, []string{"5"}, "runtime: message variant 1 of code TOO_MANY_REQUESTS takes 2 value(s), got 1"},
	} {
		if _, err := Format(failed.code, failed.variant, failed.params...); err == nil || err.Error() != failed.want {
			t.Errorf("Format(%v, %d, %q) failed with %v", failed.code, failed.variant, failed.params, err)
		}
	}
}

func TestErrorsIsAndAs(t *testing.T) {
	e := New(CodeTooManyRequests, "Too many; 1 per 2.")
	if e.Variant != 1 || !e.Retryable || e.HTTPStatus != 429 || e.Category != CategoryGeneral {
		t.Errorf("New = %+v", e)
	}
	var err error = e
	if !errors.Is(err, ErrTooManyRequests) || errors.Is(err, ErrBadSymbol) || !errors.Is(err, CategoryGeneral) || errors.Is(err, CategoryRequest) {
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
	e := New(CodeTooManyRequests, "Too many; \"1\" per 2.")
	data, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	var back Error
	e.Pointer = locations[0].code // where it was read from
	if err := json.Unmarshal(data, &back); err != nil || !reflect.DeepEqual(&back, e) {
		t.Errorf("round trip of %s = %+v, %v", data, back, err)
	}
	if err := json.Unmarshal([]byte(" null "), &back); err != nil || back.Code != CodeTooManyRequests {
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
		Classify(CodeTooManyRequests, "Too many; 5 per SECOND.")
	}
}
