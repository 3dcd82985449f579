package bench

import (
	"strconv"
	"strings"
	"testing"

	errs "example.com/binance-options-errors"
)

// size is how long each hostile message is, at least.
const size = 1 << 20

// literals splits a message template at its %s placeholders (%% is a literal %).
func literals(template string) []string {
	var parts []string
	var literal strings.Builder
	for i := 0; i < len(template); i++ {
		if template[i] == '%' && i+1 < len(template) {
			i++
			if template[i] == 's' {
				parts = append(parts, literal.String())
				literal.Reset()
				continue
			}
		}
		literal.WriteByte(template[i])
	}
	return append(parts, literal.String())
}

type hostile struct {
	name    string
	code    errs.Code
	message string
}

// repeated is s repeated until the message, after prefix, is at least size long.
func repeated(prefix, s string) string {
	if s == "" {
		s = "x"
	}
	return prefix + strings.Repeat(s, (size-len(prefix))/len(s)+1)
}

// nearMiss is literal but its last byte, then a byte that literal does not
// hold: repeated, it starts a partial match of literal at every repetition and
// completes none.
func nearMiss(literal string) string {
	if literal == "" {
		return "x"
	}
	separator := "#"
	for _, candidate := range []string{"#", "~", "|", "\x00"} {
		if !strings.Contains(literal, candidate) {
			separator = candidate
			break
		}
	}
	return literal[:len(literal)-1] + separator
}

// hostiles are 1 MB messages for every variant of every code of the catalog.
// For a variant with placeholders: its prefix, then its first literal after
// the prefix (a middle literal, or the final one when it has one placeholder)
// repeated, without the final literal ("repeated") and with it
// ("repeated+final"); and for each middle literal, the literals before it,
// then a near miss of it repeated, then the final literal
// ("near-miss-middle-N"), which a search for that literal reads to the end. For a variant without placeholders: its text repeated ("near-miss").
func hostiles() []hostile {
	var all []hostile
	for _, code := range errs.Codes() {
		for variant, template := range errs.Messages(code) {
			parts := literals(template)
			name := code.String() + "/" + strconv.Itoa(variant)
			if len(parts) == 1 {
				all = append(all, hostile{name + "/near-miss", code, repeated("", parts[0])})
				continue
			}
			last := parts[len(parts)-1]
			body := repeated(parts[0], parts[1])
			all = append(all,
				hostile{name + "/repeated", code, body},
				hostile{name + "/repeated+final", code, body + last})
			for middle := 1; middle < len(parts)-1; middle++ {
				message := repeated(strings.Join(parts[:middle], ""), nearMiss(parts[middle])) + last
				all = append(all, hostile{name + "/near-miss-middle-" + strconv.Itoa(middle), code, message})
			}
		}
	}
	return all
}

func BenchmarkHostileMatch(b *testing.B) {
	for _, h := range hostiles() {
		b.Run(h.name, func(b *testing.B) {
			b.SetBytes(int64(len(h.message)))
			for i := 0; i < b.N; i++ {
				variant, params, _ := errs.Match(h.code, h.message)
				sink += variant + len(params)
			}
		})
	}
}

func BenchmarkHostileClassify(b *testing.B) {
	for _, h := range hostiles() {
		b.Run(h.name, func(b *testing.B) {
			b.SetBytes(int64(len(h.message)))
			for i := 0; i < b.N; i++ {
				sink += errs.Classify(h.code, h.message)
			}
		})
	}
}
