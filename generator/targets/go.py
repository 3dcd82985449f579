"""The Go target: one module, one package, the standard library only.

`go.mod`, three source files and the runnable examples, `example_test.go`. `errors.go` is
rendered from the catalog: its API (the code, alias and category constants, the category table,
the sentinels) and a few thin typed wrappers (the parts that depend on the type of the codes).
`table.go` is the entry table the runtime reads: per code its names, category, its templates as
one string (verbatim, joined by line breaks, which no message holds) and their layout (where each
ends and where its placeholders start and end, in bytes: the runtime reads each placeholder's
type and name there, and the literal parts between), and an `extra` only for what few codes have
(aliases, kind, match order, retryable, HTTP status, deprecation, description, and the literal
parts of a printf template whose %% makes them other than its text between the placeholders).
Strings and numbers where most codes have a value keep the table small where it is linked: in
every program that reads a code. `runtime.go` is the hand-written runtime,
generator/runtime/go/runtime.go, copied verbatim but the package clause (Go has no way to share
one file between packages without a dependency): everything that does not depend on the catalog,
using the identifiers errors.go and table.go declare. The output is gofmt-exact as rendered
(nothing here runs gofmt: rendering stays pure): where gofmt aligns columns (the category
constants), the padding is computed here, by gofmt's rule that a comment line ends a run of
aligned lines.

Adding or removing a code changes only lines about that code (and the header): every code is its
own declaration of its constant, of each alias's and of its sentinel (gofmt aligns the lines of a
block, so one long name would re-pad them all), one line of the entry table, kept in catalog
order, one line of the index block (a name alone, its value iota's), and, when retired, one line
of a slice literal; no position in the catalog is written as a number.

Everything per code is a constant or a composite literal of constants; the entry lines are
positional (ENTRY_FIELDS names their order in a comment), which go vet accepts of the package's
own struct. A sentinel is a pointer to its element of the runtime's `sentinels` array, by its
index constant: the compiler lays the array out as zeroed memory and each sentinel is one
constant address, with no initialisation order to work out, and the runtime fills every element
in from its entry in one pass when the package is initialised (the error New makes of the code
and its first template). Ten thousand codes build, vet and test in seconds (tests/test_scale.py).

Comments in the output are never spec text: they are fixed wording, with at most a validated
identifier (the package name). Every value from the spec is written through the `go` filter as an
interpreted string literal; the placeholders of the templates are where the model's split puts
them, which the matcher reads; there are no regular expressions.

Fixed package-level identifiers never start with Code, Err, Category or s followed by an
upper-case letter: those prefixes belong to the spec's codes and categories (CodeBadSymbol,
ErrBadSymbol, CategoryRequest, and sBadSymbol, the index of its entry), so no spec name can
collide with them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence

from ..escaping import go_literal, go_string
from ..model import TOLERANCES, Catalog, ErrorDef, Template, pointer_text
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


def _strings(values: Iterable[str]) -> str:
    return "[]string{" + ", ".join(go_literal(v) for v in values) + "}"


def holes(template: Template) -> tuple[list[int], bool]:
    """Where each placeholder of a template starts and ends in its text, in bytes of its UTF-8
    (start, end, start, end...), and whether its literal parts are the text between them (not so
    when a printf template writes a literal % as %%). Worked out from the model's parts and
    placeholders, each as the text writes it, and checked against the text."""
    text = template.text.encode()
    offsets: list[int] = []
    at = 0
    for part, placeholder in zip(template.parts, template.placeholders, strict=False):
        at += len((part.replace("%", "%%") if template.style == "printf" else part).encode())
        spelled = placeholder.text.encode()
        if text[at : at + len(spelled)] != spelled:
            raise ValueError(f"placeholder {placeholder.text!r} not found where {template.text!r} has it")
        offsets += [at, at + len(spelled)]
        at += len(spelled)
    bounds = [0, *offsets, len(text)]
    between = [text[bounds[i] : bounds[i + 1]].decode() for i in range(0, len(bounds), 2)]
    written = [p.replace("%", "%%") if template.style == "printf" else p for p in template.parts]
    if between != written:
        raise ValueError(f"the literal parts of {template.text!r} are not where its placeholders leave them")
    return offsets, between == list(template.parts)


def templates(messages: Sequence[Template]) -> tuple[str, list[int], list[bool]]:
    """A code's templates as its entry holds them: their texts, verbatim, joined by "\n" (which
    no message holds: the validator refuses line breaks), and their layout: where each ends in
    that text, then where each of its placeholders starts and ends, in bytes (the runtime reads
    each one's type and name there); no layout for one template without placeholders. Then, for
    each template, whether its literal parts are its text between its placeholders (holes)."""
    texts: list[str] = []
    layout: list[int] = []
    verbatim: list[bool] = []
    at = 0
    for template in messages:
        text = template.text
        if "\n" in text:
            raise ValueError(f"a message holds a line break: {text!r}")
        texts.append(text)
        end = at + len(text.encode())
        if not template.placeholders and len(template.parts) == 1 and template.parts[0] == text:
            layout.append(end)  # no placeholder, and the one literal part the text: holes() says so
            same = True
        else:
            offsets, same = holes(template)
            layout += [end, *(at + offset for offset in offsets)]
        verbatim.append(same)
        at = end + 1
    if len(messages) == 1 and not messages[0].placeholders:
        layout = []
    return "\n".join(texts), layout, verbatim


# The Kind constant of each kind but the zero one, error.
_KINDS = {"warning": "KindWarning", "success": "KindSuccess"}


def _extra(error: ErrorDef, verbatim: Sequence[bool]) -> str | None:
    """What few codes have, the runtime's extra, the zero fields left out; None when a code has
    none of it. `order` is the match order (model.ErrorDef.match_order) when it is not catalog
    order; `parts` the literal parts of each variant whose parts are not its text between its
    placeholders (a printf %%), indexed by variant (`verbatim` says which are, as templates()
    does)."""
    fields = []
    if error.aliases:
        aliases = ", ".join(f"{{{go_literal(str(a.name))}, {go_literal(a.upstream)}}}" for a in error.aliases)
        fields.append(f"aliases: []Alias{{{aliases}}}")
    if error.kind in _KINDS:
        fields.append(f"kind: {_KINDS[error.kind]}")
    if error.match_order != tuple(range(len(error.messages))):
        fields.append("order: []int{" + ", ".join(map(str, error.match_order)) + "}")
    if error.retryable:
        fields.append("retryable: true")
    if error.http_status is not None:
        fields.append(f"httpStatus: {error.http_status:d}")
    if error.is_deprecated:
        fields.append("deprecated: true")
    if error.description is not None:
        fields.append(f"description: {go_literal(error.description)}")
    escaped = [f"{i}: {_strings(t.parts)[len('[]string') :]}" for i, t in enumerate(error.messages) if not verbatim[i]]
    if escaped:
        fields.append("parts: [][]string{" + ", ".join(escaped) + "}")
    return "&extra{" + ", ".join(fields) + "}" if fields else None


# The order of an entry's fields, as the entry lines of table.go give them, positionally.
ENTRY_FIELDS = "{code, name, title, category, messages, layout, extra}"


def _entry(error: ErrorDef, code: str) -> str:
    """One line of the entry table: every field the runtime reads of a code, positionally (in the
    order of ENTRY_FIELDS, the rare ones in its extra, nil when it has none), the code (`code`,
    its literal) itself rather than its constant."""
    text, layout, verbatim = templates(error.messages)
    upstream = error.upstream_name
    title = go_string(upstream) if upstream is not None and upstream != error.name else '""'
    category = "0" if error.category is None else f"Category{error.category.name.pascal}"
    spans = f"[]uint32{{{', '.join(map(str, layout))}}}" if layout else "nil"
    extra = _extra(error, verbatim) or "nil"
    return f"{{{code}, {go_string(error.name)}, {title}, {category}, {go_string(text)}, {spans}, {extra}}}"


def _per_code(catalog: Catalog) -> dict[str, str]:
    """The lines about each code, in catalog order, in one pass: its constant and one for each of
    its aliases, each its own declaration (code_constants); its sentinel, a pointer to its element
    of the runtime's sentinels, which the runtime fills in from the code's entry when the package
    is initialised: one constant address, nothing per code for the compiler to order (sentinels,
    none for a success code); its index in the entries, a name alone in an iota block (indexes);
    its entry (errors). A deprecated code's constants and sentinel each have the fixed note above
    them, and a blank line above that (as gofmt puts one above a doc comment), but for the very
    first line: the template has a blank line there. Each list comes as its lines joined, indented
    in a block, for the templates to place."""
    constants: list[str] = []
    sentinels: list[str] = []
    indexes: list[str] = []
    entries: list[str] = []
    for error in catalog.active:
        pascal = error.name.pascal
        code = _code(error.code, f"the code of {error.name}")
        own = f"Code{pascal}"
        lines = [f"const {own} Code = {code}", *(f"const Code{a.name.pascal} = {own}" for a in error.aliases)]
        sentinel = f"var Err{pascal} = &sentinels[s{pascal}]" if error.is_exception else None
        if error.is_deprecated:
            for line in lines:
                constants += ["", DEPRECATED, line] if constants else [DEPRECATED, line]
            if sentinel is not None:
                sentinels += ["", DEPRECATED, sentinel] if sentinels else [DEPRECATED, sentinel]
        else:
            constants += lines
            if sentinel is not None:
                sentinels.append(sentinel)
        indexes.append(f"s{pascal}")
        entries.append(_entry(error, code))
    return {
        "code_constants": "\n".join(constants),
        "sentinels": "\n".join(sentinels),
        "indexes": "\n".join(f"\t{index}" for index in indexes),
        "errors": "\n".join(f"\t{entry}," for entry in entries),
    }


# The tolerance constant of each of the spec's tolerances.
_TOLERANCES = {name: f"tolerate{name.capitalize()}" for name in TOLERANCES}


def _payload_context(catalog: Catalog) -> dict[str, object]:
    """Where payloads hold errors: the fields a server's error is written at (Payload.written: a
    top-level field's name, else its JSON Pointer, as in the Python package), every location as
    JSON Pointers, whether the runtime's fast path of one top-level location reads them, whether
    numeric strings are codes (integer catalogs only), and the tolerances as the runtime's bits."""
    payload = catalog.payload
    first, written = payload.locations[0], payload.written
    tolerated = " | ".join(_TOLERANCES[name] for name in TOLERANCES if name in payload.tolerate)
    return {
        "code_field": written.code[0] if len(written.code) == 1 else pointer_text(written.code),
        "message_field": written.message[0] if len(written.message) == 1 else pointer_text(written.message),
        "locations": [
            f"{{code: {go_literal(pointer_text(at.code))}, message: {go_literal(pointer_text(at.message))}}},"
            for at in payload.locations
        ],
        "top_level": "true" if len(payload.locations) == 1 and len(first.code) == len(first.message) == 1 else "false",
        "numeric_strings": "true" if payload.numeric_strings and catalog.code_type == "integer" else "false",
        "tolerated": tolerated or "0",
    }


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
        for low, high in category.ranges:
            _code(low, f"the range of category {category.name}")
            _code(high, f"the range of category {category.name}")
    ranges = [f"{{{low}, {high}, Category{c.name.pascal}}}," for low, high, c in catalog.category_ranges]
    prefixes = [f"{{{go_literal(prefix)}, Category{c.name.pascal}}}," for prefix, c in catalog.category_prefixes]
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
        "category_codes": prefixes if string_codes else ranges,
        **_per_code(catalog),
        "entry_fields": ENTRY_FIELDS,
        **_payload_context(catalog),
        "retired_lines": [
            f"{{{_code(e.code, f'the code of {e.name}')}, {go_literal(str(e.name))}}}," for e in catalog.retired
        ],
    }
    files = {
        "go.mod": render_template("go/go.mod.jinja", **context),
        "errors.go": render_template("go/errors.go.jinja", **context),
        "table.go": render_template("go/table.go.jinja", **context),
        RUNTIME: runtime_source(catalog),
    }
    examples = _examples(catalog)
    if examples is not None:
        files["example_test.go"] = render_template("go/example_test.go.jinja", **context, **examples)
    return files


# Values to fill a template's placeholders with in the examples (not spec text), by their type.
_FILL = ("100", "10 SECOND", "x")
_TYPED_FILL = {"d": "100", "i": "100", "f": "1.5", "b": "true"}


def _fills(template: Template) -> list[str]:
    return [_TYPED_FILL.get(p.type, _FILL[i % len(_FILL)]) for i, p in enumerate(template.placeholders)]


def _filled(template: Template) -> str:
    return template.format(*_fills(template))


def _variant_of(error: ErrorDef, message: str) -> int:
    """The variant the reference rules give `message` (-1 for none, as the Go package says it)."""
    matched = error.match(message)
    return -1 if matched is None else matched[0]


def _examples(catalog: Catalog) -> dict[str, object] | None:
    """What the package's runnable examples use: one code with a sentinel and messages, the
    catalog's example code when it is such a code (with the example message) and else the first
    one (with its first message filled in), so that adding or removing another code leaves the
    examples as they are; Match is shown on its first variant with placeholders (else its first
    one). None when no code has a sentinel and a message (every code retired, say): there is no
    example to show. The expected output is worked out here by the reference rules and holds only
    booleans and numbers: spec text never goes into a comment, and `// Output:` is one."""
    shown = {e.code: e for e in catalog.exceptions if e.messages}
    if not shown:
        return None
    if catalog.example is not None and catalog.example[0] in shown:
        code, message = catalog.example
    else:
        first = next(iter(shown.values()))
        code, message = first.code, _filled(first.messages[0])
    known = shown[code]
    template = next((t for t in known.messages if t.arity), known.messages[0])
    filled = _filled(template)
    variant = _variant_of(known, filled)
    # The payload at the location a server's error is written at, nested as Error.ToPayload writes it.
    payload: dict[str, object] = {}
    at = catalog.payload.written
    for pointer, value in ((at.code, code), (at.message, message)):
        node = payload
        for token in pointer[:-1]:
            child = node.setdefault(token, {})
            assert isinstance(child, dict), "the first location's pointers do not nest"
            node = child
        node[pointer[-1]] = value
    return {
        "example_payload": json.dumps(payload, ensure_ascii=False),
        "build_variant": known.messages.index(template),
        "build_params": ", ".join(go_literal(value) for value in _fills(template)),
        "example_sentinel": f"Err{known.name.pascal}",
        "example_category": f"Category{known.category.name.pascal}" if known.category else None,
        "example_variant": _variant_of(known, message),
        "match_constant": f"Code{known.name.pascal}",
        "match_message": filled,
        "match_variant": variant,
        "match_arity": known.messages[variant].arity if variant >= 0 else 0,
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
    filters={"go": go_literal},
    find_problems=problems,
)
