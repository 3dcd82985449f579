// The catalog-independent runtime of a generated Go package: errgen copies its
// generator/runtime/go/runtime.go into every package verbatim but the package
// clause. The catalog's data is in errors.go, which declares what this file uses
// and does not declare: the Code type and its raw method, the categoryInfo type,
// its Contains method and the categories table, the entries table, the payload's
// field names, errorPrefix, codeMember, messageMember, codeKind and codeOf.

package runtime

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// String returns the name the catalog gives a known code, and the code itself
// otherwise.
func (c Code) String() string {
	if known := find(c); known != nil {
		return known.name
	}
	return c.raw()
}

// Category returns the category whose declared codes include c, whether the
// catalog knows c or not; the zero Category outside every category.
func (c Code) Category() Category {
	for category := Category(1); int(category) <= len(categories); category++ {
		if category.Contains(c) {
			return category
		}
	}
	return 0
}

// Category is one of the categories of the catalog: each covers a declared set
// of codes, known or not. The zero Category stands for no category.
//
// A Category is an error, so that errors.Is(err, CategorySomeCategory) reports
// whether err is an [*Error] whose code lies in that category.
type Category int

// Categories returns every category of the catalog, in catalog order.
func Categories() []Category {
	all := make([]Category, len(categories))
	for i := range all {
		all[i] = Category(i + 1)
	}
	return all
}

func (c Category) info() *categoryInfo {
	if c < 1 || int(c) > len(categories) {
		return nil
	}
	return &categories[c-1]
}

// String returns the name the catalog gives the category.
func (c Category) String() string {
	if info := c.info(); info != nil {
		return info.name
	}
	return "Category(" + strconv.Itoa(int(c)) + ")"
}

// Title returns the title the catalog gives the category; "" for a value that
// is not a category of the catalog.
func (c Category) Title() string {
	if info := c.info(); info != nil {
		return info.title
	}
	return ""
}

// Error returns the name of the category: a Category is an error only so that
// errors.Is can match an [*Error] by its category.
func (c Category) Error() string {
	return c.String()
}

// Info is what the catalog says about one code.
type Info struct {
	Code     Code
	Name     string
	Category Category
	// Messages are the message templates, in catalog order; a variant is an
	// index into them.
	Messages []string
	// Retryable tells whether the failed request may be sent again as it is.
	Retryable bool
	// HTTPStatus is the HTTP status the API answers with, or 0 when the
	// catalog gives none.
	HTTPStatus int
	// Deprecated tells whether the catalog advises against relying on the code.
	Deprecated bool
	// Description is what the catalog says of the code beyond its messages, in
	// Markdown; "" when it says nothing.
	Description string
}

type entry struct {
	code        Code
	name        string
	category    Category
	messages    []string
	retryable   bool
	httpStatus  int
	deprecated  bool
	description string
	// parts are the literals around the placeholders of each message
	// template, %% already a %: one more than its placeholders.
	parts [][]string
}

// byCode holds every code with its entry, sorted by code, for find.
var byCode = sortedByCode()

type keyed struct {
	code  Code
	entry *entry
}

func sortedByCode() (sorted [len(entries)]keyed) {
	for i := range entries {
		sorted[i] = keyed{entries[i].code, &entries[i]}
	}
	slices.SortFunc(sorted[:], func(a, b keyed) int { return cmp.Compare(a.code, b.code) })
	return sorted
}

// find returns the entry of a known code, by binary search, and nil for a code
// the catalog does not know.
func find(c Code) *entry {
	low, high := 0, len(byCode)
	for low < high {
		middle := int(uint(low+high) >> 1)
		if byCode[middle].code < c {
			low = middle + 1
		} else {
			high = middle
		}
	}
	if low < len(byCode) && byCode[low].code == c {
		return byCode[low].entry
	}
	return nil
}

// fit reports whether message fits the template made of parts, and with values
// set, the values of its placeholders. Literal parts are exact and each
// placeholder is the shortest run of characters that lets the whole message
// match: after the prefix, each middle literal is taken at its leftmost
// occurrence that leaves room for the suffix (a later one would only leave less
// room for the parts after it), so one pass of substring searches decides, in
// time linear in the message.
func fit(parts []string, message string, values bool) ([]string, bool) {
	first, last := parts[0], parts[len(parts)-1]
	if len(parts) == 1 {
		return nil, message == first
	}
	end := len(message) - len(last) // where the last literal must start
	if end < len(first) || !strings.HasPrefix(message, first) || !strings.HasSuffix(message, last) {
		return nil, false
	}
	var found [8]string // the values, copied out only once the message fits
	params := found[:0]
	at := len(first)
	for _, part := range parts[1 : len(parts)-1] {
		i := strings.Index(message[at:end], part)
		if i < 0 {
			return nil, false
		}
		if values {
			params = append(params, message[at:at+i])
		}
		at += i + len(part)
	}
	if !values {
		return nil, true
	}
	return append(append(make([]string, 0, len(parts)-1), params...), message[at:end]), true
}

func (e *entry) match(message string, values bool) (int, []string) {
	for variant, parts := range e.parts {
		if params, ok := fit(parts, message, values); ok {
			return variant, params
		}
	}
	return -1, nil
}

// Codes returns every code the API may send, in catalog order.
func Codes() []Code {
	all := make([]Code, len(entries))
	for i := range entries {
		all[i] = entries[i].code
	}
	return all
}

// Lookup returns what the catalog says about a known code; false for a code it
// does not know.
func Lookup(code Code) (Info, bool) {
	e := find(code)
	if e == nil {
		return Info{}, false
	}
	return Info{
		Code:        e.code,
		Name:        e.name,
		Category:    e.category,
		Messages:    append([]string(nil), e.messages...),
		Retryable:   e.retryable,
		HTTPStatus:  e.httpStatus,
		Deprecated:  e.deprecated,
		Description: e.description,
	}, true
}

// LookupName returns the code the catalog gives this name; false when it has
// no such code.
func LookupName(name string) (Code, bool) {
	for i := range entries {
		if entries[i].name == name {
			return entries[i].code, true
		}
	}
	var none Code
	return none, false
}

// Messages returns the message templates of a known code, in catalog order; a
// variant is an index into them. It returns nil for a code the catalog does
// not know.
func Messages(code Code) []string {
	known := find(code)
	if known == nil {
		return nil
	}
	return append([]string(nil), known.messages...)
}

// Match returns the first template of code, in catalog order, that message
// fits, with the values of its placeholders (nil when it has none). Literal
// text must match exactly; each placeholder takes the shortest run of
// characters that lets the whole message match, found in time linear in the
// length of message. ok is false, and variant -1, when the message fits no
// template or the catalog does not know the code.
func Match(code Code, message string) (variant int, params []string, ok bool) {
	known := find(code)
	if known == nil {
		return -1, nil, false
	}
	variant, params = known.match(message, true)
	return variant, params, variant >= 0
}

// Classify returns the variant [Match] finds, without the values of its
// placeholders: -1 when the message fits no template or the catalog does not
// know the code.
func Classify(code Code, message string) int {
	known := find(code)
	if known == nil {
		return -1
	}
	variant, _ := known.match(message, false)
	return variant
}

// Format returns the message of a variant of code, with its placeholders filled
// in by params. It fails when the code or the variant is unknown, or when
// params has the wrong length.
func Format(code Code, variant int, params ...string) (string, error) {
	known := find(code)
	if known == nil {
		return "", errors.New(errorPrefix + "unknown code " + code.String())
	}
	if variant < 0 || variant >= len(known.parts) {
		return "", errors.New(errorPrefix + "code " + code.String() + " has no message variant " + strconv.Itoa(variant))
	}
	parts := known.parts[variant]
	if len(params) != len(parts)-1 {
		return "", errors.New(errorPrefix + "message variant " + strconv.Itoa(variant) + " of code " + code.String() +
			" takes " + strconv.Itoa(len(parts)-1) + " value(s), got " + strconv.Itoa(len(params)))
	}
	var message strings.Builder
	message.WriteString(parts[0])
	for j, param := range params {
		message.WriteString(param)
		message.WriteString(parts[j+1])
	}
	return message.String(), nil
}

type retiredCode struct {
	code Code
	name string
}

func retiredCodes(all []retiredCode) map[Code]string {
	codes := make(map[Code]string, len(all))
	for _, retired := range all {
		codes[retired.code] = retired.name
	}
	return codes
}

// Error is an error the API answered with. Every error of this package that
// stands for a response is an *Error, known code or not.
type Error struct {
	// Code is the code, as received.
	Code Code
	// Message is the message, as received.
	Message string
	// Category is the category of the code, known or not; the zero Category
	// outside every category.
	Category Category
	// Variant is the index of the message template the message matched, or -1.
	Variant int
	// Params are the values of the matched template's placeholders.
	Params []string
	// Retryable tells whether the failed request may be sent again as it is
	// (false for codes the catalog does not know).
	Retryable bool
	// HTTPStatus is the HTTP status the catalog gives for the code, or 0.
	HTTPStatus int
}

// New returns the error for a code and a message, with everything the catalog
// says about them filled in; a code the catalog does not know keeps its raw
// code and message, and gets the category its code lies in.
func New(code Code, message string) *Error {
	e := new(Error)
	e.fill(code, message)
	return e
}

func (e *Error) fill(code Code, message string) {
	*e = Error{Code: code, Message: message, Variant: -1}
	known := find(code)
	if known == nil {
		e.Category = code.Category()
		return
	}
	e.Category, e.Retryable, e.HTTPStatus = known.category, known.retryable, known.httpStatus
	e.Variant, e.Params = known.match(message, true)
}

// Error returns the code, its name when the catalog knows it, and the message.
func (e *Error) Error() string {
	code := e.Code.raw()
	if known := find(e.Code); known != nil {
		code += " " + known.name
	}
	return code + ": " + e.Message
}

// Is reports whether target is an *Error with the same code, such as the
// sentinel of e's code, or the category e's code lies in.
func (e *Error) Is(target error) bool {
	switch target := target.(type) {
	case *Error:
		return target != nil && e.Code == target.Code
	case Category:
		return target != 0 && e.Category == target
	}
	return false
}

func sentinel(code Code) *Error {
	return New(code, find(code).messages[0])
}

// MaxDepth is how deeply the JSON text of a payload may nest arrays and
// objects, the payload object itself being the first level: [FromPayload]
// refuses text nested deeper, as the catalog's runtimes in every language do.
const MaxDepth = 128

// PayloadError reports a value that is not an error payload of this API: not
// JSON, not an object, nested deeper than [MaxDepth], or a field that is
// missing or of the wrong type.
type PayloadError struct {
	// Reason says what is wrong with the payload.
	Reason string
	// Err is the error of the JSON decoder, if it gave one.
	Err error
}

// Error returns the reason.
func (e *PayloadError) Error() string {
	if e.Err != nil {
		return errorPrefix + "not an error payload: " + e.Reason + ": " + e.Err.Error()
	}
	return errorPrefix + "not an error payload: " + e.Reason
}

// Unwrap returns the error of the JSON decoder, if any.
func (e *PayloadError) Unwrap() error {
	return e.Err
}

// FromPayload returns the error an error payload stands for. data is the UTF-8
// JSON text of an object: its [PayloadCodeField] holds the code, a JSON integer
// or a JSON string as the type of [Code] is, and its [PayloadMessageField] the
// message, a JSON string. A code the catalog does not know keeps its raw code
// and message.
//
// The error is a [*PayloadError] when data is not such a payload, or nests
// deeper than [MaxDepth].
func FromPayload(data []byte) (*Error, error) {
	e := new(Error)
	if err := e.decode(data); err != nil {
		return nil, err
	}
	return e, nil
}

// MarshalJSON writes e as the error payload it stands for, the inverse of
// [Error.UnmarshalJSON]: an Error survives a round trip through encoding/json.
func (e Error) MarshalJSON() ([]byte, error) {
	code, err := json.Marshal(e.Code)
	if err != nil {
		return nil, err
	}
	message, err := json.Marshal(e.Message)
	if err != nil {
		return nil, err
	}
	return []byte("{" + codeMember + ":" + string(code) + "," + messageMember + ":" + string(message) + "}"), nil
}

// UnmarshalJSON reads an error payload into e as [FromPayload] does, so that
// a response that holds one can be decoded with encoding/json; JSON null
// leaves e as it is. Into an Error that does not escape, a known code whose
// message is one of its templates without placeholders is read without
// allocating.
func (e *Error) UnmarshalJSON(data []byte) error {
	if string(bytes.TrimSpace(data)) == "null" {
		return nil
	}
	return e.decode(data)
}

func (e *Error) decode(data []byte) error {
	if !utf8.Valid(data) {
		return &PayloadError{Reason: "payload is not valid UTF-8"}
	}
	if !json.Valid(data) {
		var value any
		return &PayloadError{Reason: "payload is not valid JSON", Err: json.Unmarshal(data, &value)}
	}
	rawCode, rawMessage, problem := members(data)
	switch {
	case problem != "":
		return &PayloadError{Reason: problem}
	case rawCode == nil:
		return &PayloadError{Reason: "payload has no " + strconv.Quote(PayloadCodeField) + " field"}
	case rawMessage == nil:
		return &PayloadError{Reason: "payload has no " + strconv.Quote(PayloadMessageField) + " field"}
	}
	code, ok := codeOf(rawCode)
	if !ok {
		return &PayloadError{Reason: "payload field " + strconv.Quote(PayloadCodeField) + " must be " + codeKind}
	}
	message, ok := text(rawMessage, code)
	if !ok {
		return &PayloadError{Reason: "payload field " + strconv.Quote(PayloadMessageField) + " must be a string"}
	}
	e.fill(code, message)
	return nil
}

// members returns the raw values of the last top-level members named
// [PayloadCodeField] and [PayloadMessageField] in data, valid JSON text (the
// last of duplicates wins, as in encoding/json), or what makes data no payload:
// not an object, or nested deeper than [MaxDepth].
func members(data []byte) (code, message []byte, problem string) {
	start := skipSpace(data, 0)
	if start == len(data) || data[start] != '{' {
		return nil, nil, "payload must be a JSON object"
	}
	depth, value := 0, -1 // value: where the current top-level member's value starts
	var key []byte
	end := func(at int) {
		if value >= 0 {
			raw := bytes.TrimRight(data[value:at], " \t\r\n")
			switch {
			case keyIs(key, PayloadCodeField):
				code = raw
			case keyIs(key, PayloadMessageField):
				message = raw
			}
			value = -1
		}
	}
	for i := start; i < len(data); i++ {
		switch data[i] {
		case '"':
			quote := i + 1
			for data[quote] != '"' {
				if data[quote] == '\\' {
					quote++
				}
				quote++
			}
			if depth == 1 && value < 0 {
				key = data[i : quote+1]
			}
			i = quote
		case ':':
			if depth == 1 {
				value = skipSpace(data, i+1)
			}
		case ',':
			if depth == 1 {
				end(i)
			}
		case '{', '[':
			depth++
			if depth > MaxDepth {
				return nil, nil, "payload nests deeper than 128 levels"
			}
		case '}', ']':
			depth--
			if depth == 0 {
				end(i)
			}
		}
	}
	return code, message, ""
}

func skipSpace(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n') {
		i++
	}
	return i
}

// keyIs reports whether a JSON string is name; only a key with escapes is
// decoded.
func keyIs(key []byte, name string) bool {
	if bytes.IndexByte(key, '\\') < 0 {
		return string(key[1:len(key)-1]) == name
	}
	var decoded string
	return json.Unmarshal(key, &decoded) == nil && decoded == name
}

// text reads a JSON string. One that is a template of code without
// placeholders is not copied: the template is the message.
func text(raw []byte, code Code) (string, bool) {
	if raw[0] != '"' {
		return "", false
	}
	body := raw[1 : len(raw)-1]
	if bytes.IndexByte(body, '\\') >= 0 {
		var decoded string // escapes, lone surrogates made U+FFFD as by every target
		return decoded, json.Unmarshal(raw, &decoded) == nil
	}
	if known := find(code); known != nil {
		for _, parts := range known.parts {
			if len(parts) == 1 && parts[0] == string(body) {
				return parts[0], true
			}
		}
	}
	return string(body), true
}

// quoted reads a JSON string, the code of a catalog whose codes are strings.
func quoted(raw []byte) (string, bool) {
	if raw[0] != '"' {
		return "", false
	}
	var decoded string
	if json.Unmarshal(raw, &decoded) != nil {
		return "", false
	}
	return decoded, true
}

// maxCode bounds the codes of every target alike: JavaScript holds integers
// exactly up to 2**53 - 1.
const maxCode = 1<<53 - 1

// integer reads a JSON number written as an integer (no fraction, no
// exponent) within ±maxCode that fits an int: the code of a catalog whose
// codes are integers.
func integer(raw []byte) (int, bool) {
	digits := bytes.TrimPrefix(raw, []byte("-"))
	if len(digits) == 0 || len(digits) > 16 {
		return 0, false
	}
	var code int64
	for _, digit := range digits {
		if digit < '0' || digit > '9' {
			return 0, false
		}
		code = code*10 + int64(digit-'0')
	}
	if len(digits) < len(raw) {
		code = -code
	}
	if code < -maxCode || code > maxCode || int64(int(code)) != code {
		return 0, false
	}
	return int(code), true
}
