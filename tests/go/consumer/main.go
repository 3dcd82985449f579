// A typed consumer of the generated module, built against it through a replace directive: what
// a user's code would write, checked by the compiler and run.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"

	errs "example.com/binance-options-errors"
)

func describe(err error) string {
	var e *errs.Error
	var payloadError *errs.PayloadError
	switch {
	case errors.Is(err, errs.ErrTooManyRequests):
		return "slow down"
	case errors.Is(err, errs.ErrBadSymbol):
		errors.As(err, &e)
		return fmt.Sprintf("bad symbol (%d %v)", int(e.Code), e.Code)
	case errors.Is(err, errs.CategoryRequest):
		return "request problem in " + errs.CategoryRequest.String() + ": " + errs.CategoryRequest.Title()
	case errors.As(err, &e):
		return fmt.Sprintf("%v %v retryable=%v status=%d variant=%d", e.Code, e.Category, e.Retryable, e.HTTPStatus, e.Variant)
	case errors.As(err, &payloadError):
		return "not an error payload"
	}
	return "?"
}

func main() {
	var out []string
	for _, payload := range []string{
		`{"code": -1008, "msg": "Too many requests queued."}`,
		`{"code": -1121, "msg": "Invalid symbol."}`,
		`{"code": -1199, "msg": "Something new."}`,
		`{"code": -1001, "msg": "Internal error; unable to process your request. Please try again."}`,
		`{"code": 12, "msg": "?"}`,
		`{"code": "-1121", "msg": "Invalid symbol."}`,
	} {
		e, err := errs.FromPayload([]byte(payload))
		if err == nil {
			err = fmt.Errorf("wrapped: %w", e)
		}
		out = append(out, describe(err))
	}
	message, err := errs.Format(errs.CodeTooManyOrders, 1, "100", "10 SECOND")
	if err != nil {
		panic(err)
	}
	variant, params, ok := errs.Match(errs.CodeTooManyOrders, message)
	out = append(out, message, fmt.Sprint(variant, params, ok))
	info, _ := errs.Lookup(errs.CodeBadSymbol)
	code, _ := errs.LookupName("BAD_SYMBOL")
	out = append(out, info.Name, fmt.Sprint(info.Category, code == errs.CodeBadSymbol, errs.Classify(code, "Invalid symbol.")))
	out = append(out, errs.Version, errs.CatalogName, errs.PayloadCodeField, errs.PayloadMessageField)
	var plain error = errs.New(errs.CodeBadSymbol, "Invalid symbol.")
	out = append(out, plain.Error())
	var kind errs.Kind = errs.CodeBadSymbol.Kind()
	byName := errs.New(errs.CodeTooManyOrders, message).ParamsByName()
	_, named := errs.New(errs.CodeTooManyOrders, message).Param("0")
	out = append(out, fmt.Sprintf("%v %v %d %v %s %v", kind, kind == errs.KindError, len(byName), named, info.Title, info.Kind))
	// A server's error, its payload, and every error of a payload; a drifted message says so.
	built, err := errs.Build(errs.CodeTooManyOrders, 1, "100", "10 SECOND")
	if err != nil {
		panic(err)
	}
	back, err := errs.FromPayload(built.ToPayload())
	every, everyErr := errs.EveryError(built.ToPayload())
	var matched errs.Matched = errs.New(errs.CodeBadSymbol, "Invalid symbol").Matched
	var mismatch errs.Mismatch = errs.New(errs.CodeBadSymbol, "Invalid symbol").Mismatch
	out = append(out, fmt.Sprintf("%d %v %s %s %v %d %v %s %s", back.Variant, back.Params, back.Matched, back.Pointer, err == nil, len(every), everyErr == nil, matched, mismatch))
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		panic(err)
	}
}
