// Lists the comments and raw string literals of Go source files, as the Go scanner sees them: a
// JSON object of each file's comments and raw strings, in order.
package main

import (
	"encoding/json"
	"go/scanner"
	"go/token"
	"os"
)

func main() {
	type listing struct {
		Comments []string `json:"comments"`
		Raw      []string `json:"raw"`
	}
	found := map[string]listing{}
	for _, path := range os.Args[1:] {
		src, err := os.ReadFile(path)
		if err != nil {
			panic(err)
		}
		var s scanner.Scanner
		fset := token.NewFileSet()
		problems := 0
		s.Init(fset.AddFile(path, -1, len(src)), src, func(token.Position, string) { problems++ }, scanner.ScanComments)
		comments, raw := []string{}, []string{}
		for {
			_, tok, lit := s.Scan()
			if tok == token.EOF {
				break
			}
			if tok == token.COMMENT {
				comments = append(comments, lit)
			}
			if tok == token.STRING && lit[0] == '`' {
				raw = append(raw, lit)
			}
		}
		if problems > 0 {
			panic(path + ": scanner errors")
		}
		found[path] = listing{comments, raw}
	}
	if err := json.NewEncoder(os.Stdout).Encode(found); err != nil {
		panic(err)
	}
}
