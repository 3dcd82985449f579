// The runtime's own module, so that go vet and go test judge runtime.go as it is written: its
// tests declare a small catalog of each code type (catalog_int_test.go, and under the build tag
// stringcodes, catalog_string_test.go) where a generated package has errors.go. errgen copies
// runtime.go only.

module errgen.runtime

go 1.22
