// The catalog-independent runtime of a generated Go package: errgen copies its
// generator/runtime/go/runtime.go into every package verbatim but the package
// clause. The catalog's data is in errors.go, which declares what this file uses
// and does not declare: the Code type and its raw method, codeKind and codeOf,
// the payload's field names, codeMember, messageMember and errorPrefix, the
// categories table, the category table of the codes (Category.Contains and
// categoryOf, the category of a code the catalog does not know) and the entries
// table. That data is plain tables: nothing is computed for it when the package
// is initialised, and the index of the codes is built on first use.

package runtime

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// Kind tells what a code stands for: an error (the zero Kind), a warning, or a
// success.
type Kind uint8

// The kinds of codes.
const (
	KindError Kind = iota
	KindWarning
	KindSuccess
)

// String returns the kind as the catalog writes it: error, warning or success.
func (k Kind) String() string {
	switch k {
	case KindError:
		return "error"
	case KindWarning:
		return "warning"
	case KindSuccess:
		return "success"
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// String returns the identifier the catalog gives a known code (such as
// BAD_SYMBOL; [Info] has its upstream name, Title), and the code itself
// otherwise.
func (c Code) String() string {
	if known := find(c); known != nil {
		return known.name
	}
	return c.raw()
}

// Kind returns the kind of a known code, and KindError for a code the catalog
// does not know.
func (c Code) Kind() Kind {
	if known := find(c); known != nil {
		return known.kind
	}
	return KindError
}

// Category returns the category of c. A known code has the one its entry names
// (the zero Category when it names none; its code need not lie in it). An
// unknown code has the category that declares it most narrowly: the narrowest
// range that holds it, or the longest prefix of it; the zero Category outside
// every category.
func (c Code) Category() Category {
	if known := find(c); known != nil {
		return known.category
	}
	return categoryOf(c)
}

// Category is one of the categories of the catalog: each declares codes, known
// or not, by ranges or prefixes. The zero Category stands for no category.
//
// A Category is an error, so that errors.Is(err, CategorySomeCategory) reports
// whether err is an [*Error] whose code has that category.
type Category int

// Categories returns every category of the catalog, in catalog order.
func Categories() []Category {
	all := make([]Category, len(categories))
	for i := range all {
		all[i] = Category(i + 1)
	}
	return all
}

type categoryInfo struct {
	name  string
	title string
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
	Code Code
	// Name is the code's identifier, as in its constant's name (BAD_SYMBOL for
	// CodeBadSymbol).
	Name string
	// Title is the code's name as the upstream writes it, verbatim, or Name
	// when the catalog gives none.
	Title string
	// Aliases are the code's further names, each with a constant of its own.
	Aliases []Alias
	// Kind is the code's kind: a success code has no sentinel, and
	// [FromPayload] gives no *Error for it.
	Kind Kind
	// Category is the category the code's entry names, or the zero Category.
	Category Category
	// Messages are the message templates, in catalog order; a variant is an
	// index into them. A code without any never matches a message.
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

// Alias is a further name of a code: its identifier, which names one more
// constant of the code, and the upstream's text it is made of.
type Alias struct {
	Name  string
	Title string
}

type entry struct {
	code        Code
	name        string
	title       string // the upstream name, when it has one other than name
	aliases     []Alias
	kind        Kind
	category    Category
	variants    []variant
	order       []int // the variants in match order; nil for catalog order
	retryable   bool
	httpStatus  int
	deprecated  bool
	description string
	// literals are the variants without placeholders sorted by their one
	// literal part, the first in match order of equal ones: filled in when the
	// index is built.
	literals []int
}

// variant is one message template of a code.
type variant struct {
	text string
	// parts are the literals around the placeholders, %% already a %: one
	// more than the placeholders.
	parts []string
	// types has the type of each placeholder, one letter each (s any text, d
	// an integer, f a number, b true or false); "" when every one is s.
	types string
	// names has the name of each placeholder, "" for one without; nil when
	// none has one (as in every printf template).
	names []string
}

func (e *entry) titled() string {
	if e.title != "" {
		return e.title
	}
	return e.name
}

// index is what finding a code and a literal message needs, built on first use
// rather than when the package is initialised: a program that never reads a
// code does not pay for it.
var index struct {
	once   sync.Once
	byCode []*entry // sorted by code
}

func indexed() {
	index.byCode = make([]*entry, len(entries))
	for i := range entries {
		e := &entries[i]
		index.byCode[i] = e
		for j := range e.variants {
			if variant := e.ordered(j); len(e.variants[variant].parts) == 1 {
				e.literals = append(e.literals, variant)
			}
		}
		text := func(variant int) string { return e.variants[variant].parts[0] }
		slices.SortStableFunc(e.literals, func(a, b int) int { return strings.Compare(text(a), text(b)) })
		e.literals = slices.CompactFunc(e.literals, func(a, b int) bool { return text(a) == text(b) })
	}
	slices.SortFunc(index.byCode, func(a, b *entry) int { return cmp.Compare(a.code, b.code) })
}

// find returns the entry of a known code, by binary search, and nil for a code
// the catalog does not know.
func find(c Code) *entry {
	index.once.Do(indexed)
	low, high := 0, len(index.byCode)
	for low < high {
		middle := int(uint(low+high) >> 1)
		if index.byCode[middle].code < c {
			low = middle + 1
		} else {
			high = middle
		}
	}
	if low < len(index.byCode) && index.byCode[low].code == c {
		return index.byCode[low]
	}
	return nil
}

// literal returns the variant without placeholders that is message (its one
// literal part, %% made %), by binary search; false when there is none.
func (e *entry) literal(message string) (int, bool) {
	low, high := 0, len(e.literals)
	for low < high {
		middle := int(uint(low+high) >> 1)
		if e.variants[e.literals[middle]].parts[0] < message {
			low = middle + 1
		} else {
			high = middle
		}
	}
	if low < len(e.literals) && e.variants[e.literals[low]].parts[0] == message {
		return e.literals[low], true
	}
	return -1, false
}

// ordered returns the variant tried i-th.
func (e *entry) ordered(i int) int {
	if e.order == nil {
		return i
	}
	return e.order[i]
}

// match returns the variant of e that message fits, by the catalog's reference
// rule: the most specific of those it fits (the most literal characters, then
// the most typed placeholders, then the fewest placeholders, then catalog
// order), and with values set the values of its placeholders. A variant
// without placeholders that is the message is the most specific of all, so it
// is looked up first (by binary search on their texts); the others are tried
// in the match order errors.go gives, the first that fits winning.
func (e *entry) match(message string, values bool) (int, []string) {
	if variant, ok := e.literal(message); ok {
		return variant, nil
	}
	for i := range e.variants {
		variant := e.ordered(i)
		if v := &e.variants[variant]; len(v.parts) > 1 {
			if params, ok := v.fit(message, values); ok {
				return variant, params
			}
		}
	}
	return -1, nil
}

// fit reports whether message fits the template, and with values set, the
// values of its placeholders. Literal parts are exact and each placeholder is
// the shortest run of characters that lets the whole message match: after the
// prefix, each middle literal is taken at its leftmost occurrence that leaves
// room for the suffix (a later one would only leave less room for the parts
// after it), so one pass of substring searches decides, in time linear in the
// message; then each value must fit the type of its placeholder, checked as it
// is found.
func (v *variant) fit(message string, values bool) ([]string, bool) {
	parts := v.parts
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
	for i, part := range parts[1 : len(parts)-1] {
		j := strings.Index(message[at:end], part)
		if j < 0 || !fits(v.typeOf(i), message[at:at+j]) {
			return nil, false
		}
		if values {
			params = append(params, message[at:at+j])
		}
		at += j + len(part)
	}
	if !fits(v.typeOf(len(parts)-2), message[at:end]) {
		return nil, false
	}
	if !values {
		return nil, true
	}
	return append(append(make([]string, 0, len(parts)-1), params...), message[at:end]), true
}

func (v *variant) typeOf(placeholder int) byte {
	if v.types == "" {
		return 's'
	}
	return v.types[placeholder]
}

// fits reports whether value may fill a placeholder of a type, in one pass
// over it: s any text, empty included; d (or i) an integer, -?[0-9]+; f a
// number, -?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?; b true or false.
func fits(kind byte, value string) bool {
	switch kind {
	case 's':
		return true
	case 'b':
		return value == "true" || value == "false"
	}
	at := 0
	if len(value) > 0 && value[0] == '-' {
		at = 1
	}
	at, ok := digits(value, at)
	if !ok {
		return false
	}
	if kind != 'f' {
		return at == len(value)
	}
	if at < len(value) && value[at] == '.' {
		if at, ok = digits(value, at+1); !ok {
			return false
		}
	}
	if at < len(value) && (value[at] == 'e' || value[at] == 'E') {
		at++
		if at < len(value) && (value[at] == '+' || value[at] == '-') {
			at++
		}
		if at, ok = digits(value, at); !ok {
			return false
		}
	}
	return at == len(value)
}

// digits returns the end of the run of ASCII digits of value from at, and
// whether there is one.
func digits(value string, at int) (int, bool) {
	start := at
	for at < len(value) && '0' <= value[at] && value[at] <= '9' {
		at++
	}
	return at, at > start
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
		Title:       e.titled(),
		Aliases:     append([]Alias(nil), e.aliases...),
		Kind:        e.kind,
		Category:    e.category,
		Messages:    e.messages(),
		Retryable:   e.retryable,
		HTTPStatus:  e.httpStatus,
		Deprecated:  e.deprecated,
		Description: e.description,
	}, true
}

func (e *entry) messages() []string {
	if len(e.variants) == 0 {
		return nil
	}
	texts := make([]string, len(e.variants))
	for i := range e.variants {
		texts[i] = e.variants[i].text
	}
	return texts
}

// LookupName returns the code the catalog gives a name: its identifier (such as
// BAD_SYMBOL), its upstream name verbatim, or one of its aliases, by identifier
// or by upstream text; false when it has no code of that name. Identifiers
// come first: a name that is one code's identifier and another's upstream name
// is the first one's; otherwise the first code in catalog order wins.
func LookupName(name string) (Code, bool) {
	for i := range entries {
		e := &entries[i]
		if e.name == name {
			return e.code, true
		}
		for _, alias := range e.aliases {
			if alias.Name == name {
				return e.code, true
			}
		}
	}
	for i := range entries {
		e := &entries[i]
		if e.title != "" && e.title == name {
			return e.code, true
		}
		for _, alias := range e.aliases {
			if alias.Title == name {
				return e.code, true
			}
		}
	}
	var none Code
	return none, false
}

// Messages returns the message templates of a known code, in catalog order; a
// variant is an index into them. It returns nil for a code the catalog does
// not know, or that has no message.
func Messages(code Code) []string {
	known := find(code)
	if known == nil {
		return nil
	}
	return known.messages()
}

// Match returns the template of code that message fits, with the values of its
// placeholders (nil when it has none). Literal text must match exactly; each
// placeholder takes the shortest run of characters that lets the whole message
// match, found in time linear in the length of message, and must then be of
// its type (%d an integer, %f a number, %b true or false). Of several
// templates that fit, the most specific wins: the one with the most literal
// characters, then the most typed placeholders, then the fewest placeholders,
// then the first in catalog order. The variant is the index of the template in
// catalog order. ok is false, and variant -1, when the message fits no
// template or the catalog does not know the code.
//
// [Error.Param] and [Error.ParamsByName] give the values of a braces template
// by the names of its placeholders.
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
// in by params, as they are (their types are not checked). It fails when the
// code or the variant is unknown, or when params has the wrong length.
func Format(code Code, variant int, params ...string) (string, error) {
	known := find(code)
	if known == nil {
		return "", errors.New(errorPrefix + "unknown code " + code.String())
	}
	if variant < 0 || variant >= len(known.variants) {
		return "", errors.New(errorPrefix + "code " + code.String() + " has no message variant " + strconv.Itoa(variant))
	}
	parts := known.variants[variant].parts
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
	// Kind is the kind of the code: KindError for a code the catalog does not
	// know. [FromPayload] gives no *Error for a success code.
	Kind Kind
	// Category is the category of the code (see [Code.Category]); the zero
	// Category when it has none.
	Category Category
	// Variant is the index, in catalog order, of the message template the
	// message matched (see [Match]), or -1.
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
// code and message, and gets the category that declares it (see
// [Code.Category]). A success code too gets an *Error here, its Kind telling.
func New(code Code, message string) *Error {
	e := new(Error)
	e.fill(code, message)
	return e
}

func (e *Error) fill(code Code, message string) {
	*e = Error{Code: code, Message: message, Variant: -1}
	known := find(code)
	if known == nil {
		e.Category = categoryOf(code)
		return
	}
	e.Kind, e.Category, e.Retryable, e.HTTPStatus = known.kind, known.category, known.retryable, known.httpStatus
	e.Variant, e.Params = known.match(message, true)
}

// Error returns the code, its identifier when the catalog knows it, and the
// message.
func (e *Error) Error() string {
	code := e.Code.raw()
	if known := find(e.Code); known != nil {
		code += " " + known.name
	}
	return code + ": " + e.Message
}

// Is reports whether target is an *Error with the same code, such as the
// sentinel of e's code, or the category of e's code.
func (e *Error) Is(target error) bool {
	switch target := target.(type) {
	case *Error:
		return target != nil && e.Code == target.Code
	case Category:
		return target != 0 && e.Category == target
	}
	return false
}

// Param returns the value of the first placeholder of that name in the matched
// template (braces templates name theirs: {0}, {ccy}); false when it has no
// placeholder of that name (a printf template names none).
func (e *Error) Param(name string) (string, bool) {
	for i, named := range e.names() {
		if named == name && named != "" {
			return e.Params[i], true
		}
	}
	return "", false
}

// ParamsByName returns the values of the matched template's named
// placeholders by name, the first placeholder of each name winning: never nil,
// and empty for a printf template.
func (e *Error) ParamsByName() map[string]string {
	byName := map[string]string{}
	for i, name := range e.names() {
		if _, taken := byName[name]; name != "" && !taken {
			byName[name] = e.Params[i]
		}
	}
	return byName
}

// names returns the names of the matched template's placeholders, for as many
// as there are values.
func (e *Error) names() []string {
	known := find(e.Code)
	if known == nil || e.Variant < 0 || e.Variant >= len(known.variants) {
		return nil
	}
	names := known.variants[e.Variant].names
	return names[:min(len(names), len(e.Params))]
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
// deeper than [MaxDepth]. A payload of a success code stands for no error:
// FromPayload returns nil and a nil error for it, so a nil error tells that
// data was read and a nil *Error that its code is a success. (Check for the nil
// *Error before using it as an error: an error holding a nil *Error is not
// nil.)
func FromPayload(data []byte) (*Error, error) {
	e := new(Error)
	if err := e.decode(data); err != nil {
		return nil, err
	}
	if e.Kind == KindSuccess {
		return nil, nil
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
// a response that holds one can be decoded with encoding/json (a success code
// too: e's Kind then tells); JSON null leaves e as it is. Into an Error that does not escape, a known code whose
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
		for i := range known.variants {
			if parts := known.variants[i].parts; len(parts) == 1 && parts[0] == string(body) {
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
