// Payloads of other shapes than the test catalog's one top-level location (several locations,
// nested and batch ones, numeric strings), tolerant matching, and errors built by a server.

package runtime

import (
	"encoding/json"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
)

// withPayload reads payloads at these locations (by the fast path of one top-level location when
// top is set, which reads PayloadCodeField and PayloadMessageField), with or without numeric
// strings and with these tolerances, until the test ends.
func withPayload(t *testing.T, top, numeric bool, tolerate tolerance, at ...location) {
	t.Helper()
	savedLocations, savedTop, savedNumeric, savedTolerated := locations, topLevel, numericStrings, tolerated
	locations, topLevel, numericStrings, tolerated = at, top, numeric, tolerate
	t.Cleanup(func() {
		locations, topLevel, numericStrings, tolerated = savedLocations, savedTop, savedNumeric, savedTolerated
	})
}

// The locations of a payload as Binance's WebSocket API and OKX's batches nest errors.
var batchLocations = []location{
	{code: "/code", message: "/msg"},
	{code: "/error/code", message: "/error/msg"},
	{code: "/data/*/sCode", message: "/data/*/sMsg"},
}

func codeJSON(c Code) string {
	data, _ := json.Marshal(c)
	return string(data)
}

// fill writes the JSON of codes into a payload: BAD, OK and UNKNOWN.
func fill(payload string) string {
	return strings.NewReplacer("BAD", codeJSON(CodeBadSymbol), "OK", codeJSON(CodeOk), "UNKNOWN", codeJSON(unknownCode)).Replace(payload)
}

func TestEveryLocation(t *testing.T) {
	withPayload(t, false, false, 0, batchLocations...)
	for _, c := range []struct {
		payload  string
		pointers []string
		codes    []Code
	}{
		{`{"code": BAD, "msg": "Invalid symbol."}`, []string{"/code"}, []Code{CodeBadSymbol}},
		{`{"id": "1", "status": 400, "error": {"code": BAD, "msg": "Invalid symbol."}, "rateLimits": [{"a": 1}]}`,
			[]string{"/error/code"}, []Code{CodeBadSymbol}},
		{`{"code": OK, "msg": "", "data": [{"sCode": OK, "sMsg": ""}, {"sCode": BAD, "sMsg": "Invalid symbol."}, {"x": 1}, 7,
			{"sCode": UNKNOWN, "sMsg": "x"}]}`, []string{"/data/1/sCode", "/data/4/sCode"}, []Code{CodeBadSymbol, unknownCode}},
		{`{"code": OK, "msg": "Done.", "data": [{"sCode": OK, "sMsg": ""}]}`, nil, nil},
		{`{"data": [ ], "error": {"code": BAD, "msg": "x"}, "msg": "y", "code": UNKNOWN}`,
			[]string{"/code", "/error/code"}, []Code{unknownCode, CodeBadSymbol}},
		// A "*" of an object is a member of that name; the last of duplicate members counts.
		{`{"data": {"*": {"sCode": BAD, "sMsg": "Invalid symbol."}}}`, []string{"/data/*/sCode"}, []Code{CodeBadSymbol}},
		{`{"error": {"code": UNKNOWN, "msg": 1, "msg": "x", "code": BAD}}`, []string{"/error/code"}, []Code{CodeBadSymbol}},
		{`{"\u0065rror": {"c\u006fde": BAD, "msg": "x"}, "data": [{"sCode": BAD, "sMsg": "\u0078"}]}`,
			[]string{"/error/code", "/data/0/sCode"}, []Code{CodeBadSymbol, CodeBadSymbol}},
	} {
		data := []byte(fill(c.payload))
		all, err := EveryError(data)
		if err != nil || len(all) != len(c.codes) {
			t.Errorf("EveryError(%s) = %v, %v", data, all, err)
			continue
		}
		for i, e := range all {
			if e.Code != c.codes[i] || e.Pointer != c.pointers[i] || !reflect.DeepEqual(withPointer(New(e.Code, e.Message), e.Pointer), e) {
				t.Errorf("%s: error %d is %+v", data, i, e)
			}
		}
		first, err := FromPayload(data)
		var decoded Error
		if len(all) == 0 {
			if first != nil || err != nil || json.Unmarshal(data, &decoded) != nil || decoded.Kind != KindSuccess {
				t.Errorf("%s: a success gives %+v, %v; decoded %+v", data, first, err, decoded)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(first, all[0]) || json.Unmarshal(data, &decoded) != nil || !reflect.DeepEqual(&decoded, first) {
			t.Errorf("%s: FromPayload gives %+v, %v; decoded %+v", data, first, err, decoded)
		}
	}
}

func withPointer(e *Error, pointer string) *Error {
	e.Pointer = pointer
	return e
}

func TestPayloadErrorsAtLocations(t *testing.T) {
	withPayload(t, false, false, 0, batchLocations...)
	deep := strings.Repeat("[", MaxDepth) + strings.Repeat("]", MaxDepth)
	for payload, reason := range map[string]string{
		`{"x": 1, "error": {"msg": "x"}, "data": [{"sMsg": "x"}]}`:       "payload holds no code at /code, /error/code, /data/*/sCode",
		`{"data": [{"sCode": BAD}]}`:                                     "payload has a code at /data/0/sCode but no message at /data/0/sMsg",
		`{"error": {"code": BAD, "msg": 5}}`:                             "payload field /error/msg must be a string",
		`{"code": OK, "msg": "", "data": [{"sCode": 1.5, "sMsg": "x"}]}`: "payload field /data/0/sCode must be " + codeKind,
		`{"code": BAD, "msg": "x", "error": {"code": BAD}}`:              "payload has a code at /error/code but no message at /error/msg",
		`[{"code": BAD, "msg": "x"}]`:                                    "payload must be a JSON object",
		`{"code": BAD, "msg": "x", "y": ` + deep + `}`:                   "payload nests deeper than 128 levels",
		`{"code": BAD, "msg": "x", "y": "` + deep + `"}`:                 "",
		"\xff":                       "payload is not valid UTF-8",
		`{"code": BAD, "msg": "x"`:   "payload is not valid JSON",
		`{"code": BAD, "msg": NaN}`:  "payload is not valid JSON",
		` {"code": BAD, "msg": "x"}`: "",
	} {
		data := []byte(fill(payload))
		_, err := FromPayload(data)
		_, everyErr := EveryError(data)
		var problem *PayloadError
		if reason == "" {
			if err != nil || everyErr != nil {
				t.Errorf("%.60s: %v, %v", data, err, everyErr)
			}
			continue
		}
		if !errors.As(err, &problem) || problem.Reason != reason || !errors.As(everyErr, &problem) {
			t.Errorf("%.60s: %v; want %q", data, err, reason)
		}
	}
}

// One payload read by the fast path and by the general one, at the same single location, gives the
// same error, or a *PayloadError in both.
func TestBothPathsAgree(t *testing.T) {
	withPayload(t, true, false, 0, locations...)
	field, _ := json.Marshal(PayloadCodeField)
	for _, payload := range []string{
		knownPayload, unknownPayload, successPayload, badCodePayload, "[]", "{}", `{"msg": "x"}`,
		`{FIELD: BAD, "msg": "Too many; 1 per 2.", FIELD: BAD}`, `{"x": {FIELD: UNKNOWN}, FIELD: BAD, "msg": "x", "y": [1, {}]}`,
		`{FIELD: BAD}`, `{FIELD: BAD, "msg": null}`, `{FIELD: "BAD", "msg": "x"}`, `{FIELD: BAD, "m\u0073g": "\u0041\ud800"}`,
	} {
		data := []byte(fill(strings.ReplaceAll(payload, "FIELD", string(field))))
		topLevel = true
		fast, fastErr := FromPayload(data)
		topLevel = false
		general, generalErr := FromPayload(data)
		var a, b *PayloadError
		if (fastErr == nil) != (generalErr == nil) || fastErr != nil && (!errors.As(fastErr, &a) || !errors.As(generalErr, &b)) ||
			!reflect.DeepEqual(fast, general) {
			t.Errorf("%s: the fast path gives %+v, %v; the general one %+v, %v", data, fast, fastErr, general, generalErr)
		}
	}
}

func TestPointersWithEscapesAndIndexes(t *testing.T) {
	withPayload(t, false, false, 0, location{code: "/a~1b/0/c~0d", message: "/a~1b/0/m"})
	for payload, pointer := range map[string]string{
		`{"a/b": [{"c~d": BAD, "m": "Invalid symbol."}, {}]}`:  "/a~1b/0/c~0d",
		`{"a/b": {"0": {"c~d": BAD, "m": "Invalid symbol."}}}`: "/a~1b/0/c~0d",
		`{"a/b": [{"m": "x"}, {"c~d": BAD, "m": "x"}]}`:        "",
		`{"a/b": {"00": {"c~d": BAD, "m": "x"}}}`:              "",
		`{"a~1b": [{"c~d": BAD, "m": "x"}]}`:                   "",
	} {
		data := []byte(fill(payload))
		e, err := FromPayload(data)
		if pointer == "" {
			if e != nil || err == nil {
				t.Errorf("%s: %+v, %v", data, e, err)
			}
		} else if err != nil || e.Code != CodeBadSymbol || e.Pointer != pointer {
			t.Errorf("%s: %+v, %v", data, e, err)
		}
	}
	withPayload(t, false, false, 0, location{code: "/r/00/c", message: "/r/00/m"}, location{code: "/r/-1/c", message: "/r/-1/m"})
	if e, err := FromPayload([]byte(fill(`{"r": [{"c": BAD, "m": "x"}]}`))); e != nil || err == nil {
		t.Errorf("an index JSON does not write: %+v, %v", e, err)
	}
}

// Items of a batch are read in one pass each: a large batch reads as quickly as its size allows.
func TestALargeBatch(t *testing.T) {
	withPayload(t, false, false, 0, batchLocations...)
	items := strings.Repeat(fill(`{"sCode": BAD, "sMsg": "Invalid symbol.", "x": [1, {"y": "z"}]}, `), 20_000)
	all, err := EveryError([]byte(`{"data": [` + items + fill(`{"sCode": OK, "sMsg": ""}]}`)))
	if err != nil || len(all) != 20_000 || all[19_999].Pointer != "/data/19999/sCode" {
		t.Fatalf("%d errors, %v", len(all), err)
	}
}

func TestToPayload(t *testing.T) {
	e := New(CodeBadSymbol, "Invalid <symbol>.")
	for _, c := range []struct {
		at   location
		want string
	}{
		{locations[0], `{` + mustMarshal(PayloadCodeField) + `:BAD,"msg":"Invalid \u003csymbol\u003e."}`},
		{location{code: "/error/code", message: "/error/msg"}, `{"error":{"code":BAD,"msg":"Invalid \u003csymbol\u003e."}}`},
		{location{code: "/code", message: "/error/msg"}, `{"code":BAD,"error":{"msg":"Invalid \u003csymbol\u003e."}}`},
		{location{code: "/a/x/code", message: "/a/msg"}, `{"a":{"x":{"code":BAD},"msg":"Invalid \u003csymbol\u003e."}}`},
		{location{code: "/a~1b/c~0d", message: "/a~1b/m\""}, `{"a/b":{"c~d":BAD,"m\"":"Invalid \u003csymbol\u003e."}}`},
	} {
		withPayload(t, false, false, 0, c.at)
		data := e.ToPayload()
		marshalled, err := json.Marshal(e)
		if want := fill(c.want); string(data) != want || err != nil || string(marshalled) != want {
			t.Errorf("ToPayload at %v = %s, MarshalJSON %s, %v; want %s", c.at, data, marshalled, err, want)
		}
		back, err := FromPayload(data)
		if err != nil || back.Code != e.Code || back.Message != e.Message || back.Variant != e.Variant || back.Pointer != c.at.code {
			t.Errorf("%s reads back as %+v, %v", data, back, err)
		}
	}
}

// A server's error is written at the first location without a "*", whatever comes before it.
func TestToPayloadAfterABatch(t *testing.T) {
	withPayload(t, false, false, 0, batchLocations[2], batchLocations[1], batchLocations[0])
	e := New(CodeBadSymbol, "Invalid symbol.")
	if got, want := string(e.ToPayload()), fill(`{"error":{"code":BAD,"msg":"Invalid symbol."}}`); got != want {
		t.Errorf("ToPayload = %s, want %s", got, want)
	}
	back, err := FromPayload(e.ToPayload())
	if err != nil || back.Code != e.Code || back.Variant != 0 || back.Pointer != "/error/code" {
		t.Errorf("%s reads back as %+v, %v", e.ToPayload(), back, err)
	}
	// Read in the order of the locations: the batch's items first.
	all, err := EveryError([]byte(fill(`{"code": UNKNOWN, "msg": "x", "data": [{"sCode": BAD, "sMsg": "Invalid symbol."}]}`)))
	if err != nil || len(all) != 2 || all[0].Pointer != "/data/0/sCode" || all[1].Pointer != "/code" {
		t.Errorf("EveryError = %v, %v", all, err)
	}
}

func mustMarshal(value any) string {
	data, _ := json.Marshal(value)
	return string(data)
}

func TestNumericStrings(t *testing.T) {
	if codeKind == "a string" {
		t.Skip("numeric strings are read in catalogs of integer codes only")
	}
	for _, top := range []bool{true, false} {
		withPayload(t, top, true, 0, locations[0])
		bad, unknown := CodeBadSymbol, unknownCode
		wants := map[string]*Code{`"-1121"`: &bad, `"\u002d1121"`: &bad, `-1121`: &bad, `"-1050"`: &unknown}
		for _, refused := range []string{`"01121"`, `" -1121"`, `"-1121 "`, `"-1121.0"`, `"+1121"`, `""`, `"-"`, `"9007199254740992"`,
			`"1e3"`, `"١"`, `1.5`, `"0"`, `"-0"`} {
			wants[refused] = nil // "0" and "-0" are read, as the success code 0
		}
		for code, want := range wants {
			e, err := FromPayload([]byte(`{"code": ` + code + `, "msg": "Invalid symbol."}`))
			var problem *PayloadError
			switch {
			case code == `"0"` || code == `"-0"`:
				if e != nil || err != nil {
					t.Errorf("top level %v: %s read as %+v, %v", top, code, e, err)
				}
			case want == nil:
				if e != nil || !errors.As(err, &problem) {
					t.Errorf("top level %v: %s read as %+v, %v", top, code, e, err)
				}
			case err != nil || e.Code != *want:
				t.Errorf("top level %v: %s read as %+v, %v", top, code, e, err)
			}
		}
	}
}

func TestTolerances(t *testing.T) {
	all := tolerateWhitespace | toleratePunctuation | tolerateBackticks | tolerateDetail
	for _, c := range []struct {
		tolerate tolerance
		code     Code
		message  string
		variant  int
		params   []string
		matched  Matched
		detail   string
		mismatch Mismatch
	}{
		{0, CodeTooManyRequests, "Too many requests.", 0, nil, MatchedExact, "", ""},
		{0, CodeTooManyRequests, "Too many requests", -1, nil, MatchedNone, "", MismatchUnmatched},
		{all, CodeTooManyRequests, "Too many requests", 0, nil, MatchedTolerant, "", ""},
		{all, CodeTooManyRequests, " Too many requests. \n", 0, nil, MatchedTolerant, "", ""},
		{all, CodeTooManyRequests, "Too many requests 。", 0, nil, MatchedTolerant, "", ""},
		{all &^ tolerateDetail, CodeTooManyRequests, "Too many requests..", -1, nil, MatchedNone, "", MismatchUnmatched},
		{all, CodeTooManyRequests, "Too many requests..", 0, nil, MatchedTolerant, ".", ""},
		{tolerateWhitespace, CodeTooManyRequests, "Too many requests", -1, nil, MatchedNone, "", MismatchUnmatched},
		{toleratePunctuation, CodeTooManyRequests, "Too many requests. ", -1, nil, MatchedNone, "", MismatchUnmatched},
		{all, CodeTooManyRequests, "Too many; 5 per SECOND", 1, []string{"5", "SECOND"}, MatchedTolerant, "", ""},
		{all, CodeTooManyRequests, "Too many requests. (order 42)", 0, nil, MatchedTolerant, " (order 42)", ""},
		{tolerateDetail, CodeTooManyRequests, "Too many; 5 per 1. Retry", 1, []string{"5", "1"}, MatchedTolerant, " Retry", ""},
		{tolerateDetail, CodeTooManyRequests, "Too many; 5 per 1", -1, nil, MatchedNone, "", MismatchUnmatched},
		{all, CodeLimit, "Limit 7", 1, []string{"7"}, MatchedTolerant, "", ""},
		{all, CodeLimit, "Limit 5", 4, nil, MatchedTolerant, "", ""},
		{all, CodeTooManyRequests, "", -1, nil, MatchedNone, "", MismatchEmpty},
		{all, CodeBare, "", -1, nil, MatchedNone, "", MismatchUndocumented},
		{all, CodeBare, "x", -1, nil, MatchedNone, "", MismatchUndocumented},
		{all, unknownCode, "Too many requests", -1, nil, MatchedNone, "", MismatchUnknownCode},
	} {
		withPayload(t, true, false, c.tolerate, locations...)
		e := New(c.code, c.message)
		if e.Variant != c.variant || !reflect.DeepEqual(e.Params, c.params) || e.Matched != c.matched || e.Detail != c.detail ||
			e.Mismatch != c.mismatch {
			t.Errorf("tolerating %b, New(%v, %q) = %d %q %s %q %s", c.tolerate, c.code, c.message, e.Variant, e.Params, e.Matched, e.Detail, e.Mismatch)
		}
		if variant := Classify(c.code, c.message); (variant >= 0) != (c.matched == MatchedExact) {
			t.Errorf("tolerating %b, Classify(%v, %q) = %d: Match and Classify are exact", c.tolerate, c.code, c.message, variant)
		}
	}
}

func TestLoosened(t *testing.T) {
	all := tolerateWhitespace | toleratePunctuation | tolerateBackticks | tolerateDetail
	for _, c := range []struct {
		parts []string
		want  []string
	}{
		{[]string{" Weight `", "` is over. "}, []string{"Weight ", " is over"}},
		{[]string{"a`", "`", "`b。"}, []string{"a", "", "`b"}},
		{[]string{" x. \t"}, []string{"x"}},
		{[]string{"`", "`"}, []string{"", ""}},
	} {
		parts := append([]string(nil), c.parts...)
		if got := loosened(parts, all); !reflect.DeepEqual(got, c.want) || !reflect.DeepEqual(parts, c.parts) {
			t.Errorf("loosened(%q) = %q", c.parts, got)
		}
	}
}

// The model's own answers (generator.model.ErrorDef.match_loosely), when tests/test_go_runtime.py
// gives them in ERRGEN_LOOSE: for each code of templates (parts, types, match order), each
// tolerance set and each drifted message, the variant, params, how, detail and reason.
func TestLooseMatchingAgreesWithTheModel(t *testing.T) {
	path := os.Getenv("ERRGEN_LOOSE")
	if path == "" {
		t.Skip("ERRGEN_LOOSE names no table of the model's answers")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var table []struct {
		Messages string     `json:"messages"`
		Layout   []uint32   `json:"layout"`
		Parts    [][]string `json:"parts"`
		Order    []int      `json:"order"`
		Tolerate []string   `json:"tolerate"`
		Matches  []struct {
			Message  string   `json:"message"`
			Variant  int      `json:"variant"`
			Params   []string `json:"params"`
			How      Matched  `json:"how"`
			Detail   string   `json:"detail"`
			Mismatch Mismatch `json:"reason"`
		} `json:"matches"`
	}
	if err := json.Unmarshal(data, &table); err != nil || len(table) == 0 {
		t.Fatalf("%d rows: %v", len(table), err)
	}
	bits := map[string]tolerance{
		"whitespace": tolerateWhitespace, "punctuation": toleratePunctuation, "backticks": tolerateBackticks, "detail": tolerateDetail,
	}
	checked := 0
	for _, row := range table {
		e := entry{messages: row.Messages, layout: row.Layout, extra: &extra{order: row.Order, parts: row.Parts}}
		var tolerate tolerance
		for _, name := range row.Tolerate {
			tolerate |= bits[name]
		}
		withPayload(t, true, false, tolerate, locations...)
		for _, m := range row.Matches {
			variant, params, how, detail, mismatch := e.matchLoosely(m.Message)
			if variant != m.Variant || len(params) != len(m.Params) || len(params) > 0 && !reflect.DeepEqual(params, m.Params) ||
				how != m.How || detail != m.Detail || mismatch != m.Mismatch {
				t.Errorf("%q tolerating %v: %q gives %d %q %s %q %s; want %+v", row.Messages, row.Tolerate, m.Message, variant, params,
					how, detail, mismatch, m)
			}
			checked++
		}
	}
	t.Logf("%d messages", checked)
}

func TestBuild(t *testing.T) {
	withPayload(t, false, false, tolerateWhitespace|tolerateDetail, batchLocations...)
	e, err := Build(CodeTooManyRequests, 1, "5", "SECOND")
	if err != nil || e.Message != "Too many; 5 per SECOND." || e.Variant != 1 || !reflect.DeepEqual(e.Params, []string{"5", "SECOND"}) ||
		e.Matched != MatchedExact || e.Pointer != "" || !errors.Is(e, ErrTooManyRequests) {
		t.Fatalf("Build = %+v, %v", e, err)
	}
	back, err := FromPayload(e.ToPayload())
	if err != nil || back.Code != e.Code || back.Variant != e.Variant || !reflect.DeepEqual(back.Params, e.Params) || back.Pointer != "/code" {
		t.Errorf("%s reads back as %+v, %v", e.ToPayload(), back, err)
	}
	// The most specific template wins, as for a client: "5" makes variant 0 of LIMIT the literal one.
	if e, err := Build(CodeLimit, 0, "5"); err != nil || e.Variant != 4 || e.Message != "Limit 5." {
		t.Errorf("Build(LIMIT, 0, 5) = %+v, %v", e, err)
	}
	named, err := BuildNamed(CodeNamed, 0, map[string]string{"0": "1", "ccy": "EUR"})
	if err != nil || named.Message != "Order 1 of EUR and 1." || named.Variant != 0 || named.ParamsByName()["ccy"] != "EUR" {
		t.Errorf("BuildNamed = %+v, %v", named, err)
	}
	if e, err := BuildNamed(CodeTooManyRequests, 0, nil); err != nil || e.Variant != 0 {
		t.Errorf("BuildNamed of a literal template = %+v, %v", e, err)
	}
	for _, failed := range []struct {
		build func() (*Error, error)
		want  string
	}{
		{func() (*Error, error) { return Build(CodeOk, 0) }, "runtime: code OK is a success code, not an error"},
		{func() (*Error, error) { return Build(unknownCode, 0) }, "runtime: unknown code " + unknownCode.raw()},
		{func() (*Error, error) { return Build(CodeTooManyRequests, 2) }, "runtime: code TOO_MANY_REQUESTS has no message variant 2"},
		{func() (*Error, error) { return Build(CodeTooManyRequests, 1, "5") },
			"runtime: message variant 1 of code TOO_MANY_REQUESTS takes 2 value(s), got 1"},
		{func() (*Error, error) { return BuildNamed(CodeOk, 0, nil) }, "runtime: code OK is a success code, not an error"},
		{func() (*Error, error) { return BuildNamed(unknownCode, 0, nil) }, "runtime: unknown code " + unknownCode.raw()},
		{func() (*Error, error) { return BuildNamed(CodeNamed, 3, nil) }, "runtime: code NAMED has no message variant 3"},
		{func() (*Error, error) {
			return BuildNamed(CodeNamed, 0, map[string]string{"0": "1", "ccy": "x", "z": "", "": ""})
		},
			`runtime: message variant 0 of code NAMED takes no value named "", "z"`},
		{func() (*Error, error) { return BuildNamed(CodeNamed, 0, map[string]string{"0": "1"}) },
			`runtime: message variant 0 of code NAMED needs a value for "ccy"`},
		{func() (*Error, error) { return BuildNamed(CodeNamed, 1, map[string]string{}) },
			"runtime: message variant 1 of code NAMED has a placeholder without a name: give its values by position"},
		{func() (*Error, error) { return BuildNamed(CodeTooManyRequests, 1, map[string]string{"0": "1"}) },
			`runtime: message variant 1 of code TOO_MANY_REQUESTS takes no value named "0"`},
	} {
		if e, err := failed.build(); e != nil || err == nil || err.Error() != failed.want {
			t.Errorf("%+v, %v; want %q", e, err, failed.want)
		}
	}
}

func TestEveryErrorAtOneLocation(t *testing.T) {
	if all, err := EveryError([]byte(knownPayload)); err != nil || len(all) != 1 || all[0].Code != CodeBadSymbol || all[0].Pointer != locations[0].code {
		t.Errorf("EveryError = %v, %v", all, err)
	}
	if all, err := EveryError([]byte(successPayload)); err != nil || all != nil {
		t.Errorf("EveryError of a success = %v, %v", all, err)
	}
	if all, err := EveryError([]byte("[]")); err == nil || all != nil {
		t.Errorf("EveryError of no payload = %v, %v", all, err)
	}
}
