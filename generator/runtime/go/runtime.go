// The catalog-independent runtime of a generated Go package: errgen copies its
// generator/runtime/go/runtime.go into every package verbatim but the package
// clause. The catalog's data is in errors.go and table.go, which declare what
// this file uses and does not declare: the Code type and its raw method,
// codeKind and codeOf, the payload's field names, its locations, topLevel,
// numericStrings, tolerated and errorPrefix, the categories table, the category
// table of the codes (Category.Contains and categoryOf, the category of a code
// the catalog does not know), the sentinels (pointers into the sentinels array
// declared here) and, in table.go, the entries table and the index of each
// code in it. That data is plain tables of constants: when the package is
// initialised, one pass over the entries fills the sentinels in, and the index
// of the codes is built on first use, in one pass over them when they are in
// order of code (or in the reverse order).

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

// Matched tells how the message of an [*Error] matched the message template of
// its Variant.
type Matched string

// The ways a message matches a template.
const (
	// MatchedExact is a message that is the template filled in, as [Match]
	// finds it.
	MatchedExact Matched = "exact"
	// MatchedTolerant is a message that drifted from the template in a way the
	// catalog tolerates: whitespace at either end, a final period missing or
	// added, backticks around a value dropped, or text after the documented
	// message (then in [Error.Detail]).
	MatchedTolerant Matched = "tolerant"
	// MatchedNone is a message that matched no template: [Error.Mismatch]
	// tells why, and Variant is -1.
	MatchedNone Matched = "none"
)

// Mismatch tells why the message of an [*Error] matched no template; it is ""
// when one matched.
type Mismatch string

// The reasons a message matches no template.
const (
	// MismatchEmpty is an empty message.
	MismatchEmpty Mismatch = "empty"
	// MismatchUndocumented is a message of a code the catalog gives no
	// message.
	MismatchUndocumented Mismatch = "undocumented"
	// MismatchUnmatched is a message that fits none of its code's templates,
	// even with the drifts the catalog tolerates.
	MismatchUnmatched Mismatch = "unmatched"
	// MismatchUnknownCode is a message of a code the catalog does not know.
	MismatchUnknownCode Mismatch = "unknown_code"
)

// tolerance is a set of the drifts of a message from its template that the
// catalog tolerates (tolerated, in errors.go).
type tolerance uint8

// The drifts a catalog may tolerate.
const (
	// tolerateWhitespace: ASCII whitespace (space, tab, CR, LF) at either end.
	tolerateWhitespace tolerance = 1 << iota
	// toleratePunctuation: one final period (. or 。) more or less.
	toleratePunctuation
	// tolerateBackticks: the backticks docs write around a placeholder.
	tolerateBackticks
	// tolerateDetail: text after the documented message.
	tolerateDetail
)

// location is one place a payload may hold an error: the JSON Pointers (RFC
// 6901) of its code and of its message, where a "*" token is every item of an
// array, at the same places in both.
type location struct {
	code, message string
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
		return known.more().kind
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

// entry is what the catalog says about one code: a line of the entries table
// in table.go, of strings and numbers where most codes have a value; the rest
// is in extra, for the few codes that have any.
type entry struct {
	code     Code
	name     string
	title    string // the upstream name, when it has one other than name
	category Category
	// messages are the templates of the code, verbatim, in catalog order, each
	// but the first after a "\n" (which no template holds); "" for a code
	// without any.
	messages string
	// layout is where each template ends in messages, each end followed by
	// where each of the template's placeholders starts and ends (its holes),
	// as byte offsets; nil for a code of one template without placeholders
	// (or none). A hole is %s, %d, %i, %f or %b in a printf template and
	// {name} in a braces one, which gives the placeholder's type (i is d;
	// every braces placeholder is s) and name; the text between the holes is
	// the literal parts.
	layout []uint32
	extra  *extra
}

// extra is what only some codes have: an entry without any has a nil extra.
type extra struct {
	aliases     []Alias
	kind        Kind
	order       []int // the variants in match order; nil for catalog order
	retryable   bool
	httpStatus  int
	deprecated  bool
	description string
	// parts are the literal parts of each template whose literal parts are not
	// the text around its holes (a printf template's %% is a literal %), by
	// variant; nil for every other template.
	parts [][]string
}

// none is the extra of an entry without one.
var none extra

func (e *entry) more() *extra {
	if e.extra != nil {
		return e.extra
	}
	return &none
}

func (e *entry) titled() string {
	if e.title != "" {
		return e.title
	}
	return e.name
}

// first returns the first template of e, "" when it has none.
func (e *entry) first() string {
	if e.layout == nil {
		return e.messages // one template without placeholders, or none
	}
	return e.messages[:e.layout[0]]
}

// count returns how many templates e has.
func (e *entry) count() int {
	if e.messages == "" {
		return 0
	}
	return strings.Count(e.messages, "\n") + 1
}

// variant is one template of an entry: its text (a slice of the entry's
// messages), where that starts in them, and the holes in it.
type variant struct {
	text  string
	at    uint32
	holes []uint32
}

// span is where one template of an entry is in its messages, and where its
// holes are in its layout: messages[start:end], layout[from:to].
type span struct {
	start, end, from, to uint32
}

// spans appends where each template of e is to room, in catalog order (so
// that room the caller gives them spares an allocation), from its layout.
func (e *entry) spans(room []span) []span {
	if e.layout == nil {
		if e.messages == "" {
			return room
		}
		return append(room, span{0, uint32(len(e.messages)), 0, 0})
	}
	for at, start := 0, uint32(0); at < len(e.layout); {
		var s span
		s, at = e.spanAt(at, start)
		room, start = append(room, s), s.end+1
	}
	return room
}

// spanAt returns where the template whose end is at layout[at] is, which
// starts at start, and where in the layout the next template's end is.
func (e *entry) spanAt(at int, start uint32) (span, int) {
	end := e.layout[at]
	from := at + 1
	for at = from; at < len(e.layout) && e.layout[at] < end; {
		at += 2 // a hole starts before the end
	}
	return span{start, end, uint32(from), uint32(at)}, at
}

// variant returns template i of e, which must be one.
func (e *entry) variant(i int) variant {
	var room [8]span
	at := e.spans(room[:0])[i]
	return variant{text: e.messages[at.start:at.end], at: at.start, holes: e.layout[at.from:at.to:at.to]}
}

// arity returns how many placeholders the template has.
func (v *variant) arity() int {
	return len(v.holes) / 2
}

// hole returns the text of placeholder i as the template writes it (%d,
// {ccy}).
func (v *variant) hole(i int) string {
	return v.text[v.holes[2*i]-v.at : v.holes[2*i+1]-v.at]
}

// name returns the name of placeholder i: a braces placeholder's ("" for {}),
// "" for a printf one.
func (v *variant) name(i int) string {
	if hole := v.hole(i); hole[0] == '{' {
		return hole[1 : len(hole)-1]
	}
	return ""
}

// form is a template as the matcher reads it: its literal parts (%% already
// a %), one more than its placeholders, and the type of each placeholder.
// Those of a template of the table are read in place, in text[start:end] at
// its holes, but for the parts its entry's extra gives; a form made by the
// matcher (a template loosened) gives its parts and types.
type form struct {
	text       string
	start, end uint32
	holes      []uint32
	parts      []string
	types      []byte
}

// count returns how many literal parts the template has.
func (f *form) count() int {
	if f.parts != nil {
		return len(f.parts)
	}
	return len(f.holes)/2 + 1
}

// part returns literal part i.
func (f *form) part(i int) string {
	if f.parts != nil {
		return f.parts[i]
	}
	from, to := f.start, f.end
	if i > 0 {
		from = f.holes[2*i-1]
	}
	if 2*i < len(f.holes) {
		to = f.holes[2*i]
	}
	return f.text[from:to]
}

// kind returns the type of placeholder i, one letter: s any text, d an
// integer, f a number, b true or false.
func (f *form) kind(i int) byte {
	if f.types != nil {
		return f.types[i]
	}
	return placeholderKind(f.text[f.holes[2*i]:f.holes[2*i+1]])
}

// given returns the template with its parts and types given, as a form the
// matcher makes of it.
func (f *form) given() form {
	parts, types := make([]string, f.count()), make([]byte, f.count()-1)
	for i := range parts {
		parts[i] = f.part(i)
	}
	for i := range types {
		types[i] = f.kind(i)
	}
	return form{parts: parts, types: types}
}

// index is what finding a code needs, built on first use rather than when the
// package is initialised: a program that never reads a code does not pay for
// it. The codes in order, and their entries: in a catalog whose entries are in
// order of code already (or in the reverse order), one pass puts them there.
var index struct {
	once    sync.Once
	codes   []Code   // sorted
	entries []*entry // the entry of each code
}

func indexed() {
	all := entries[:] // a slice: a catalog may have no entries at all
	index.codes = make([]Code, len(all))
	index.entries = make([]*entry, len(all))
	descending := len(all) > 1 && all[0].code > all[len(all)-1].code
	for i := range all {
		at := i
		if descending {
			at = len(all) - 1 - i
		}
		index.codes[at], index.entries[at] = all[i].code, &all[i]
	}
	if !slices.IsSorted(index.codes) {
		slices.SortFunc(index.entries, func(a, b *entry) int { return cmp.Compare(a.code, b.code) })
		for i, e := range index.entries {
			index.codes[i] = e.code
		}
	}
}

// find returns the entry of a known code, by binary search, and nil for a code
// the catalog does not know.
func find(c Code) *entry {
	index.once.Do(indexed)
	if at, found := slices.BinarySearch(index.codes, c); found {
		return index.entries[at]
	}
	return nil
}

// ordered returns the variant tried i-th.
func (e *entry) ordered(i int) int {
	if e.extra == nil || e.extra.order == nil {
		return i
	}
	return e.extra.order[i]
}

// match returns the variant of e that message fits, by the catalog's reference
// rule: the most specific of those it fits (the most literal characters, then
// the most typed placeholders, then the fewest placeholders, then catalog
// order), and with values set the values of its placeholders. A variant
// without placeholders that is the message (its one literal part, %% made %)
// is the most specific of all, so it is looked for first, the first in match
// order of equal ones; the others are tried in the match order table.go gives,
// the first that fits winning.
func (e *entry) match(message string, values bool) (int, []string) {
	if e.layout == nil && (e.extra == nil || e.extra.parts == nil) {
		// One template, literal, its text its literal part (or none).
		if e.messages != "" && e.messages == message {
			return 0, nil
		}
		return -1, nil
	}
	if e.extra == nil {
		// Catalog order, and every literal part its template's text: the
		// templates are read from the layout as they are tried, literal
		// ones first.
		for i, at, start := 0, 0, uint32(0); at < len(e.layout); i++ {
			var s span
			s, at = e.spanAt(at, start)
			if start = s.end + 1; s.from == s.to && e.messages[s.start:s.end] == message {
				return i, nil
			}
		}
		for i, at, start := 0, 0, uint32(0); at < len(e.layout); i++ {
			var s span
			s, at = e.spanAt(at, start)
			if start = s.end + 1; s.from < s.to {
				f := e.formAt(s, i)
				if params, ok := f.fit(message, values); ok {
					return i, params
				}
			}
		}
		return -1, nil
	}
	var room [8]span // where the templates are, which does not escape
	spans := e.spans(room[:0])
	for i := range spans {
		if variant := e.ordered(i); spans[variant].from == spans[variant].to && e.literalAt(spans[variant], variant) == message {
			return variant, nil
		}
	}
	for i := range spans {
		if variant := e.ordered(i); spans[variant].from < spans[variant].to {
			f := e.formAt(spans[variant], variant)
			if params, ok := f.fit(message, values); ok {
				return variant, params
			}
		}
	}
	return -1, nil
}

// literalAt returns the one literal part of template i of e, at s, which has
// no placeholders.
func (e *entry) literalAt(s span, i int) string {
	if e.extra != nil && i < len(e.extra.parts) && e.extra.parts[i] != nil {
		return e.extra.parts[i][0]
	}
	return e.messages[s.start:s.end]
}

// formAt returns template i of e, at s, as the matcher reads it.
func (e *entry) formAt(s span, i int) form {
	f := form{text: e.messages, start: s.start, end: s.end, holes: e.layout[s.from:s.to:s.to]}
	if e.extra != nil && i < len(e.extra.parts) {
		f.parts = e.extra.parts[i]
	}
	return f
}

// placeholderKind returns the type of a placeholder as a template writes it
// (%d, {ccy}), one letter: s any text, d an integer, f a number, b true or
// false.
func placeholderKind(hole string) byte {
	if hole[0] != '%' {
		return 's'
	}
	if kind := hole[len(hole)-1]; kind != 'i' {
		return kind
	}
	return 'd'
}

// matchLoosely returns the variant of e that message matches, the values of its
// placeholders, how it matched, the detail after it and why none matched, by
// the reference rule (generator.model.ErrorDef.match_loosely): exactly first,
// as match does; then, for a message that is not empty, with the drifts the
// catalog tolerates but detail, the message and the templates normalized alike
// (see normalized and loosened), in match order, the same split and types
// deciding; then, with detail tolerated, a template (normalized without the
// final period) followed by more text, which is the detail. Every step is a
// pass of substring searches, in time linear in the message.
func (e *entry) matchLoosely(message string) (int, []string, Matched, string, Mismatch) {
	if exact, params := e.match(message, true); exact >= 0 {
		return exact, params, MatchedExact, "", ""
	}
	switch {
	case e.messages == "":
		return -1, nil, MatchedNone, "", MismatchUndocumented
	case message == "":
		return -1, nil, MatchedNone, "", MismatchEmpty
	}
	if tolerated == 0 {
		return -1, nil, MatchedNone, "", MismatchUnmatched
	}
	var room [8]span // where the templates are, which does not escape
	spans := e.spans(room[:0])
	if tolerated&^tolerateDetail != 0 {
		wanted := normalized(message, tolerated)
		for i := range spans {
			index := e.ordered(i)
			f := e.formAt(spans[index], index)
			f = f.given()
			loose := form{parts: loosened(f.parts, tolerated), types: f.types}
			if params, ok := loose.fit(wanted, true); ok {
				return index, params, MatchedTolerant, "", ""
			}
		}
	}
	if tolerated&tolerateDetail != 0 {
		for i := range spans {
			index := e.ordered(i)
			f := e.formAt(spans[index], index)
			f = f.given()
			// The detail is one more placeholder, of any text.
			loose := form{parts: append(loosened(f.parts, tolerated&^toleratePunctuation), ""), types: append(f.types, 's')}
			if params, ok := loose.fit(message, true); ok && params[len(params)-1] != "" {
				last := len(params) - 1
				var values []string // nil when none, as match gives them
				if last > 0 {
					values = params[:last:last]
				}
				return index, values, MatchedTolerant, params[last], ""
			}
		}
	}
	return -1, nil, MatchedNone, "", MismatchUnmatched
}

// asciiSpace is the whitespace the tolerances trim: ASCII only, alike in every
// runtime.
const asciiSpace = " \t\n\r"

// normalized returns a message as the tolerances compare it
// (generator.model.normalized): without ASCII whitespace at either end, and
// then one final period (. or 。), as each is tolerated.
func normalized(message string, tolerate tolerance) string {
	if tolerate&tolerateWhitespace != 0 {
		message = strings.TrimLeft(message, asciiSpace)
	}
	return trimmedEnd(message, tolerate)
}

func trimmedEnd(text string, tolerate tolerance) string {
	if tolerate&tolerateWhitespace != 0 {
		text = strings.TrimRight(text, asciiSpace)
	}
	if tolerate&toleratePunctuation != 0 {
		cut, ok := strings.CutSuffix(text, ".")
		if !ok {
			cut, ok = strings.CutSuffix(text, "。")
		}
		if ok {
			text = cut
			if tolerate&tolerateWhitespace != 0 {
				text = strings.TrimRight(text, asciiSpace)
			}
		}
	}
	return text
}

// loosened returns a copy of a template's literal parts as the tolerances
// compare them (generator.model.loose_parts): with backticks tolerated, without
// the backtick on either side of a placeholder (`%s`); its ends normalized as a
// message is.
func loosened(parts []string, tolerate tolerance) []string {
	out := append(make([]string, 0, len(parts)+1), parts...) // room for the detail's part
	if tolerate&tolerateBackticks != 0 {
		for i := 0; i+1 < len(out); i++ {
			if strings.HasSuffix(out[i], "`") && strings.HasPrefix(out[i+1], "`") {
				out[i], out[i+1] = out[i][:len(out[i])-1], out[i+1][1:]
			}
		}
	}
	if tolerate&tolerateWhitespace != 0 {
		out[0] = strings.TrimLeft(out[0], asciiSpace)
	}
	out[len(out)-1] = trimmedEnd(out[len(out)-1], tolerate)
	return out
}

// fit reports whether message fits the template, and with values set, the
// values of its placeholders. Literal parts are exact and each placeholder is
// the shortest run of characters that lets the whole message match: after the
// prefix, each middle literal is taken at its leftmost occurrence that leaves
// room for the suffix (a later one would only leave less room for the parts
// after it), so one pass of substring searches decides, in time linear in the
// message; then each value must fit the type of its placeholder, checked as it
// is found.
func (f *form) fit(message string, values bool) ([]string, bool) {
	count := f.count()
	first, last := f.part(0), f.part(count-1)
	if count == 1 {
		return nil, message == first
	}
	end := len(message) - len(last) // where the last literal must start
	if end < len(first) || !strings.HasPrefix(message, first) || !strings.HasSuffix(message, last) {
		return nil, false
	}
	var found [8]string // the values, copied out only once the message fits
	params := found[:0]
	at := len(first)
	for i := 1; i < count-1; i++ {
		part := f.part(i)
		j := strings.Index(message[at:end], part)
		if j < 0 || !fits(f.kind(i-1), message[at:at+j]) {
			return nil, false
		}
		if values {
			params = append(params, message[at:at+j])
		}
		at += j + len(part)
	}
	if !fits(f.kind(count-2), message[at:end]) {
		return nil, false
	}
	if !values {
		return nil, true
	}
	return append(append(make([]string, 0, count-1), params...), message[at:end]), true
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
	more := e.more()
	return Info{
		Code:        e.code,
		Name:        e.name,
		Title:       e.titled(),
		Aliases:     append([]Alias(nil), more.aliases...),
		Kind:        more.kind,
		Category:    e.category,
		Messages:    e.texts(),
		Retryable:   more.retryable,
		HTTPStatus:  more.httpStatus,
		Deprecated:  more.deprecated,
		Description: more.description,
	}, true
}

func (e *entry) texts() []string {
	if e.messages == "" {
		return nil
	}
	return strings.Split(e.messages, "\n")
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
		for _, alias := range e.more().aliases {
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
		for _, alias := range e.more().aliases {
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
	return known.texts()
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
	if variant < 0 || variant >= known.count() {
		return "", errors.New(errorPrefix + "code " + code.String() + " has no message variant " + strconv.Itoa(variant))
	}
	var room [8]span
	f := known.formAt(known.spans(room[:0])[variant], variant)
	parts := f.given().parts
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

// Build returns the error a server answers with: code, with the message of a
// variant of it filled in by params, in the order of its placeholders, as
// [Format] writes it, then read as [New] reads it (the most specific template
// the message fits wins, as for a client, so a value that fits a more specific
// template makes it that one). [Error.ToPayload] writes it as the payload the
// API sends, which [FromPayload] reads back as the same code, variant and
// params. It fails for a code the catalog does not know, a success code, a
// variant the code does not have, or the wrong number of params.
func Build(code Code, variant int, params ...string) (*Error, error) {
	if known := find(code); known != nil && known.more().kind == KindSuccess {
		return nil, errors.New(errorPrefix + "code " + code.String() + " is a success code, not an error")
	}
	message, err := Format(code, variant, params...)
	if err != nil {
		return nil, err
	}
	return New(code, message), nil
}

// BuildNamed is [Build] with the values of a braces template given by the
// names of its placeholders ({ccy}), one value for each name however often it
// appears in the template. It fails as Build does, and for a name the template
// does not have, a name it has but params does not, or a placeholder without a
// name ({}: give its values to Build, by position).
func BuildNamed(code Code, variant int, params map[string]string) (*Error, error) {
	known := find(code)
	if known == nil || variant < 0 || variant >= known.count() {
		return Build(code, variant) // fails as Build does
	}
	v := known.variant(variant)
	which := "message variant " + strconv.Itoa(variant) + " of code " + code.String()
	names := make([]string, v.arity())
	for i := range names {
		names[i] = v.name(i)
	}
	var unknown []string
	for name := range params {
		if name == "" || !slices.Contains(names, name) {
			unknown = append(unknown, strconv.Quote(name))
		}
	}
	if len(unknown) > 0 {
		slices.Sort(unknown)
		return nil, errors.New(errorPrefix + which + " takes no value named " + strings.Join(unknown, ", "))
	}
	values := make([]string, len(names))
	for i, name := range names {
		if name == "" {
			return nil, errors.New(errorPrefix + which + " has a placeholder without a name: give its values by position")
		}
		value, ok := params[name]
		if !ok {
			return nil, errors.New(errorPrefix + which + " needs a value for " + strconv.Quote(name))
		}
		values[i] = value
	}
	return Build(code, variant, values...)
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
	// message matched (see [Match]; Matched tells how), or -1.
	Variant int
	// Params are the values of the matched template's placeholders.
	Params []string
	// Matched tells how the message matched the template of Variant:
	// exactly, with a drift the catalog tolerates, or not at all.
	Matched Matched
	// Detail is the text after the documented message, when a tolerant match
	// left some; "" otherwise.
	Detail string
	// Mismatch tells why no template matched; "" when one did.
	Mismatch Mismatch
	// Pointer is the JSON Pointer of the code in the payload it was read from
	// (/data/1/sCode); "" for an error made by [New] or [Build].
	Pointer string
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
//
// The message is matched exactly first (see [Match]), then with the drifts the
// catalog tolerates, if any; Matched, Detail and Mismatch tell which.
func New(code Code, message string) *Error {
	e := new(Error)
	e.fill(code, message)
	return e
}

func (e *Error) fill(code Code, message string) {
	known := find(code)
	if known == nil {
		*e = Error{Code: code, Message: message, Variant: -1, Category: categoryOf(code)}
		e.Matched, e.Mismatch = MatchedNone, MismatchUnknownCode
		return
	}
	e.known(known, message)
}

// known sets e to the error of a known code, the entry known, and a message.
func (e *Error) known(known *entry, message string) {
	more := known.more()
	*e = Error{Code: known.code, Message: message, Kind: more.kind, Category: known.category}
	e.Retryable, e.HTTPStatus = more.retryable, more.httpStatus
	e.Variant, e.Params, e.Matched, e.Detail, e.Mismatch = known.matchLoosely(message)
}

// sentinels are the sentinel of each entry, in the order of entries: errors.go
// declares the sentinel of each code but the success codes as a pointer to
// its element, by the index table.go gives it. They are filled in from the
// entries when the package is initialised, in one pass (the compiler lays the
// array out as zeroed memory, and a sentinel is one constant address: no
// initialisation per code to order), each the error [New] makes of its code
// and its first template ("" for a code without any).
var sentinels [len(entries)]Error

func init() {
	for i := range entries {
		sentinels[i].known(&entries[i], entries[i].first())
	}
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
	v, count := e.variant()
	for i := 0; i < count; i++ {
		if named := v.name(i); named == name && named != "" {
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
	v, count := e.variant()
	for i := 0; i < count; i++ {
		if name := v.name(i); name != "" {
			if _, taken := byName[name]; !taken {
				byName[name] = e.Params[i]
			}
		}
	}
	return byName
}

// variant returns the matched template, and for how many of its placeholders
// there are values (none when no template of a known code matched).
func (e *Error) variant() (variant, int) {
	known := find(e.Code)
	if known == nil || e.Variant < 0 || e.Variant >= known.count() {
		return variant{}, 0
	}
	v := known.variant(e.Variant)
	return v, min(v.arity(), len(e.Params))
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

// FromPayload returns the error an error payload stands for: the first error
// it holds at the catalog's locations, tried in order. data is the UTF-8 JSON
// text of an object. At a location, the code is a JSON integer or a JSON string
// as the type of [Code] is (or, in a catalog that reads numeric strings, a
// JSON string holding an integer as JSON writes one: "-2015"), and the message
// a JSON string; a location with a "*" holds one code (and message) in each
// item of an array, read in order. A catalog of one top-level location, such
// as [PayloadCodeField] and [PayloadMessageField], is read straight from the
// text. A code the catalog does not know keeps its raw code and message; the
// message matches its template as [New] matches it, and Pointer tells where the
// code was.
//
// The error is a [*PayloadError] when data is not such a payload, nests
// deeper than [MaxDepth], holds no code at any location, or holds a code or
// message of the wrong type at one. A payload whose every code is a success
// stands for no error: FromPayload returns nil and a nil error for it, so a
// nil error tells that data was read and a nil *Error that it reports success.
// (Check for the nil *Error before using it as an error: an error holding a
// nil *Error is not nil.) [EveryError] returns every error of a payload.
func FromPayload(data []byte) (*Error, error) {
	if topLevel {
		e := new(Error)
		if err := e.decode(data); err != nil {
			return nil, err
		}
		if e.Kind == KindSuccess {
			return nil, nil
		}
		return e, nil
	}
	all, err := read(data)
	if err != nil {
		return nil, err
	}
	for _, hit := range all {
		if hit.code.Kind() != KindSuccess {
			return hit.error(), nil
		}
	}
	return nil, nil
}

// EveryError returns every error a payload holds, in the order of the
// catalog's locations and, at a location with a "*", of the array's items
// (an envelope's error, then each failed item of a batch), each with the JSON
// Pointer of its code in Pointer. Success codes are left out: a payload that
// reports only success gives none, and a nil error. It fails as [FromPayload]
// does.
func EveryError(data []byte) ([]*Error, error) {
	if topLevel {
		e, err := FromPayload(data)
		if e == nil {
			return nil, err
		}
		return []*Error{e}, nil
	}
	all, err := read(data)
	if err != nil {
		return nil, err
	}
	var errs []*Error
	for _, hit := range all {
		if hit.code.Kind() != KindSuccess {
			errs = append(errs, hit.error())
		}
	}
	return errs, nil
}

// ToPayload returns the error payload a server sends for e, as JSON text: its
// code and message at the first of the catalog's locations without a "*", in
// nested objects for a JSON Pointer such as /error/code. [FromPayload] reads
// it back as the same code, message, variant and params.
func (e *Error) ToPayload() []byte {
	code, _ := json.Marshal(e.Code) // an integer or a string: it cannot fail
	message, _ := json.Marshal(e.Message)
	at := written()
	return appendObject(nil, tokens(at.code), code, tokens(at.message), message)
}

// written returns where a server's error is written: the first location
// without a "*" (the catalog has one).
func written() *location {
	for i := range locations {
		if !slices.Contains(tokens(locations[i].code), "*") {
			return &locations[i]
		}
	}
	return &locations[0]
}

// appendObject appends the JSON object that holds value a at pointer tokens a
// and value b at b, their common first objects written once.
func appendObject(out []byte, a []string, valueA []byte, b []string, valueB []byte) []byte {
	out = append(out, '{')
	if len(a) > 1 && len(b) > 1 && a[0] == b[0] {
		out = appendObject(appendKey(out, a[0]), a[1:], valueA, b[1:], valueB)
	} else {
		out = appendNested(appendKey(out, a[0]), a[1:], valueA)
		out = appendNested(appendKey(append(out, ','), b[0]), b[1:], valueB)
	}
	return append(out, '}')
}

// appendNested appends value inside one object for each of tokens.
func appendNested(out []byte, tokens []string, value []byte) []byte {
	if len(tokens) == 0 {
		return append(out, value...)
	}
	return append(appendNested(appendKey(append(out, '{'), tokens[0]), tokens[1:], value), '}')
}

func appendKey(out []byte, key string) []byte {
	quoted, _ := json.Marshal(key)
	return append(append(out, quoted...), ':')
}

// MarshalJSON writes e as the error payload it stands for, as
// [Error.ToPayload] does, the inverse of [Error.UnmarshalJSON]: an Error
// survives a round trip through encoding/json (but for its Pointer, which is
// then that of the location it is written at).
func (e Error) MarshalJSON() ([]byte, error) {
	return e.ToPayload(), nil
}

// UnmarshalJSON reads an error payload into e as [FromPayload] does, so that a
// response that holds one can be decoded with encoding/json; of a payload that
// reports only success, it reads the first success code (e's Kind then tells).
// JSON null leaves e as it is. Into an Error that does not escape, with a
// catalog of one top-level location, a known code whose message is one of its
// templates without placeholders is read without allocating.
func (e *Error) UnmarshalJSON(data []byte) error {
	if string(bytes.TrimSpace(data)) == "null" {
		return nil
	}
	return e.decode(data)
}

func (e *Error) decode(data []byte) error {
	if !topLevel {
		all, err := read(data)
		if err != nil {
			return err
		}
		first := &all[0]
		for i := range all {
			if all[i].code.Kind() != KindSuccess {
				first = &all[i]
				break
			}
		}
		e.fill(first.code, first.message)
		e.Pointer = first.pointer
		return nil
	}
	if problem := valid(data); problem != nil {
		return problem
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
	code, ok := readCode(rawCode)
	if !ok {
		return &PayloadError{Reason: "payload field " + strconv.Quote(PayloadCodeField) + " must be " + codeKind}
	}
	message, ok := text(rawMessage, code)
	if !ok {
		return &PayloadError{Reason: "payload field " + strconv.Quote(PayloadMessageField) + " must be a string"}
	}
	e.fill(code, message)
	e.Pointer = locations[0].code
	return nil
}

// valid returns a *PayloadError when data is no UTF-8 JSON text.
func valid(data []byte) *PayloadError {
	if !utf8.Valid(data) {
		return &PayloadError{Reason: "payload is not valid UTF-8"}
	}
	if !json.Valid(data) {
		var value any
		return &PayloadError{Reason: "payload is not valid JSON", Err: json.Unmarshal(data, &value)}
	}
	return nil
}

// hit is a code a payload holds at one of the catalog's locations.
type hit struct {
	pointer string // the JSON Pointer of the code
	code    Code
	message string
}

func (h *hit) error() *Error {
	e := New(h.code, h.message)
	e.Pointer = h.pointer
	return e
}

// read returns every code data holds at the catalog's locations, in order, by
// the reference rule (generator.model.Payload.read): at each location, each
// value its code pointer reaches ("*" taking every item of an array, in
// order), with the message its message pointer reaches in the same items. The
// whole text is checked once (UTF-8, JSON, an object, MaxDepth), then each
// location is a walk over the values on its way, each token scanning the value
// it is in once, so the time is linear in the length of data.
func read(data []byte) ([]hit, error) {
	if problem := valid(data); problem != nil {
		return nil, problem
	}
	if problem := shape(data); problem != "" {
		return nil, &PayloadError{Reason: problem}
	}
	root := data[skipSpace(data, 0):]
	var all []hit
	for i := range locations {
		at := &locations[i]
		messageTokens := tokens(at.message)
		for _, value := range resolve(root, tokens(at.code), nil, root, 0, nil) {
			where := pointerText(value.path)
			// The message is read in the item the code is in, from where its
			// pointer took its last "*" (their tokens are the same up to there).
			base, from := value.item, value.depth
			if from > len(messageTokens) {
				base, from = root, 0
			}
			rest := make([]string, len(messageTokens)-from)
			for j, token := range messageTokens[from:] {
				if token == "*" && from+j < len(value.path) {
					token = value.path[from+j]
				}
				rest[j] = token
			}
			rawMessage, found := lookup(base, rest)
			if !found || rawMessage[0] != '"' {
				path := pointerText(append(value.path[:from:from], rest...))
				if !found {
					return nil, &PayloadError{Reason: "payload has a code at " + where + " but no message at " + path}
				}
				return nil, &PayloadError{Reason: "payload field " + path + " must be a string"}
			}
			code, ok := readCode(value.raw)
			if !ok {
				return nil, &PayloadError{Reason: "payload field " + where + " must be " + codeKind}
			}
			message, _ := text(rawMessage, code)
			all = append(all, hit{pointer: where, code: code, message: message})
		}
	}
	if len(all) == 0 {
		places := make([]string, len(locations))
		for i := range locations {
			places[i] = locations[i].code
		}
		return nil, &PayloadError{Reason: "payload holds no code at " + strings.Join(places, ", ")}
	}
	return all, nil
}

// reached is a value a pointer reaches: its path, each "*" made the index of
// the item it took, its raw JSON text, and the innermost item a "*" took (the
// payload itself when none did), after the first depth tokens of the path.
type reached struct {
	path  []string
	raw   []byte
	item  []byte
	depth int
}

// resolve appends every value pointer reaches from node (raw JSON text), whose
// path is path, to found: a "*" token takes every item of an array in order,
// and is a member named "*" of an object. item and depth are those of node.
func resolve(node []byte, pointer, path []string, item []byte, depth int, found []reached) []reached {
	for i, token := range pointer {
		if token == "*" && node[0] == '[' {
			index := 0
			each(node, func(_, value []byte) bool {
				inner := append(path[:len(path):len(path)], strconv.Itoa(index))
				found = resolve(value, pointer[i+1:], inner, value, len(inner), found)
				index++
				return true
			})
			return found
		}
		child, ok := child(node, token)
		if !ok {
			return found
		}
		node, path = child, append(path[:len(path):len(path)], token)
	}
	return append(found, reached{path: path, raw: node, item: item, depth: depth})
}

// lookup returns the value a pointer without "*" reaches from node.
func lookup(node []byte, pointer []string) ([]byte, bool) {
	for _, token := range pointer {
		var ok bool
		if node, ok = child(node, token); !ok {
			return nil, false
		}
	}
	return node, true
}

// child returns the member of an object named token (the last of duplicates,
// as encoding/json reads them), or the item of an array token is the index
// of, written as JSON writes an integer.
func child(node []byte, token string) ([]byte, bool) {
	var found []byte
	switch node[0] {
	case '{':
		each(node, func(key, value []byte) bool {
			if keyIs(key, token) {
				found = value
			}
			return true
		})
	case '[':
		if token == "" || token[0] == '-' || !canonical([]byte(token)) {
			return nil, false
		}
		index, err := strconv.Atoi(token)
		if err != nil {
			return nil, false
		}
		each(node, func(_, item []byte) bool {
			if index == 0 {
				found = item
			}
			index--
			return index >= 0
		})
	}
	return found, found != nil
}

// each calls visit with every member of the object node (its key as JSON
// text, and its value) or every item of the array node (a nil key), in order,
// until visit returns false. node is valid JSON text that starts with { or [.
func each(node []byte, visit func(key, value []byte) bool) {
	array := node[0] == '['
	depth, value := 0, -1 // value: where the current member's value or item starts
	var key []byte
	end := func(at int) bool {
		start := value
		value = -1
		if start >= 0 {
			if raw := bytes.TrimRight(node[start:at], " \t\r\n"); len(raw) > 0 {
				return visit(key, raw)
			}
		}
		return true
	}
	for i := 0; i < len(node); i++ {
		switch node[i] {
		case '"':
			quote := closing(node, i)
			if depth == 1 && !array && value < 0 {
				key = node[i : quote+1]
			}
			i = quote
		case ':':
			if depth == 1 && !array {
				value = skipSpace(node, i+1)
			}
		case ',':
			if depth == 1 {
				if !end(i) {
					return
				}
				if array {
					value = skipSpace(node, i+1)
				}
			}
		case '{', '[':
			depth++
			if depth == 1 && array {
				value = skipSpace(node, i+1)
			}
		case '}', ']':
			depth--
			if depth == 0 {
				end(i)
				return
			}
		}
	}
}

// closing returns the index of the quote that ends the JSON string whose
// opening quote is at i, in valid JSON text.
func closing(data []byte, i int) int {
	quote := i + 1
	for data[quote] != '"' {
		if data[quote] == '\\' {
			quote++
		}
		quote++
	}
	return quote
}

// shape returns what makes valid JSON text no payload: not an object, or
// nested deeper than [MaxDepth]; "" when it is neither.
func shape(data []byte) string {
	start := skipSpace(data, 0)
	if start == len(data) || data[start] != '{' {
		return "payload must be a JSON object"
	}
	depth := 0
	for i := start; i < len(data); i++ {
		switch data[i] {
		case '"':
			i = closing(data, i)
		case '{', '[':
			depth++
			if depth > MaxDepth {
				return "payload nests deeper than 128 levels"
			}
		case '}', ']':
			depth--
		}
	}
	return ""
}

// tokens returns the reference tokens of a JSON Pointer, ~1 made / and ~0 ~.
func tokens(pointer string) []string {
	split := strings.Split(pointer, "/")[1:]
	for i, token := range split {
		if strings.Contains(token, "~") {
			split[i] = strings.ReplaceAll(strings.ReplaceAll(token, "~1", "/"), "~0", "~")
		}
	}
	return split
}

// pointerText returns the JSON Pointer of reference tokens.
func pointerText(tokens []string) string {
	var text strings.Builder
	for _, token := range tokens {
		text.WriteByte('/')
		text.WriteString(strings.ReplaceAll(strings.ReplaceAll(token, "~", "~0"), "/", "~1"))
	}
	return text.String()
}

// readCode reads the code of a payload, raw JSON text: as codeOf does, and in
// a catalog that reads numeric strings, a JSON string that is an integer as
// JSON writes one, -?(0|[1-9][0-9]*), as that integer.
func readCode(raw []byte) (Code, bool) {
	if numericStrings && raw[0] == '"' {
		body := raw[1 : len(raw)-1]
		if bytes.IndexByte(body, '\\') >= 0 {
			var decoded string
			if json.Unmarshal(raw, &decoded) != nil {
				return codeOf(raw)
			}
			body = []byte(decoded)
		}
		if !canonical(body) {
			return codeOf(raw) // a string, which no integer code is
		}
		return codeOf(body)
	}
	return codeOf(raw)
}

// canonical reports whether text is an integer as JSON writes one:
// -?(0|[1-9][0-9]*).
func canonical(text []byte) bool {
	digits := bytes.TrimPrefix(text, []byte("-"))
	if len(digits) == 0 || digits[0] == '0' && len(digits) > 1 {
		return false
	}
	for _, digit := range digits {
		if digit < '0' || digit > '9' {
			return false
		}
	}
	return true
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
			quote := closing(data, i)
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
		var room [8]span
		spans := known.spans(room[:0])
		for i := range spans {
			if spans[i].from == spans[i].to && known.literalAt(spans[i], i) == string(body) {
				return known.literalAt(spans[i], i), true
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
