"""Every rule of the strict loader and validator, one bad spec per rule.

Each case is a small edit of BASE (or a whole small text) next to the exact
lines errgen must print, written as `LINE:COL: message` (the path prefix
`spec/errors.yaml:` is added by the test). For each case errgen must exit 1,
print exactly those lines sorted by position plus the summary line, print no
traceback and nothing on stdout, and leave out/ byte-identical.

Positions are 1-based and point at the first character of the value at fault,
or at the key for unknown and duplicate keys.

Most cases call `generator.cli.main` in-process (fast); the ones that could
crash the interpreter or exhaust memory (deep nesting, huge files, an alias
bomb) and a plain one run `python -m generator` in a fresh interpreter.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.cli import main
from generator.diagnostics import SpecError
from generator.validate import load_catalog

ROOT = Path(__file__).resolve().parent.parent
ARGS = ["generate", "--spec", "spec/errors.yaml", "--out", "out"]
MiB = 1024 * 1024

# Line numbers are part of every expectation below; keep this text stable.
BASE = """\
catalog:
  name: demo
  title: Demo API
  version: 1.0.0
  code_type: integer
  payload: {code: code, message: msg}

categories:
  - name: GENERAL
    title: General issues
    range: {min: -1099, max: -1000}
  - name: REQUEST
    title: Request issues
    range: {min: -1199, max: -1100}

errors:
  - code: -1000
    name: UNKNOWN
    category: GENERAL
    messages:
      - "An unknown error occurred."
  - code: -1121
    name: BAD_SYMBOL
    category: REQUEST
    retryable: false
    http_status: 400
    messages:
      - "Invalid symbol."
      - "Invalid symbol %s."
"""
# Columns of BASE's values: catalog.title 3:10, catalog.version 4:12, categories[1] 12:5,
# categories[1].range 14:12, errors[0].name 18:11, errors[1].code 22:11, .name 23:11,
# .category 24:15, .retryable 25:16, .http_status 26:18, .messages 27:5, messages[0] 28:9.

STRING_BASE = """\
catalog:
  name: sqlstate
  title: PostgreSQL SQLSTATE
  version: 16.0.0
  code_type: string
  payload: {code: sqlstate, message: message}

categories:
  - name: DATA_EXCEPTION
    title: Data Exception
    prefix: "22"

errors:
  - code: "22012"
    name: DIVISION_BY_ZERO
    category: DATA_EXCEPTION
    messages:
      - "division by zero"
"""


def spec(*edits: str, base: str = BASE) -> str:
    """base with each (old, new) pair of edits applied; old must occur exactly once."""
    text = base
    for old, new in zip(edits[::2], edits[1::2], strict=True):
        assert text.count(old) == 1, f"{old!r} must occur exactly once"
        text = text.replace(old, new)
    return text


def string_spec(*edits: str) -> str:
    return spec(*edits, base=STRING_BASE)


def padded(size: int) -> Callable[[], bytes]:
    """BASE plus a comment, exactly size bytes (built lazily: some are 50 MB)."""
    return lambda: (BASE + "#" + "x" * (size - len(BASE) - 2) + "\n").encode()


BILLION_LAUGHS = 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n' + "".join(
    f"{b}: &{b} [{', '.join([f'*{a}'] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi", strict=True)
)

CATEGORY_RANGE_NEEDED = "categories of an integer-coded catalog take ranges, not prefixes"
OVERLAP = (
    "codes of category 'REQUEST' overlap those of 'GENERAL' (categories[0], at 9:5) without one holding the "
    "other: the category of an unlisted code -1099 would be ambiguous"
)
PLACEHOLDER = (
    "use %s for any value, %d for an integer, %f for a number, %b for true or false, and %% for a literal "
    "percent sign (or `placeholders: none` to keep every % literal)"
)
TRAP_BOOLEAN = "is a boolean in YAML 1.1 but not in YAML 1.2: write true/false for a boolean, or quote it for text"
TRAP_NUMBER = "is a number or date in YAML 1.1 but not in YAML 1.2: write a plain decimal number, or quote it for text"
UNKNOWN_ERROR_FIELD = "errors[1]: unknown field 'mesages'; did you mean 'messages'?"

SEMVER = "does not have the expected form: Semantic version of the catalog; the generated packages carry it."
SLUG = (
    "does not have the expected form: Kebab-case slug of the catalog; package names derive from it "
    "(binance-options -> binance_options_errors)."
)


def invisible(code_point: str) -> str:
    return f"invisible or control character U+{code_point} is not allowed here"


Spec = str | bytes | Callable[[], bytes]
Expected = str | re.Pattern[str]


def case(name: str, text: Spec, *expected: Expected, fresh: bool = False) -> object:
    """fresh: run in a new interpreter rather than in-process."""
    return pytest.param(text, list(expected), fresh, id=name)


CASES = [
    # ---------------------------------------------------------------- YAML level
    case(
        "duplicate-key",
        spec("  title: Demo API\n", "  title: Demo API\n  title: Other API\n"),
        "4:3: duplicate key 'title' (first defined at 3:3)",
        fresh=True,
    ),
    case(
        "duplicate-key-in-flow-mapping",
        spec("{min: -1199, max: -1100}", "{min: -1199, min: -1100}"),
        "14:25: duplicate key 'min' (first defined at 14:13)",
    ),
    case(
        "int-key-next-to-string-key",
        spec("  payload:", '  1: one\n  "1": one\n  payload:'),
        "6:3: mapping keys must be strings; quote '1'",
    ),
    case(
        "non-string-key",
        spec("  payload:", "  true: yes\n  payload:"),
        "6:3: mapping keys must be strings; quote 'true'",
    ),
    case(
        "collection-key",
        spec("  payload:", "  ? [min, max]\n  : 1\n  payload:"),
        "6:5: mapping keys must be plain strings, not collections",
    ),
    case(
        "anchor",
        spec("title: Demo API", "title: &title Demo API"),
        "3:10: anchors (&title) are not allowed; write the value out",
    ),
    case(
        "alias",
        spec("title: Request issues", "title: *general"),
        "13:12: aliases (*general) are not allowed; write the value out",
    ),
    case("alias-bomb", BILLION_LAUGHS, "1:4: anchors (&a) are not allowed; write the value out", fresh=True),
    case(
        "tag-binary",
        spec("title: Demo API", "title: !!binary RGVtbyBBUEk="),
        "3:10: explicit tags (!!binary) are not allowed",
    ),
    case(
        "tag-python-object",
        spec("title: Demo API", "title: !!python/object:os.system {}"),
        "3:10: explicit tags (!!python/object:os.system) are not allowed",
    ),
    case(
        "tag-str",
        spec("version: 1.0.0", "version: !!str 1.0.0"),
        "4:12: explicit tags (!!str) are not allowed",
    ),
    case("yaml11-yes", spec("retryable: false", "retryable: yes"), f"25:16: plain value 'yes' {TRAP_BOOLEAN}"),
    case("yaml11-on", spec("title: General issues", "title: on"), f"10:12: plain value 'on' {TRAP_BOOLEAN}"),
    case("yaml11-off", spec("title: Demo API", "title: off"), f"3:10: plain value 'off' {TRAP_BOOLEAN}"),
    case("yaml11-octal", string_spec('code: "22012"', "code: 0123"), f"14:11: plain value '0123' {TRAP_NUMBER}"),
    case(
        "yaml11-sexagesimal", spec("title: General issues", "title: 1:20"), f"10:12: plain value '1:20' {TRAP_NUMBER}"
    ),
    case(
        "yaml11-digit-groups",
        spec("http_status: 400", "http_status: 1_000"),
        f"26:18: plain value '1_000' {TRAP_NUMBER}",
    ),
    case("yaml11-hex", spec("code: -1121", "code: 0x1F"), f"22:11: plain value '0x1F' {TRAP_NUMBER}"),
    case(
        "code-beyond-safe-integers",
        spec("code: -1121", "code: -9007199254740992"),
        "22:11: errors[1].code: -9007199254740992 is below the minimum -9007199254740991",
    ),
    case(
        "string-code-with-a-space",
        string_spec('code: "22012"', 'code: "22 012"'),
        '14:11: errors[0].code: "22 012" does not have the expected form: A string code: printable, no spaces.',
    ),
    # Variants keep the upstream's order (the most specific wins, see model.specificity): only one
    # that is never tried before a variant fitting all it fits is refused.
    case(
        "variant-never-chosen",
        spec(
            '      - "Invalid symbol."\n      - "Invalid symbol %s."', '      - "Invalid %s."\n      - "Invalid %s%s."'
        ),
        "29:9: errors[1].messages[1]: variant 1 can never match: every message it fits is matched first by "
        "variant 0 (errors[1].messages[0] at 28:9), which is as specific (literal characters, then typed "
        "placeholders) and comes first; remove one of them",
    ),
    case("yaml11-date", spec("version: 1.0.0", "version: 2024-01-15"), f"4:12: plain value '2024-01-15' {TRAP_NUMBER}"),
    case(
        "utf8-bom",
        b"\xef\xbb\xbf" + BASE.encode(),
        "1:1: file starts with a byte order mark; save it as UTF-8 without BOM",
    ),
    case(
        "latin1-byte",
        spec("title: Demo API", "title: D\xe9mo API").encode("latin-1"),
        "3:11: invalid UTF-8 byte 0xe9; the file must be UTF-8",
    ),
    case(
        "tab-indentation",
        spec("  title: Demo API", "\ttitle: Demo API"),
        "3:1: YAML syntax error: tab characters cannot indent YAML; use spaces",
    ),
    case("raw-nul", spec("title: Demo API", "title: Demo\x00API"), f"3:14: {invisible('0000')}"),
    case("raw-escape-control", spec('"Invalid symbol."', '"Invalid\x1b[31m symbol."'), f"28:17: {invisible('001B')}"),
    case("raw-bidi-override", spec('"Invalid symbol."', '"Invalid \u202esymbol."'), f"28:18: {invisible('202E')}"),
    case("escaped-bidi-override", spec('"Invalid symbol."', '"Invalid \\u202esymbol."'), f"28:9: {invisible('202E')}"),
    case("escaped-lone-surrogate", spec('"Invalid symbol."', '"Invalid \\ud800symbol."'), f"28:9: {invisible('D800')}"),
    # FINDING: U+2028 and U+2029 are line breaks to PyYAML but not to editors, grep or git,
    # so every later position was one line off (bad_symbol on line 23 was reported at 24:11,
    # the syntax error below at 5:10). Like U+0085 (NEL, already rejected) they must be
    # rejected where they stand.
    case(
        "raw-line-separator",
        spec("title: Demo API", 'title: "Demo\u2028API"', "BAD_SYMBOL", "bad_symbol"),
        "3:15: line break U+2028 is not allowed here; write it as an escape in a double-quoted string",
    ),
    case(
        "raw-paragraph-separator",
        spec("title: Demo API", "title: Demo\u2029API"),
        "3:14: line break U+2029 is not allowed here; write it as an escape in a double-quoted string",
    ),
    # FINDING: with CR-only line ends (which PyYAML reads as line breaks) the loader's own
    # checks counted only "\n": this NUL was reported at 1:36.
    case(
        "raw-nul-with-cr-line-ends",
        spec("title: Demo API", "title: Demo\x00API").replace("\n", "\r"),
        "1:9: line break U+000D is not allowed here; use LF or CRLF line endings",
    ),
    case(
        "unquoted-percent-s",
        spec('      - "Invalid symbol %s."', "      - %s is not a valid symbol."),
        "29:9: YAML syntax error: found character '%' that cannot start any token; quote the value",
    ),
    case("second-document", BASE + "---\nextra: 1\n", "30:1: only one YAML document is allowed"),
    case("empty-file", b"", "1:1: the spec is empty"),
    case("only-comments", "# nothing here yet\n", "1:1: the spec is empty"),
    case(
        "over-size-limit-33MiB",
        padded(33 * MiB),
        "1:1: file is 34603008 bytes; the limit is 33554432 bytes (raise it with --max-spec-size)",
        fresh=True,
    ),
    case(
        "over-size-limit-50MiB",
        padded(50 * MiB),
        "1:1: file is 52428800 bytes; the limit is 33554432 bytes (raise it with --max-spec-size)",
        fresh=True,
    ),
    case("nesting-100000-deep", b"[" * 100_000, "1:33: nesting is deeper than 32 levels", fresh=True),
    case(
        "nesting-block-style", "".join("  " * i + "-\n" for i in range(40)), "33:65: nesting is deeper than 32 levels"
    ),
    # FINDING: crashed with "ValueError: Exceeds the limit (4300 digits) for integer string conversion".
    # Any clear message at the value is fine.
    case("integer-with-5000-digits", spec("code: -1121", "code: -1" + "0" * 5000), re.compile(r"22:11: \S.*")),
    case(
        "plain-message-with-colon",
        spec('"Invalid symbol."', "Invalid symbol: check it."),
        '28:9: errors[1].messages[0]: expected a string, got {"Invalid symbol": "check it."}'
        " (unquoted text containing ': ' is read as a mapping; quote it)",
    ),
    # ---------------------------------------------------------------- schema level
    case(
        "missing-required-field",
        spec("    title: Request issues\n", ""),
        "12:5: categories[1]: missing required field 'title'",
    ),
    case(
        "unknown-field-typo",
        spec('    messages:\n      - "Invalid', '    mesages:\n      - "Invalid'),
        f"27:5: {UNKNOWN_ERROR_FIELD}",
    ),
    # FINDING: said "expected an integer or a string, got -1121.5 (quote it to make it a string)";
    # quoting it only trades this error for another one, as the catalog's codes are integers.
    case(
        "float-code",
        spec("code: -1121", "code: -1121.5"),
        "22:11: errors[1].code: expected an integer or a string, got -1121.5",
    ),
    # FINDING: 400.0 passed the schema as an integer, then rendering crashed
    # ("TypeError: no Python literal for float").
    case(
        "float-http-status",
        spec("http_status: 400", "http_status: 400.0"),
        "26:18: errors[1].http_status: expected an integer, got 400.0",
    ),
    # FINDING: same crash as float-http-status.
    case(
        "float-range-bound",
        spec("{min: -1199, max: -1100}", "{min: -1199.0, max: -1100}"),
        "14:18: categories[1].range.min: expected an integer, got -1199.0",
    ),
    case(
        "quoted-boolean",
        spec("retryable: false", 'retryable: "yes"'),
        '25:16: errors[1].retryable: expected true or false, got "yes"',
    ),
    # Upstream names are any text (identifiers derive from them); a chosen identifier is checked.
    case(
        "lowercase-identifier",
        spec("name: BAD_SYMBOL", "name: bad symbol\n    identifier: bad_symbol"),
        '24:17: errors[1].identifier: "bad_symbol" is not a SCREAMING_SNAKE_CASE name',
    ),
    case(
        "identifier-trailing-underscore",
        spec("name: BAD_SYMBOL", "identifier: BAD_"),
        '23:17: errors[1].identifier: "BAD_" is not a SCREAMING_SNAKE_CASE name',
    ),
    # FINDING: said "is not a SCREAMING_SNAKE_CASE name"; catalog.name is a kebab-case slug.
    case("catalog-name-not-a-slug", spec("name: demo", "name: Demo_API"), f'2:9: catalog.name: "Demo_API" {SLUG}'),
    case(
        "http-status-out-of-range",
        spec("http_status: 400", "http_status: 600"),
        "26:18: errors[1].http_status: 600 is above the maximum 599",
    ),
    case("bad-semver", spec("version: 1.0.0", 'version: "1.0"'), f'4:12: catalog.version: "1.0" {SEMVER}'),
    # ---------------------------------------------------------------- semantic level
    case(
        "duplicate-code",
        spec("code: -1121", "code: -1000", "category: REQUEST", "category: GENERAL"),
        "22:11: errors[1].code: duplicate code -1000, first at 17:11; a code with two names is one entry "
        "with the second under `aliases:`",
    ),
    case(
        "duplicate-name",
        spec("BAD_SYMBOL", "UNKNOWN"),
        "23:11: errors[1].name: duplicate identifier 'UNKNOWN', first at 18:11; keep the upstream name and "
        "give one of them `identifier: ...`",
    ),
    case(
        "unknown-category",
        spec("category: REQUEST", "category: REQUESTS"),
        '24:15: errors[1].category: unknown category "REQUESTS" (declared: GENERAL, REQUEST)',
    ),
    case(
        "placeholder-x",
        spec('"Invalid symbol."', '"Invalid %x."'),
        f"28:9: errors[1].messages[0]: unsupported placeholder '%x' at character 9: {PLACEHOLDER}",
    ),
    # FINDING: {0} and {param0} were accepted as text that no message would ever match.
    case(
        "braces-in-a-catalog-without-a-style",
        spec('"Invalid symbol."', '"Invalid {param0}."'),
        "28:9: errors[1].messages[0]: {param0} would be literal text, as messages are printf-style by default; "
        "if it marks a value, set `placeholders: braces` (in catalog, or on this message as "
        "{text: ..., placeholders: braces}); to keep it literal, say `placeholders: printf` there",
    ),
    case(
        "placeholder-width",
        spec('"Invalid symbol."', '"Invalid %5s."'),
        f"28:9: errors[1].messages[0]: unsupported placeholder '%5s' at character 9: {PLACEHOLDER}",
    ),
    case(
        "bare-percent",
        spec('"Invalid symbol."', '"Rate is 100% of limit."'),
        f"28:9: errors[1].messages[0]: unsupported placeholder '% o' at character 12: {PLACEHOLDER}",
    ),
    case(
        "trailing-percent",
        spec('"Invalid symbol."', '"Rate is 100%"'),
        f"28:9: errors[1].messages[0]: unsupported placeholder '%' at character 12: {PLACEHOLDER}",
    ),
    case(
        "duplicate-message",
        spec('"Invalid symbol %s."', '"Invalid symbol."'),
        '29:9: errors[1].messages[1]: duplicate message "Invalid symbol.", same as variant 0 '
        "(errors[1].messages[0] at 28:9)",
    ),
    case(
        "tab-in-message",
        spec('"Invalid symbol."', '"Invalid\\tsymbol."'),
        "28:9: errors[1].messages[0]: must be a single line, without line breaks or tabs",
    ),
    case(
        "newline-in-message",
        spec('"Invalid symbol."', '"Invalid\\nsymbol."'),
        "28:9: errors[1].messages[0]: must be a single line, without line breaks or tabs",
    ),
    # Names are refused only where a target's output would break or shadow something (each target
    # says which); CLASS, NONE, STRING, INIT... render fine everywhere (see the torture fixture).
    case(
        "class-shadows-a-python-builtin",
        spec("BAD_SYMBOL", "TIMEOUT"),
        "23:11: errors[1].name: class TimeoutError is a builtin of Python, which it would shadow; keep the name "
        "and choose the class with `class: ApiTimeoutError`",
    ),
    case(
        "class-shadows-a-builtin-of-both",
        spec("BAD_SYMBOL", "TYPE"),
        "23:11: errors[1].name: class TypeError is a JavaScript global, which it would shadow; keep the name and "
        "choose the class with `class: ApiTypeError`",
        "23:11: errors[1].name: class TypeError is a builtin of Python, which it would shadow; keep the name and "
        "choose the class with `class: ApiTypeError`",
    ),
    case(
        "chosen-class-shadows-a-global",
        spec("    retryable: false\n", "    retryable: false\n    class: Map\n"),
        "26:12: errors[1].class: class Map is a JavaScript global, which it would shadow; keep the name and "
        "choose the class with `class: MapError`",
    ),
    case(
        "chosen-class-repeats-another",
        spec("    retryable: false\n", "    retryable: false\n    class: UnknownError\n"),
        "26:12: errors[1].class: class UnknownError is already the class of errors[0] (at 18:11); "
        "choose another with `class: ...`",
    ),
    case(
        "chosen-class-not-a-class-name",
        spec("    retryable: false\n", "    retryable: false\n    class: bad_class\n"),
        re.compile(r'26:12: errors\[1\]\.class: "bad_class" does not have the expected form: .*'),
    ),
    case(
        "names-collide-after-case-conversion",
        spec("name: UNKNOWN", "name: BAD__SYMBOL"),
        "23:11: errors[1].name: identifier 'BAD_SYMBOL' collides with 'BAD__SYMBOL' at 18:11: "
        "both become BadSymbol in the targets; keep the upstream name and give one of them `identifier: ...`",
    ),
    case(
        "name-collides-with-generated-class",
        spec("BAD_SYMBOL", "API"),
        "23:11: errors[1].name: class ApiError is defined by the generated Python module itself; keep the name "
        "and choose the class with `class: ApiApiError`",
        "23:11: errors[1].name: class ApiError is defined by the generated TypeScript module itself; keep the "
        "name and choose the class with `class: ApiApiError`",
    ),
    # FINDING: reported at 12:5 (the category's first key) as "categories[1]: ..."; the
    # range at fault is at 14:12, where the sibling rule "min is greater than max" points.
    case(
        "overlapping-ranges",
        spec("{min: -1199, max: -1100}", "{min: -1199, max: -1050}"),
        f"14:12: categories[1].range: {OVERLAP}",
    ),
    # FINDING: said "(categories[1])", the index among distinct names, not in the file.
    case(
        "overlap-names-the-right-category",
        spec(
            "  - name: REQUEST\n",
            "  - name: GENERAL\n    title: Again\n    range: {min: -1299, max: -1200}\n  - name: REQUEST\n",
            "\nerrors:",
            "  - name: OTHER\n    title: Other\n    range: {min: -1199, max: -1100}\n\nerrors:",
        ),
        "12:11: categories[1].name: duplicate name 'GENERAL', first at 9:11",
        "20:12: categories[3].range: codes of category 'OTHER' overlap those of 'REQUEST' (categories[2], at 15:5) "
        "without one holding the other: the category of an unlisted code -1199 would be ambiguous",
    ),
    case(
        "range-min-above-max",
        spec("{min: -1199, max: -1100}", "{min: -1100, max: -1199}"),
        "14:12: categories[1].range: min -1100 is greater than max -1199",
    ),
    # FINDING: also said "code -1121 is outside its category REQUEST (prefix null)". (A category with no
    # ranges is fine now: membership is explicit; this one gives a prefix.)
    case(
        "integer-category-with-a-prefix",
        spec("    range: {min: -1199, max: -1100}\n", '    prefix: "11"\n'),
        f"14:13: categories[1].prefix: {CATEGORY_RANGE_NEEDED}",
    ),
    # FINDING: also said 'code "-1121" is outside its category REQUEST (-1199..-1100)', which reads as false.
    case(
        "string-code-in-integer-catalog",
        spec("code: -1121", 'code: "-1121"'),
        '22:11: errors[1].code: codes of this catalog are integers; got "-1121"',
    ),
    # FINDING: also said 'code 22012 is outside its category DATA_EXCEPTION (prefix "22")', which reads as false.
    case(
        "unquoted-code-in-string-catalog",
        string_spec('code: "22012"', "code: 22012"),
        "14:11: errors[0].code: codes of this catalog are strings; got 22012 "
        "(quote it, so leading zeros and the exact text are kept)",
    ),
    case(
        "deprecated-and-retired",
        spec("    retryable: false\n", '    deprecated: true\n    retired: "Use -1100."\n'),
        "26:14: errors[1].retired: an entry is either deprecated or retired, not both",
    ),
    # ---------------------------------------------------------------- several at once
    case(
        "several-schema-problems",
        spec(
            "http_status: 400",
            "http_status: 999",
            "name: BAD_SYMBOL",
            "identifier: bad_symbol",
            "version: 1.0.0",
            'version: "1.0"',
        ),
        f'4:12: catalog.version: "1.0" {SEMVER}',
        '23:17: errors[1].identifier: "bad_symbol" is not a SCREAMING_SNAKE_CASE name',
        "26:18: errors[1].http_status: 999 is above the maximum 599",
    ),
    # Found in the order 10, 21, 26, 23 (names are compared last); printed by line.
    case(
        "several-semantic-problems",
        spec(
            "BAD_SYMBOL",
            "GENERAL",
            '"An unknown error occurred."',
            '"Unknown %x."',
            "title: General issues",
            'title: "General\\tissues"',
            "    retryable: false\n",
            "    deprecated: true\n    retired: true\n",
        ),
        "10:12: categories[0].title: must be a single line, without line breaks or tabs",
        f"21:9: errors[0].messages[0]: unsupported placeholder '%x' at character 9: {PLACEHOLDER}",
        "23:11: errors[1].name: duplicate identifier 'GENERAL', first at 9:11; keep the upstream name and give "
        "one of them `identifier: ...`",
        "26:14: errors[1].retired: an entry is either deprecated or retired, not both",
    ),
    # FINDING: a schema problem hid every semantic one (only 25:16 was reported).
    case(
        "schema-and-semantic-problems",
        spec("name: UNKNOWN", "name: BAD__SYMBOL", "retryable: false", 'retryable: "no"'),
        "23:11: errors[1].name: identifier 'BAD_SYMBOL' collides with 'BAD__SYMBOL' at 18:11: "
        "both become BadSymbol in the targets; keep the upstream name and give one of them `identifier: ...`",
        '25:16: errors[1].retryable: expected true or false, got "no"',
    ),
    # ------------------------------------------- hostile input, round two
    # FINDING: Python's `$` matches before a final newline, so every schema pattern let one through
    # and the newline reached headers, package names and directory names.
    case(
        "version-with-trailing-newline",
        spec("version: 1.0.0", 'version: "1.0.0\\n"'),
        f'4:12: catalog.version: "1.0.0\\n" {SEMVER}',
    ),
    case(
        "catalog-name-with-trailing-newline",
        spec("name: demo", 'name: "demo\\n"'),
        f'2:9: catalog.name: "demo\\n" {SLUG}',
    ),
    case(
        "error-name-with-trailing-newline",
        spec("name: BAD_SYMBOL", 'name: "BAD_SYMBOL\\n"'),
        "23:11: errors[1].name: must be a single line, without line breaks or tabs",
    ),
    case(
        "python-package-with-trailing-newline",
        BASE + 'targets:\n  python:\n    package: "demo_errors\\n"\n',
        re.compile(r'32:14: targets\.python\.package: "demo_errors\\n" does not have the expected form: .*'),
    ),
    case(
        "go-module-with-trailing-newline",
        BASE + 'targets:\n  go:\n    module: "example.com/demo\\n"\n',
        re.compile(r'32:13: targets\.go\.module: "example\.com/demo\\n" does not have the expected form: .*'),
    ),
    case(
        "category-label-with-a-newline",
        spec("title: General issues", 'title: General issues\n    label: "10\\nxx"'),
        "11:12: categories[0].label: must be a single line, without line breaks or tabs",
    ),
    # FINDING: default-ignorable characters got into every target; shown raw, the bad name looks valid.
    case("raw-invisible-plus", spec('"Invalid symbol."', '"Invalid symbol.\u2064"'), f"28:25: {invisible('2064')}"),
    case("raw-hangul-filler", spec("title: Demo API", "title: Demo API\u3164"), f"3:18: {invisible('3164')}"),
    case("raw-zero-width-non-joiner", spec("title: Demo API", "title: Demo\u200cAPI"), f"3:14: {invisible('200C')}"),
    case(
        "escaped-zero-width-joiner", spec("name: BAD_SYMBOL", 'name: "BAD\\u200dSYMBOL"'), f"23:11: {invisible('200D')}"
    ),
    case("raw-variation-selector", spec('"Invalid symbol."', '"Invalid symbol\ufe0f."'), f"28:24: {invisible('FE0F')}"),
    case("raw-tag-character", spec('"Invalid symbol."', '"Invalid symbol.\U000e0041"'), f"28:25: {invisible('E0041')}"),
    case(
        "escaped-tag-character",
        spec('"Invalid symbol."', '"Invalid symbol.\\U000E007F"'),
        f"28:9: {invisible('E007F')}",
    ),
    # FINDING: PyYAML's reader refused a raw U+FFFE at "position 537", reported at 1:1.
    case("raw-noncharacter", spec('"Invalid symbol."', '"Invalid symbol.\ufffe"'), f"28:25: {invisible('FFFE')}"),
    case(
        "raw-astral-noncharacter",
        spec('"Invalid symbol."', '"Invalid symbol.\U0010ffff"'),
        f"28:25: {invisible('10FFFF')}",
    ),
    # FINDING: %ls was reported as %l.
    case(
        "placeholder-with-a-length-modifier",
        spec('"An unknown error occurred."', '"Unknown %ls."'),
        f"21:9: errors[0].messages[0]: unsupported placeholder '%ls' at character 9: {PLACEHOLDER}",
    ),
    case(
        "placeholder-positional",
        spec('"An unknown error occurred."', '"Unknown %1$s."'),
        f"21:9: errors[0].messages[0]: unsupported placeholder '%1$s' at character 9: {PLACEHOLDER}",
    ),
    # FINDING: specs whose packages could never work were accepted.
    case(
        "payload-code-and-message-in-one-field",
        spec("message: msg}", "message: code}"),
        '6:34: catalog.payload.message: the message field is the code field ("code"): no payload could carry both',
    ),
    case(
        "python-package-of-the-standard-library",
        BASE + "targets:\n  python:\n    package: json\n",
        "32:14: targets.python.package: package name 'json' is a module of Python's standard library, which shadows it",
    ),
    case(
        "typescript-package-of-node",
        BASE + "targets:\n  typescript:\n    package: fs\n",
        "32:14: targets.typescript.package: package name 'fs' is a Node.js built-in module, "
        "which `import` finds instead",
    ),
    case(
        "go-module-of-the-standard-library",
        BASE + "targets:\n  go:\n    module: fmt\n",
        "32:13: targets.go.module: package name 'fmt' starts with a Go standard-library path: the go command "
        "reports an ambiguous import; use a path under a domain, such as example.com/...",
    ),
    case(
        "go-module-under-the-standard-library",
        BASE + "targets:\n  go:\n    module: net/errs\n",
        re.compile(r"32:13: targets\.go\.module: package name 'net/errs' starts with a Go standard-library .*"),
    ),
    # FINDING: a plain scalar of digits and underscores took the loader's YAML 1.1 check quadratic time.
    case(
        "long-plain-scalar-of-digit-groups",
        spec("title: Demo API", "title: 1" + "_" * 100_000 + "x"),
        "3:10: catalog.title: is longer than 200 characters",
    ),
    case("plain-digit-groups", spec("title: Demo API", "title: 1_000"), f"3:10: plain value '1_000' {TRAP_NUMBER}"),
    case(
        "python-package-too-long-for-a-directory",
        BASE + f"targets:\n  python:\n    package: {'p' * 300}\n",
        "32:14: targets.python.package: is longer than 100 characters",
    ),
]


def snapshot(root: Path) -> dict[str, bytes | None]:
    """Every file (bytes) and directory (None) below root."""
    return {p.relative_to(root).as_posix(): p.read_bytes() if p.is_file() else None for p in root.rglob("*")}


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project directory with out/ generated from the valid BASE."""
    project = tmp_path_factory.mktemp("baseline")
    (project / "spec").mkdir()
    (project / "spec" / "errors.yaml").write_text(BASE, encoding="utf-8")
    cwd = Path.cwd()
    os.chdir(project)
    try:
        assert main(ARGS) == 0
    finally:
        os.chdir(cwd)
    assert any(p.is_file() for p in (project / "out").rglob("*.py"))
    return project


def test_the_bases_are_valid() -> None:
    load_catalog(BASE.encode())
    load_catalog(STRING_BASE.encode())


@pytest.mark.parametrize(("text", "expected", "fresh"), CASES)
def test_invalid_spec_is_rejected(
    text: Spec,
    expected: list[Expected],
    fresh: bool,
    baseline: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    project = tmp_path / "project"
    shutil.copytree(baseline, project)
    before = snapshot(project / "out")
    data = text() if callable(text) else text
    (project / "spec" / "errors.yaml").write_bytes(data.encode() if isinstance(data, str) else data)

    if fresh:
        done = subprocess.run(
            [sys.executable, "-m", "generator", *ARGS],
            cwd=project,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        code, out, err = done.returncode, done.stdout, done.stderr
    else:
        monkeypatch.chdir(project)
        code = main(ARGS)
        out, err = capsys.readouterr()

    assert "Traceback" not in err
    lines = err.splitlines()
    assert lines[-1:] == [f"errgen: {len(expected)} problem(s); nothing was written"], err
    assert len(lines) == len(expected) + 1, err
    for line, want in zip(lines[:-1], expected, strict=True):
        if isinstance(want, str):
            assert line == f"spec/errors.yaml:{want}"
        else:
            assert re.fullmatch(f"spec/errors\\.yaml:{want.pattern}", line), line
    assert code == 1
    assert out == ""
    assert snapshot(project / "out") == before


def test_every_schema_pattern_is_anchored_at_both_ends() -> None:
    """The validator reads a pattern's final `$` as ECMA-262 does (the very end), so each must be ^...$."""

    schema = json.loads((ROOT / "spec" / "errors.schema.json").read_text(encoding="utf-8"))
    patterns: list[str] = []

    def collect(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("pattern"), str):
                patterns.append(node["pattern"])
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    collect(schema)
    assert len(patterns) >= 8
    for pattern in patterns:
        assert pattern.startswith("^") and pattern.endswith("$") and "$" not in pattern[:-1], pattern


def test_markdown_fields_may_span_lines_and_hold_tabs() -> None:
    text = spec(
        "    retryable: false\n",
        '    retryable: false\n    description: "First line.\\n\\n\\tindented code"\n    deprecated: "since\\nv2"\n',
    )
    catalog = load_catalog(text.encode())
    assert catalog.errors[1].description == "First line.\n\n\tindented code"
    assert catalog.errors[1].deprecated == "since\nv2"


def test_many_literal_variants_and_comma_placeholders_validate() -> None:
    """The shapes that took the backtracking shadowing check 35 s and 105 s; answers checked, not time."""
    commas = spec('"An unknown error occurred."', '"' + "%s," * 40 + '%s"\n      - "' + "," * 80 + '%s"')
    assert load_catalog(commas.encode()).errors[0].match_order == (1, 0)  # more literal characters first
    commas = spec('"An unknown error occurred."', '"' + "%s," * 40 + '%s"\n      - "' + "%s," * 40 + '%s%s"')
    with pytest.raises(SpecError) as raised:
        load_catalog(commas.encode())
    assert [d.message for d in raised.value.diagnostics] == [
        "errors[0].messages[1]: variant 1 can never match: every message it fits is matched first by variant 0 "
        "(errors[0].messages[0] at 21:9), which is as specific (literal characters, then typed placeholders) "
        "and comes first; remove one of them"
    ]
    many = "\n".join(f'      - "Literal message number {n}."' for n in range(4000))
    catalog = load_catalog(spec('      - "An unknown error occurred."', many).encode())
    assert len(catalog.errors[0].messages) == 4000
