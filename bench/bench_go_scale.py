"""The generated Go module at scale (the catalogs of tests/scale.py), each figure against its floor.

Rows, per catalog size:

- `go build` + `go vet` of the module: wall seconds, CPU seconds and the peak RSS of the largest
  process (the go command, its compiler, linker or vet), cold for the module's own package: a fresh GOCACHE
  that holds only the standard library (a trivial program importing what the runtime imports is
  built and vetted into it first, once, and copied for each run), best of --repeat runs. Floor:
  the same build and vet of a package that holds the same table (code, name, title, category,
  messages of every code) as one plain []struct composite literal of constants.
- binary overhead: the size of a small program that reads one payload with FromPayload and prints
  its code, minus the size of the same program without the package (it still links the standard
  packages the runtime uses: encoding/json, errors, strconv, strings...). Floor: the overhead of
  the plain table, linked into that same program instead.
- start-up: wall time of the program run as a fresh process (best of --runs), against the program
  without the package; and the package's own initialisation as GODEBUG=inittrace=1 reports it
  (against the plain table's package).
- classify: ns/op of FromPayload and Classify, a literal message and one with placeholders
  (go test -bench). Floor: a map lookup of the code and a plain == of the message.
- output: bytes of errors.go, of table.go and of the whole module (floor: the plain table's
  source file).

Go runs as the Makefile runs it: GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local.

    python bench/bench_go_scale.py [--json PATH] [--codes 47,1000,10000] [--repeat 3] [--runs 30]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from common import CACHE, generated, row, save, scale_spec, show

from generator.escaping import go_literal
from generator.validate import load_catalog

GO_ENV = {"GOFLAGS": "-mod=mod", "GOPROXY": "off", "GOTOOLCHAIN": "local"}
WORK = CACHE / "go-scale"

# The standard packages the generated runtime imports (and the examples': fmt), which every
# measured build finds compiled in its GOCACHE.
STD = ["bytes", "cmp", "encoding/json", "errors", "fmt", "os", "slices", "strconv", "strings", "sync", "unicode/utf8"]

# Runs each command of argv[1] (a JSON list of argument lists) in turn, in the current directory;
# prints its wall seconds, the peak RSS in bytes of the largest process it or the processes it
# waited for had (ru_maxrss of the children: a fresh interpreter, so none of the bench's own pages)
# and the CPU seconds they took (which, unlike the wall time, other work on the machine hardly sways).
_MEASURED = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
for command in json.loads(sys.argv[1]):
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(" ".join(command) + " failed:\\n" + done.stdout + done.stderr)
wall = time.perf_counter() - start
children = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps([wall, children.ru_maxrss * 1024, children.ru_utime + children.ru_stime]))
"""


def go_env(cache: Path) -> dict[str, str]:
    return {**os.environ, **GO_ENV, "GOCACHE": str(cache)}


def go(args: list[str], cwd: Path, cache: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        ["go", *args], cwd=cwd, env={**go_env(cache), **(env or {})}, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        sys.exit(f"go {' '.join(args)} in {cwd} failed:\n{done.stdout}{done.stderr}")
    return done.stdout + done.stderr


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_text() != text:
        path.write_text(text)
    return path


def module(path: Path, name: str, requires: dict[str, Path] | None = None) -> Path:
    lines = [f"module {name}", "", "go 1.22", ""]
    for required, where in (requires or {}).items():
        lines += [f"require {required} v0.0.0", f"replace {required} => {where}", ""]
    write(path / "go.mod", "\n".join(lines))
    return path


def stdlib_cache() -> Path:
    """A GOCACHE holding the standard packages the runtime uses, built and vetted once."""
    cache = WORK / "gocache-std"
    if (cache / ".warm").exists():
        return cache
    shutil.rmtree(cache, ignore_errors=True)
    warm = module(WORK / "warm", "warm")
    imports = "\n".join(f'\t"{p}"' for p in STD)
    uses = "\n".join(f"\tvar _ = {p.split('/')[-1]}.{use}" for p, use in _STD_USES.items())
    write(warm / "main.go", f"package main\n\nimport (\n{imports}\n)\n\n{uses}\n\nfunc main() {{}}\n")
    go(["build", "-o", os.devnull, "."], warm, cache)
    go(["vet", "."], warm, cache)
    (cache / ".warm").touch()
    return cache


_STD_USES = {
    "bytes": "TrimSpace",
    "cmp": "Compare[int]",
    "encoding/json": "Valid",
    "errors": "New",
    "fmt": "Println",
    "os": "Exit",
    "slices": "Sort[[]int]",
    "strconv": "Itoa",
    "strings": "Index",
    "sync": "OnceFunc",
    "unicode/utf8": "Valid",
}


def fresh_cache(name: str) -> Path:
    cache = WORK / "gocache-runs" / name
    shutil.rmtree(cache, ignore_errors=True)
    shutil.copytree(stdlib_cache(), cache)
    return cache


def build_and_vet(directory: Path, package: str, repeat: int) -> tuple[float, int, float]:
    """Best wall seconds (and that run's peak RSS, and its CPU seconds) of `go build` then `go vet`
    of a package, each run in a fresh copy of the standard library's GOCACHE."""
    commands = [["go", "build", package], ["go", "vet", package]]
    best: tuple[float, int, float] | None = None
    for _ in range(repeat):
        cache = fresh_cache(directory.name)
        done = subprocess.run(
            [sys.executable, "-c", _MEASURED, json.dumps(commands)],
            cwd=directory,
            env=go_env(cache),
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            sys.exit(done.stderr)
        wall, peak, cpu = json.loads(done.stdout)
        if best is None or wall < best[0]:
            best = (wall, peak, cpu)
        shutil.rmtree(cache)
    assert best is not None
    return best


def plain_table(catalog_path: Path) -> str:
    """The catalog as one plain []struct composite literal of constants: the build floor."""
    catalog = load_catalog(catalog_path.read_bytes())
    categories = {c.name: i for i, c in enumerate(catalog.categories, 1)}
    lines = [
        "// Package table holds a catalog as one plain table: the floor of the generated module.",
        "package table",
        "",
        "// Table is every code of the catalog.",
        "var Table = []struct {",
        "\tCode     int",
        "\tName     string",
        "\tTitle    string",
        "\tCategory int",
        "\tMessages []string",
        "}{",
    ]
    for e in catalog.active:
        messages = "[]string{" + ", ".join(go_literal(t.text) for t in e.messages) + "}" if e.messages else "nil"
        category = categories[e.category.name] if e.category is not None else 0
        title = go_literal(e.upstream_name or str(e.name))
        lines.append(f"\t{{{e.code}, {go_literal(str(e.name))}, {title}, {category}, {messages}}},")
    lines += ["}", ""]
    return "\n".join(lines)


# The small program: FromPayload of a payload, then its code printed.
PROGRAM = """package main

import (
	"fmt"
	"os"

	errs "scale-errors"
)

func main() {
	e, err := errs.FromPayload([]byte(os.Args[len(os.Args)-1]))
	if err != nil || e == nil {
		fmt.Println(err)
		os.Exit(1)
	}
	fmt.Println(e.Code)
}
"""

# The same program without the package, linking the standard packages the runtime uses; with
# %(table)s set, it looks the code up in the plain table instead (the floor of the overhead).
BARE = """package main

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
%(import)s)

var once sync.Once

func main() {
	data := bytes.TrimSpace([]byte(os.Args[len(os.Args)-1]))
	var payload struct {
		Code int    `json:"code"`
		Msg  string `json:"msg"`
	}
	if !utf8.Valid(data) || json.Unmarshal(data, &payload) != nil {
		fmt.Println(errors.New("not a payload"))
		os.Exit(1)
	}
	codes := []int{payload.Code}
	slices.SortFunc(codes, cmp.Compare[int])
	once.Do(func() { codes = append(codes, strings.Index(payload.Msg, " ")) })
%(lookup)s	fmt.Println(strconv.Itoa(codes[0]))
}
"""
TABLE_LOOKUP = """	for i := range table.Table {
		if table.Table[i].Code == payload.Code {
			codes[0] = i
		}
	}
"""


def program(catalog: Path, codes: int) -> dict[str, Path]:
    """Build the three programs; their paths by role."""
    out = generated(codes) / "go"
    use = module(WORK / f"use-{codes}", "use", {"scale-errors": out.resolve()})
    write(use / "main.go", PROGRAM)
    floor = module(WORK / f"floor-{codes}", "floor")
    write(floor / "table" / "table.go", plain_table(catalog))
    write(floor / "bare" / "main.go", BARE % {"import": "", "lookup": ""})
    write(floor / "tabled" / "main.go", BARE % {"import": '\n\t"floor/table"\n', "lookup": TABLE_LOOKUP})
    cache = WORK / "gocache-bin"
    if not cache.exists():
        shutil.copytree(stdlib_cache(), cache)
    binaries = {"package": WORK / "bin" / f"use-{codes}", "bare": WORK / "bin" / f"bare-{codes}"}
    binaries["tabled"] = WORK / "bin" / f"tabled-{codes}"
    go(["build", "-o", str(binaries["package"]), "."], use, cache)
    go(["build", "-o", str(binaries["bare"]), "./bare"], floor, cache)
    go(["build", "-o", str(binaries["tabled"]), "./tabled"], floor, cache)
    return binaries


def start_up(binaries: list[Path], payload: str, runs: int) -> list[float]:
    """Best wall seconds of each binary run as a fresh process, taking turns."""
    best = [float("inf")] * len(binaries)
    for _ in range(runs):
        for i, binary in enumerate(binaries):
            start = time.perf_counter()
            subprocess.run([str(binary), payload], check=True, stdout=subprocess.DEVNULL)
            best[i] = min(best[i], time.perf_counter() - start)
    return best


def init_trace(binary: Path, package: str, payload: str, runs: int) -> tuple[float, int]:
    """The least clock ms (and the bytes it allocated) of a package's initialisation, as
    GODEBUG=inittrace=1 reports it."""
    best = (float("inf"), 0)
    for _ in range(runs):
        done = subprocess.run(
            [str(binary), payload],
            env={**os.environ, "GODEBUG": "inittrace=1"},
            capture_output=True,
            text=True,
            check=True,
        )
        found = re.search(rf"^init {re.escape(package)} @\S+ ms, (\S+) ms clock, (\d+) bytes", done.stderr, re.M)
        clock, allocated = (float(found.group(1)), int(found.group(2))) if found else (0.0, 0)
        best = min(best, (clock, allocated))
    return best


BENCH = """package bench

import (
	"testing"

	errs "scale-errors"
)

var (
	sink    int
	sinkErr *errs.Error
	floor   = map[int]string{}
)

func init() {
	for i := 0; i < %(codes)d; i++ {
		floor[50000+i] = "Operation failed."
	}
	floor[%(literal_code)d] = %(literal)s
	floor[%(placeholder_code)d] = %(placeholder)s
}

func fromPayload(b *testing.B, payload []byte) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		e, err := errs.FromPayload(payload)
		if err != nil || e.Variant < 0 {
			b.Fatal(e, err)
		}
		sinkErr = e
	}
}

func classify(b *testing.B, code errs.Code, message string) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		sink += errs.Classify(code, message)
	}
}

func lookup(b *testing.B, code int, message string) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if floor[code] == message {
			sink++
		}
	}
}

func BenchmarkFromPayloadLiteral(b *testing.B)     { fromPayload(b, []byte(%(literal_payload)s)) }
func BenchmarkFromPayloadPlaceholder(b *testing.B) { fromPayload(b, []byte(%(placeholder_payload)s)) }
func BenchmarkClassifyLiteral(b *testing.B)        { classify(b, %(literal_code)d, %(literal)s) }
func BenchmarkClassifyPlaceholder(b *testing.B)    { classify(b, %(placeholder_code)d, %(placeholder)s) }
func BenchmarkFloorLiteral(b *testing.B)           { lookup(b, %(literal_code)d, %(literal)s) }
func BenchmarkFloorPlaceholder(b *testing.B)       { lookup(b, %(placeholder_code)d, %(placeholder)s) }
"""


def messages(codes: int) -> dict[str, Any]:
    """A literal message and one with placeholders, of codes near the end of the catalog (the
    scale catalog's shapes: index % 4 == 0 a literal, 1 a printf template)."""
    literal = (codes - 1) // 4 * 4
    placeholder = literal + 1 if literal + 1 < codes else literal - 3
    texts = {
        "literal": (50000 + literal, f"Operation {literal} failed."),
        "placeholder": (50000 + placeholder, f"Too many requests for {placeholder}; limit is 5 per SECOND."),
    }
    fields: dict[str, Any] = {"codes": codes}
    for name, (code, text) in texts.items():
        fields[f"{name}_code"] = code
        fields[name] = go_literal(text)
        fields[f"{name}_payload"] = go_literal(json.dumps({"code": code, "msg": text}))
    return fields


def classify(codes: int) -> dict[str, float]:
    out = generated(codes) / "go"
    bench = module(WORK / f"classify-{codes}", "classify", {"scale-errors": out.resolve()})
    write(bench / "bench_test.go", BENCH % messages(codes))
    cache = WORK / "gocache-bin"
    text = go(["test", "-run", "^$", "-bench", ".", "-count", "5", "-benchtime", "200ms"], bench, cache)
    best: dict[str, float] = {}
    for m in re.finditer(r"^Benchmark(\w+?)(?:-\d+)?\s+\d+\s+([\d.]+) ns/op", text, re.M):
        best[m.group(1)] = min(best.get(m.group(1), float("inf")), float(m.group(2)))
    return best  # the least of 5 runs: the least disturbed


def measure(codes: int, repeat: int, runs: int) -> list[dict[str, Any]]:
    catalog = scale_spec(codes)
    out = generated(codes) / "go"
    binaries = program(catalog, codes)  # also writes the floor module
    floor = WORK / f"floor-{codes}"
    rows = []

    wall, peak, cpu = build_and_vet(out, "./...", repeat)
    floor_wall, floor_peak, floor_cpu = build_and_vet(floor, "./table", repeat)
    what = "the same table as one plain []struct literal"
    rows.append(row("go", "build+vet wall", codes, wall, "s", floor_wall, what, "< 5 s at 10,000"))
    rows.append(row("go", "build+vet CPU (user+sys)", codes, cpu, "s", floor_cpu, what))
    rows.append(row("go", "build+vet peak RSS", codes, peak / 2**20, "MiB", floor_peak / 2**20, what, "< 1024 MiB"))

    sizes = {role: path.stat().st_size for role, path in binaries.items()}
    rows.append(
        row(
            "go",
            "binary overhead",
            codes,
            sizes["package"] - sizes["bare"],
            "B",
            sizes["tabled"] - sizes["bare"],
            "the plain table linked into the same program",
            "< 2 MB",
        )
    )
    payload = json.dumps({"code": 50000, "msg": "Operation 0 failed."})
    with_package, bare = start_up([binaries["package"], binaries["bare"]], payload, runs)
    rows.append(
        row(
            "go",
            "start-up (FromPayload, print)",
            codes,
            with_package * 1e3,
            "ms",
            bare * 1e3,
            "the program without the package",
        )
    )
    clock, allocated = init_trace(binaries["package"], "scale-errors", payload, runs)
    floor_clock, floor_allocated = init_trace(binaries["tabled"], "floor/table", payload, runs)
    rows.append(row("go", "package init clock", codes, clock, "ms", floor_clock, "the plain table's package"))
    rows.append(
        row("go", "package init allocated", codes, allocated, "B", floor_allocated, "the plain table's package")
    )

    ns = classify(codes)
    lookup = "a map lookup of the code and == of the message"
    for name, label in (("Literal", "literal"), ("Placeholder", "placeholders")):
        rows.append(
            row("go", f"FromPayload, {label}", codes, ns[f"FromPayload{name}"], "ns", ns[f"Floor{name}"], lookup)
        )
        rows.append(row("go", f"Classify, {label}", codes, ns[f"Classify{name}"], "ns", ns[f"Floor{name}"], lookup))

    table = (floor / "table" / "table.go").stat().st_size
    everything = sum(p.stat().st_size for p in out.iterdir() if p.is_file())
    for name, goal in (("errors.go", "<= 2.5 MB at 10,000"), ("table.go", None)):
        if (out / name).exists():
            size = (out / name).stat().st_size
            rows.append(row("go", f"output {name}", codes, size, "B", table, "the plain table's source", goal))
    rows.append(row("go", "output, the whole module", codes, everything, "B", table, "the plain table's source"))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", help="append the rows to this JSON list")
    parser.add_argument("--codes", default="47,1000,10000", help="catalog sizes, comma-separated")
    parser.add_argument("--repeat", type=int, default=3, help="build+vet runs, the best counting")
    parser.add_argument("--runs", type=int, default=30, help="start-up runs, the best counting")
    args = parser.parse_args()
    if shutil.which("go") is None:
        sys.exit("bench_go_scale.py needs go on PATH")
    rows: list[dict[str, Any]] = []
    for codes in (int(n) for n in args.codes.split(",")):
        rows += measure(codes, args.repeat, args.runs)
    show(rows)
    save(rows, args.json)


if __name__ == "__main__":
    main()
