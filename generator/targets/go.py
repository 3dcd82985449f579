"""The Go target: one module, one package, the standard library only.

`go.mod`, two source files and the runnable examples, `example_test.go`. `errors.go` is rendered
from the catalog: its data (the code and category constants, the sentinels, the entry table with
the message templates split into their literal parts) and a few thin typed wrappers (the parts
that depend on the type of the codes). `runtime.go` is the hand-written runtime,
generator/runtime/go/runtime.go, copied verbatim but the package clause (Go has no way to share
one file between packages without a dependency): everything that does not depend on the catalog,
using the identifiers errors.go declares. The output is gofmt-exact as rendered (nothing here
runs gofmt: rendering stays pure): where gofmt aligns columns (the category constants), the
padding is computed here, by gofmt's rule that a comment line ends a run of aligned lines.

Adding or removing a code changes only lines about that code (and the header): every code is its
own declaration of its constant and its sentinel (gofmt aligns the lines of a block, so one long
name would re-pad them all), one line of the entry table, kept in catalog order, and, when
retired, one line of a slice literal; nothing in the output is a position in the catalog (the
package sorts the table by code when it is initialised). No function of the package names a code
constant, so the type checker's initialisation-order graph stays linear in the number of codes.

Comments in the output are never spec text: they are fixed wording, with at most a validated
identifier (the package name). Every value from the spec is written through the `go` filter as an
interpreted string literal, the message templates with their literal parts (as the model splits
them), which the matcher searches for; there are no regular expressions.

Fixed package-level identifiers never start with Code, Err or Category followed by an upper-case
letter: those prefixes belong to the spec's codes and categories (CodeBadSymbol, ErrBadSymbol,
CategoryRequest), so no spec name can collide with them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from ..escaping import go_literal, json_string
from ..model import Catalog, ErrorDef, Template
from ..resources import runtime_file
from ..templating import header, render_template
from .base import Problem, SimpleTarget, option, setting

# The fixed wording of a deprecated code's constant and sentinel (never the spec's reason).
DEPRECATED = "// Deprecated: The API still sends this code, but the catalog advises against relying on it."

# The hand-written runtime (generator/runtime/go/runtime.go), and the package clause it is written
# with: every module gets a copy, verbatim but that one line, which names the module's package.
RUNTIME = "runtime.go"
RUNTIME_CLAUSE = "package runtime"

# Go's int is at least 32 bits wide: codes outside this range would not build everywhere.
_INT32 = (-(2**31), 2**31 - 1)


def _aligned(rows: list[tuple[str | None, str, str]]) -> list[str]:
    """Lines `left right`, as gofmt aligns them: `right` starts one column after the widest `left`
    of its run, and a comment line (the first item of a row, when not None) starts a new run."""
    runs: list[list[tuple[str | None, str, str]]] = []
    for row in rows:
        if row[0] is not None or not runs:
            runs.append([])
        runs[-1].append(row)
    lines: list[str] = []
    for run in runs:
        width = max(len(left) for _, left, _ in run)
        for comment, left, right in run:
            if comment is not None:
                lines.append(comment)
            lines.append(f"{left:<{width}} {right}")
    return lines


def _code(value: int | str, owner: str) -> str:
    if isinstance(value, int) and not _INT32[0] <= value <= _INT32[1]:
        raise ValueError(f"{owner}: {value} does not fit Go's int on every platform (32 bits)")
    return go_literal(value)


def _entry(error: ErrorDef) -> str:
    parts = ", ".join("{" + ", ".join(go_literal(p) for p in t.parts) + "}" for t in error.messages)
    fields = [
        f"code: Code{error.name.pascal}",
        f"name: {go_literal(str(error.name))}",
        f"category: Category{error.category.name.pascal}",
        "messages: []string{" + ", ".join(go_literal(t.text) for t in error.messages) + "}",
    ]
    if error.retryable:
        fields.append("retryable: true")
    if error.http_status is not None:
        fields.append(f"httpStatus: {error.http_status:d}")
    if error.is_deprecated:
        fields.append("deprecated: true")
    if error.description is not None:
        fields.append(f"description: {go_literal(error.description)}")
    fields.append(f"parts: [][]string{{{parts}}}")
    return "{" + ", ".join(fields) + "}"


def go_header(catalog: Catalog) -> str:
    """The header of a .go file: go vet reports a comment above the package clause that holds
    "+build" anywhere but at its start as a malformed build constraint, and a semantic version's
    build metadata can hold it (1.0.0+build.5), so there it is written "+ build". The exact
    version is the package's Version constant."""
    return header(catalog).replace("+build", "+ build")


def runtime_source(catalog: Catalog) -> str:
    """The runtime as a module holds it: the header, a blank line, then the hand-written source
    verbatim but its package clause, which names the module's package."""
    lines = runtime_file("go", RUNTIME).split("\n")
    if lines.count(RUNTIME_CLAUSE) != 1:
        raise ValueError(f"generator/runtime/go/{RUNTIME} must have the one line {RUNTIME_CLAUSE!r}")
    lines[lines.index(RUNTIME_CLAUSE)] = f"package {package_name(catalog)}"
    return f"// {go_header(catalog)}\n\n" + "\n".join(lines)


def render(catalog: Catalog) -> dict[str, str]:
    string_codes = catalog.code_type == "string"
    for category in catalog.categories:
        for bound in category.range or ():
            _code(bound, f"the range of category {category.name}")
    active = catalog.active

    def declarations(template: str) -> list[str]:
        """One line per code (`template` formatted with its Pascal name and code), a deprecated one
        with the fixed note above it, and a blank line above that (as gofmt puts one above a doc
        comment), but for the first one: the template has a blank line there."""
        lines: list[str] = []
        for e in active:
            if e.is_deprecated:
                lines += ["", DEPRECATED] if lines else [DEPRECATED]
            lines.append(template.format(name=e.name.pascal, code=_code(e.code, f"the code of {e.name}")))
        return lines

    context: dict[str, object] = {
        "header": header(catalog),
        "go_header": go_header(catalog),
        "catalog": catalog,
        "module": module_path(catalog),
        "package": package_name(catalog),
        "string_codes": string_codes,
        "code_type": "string" if string_codes else "int",
        "categories": catalog.categories,
        "category_constants": _aligned(
            [(None, f"Category{c.name.pascal}", f"Category = {i}") for i, c in enumerate(catalog.categories, 1)]
        ),
        "code_constants": declarations("const Code{name} Code = {code}"),
        "sentinels": declarations("var Err{name} = sentinel(Code{name})"),
        "retired_lines": [
            f"{{{_code(e.code, f'the code of {e.name}')}, {go_literal(str(e.name))}}}," for e in catalog.retired
        ],
        "errors": [_entry(e) for e in active],
    }
    files = {
        "go.mod": render_template("go/go.mod.jinja", **context),
        "errors.go": render_template("go/errors.go.jinja", **context),
        RUNTIME: runtime_source(catalog),
    }
    if catalog.active:  # a catalog whose every code is retired has nothing to show an example of
        files["example_test.go"] = render_template("go/example_test.go.jinja", **context, **_examples(catalog))
    return files


# Values to fill a template's placeholders with in the examples (not spec text).
_FILL = ("100", "10 SECOND", "x")


def _filled(template: Template) -> str:
    return template.format(*(_FILL[i % len(_FILL)] for i in range(template.arity)))


def _variant(error: ErrorDef, message: str) -> int:
    """The variant the reference rules give `message` (-1 for none, as the Go package says it)."""
    matched = error.match(message)
    return -1 if matched is None else matched[0]


def _examples(catalog: Catalog) -> dict[str, object]:
    """What the package's runnable examples use: one code, the catalog's example code when it is an
    active one (with the example message) and else the first code (with its first message filled
    in), so that adding or removing another code leaves the examples as they are; Match is shown
    on its first variant with placeholders (else its first one). The expected output is worked out
    here by the reference rules and holds only booleans and numbers: spec text never goes into a
    comment, and `// Output:` is one."""
    active = {e.code: e for e in catalog.active}
    if catalog.example is not None and catalog.example[0] in active:
        code, message = catalog.example
    else:
        code, message = catalog.active[0].code, _filled(catalog.active[0].messages[0])
    known = active[code]
    template = next((t for t in known.messages if t.arity), known.messages[0])
    filled = _filled(template)
    variant = _variant(known, filled)
    payload = {catalog.payload.code_field: code, catalog.payload.message_field: message}
    return {
        "example_payload": json.dumps(payload, ensure_ascii=False),
        "example_sentinel": f"Err{known.name.pascal}",
        "example_category": f"Category{known.category.name.pascal}",
        "example_variant": _variant(known, message),
        "match_constant": f"Code{known.name.pascal}",
        "match_message": filled,
        "match_variant": variant,
        "match_arity": known.messages[variant].arity,
    }


# What a package clause cannot name: the keywords, and the two names Go gives a meaning to
# (package main is a command, not a library; init is reserved for functions).
_PACKAGE_WORDS = frozenset(
    [
        "break",
        "case",
        "chan",
        "const",
        "continue",
        "default",
        "defer",
        "else",
        "fallthrough",
        "for",
        "func",
        "go",
        "goto",
        "if",
        "import",
        "interface",
        "map",
        "package",
        "range",
        "return",
        "select",
        "struct",
        "switch",
        "type",
        "var",
        "main",
        "init",
    ]
)

# First elements of Go's standard-library import paths: a module path starting with one is
# an ambiguous import for the go command (module fmt beside package fmt).
_STD_ROOTS = frozenset(
    [
        "archive",
        "bufio",
        "builtin",
        "bytes",
        "cmd",
        "cmp",
        "compress",
        "container",
        "context",
        "crypto",
        "database",
        "debug",
        "embed",
        "encoding",
        "errors",
        "expvar",
        "flag",
        "fmt",
        "go",
        "hash",
        "html",
        "image",
        "index",
        "internal",
        "io",
        "iter",
        "log",
        "maps",
        "math",
        "mime",
        "net",
        "os",
        "path",
        "plugin",
        "reflect",
        "regexp",
        "runtime",
        "slices",
        "sort",
        "strconv",
        "strings",
        "structs",
        "sync",
        "syscall",
        "testing",
        "text",
        "time",
        "unicode",
        "unique",
        "unsafe",
        "vendor",
        "weak",
    ]
)


def module_path(catalog: Catalog) -> str:
    """`targets.go.module`, or binance-options -> binance-options-errors."""
    return option(catalog, "go", "module") or catalog.name + "-errors"


def package_name(catalog: Catalog) -> str:
    """`targets.go.package`, or binance-options -> binanceoptions."""
    return option(catalog, "go", "package") or catalog.name.replace("-", "")


def problems(catalog: Catalog) -> Iterator[Problem]:
    """Per-code identifiers are prefixed (CodeX, ErrX, CategoryX), so no name can break them;
    the package clause and the module path can."""
    package, module = package_name(catalog), module_path(catalog)
    if package in _PACKAGE_WORDS:
        where = setting(catalog, "go", "package")
        yield Problem(where, "reserved-package", f"package name {package!r} is a reserved word in Go")
    if module.split("/")[0] in _STD_ROOTS:
        where = setting(catalog, "go", "module")
        yield Problem(
            where,
            "package-clash",
            f"package name {module!r} starts with a Go standard-library path: the go command reports an "
            "ambiguous import; use a path under a domain, such as example.com/...",
        )


OPTIONS = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "module": {
            "description": "Go module path of the generated module, the path other repos import "
            "(default: the catalog name plus -errors).",
            "type": "string",
            "pattern": "^[a-z0-9][a-z0-9.-]*(/[A-Za-z0-9._~-]+)*$",
            "maxLength": 300,
        },
        "package": {
            "description": "Go package name (default: the catalog name without hyphens).",
            "type": "string",
            "pattern": "^[a-z][a-z0-9]*$",
            "maxLength": 64,
        },
    },
}

TARGET = SimpleTarget(
    name="go",
    summary="a Go module (standard library only): Code and Category types, *Error with errors.Is/As, FromPayload",
    render_files=render,
    options=OPTIONS,
    filters={"go": go_literal, "json": json_string},
    find_problems=problems,
)
