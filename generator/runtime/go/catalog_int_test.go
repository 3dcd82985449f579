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

const (
	codeMember    = "\"code\""
	messageMember = "\"msg\""
)

const errorPrefix = "runtime: "

type Code int

const CodeBadSymbol Code = -1121
const CodeTooMany Code = -1003
const CodeOld Code = -1130

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
)

type categoryInfo struct {
	name  string
	title string
	low   Code
	high  Code
}

var categories = [...]categoryInfo{
	{name: "general", title: "General", low: -1099, high: -1000},
	{name: "request", title: "Request", low: -1199, high: -1100},
}

func (c Category) Contains(code Code) bool {
	info := c.info()
	return info != nil && info.low <= code && code <= info.high
}

var entries = [...]entry{
	{code: CodeTooMany, name: "TOO_MANY_REQUESTS", category: CategoryGeneral, messages: []string{"Too many requests.", "Too many; %s per %s."}, retryable: true, httpStatus: 429, parts: [][]string{{"Too many requests."}, {"Too many; ", " per ", "."}}},
	{code: CodeBadSymbol, name: "BAD_SYMBOL", category: CategoryRequest, messages: []string{"Invalid symbol."}, deprecated: true, description: "The symbol is *unknown*.", parts: [][]string{{"Invalid symbol."}}},
}

var RetiredCodes = retiredCodes([]retiredCode{
	{-1130, "OLD"},
})

var ErrBadSymbol = sentinel(CodeBadSymbol)
var ErrTooMany = sentinel(CodeTooMany)

// The cases of the shared tests for this code type.
var (
	unknownCode    Code = -1050 // in no entry, in CategoryGeneral
	outsideCode    Code = 7
	knownPayload        = `{"code": -1121, "msg": "Invalid symbol."}`
	unknownPayload      = `{"msg": "x", "code": -1050}`
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
