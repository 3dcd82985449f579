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

const (
	codeMember    = "\"c\\\"ode\""
	messageMember = "\"msg\""
)

const errorPrefix = "runtime: "

type Code string

const CodeBadSymbol Code = "22012"
const CodeTooMany Code = "08003"
const CodeOld Code = "22999"

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
)

type categoryInfo struct {
	name   string
	title  string
	prefix string
}

var categories = [...]categoryInfo{
	{name: "general", title: "General", prefix: "08"},
	{name: "request", title: "Request", prefix: "22"},
}

func (c Category) Contains(code Code) bool {
	info := c.info()
	return info != nil && strings.HasPrefix(string(code), info.prefix)
}

var entries = [...]entry{
	{code: CodeTooMany, name: "TOO_MANY_REQUESTS", category: CategoryGeneral, messages: []string{"Too many requests.", "Too many; %s per %s."}, retryable: true, httpStatus: 429, parts: [][]string{{"Too many requests."}, {"Too many; ", " per ", "."}}},
	{code: CodeBadSymbol, name: "BAD_SYMBOL", category: CategoryRequest, messages: []string{"Invalid symbol."}, deprecated: true, description: "The symbol is *unknown*.", parts: [][]string{{"Invalid symbol."}}},
}

var RetiredCodes = retiredCodes([]retiredCode{
	{"22999", "OLD"},
})

var ErrBadSymbol = sentinel(CodeBadSymbol)
var ErrTooMany = sentinel(CodeTooMany)

// The cases of the shared tests for this code type.
var (
	unknownCode    Code = "08777" // in no entry, in CategoryGeneral
	outsideCode    Code = "99000"
	knownPayload        = `{"c\"ode": "22012", "msg": "Invalid symbol."}`
	unknownPayload      = `{"msg": "x", "c\u0022ode": "08777"}`
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
