// The entries of the small catalog of the runtime's tests, alike for both code types: they name
// their codes by the constants catalog_int_test.go or catalog_string_test.go declares.

package runtime

// Each entry is {code, name, title, category, messages, layout, extra}.
var entries = [...]entry{
	{CodeTooManyRequests, "TOO_MANY_REQUESTS", "", CategoryGeneral, "Too many requests.\nToo many; %s per %s.", []uint32{18, 39, 29, 31, 36, 38}, &extra{retryable: true, httpStatus: 429}},
	{CodeBadSymbol, "BAD_SYMBOL", "Bad symbol!", CategoryRequest, "Invalid symbol.", nil, &extra{aliases: []Alias{{"BAD_TICKER", "bad ticker"}}, deprecated: true, description: "The symbol is *unknown*."}},
	{CodeLimit, "LIMIT", "OK", CategoryInner, "Limit %s.\nLimit %d.\nLimit %f.\nLimit %b.\nLimit 5.\nLimit %d of %s %i", []uint32{9, 6, 8, 19, 16, 18, 29, 26, 28, 39, 36, 38, 48, 66, 55, 57, 61, 63, 64, 66}, &extra{order: []int{5, 4, 1, 2, 3, 0}}},
	{CodeNamed, "NAMED", "", CategoryGeneral, "Order {0} of {ccy} and {0}.\nOrder {}.", []uint32{27, 6, 9, 13, 18, 23, 26, 37, 34, 36}, nil},
	{CodeWarn, "WARN", "", 0, "Careful.\n100%% careful.", []uint32{8, 23}, &extra{kind: KindWarning, parts: [][]string{1: {"100% careful."}}}},
	{CodeOk, "OK", "", 0, "Done.", nil, &extra{kind: KindSuccess}},
	{CodeBare, "BARE", "", 0, "", nil, nil},
}

// The index of each code in entries.
const (
	_ = iota - 1
	sTooManyRequests
	sBadSymbol
	sLimit
	sNamed
	sWarn
	sOk
	sBare
)

var ErrTooManyRequests = &sentinels[sTooManyRequests]
var ErrBadSymbol = &sentinels[sBadSymbol]
var ErrLimit = &sentinels[sLimit]
var ErrNamed = &sentinels[sNamed]
var ErrWarn = &sentinels[sWarn]
var ErrBare = &sentinels[sBare]
