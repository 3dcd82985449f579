//go:build !stringcodes

// A small catalog whose codes are integers: what errors.go declares in a generated package.

package runtime

import (
	"errors"
	"strconv"
	"testing"
)

const PayloadCodeField = "code"

const PayloadMessageField = "msg"

// Where payloads hold errors, and how they are read: variables here, constants
// (but locations) in a generated errors.go, so that the tests read payloads of
// other shapes too (see withPayload).
var (
	locations                = []location{{code: "/code", message: "/msg"}}
	topLevel                 = true
	numericStrings           = false
	tolerated      tolerance = 0
)

const errorPrefix = "runtime: "

type Code int

const CodeTooManyRequests Code = -1003
const CodeBadSymbol Code = -1121
const CodeBadTicker = CodeBadSymbol
const CodeLimit Code = -1013
const CodeNamed Code = -1004
const CodeWarn Code = -1060
const CodeOk Code = 0
const CodeBare Code = 5
const CodeOld Code = -1130 // not in the catalog: retired

func (c Code) raw() string {
	return strconv.Itoa(int(c))
}

const codeKind = "an integer within ±(2**53 - 1)"

func codeOf(raw []byte) (Code, bool) {
	code, ok := integer(raw)
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

type categoryRange struct {
	low, high Code
	category  Category
}

var categoryRanges = [...]categoryRange{
	{-1019, -1010, CategoryInner},
	{-1099, -1000, CategoryGeneral},
	{-1199, -1100, CategoryRequest},
	{-6099, -6000, CategoryRequest},
}

func (c Category) Contains(code Code) bool {
	for _, r := range categoryRanges {
		if r.category == c && r.low <= code && code <= r.high {
			return true
		}
	}
	return false
}

func categoryOf(code Code) Category {
	for _, r := range categoryRanges {
		if r.low <= code && code <= r.high {
			return r.category
		}
	}
	return 0
}

var RetiredCodes = retiredCodes([]retiredCode{
	{-1130, "OLD"},
})

// The cases of the shared tests for this code type.
var (
	unknownCode    Code = -1050 // in no entry, in CategoryGeneral
	innerCode      Code = -1015 // in no entry, in CategoryInner, which lies in CategoryGeneral
	otherRangeCode Code = -6050 // in no entry, in the second range of CategoryRequest
	outsideCode    Code = 7
	knownPayload        = `{"code": -1121, "msg": "Invalid symbol."}`
	unknownPayload      = `{"msg": "x", "code": -1050}`
	successPayload      = `{"code": 0, "msg": "Done."}`
	badCodePayload      = `{"code": 1.5, "msg": "x"}`
)

func TestIntegerCodes(t *testing.T) {
	for raw, want := range map[string]int{"0": 0, "-1121": -1121, "9007199254740991": 1<<53 - 1, "-9007199254740991": -(1<<53 - 1)} {
		if got, ok := integer([]byte(raw)); !ok || got != want {
			t.Errorf("integer(%s) = %d, %v", raw, got, ok)
		}
	}
	for _, raw := range []string{"9007199254740992", "1.0", "1e3", "-", "\"1\"", "true", "12345678901234567"} {
		if _, ok := integer([]byte(raw)); ok {
			t.Errorf("integer(%s) accepted", raw)
		}
	}
	var payload *PayloadError
	if _, err := FromPayload([]byte(`{"code": "-1121", "msg": "x"}`)); !errors.As(err, &payload) ||
		payload.Error() != `runtime: not an error payload: payload field "code" must be an integer within ±(2**53 - 1)` {
		t.Errorf("a string code: %v", err)
	}
	if got := CodeBadSymbol.String(); got != "BAD_SYMBOL" {
		t.Errorf("String() = %q", got)
	}
	if got := unknownCode.String(); got != "-1050" {
		t.Errorf("String() of an unknown code = %q", got)
	}
	if got := New(CodeBadSymbol, "x").Error(); got != "-1121 BAD_SYMBOL: x" {
		t.Errorf("Error() = %q", got)
	}
	if code, ok := LookupName("NOPE"); ok || code != 0 {
		t.Errorf("LookupName of no name = %v, %v", code, ok)
	}
}
