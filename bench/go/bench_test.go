// Benchmarks of the generated Go module (out/go): `make bench` runs them.
package bench

import (
	"testing"

	errs "example.com/binance-options-errors"
)

var (
	sink    int
	sinkErr *errs.Error
)

// A known code whose single template has no placeholder: no heap allocation.
func BenchmarkMatchSingleVariant(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		variant, _, _ := errs.Match(errs.CodeBadSymbol, "Invalid symbol.")
		sink += variant
	}
}

func BenchmarkClassifySingleVariant(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		sink += errs.Classify(errs.CodeBadSymbol, "Invalid symbol.")
	}
}

// -1015, second variant: two placeholders, found by substring search.
func BenchmarkMatchPlaceholders(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		variant, params, _ := errs.Match(errs.CodeTooManyOrders, "Too many new orders; current limit is 100 orders per 10 SECOND.")
		sink += variant + len(params)
	}
}

func BenchmarkClassifyPlaceholders(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		sink += errs.Classify(errs.CodeTooManyOrders, "Too many new orders; current limit is 100 orders per 10 SECOND.")
	}
}

func BenchmarkFromPayload(b *testing.B) {
	payload := []byte(`{"code": -1121, "msg": "Invalid symbol."}`)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		e, err := errs.FromPayload(payload)
		if err != nil {
			b.Fatal(err)
		}
		sinkErr = e
	}
}

func BenchmarkFromPayloadPlaceholders(b *testing.B) {
	payload := []byte(`{"code": -1015, "msg": "Too many new orders; current limit is 100 orders per 10 SECOND."}`)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		e, err := errs.FromPayload(payload)
		if err != nil {
			b.Fatal(err)
		}
		sinkErr = e
	}
}

// The whole payload path into an Error that stays on the stack: a known code
// with a single-variant message allocates nothing.
func BenchmarkUnmarshalJSONSingleVariant(b *testing.B) {
	payload := []byte(`{"code": -1121, "msg": "Invalid symbol."}`)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		var e errs.Error
		if err := e.UnmarshalJSON(payload); err != nil {
			b.Fatal(err)
		}
		sink += e.Variant
	}
}
