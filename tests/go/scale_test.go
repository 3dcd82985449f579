// Read at scale: tests/test_scale.py copies it into the Go module of its catalog of 10,000 codes
// (tests/scale.py), whose package is scale.
package scale

import "testing"

func TestAtScale(t *testing.T) {
	e, err := FromPayload([]byte(`{"code": 59997, "msg": "Too many requests for 9997; limit is 5 per SECOND."}`))
	if err != nil || e.Variant != 0 || len(e.Params) != 2 || e.Params[0] != "5" {
		t.Fatal(e, err)
	}
	if side, ok := New(59998, "Parameter side of 9998 error").Param("param0"); !ok || side != "side" {
		t.Fatal(side, ok)
	}
	if code, ok := LookupName("Scale error 9999"); !ok || code != CodeScaleError9999 || len(Codes()) != 10_000 {
		t.Fatal(code, ok, len(Codes()))
	}
	if New(CodeScaleError9999, "x").Category != CategoryGroup9 {
		t.Fatal(New(CodeScaleError9999, "x"))
	}
}
