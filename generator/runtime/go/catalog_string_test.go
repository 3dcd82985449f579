//go:build stringcodes

// A small catalog whose codes are strings: what errors.go declares in a generated package.

package runtime

import (
	"errors"
	"strings"
	"testing"
)

const PayloadCodeField = "c\"ode"

const PayloadMessageField = "msg"

// Where payloads hold errors, and how they are read: variables here, constants
// (but locations) in a generated errors.go, so that the tests read payloads of
// other shapes too (see withPayload).
var (
	locations                = []location{{code: "/c\"ode", message: "/msg"}}
	topLevel                 = true
	numericStrings           = false
	tolerated      tolerance = 0
)

const errorPrefix = "runtime: "

type Code string

const CodeTooManyRequests Code = "08003"
const CodeBadSymbol Code = "22012"
const CodeBadTicker = CodeBadSymbol
const CodeLimit Code = "08100"
const CodeNamed Code = "08004"
const CodeWarn Code = "08050"
const CodeOk Code = "00000"
const CodeBare Code = "5"
const CodeOld Code = "22999" // not in the catalog: retired

func (c Code) raw() string {
	return string(c)
}

const codeKind = "a string"

func codeOf(raw []byte) (Code, bool) {
	code, ok := quoted(raw)
	return Code(code), ok
}

const (
	CategoryGeneral Category = 1
	CategoryRequest Category = 2
	CategoryInner   Category = 3
)

var categories = [...]categoryInfo{
	{name: "GENERAL", title: "General"},
	{name: "REQUEST", title: "Request"},
	{name: "INNER", title: "Inner"},
}

type categoryPrefix struct {
	prefix   string
	category Category
}

var categoryPrefixes = [...]categoryPrefix{
	{"081", CategoryInner},
	{"08", CategoryGeneral},
	{"22", CategoryRequest},
	{"2F", CategoryRequest},
}

func (c Category) Contains(code Code) bool {
	for _, p := range categoryPrefixes {
		if p.category == c && strings.HasPrefix(string(code), p.prefix) {
			return true
		}
	}
	return false
}

func categoryOf(code Code) Category {
	for _, p := range categoryPrefixes {
		if strings.HasPrefix(string(code), p.prefix) {
			return p.category
		}
	}
	return 0
}

var RetiredCodes = retiredCodes([]retiredCode{
	{"22999", "OLD"},
})

// The cases of the shared tests for this code type.
var (
	unknownCode    Code = "08777" // in no entry, in CategoryGeneral
	innerCode      Code = "08199" // in no entry, in CategoryInner, whose prefix starts with CategoryGeneral's
	otherRangeCode Code = "2F000" // in no entry, of the second prefix of CategoryRequest
	outsideCode    Code = "99000"
	knownPayload        = `{"c\"ode": "22012", "msg": "Invalid symbol."}`
	unknownPayload      = `{"msg": "x", "c\u0022ode": "08777"}`
	successPayload      = `{"c\"ode": "00000", "msg": "Done."}`
	badCodePayload      = `{"c\"ode": 22012, "msg": "x"}`
)

func TestStringCodes(t *testing.T) {
	for raw, want := range map[string]string{`"22012"`: "22012", `"a\u00e9"`: "aé", `""`: ""} {
		if got, ok := quoted([]byte(raw)); !ok || got != want {
			t.Errorf("quoted(%s) = %q, %v", raw, got, ok)
		}
	}
	for _, raw := range []string{"22012", "true", "null", "[\"1\"]"} {
		if _, ok := quoted([]byte(raw)); ok {
			t.Errorf("quoted(%s) accepted", raw)
		}
	}
	var payload *PayloadError
	if _, err := FromPayload([]byte(badCodePayload)); !errors.As(err, &payload) ||
		payload.Error() != `runtime: not an error payload: payload field "c\"ode" must be a string` {
		t.Errorf("an integer code: %v", err)
	}
	if got := unknownCode.String(); got != "08777" {
		t.Errorf("String() of an unknown code = %q", got)
	}
	if got := New(CodeBadSymbol, "x").Error(); got != "22012 BAD_SYMBOL: x" {
		t.Errorf("Error() = %q", got)
	}
	if code, ok := LookupName("NOPE"); ok || code != "" {
		t.Errorf("LookupName of no name = %q, %v", code, ok)
	}
	if data, err := New(CodeBadSymbol, "a<b").MarshalJSON(); err != nil || string(data) != `{"c\"ode":"22012","msg":"a\u003cb"}` {
		t.Errorf("MarshalJSON = %s, %v", data, err)
	}
}
