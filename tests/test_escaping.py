"""Escaping: every string a spec can hold becomes a literal whose value is exactly that string.

Instead of random samples, every Unicode scalar value is pushed through each function
(in chunks, so the whole range costs well under a second), together with a list of
strings chosen to break quoting, lines, format strings and parsers.
"""

from __future__ import annotations

import ast
import tomllib
from collections.abc import Callable

import pytest
from markdown_it import MarkdownIt

from generator import escaping
from generator.escaping import (
    go_string,
    json_string,
    markdown_text,
    python_literal,
    python_string,
    toml_string,
    typescript_lines,
    typescript_single_quoted,
)

HOSTILE = [
    "",
    "plain ASCII",
    "'",
    '"',
    "'\"'\"",
    "\\",
    "\\\\",
    '\\"',
    "\\n is not a newline",
    "ends with a backslash \\",
    "\n",
    "\r",
    "\r\n",
    "\t",
    "line one\nline two\rline three\r\nline four",
    "\x00",
    "a\x00b",
    "\x01\x02\x07\x08\x0b\x0c\x1b\x1c\x1d\x1e\x1f",
    "\x7f",
    "\x80\x85\x8d\x9b\x9f",
    "%s",
    "%d %(name)s %%",
    "%%",
    "{0} {name} {{}}",
    "${x}",
    "#{x} @{x} $x `x`",
    "*/",
    "/* */ // #",
    "-->",
    '"""',
    "'''",
    '""" + __import__("os").system("x") + """',
    "</script><script>alert(1)</script>",
    "]]>",
    "\u2028",
    "\u2029",
    "before\u2028after\u2029end",
    "\ufeff",
    "\ufeffBOM at start",
    "\u202e",
    "access\u202e\u2066 // check\u2069\u2066 level",
    "\u200b\u200c\u200d\u200e\u200f\u061c\u2066\u2067\u2068\u2069\u202a\u202b\u202c\u202d",
    "\u00ad",
    "\U0001f600",
    "\U0001f469\u200d\U0001f469\u200d\U0001f467",
    "\U0001f1fa\U0001f1f8",
    "\U0001d573\U00010348\U0002070e\U0010ffff",
    "\ufffd\ufffe\uffff",
    "\u0627\u0644\u0639\u0631\u0628\u064a\u0629",
    "\u05e9\u05dc\u05d5\u05dd",
    "mixed \u05e9\u05dc\u05d5\u05dd and \u0627\u0644\u0639\u0631\u0628\u064a\u0629 text",
    "e\u0301 a\u0308 n\u0303\u0323",
    "\u0301starts with a combining mark",
    "Invalid asset\u3002",
    "\uff08\uff09\uff0c\u3002",
    "\u00a0\u2007\u202f\u3000",
    "x" * 10_000,
]

# Code points that must never appear raw inside a literal: C0 controls, DEL, C1 controls,
# the line/paragraph separators, and the invisible characters that reorder or hide text
# (bidi controls used by "Trojan Source" attacks, zero-width characters, the BOM).
FORBIDDEN_RAW = frozenset(
    [chr(c) for c in range(0x00, 0x20)]
    + [chr(c) for c in range(0x7F, 0xA0)]
    + ["\u2028", "\u2029", "\ufeff", "\u00ad", "\u061c", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f"]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
)

SURROGATES = range(0xD800, 0xE000)
CHUNK = 0x1000


def _scalar_chunks() -> list[tuple[str, str]]:
    """(id, text) for every Unicode scalar value, CHUNK code points at a time."""
    chunks = []
    for start in range(0, 0x110000, CHUNK):
        text = "".join(chr(c) for c in range(start, start + CHUNK) if c not in SURROGATES)
        if text:
            chunks.append((f"U+{start:04X}", text))
    return chunks


CHUNKS = _scalar_chunks()
# The same code points glued to characters that take part in escapes, so an escape can
# never merge with its neighbour ("\\" + "n" must stay two characters, not a newline).
GLUED = [(f"{name}-after-backslash", "\\".join(text)) for name, text in CHUNKS] + [
    (f"{name}-after-quote", '"'.join(text)) for name, text in CHUNKS[: 0x3000 // CHUNK]
]


def _assert_one_safe_line(literal: str) -> None:
    assert "\n" not in literal and "\r" not in literal
    assert len(literal.splitlines()) == 1, "str.splitlines() finds a line break in the literal"
    raw = sorted({f"U+{ord(c):04X}" for c in literal if c in FORBIDDEN_RAW})
    assert not raw, f"characters left unescaped: {raw}"


def _first_bad_python(text: str) -> list[str]:
    """The code points whose own literal does not round-trip (to name the culprit when a chunk fails)."""
    return [f"U+{ord(c):04X}" for c in dict.fromkeys(text) if ast.literal_eval(python_string(c)) != c]


def _first_bad_toml(text: str) -> list[str]:
    return [f"U+{ord(c):04X}" for c in dict.fromkeys(text) if tomllib.loads("k = " + toml_string(c))["k"] != c]


# --- Python -----------------------------------------------------------------------------


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_python_string_round_trips_hostile_text(text: str) -> None:
    literal = python_string(text)
    assert ast.literal_eval(literal) == text
    _assert_one_safe_line(literal)


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_python_string_is_one_str_constant_in_a_source_file(text: str) -> None:
    """Embedded in a module (as the templates do), the literal is one expression and nothing else."""
    literal = python_string(text)
    source = f"VALUE = {literal}\nAFTER = 1\n"
    tree = ast.parse(source.encode("utf-8"))
    assert len(tree.body) == 2
    assign = tree.body[0]
    assert isinstance(assign, ast.Assign)
    assert isinstance(assign.value, ast.Constant) and type(assign.value.value) is str
    assert assign.value.value == text
    namespace: dict[str, object] = {}
    exec(compile(source.encode("utf-8"), "<generated>", "exec"), namespace)
    assert namespace["VALUE"] == text and namespace["AFTER"] == 1


@pytest.mark.parametrize(("name", "text"), CHUNKS + GLUED, ids=[n for n, _ in CHUNKS + GLUED])
def test_python_string_round_trips_every_scalar_value(name: str, text: str) -> None:
    literal = python_string(text)
    value = ast.literal_eval(literal)
    assert value == text, f"{name}: these code points do not round-trip: {_first_bad_python(text)}"
    _assert_one_safe_line(literal)


def test_python_string_round_trips_lone_surrogates() -> None:
    """Python str can hold lone surrogates; they must come back and never appear raw."""
    text = "a" + "".join(chr(c) for c in SURROGATES) + "b"
    literal = python_string(text)
    assert ast.literal_eval(literal) == text
    assert not any(0xD800 <= ord(c) <= 0xDFFF for c in literal)
    literal.encode("utf-8")  # the literal itself is valid UTF-8 text, so it can be written to a file


@pytest.mark.parametrize(
    "text",
    [
        "Invalid asset\u3002",
        "\U0001f600 \U0001f4a9 \U0001f1fa\U0001f1f8",
        "\u0627\u0644\u0639\u0631\u0628\u064a\u0629",
        "\u05e9\u05dc\u05d5\u05dd",
        "e\u0301",
        "caf\u00e9 na\u00efve \u00fcber",
        "single ' quote",
    ],
)
def test_printable_text_stays_readable(text: str) -> None:
    """The module promises printable text is written as is, not as escapes."""
    assert python_string(text) == f'"{text}"'
    assert toml_string(text) == f'"{text}"'


# --- TOML -------------------------------------------------------------------------------


def _toml_value(literal: str) -> object:
    document = tomllib.loads(f"before = 1\nk = {literal}\nafter = 2\n")
    assert document["before"] == 1 and document["after"] == 2, "the literal swallowed its neighbours"
    assert set(document) == {"before", "k", "after"}
    return document["k"]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_toml_string_round_trips_hostile_text(text: str) -> None:
    literal = toml_string(text)
    assert tomllib.loads("k = " + literal)["k"] == text
    assert _toml_value(literal) == text
    _assert_one_safe_line(literal)


@pytest.mark.parametrize(("name", "text"), CHUNKS + GLUED, ids=[n for n, _ in CHUNKS + GLUED])
def test_toml_string_round_trips_every_scalar_value(name: str, text: str) -> None:
    literal = toml_string(text)
    value = tomllib.loads("k = " + literal)["k"]
    assert value == text, f"{name}: these code points do not round-trip: {_first_bad_toml(text)}"
    _assert_one_safe_line(literal)


@pytest.mark.parametrize("surrogate", [0xD800, 0xDBFF, 0xDC00, 0xDFFF])
def test_toml_string_refuses_lone_surrogates(surrogate: int) -> None:
    with pytest.raises(ValueError, match="surrogate"):
        toml_string(f"a{chr(surrogate)}b")


# --- python_literal ---------------------------------------------------------------------


@pytest.mark.parametrize("value", [None, True, False, 0, 1, -1, 429, -1021, 2**63, -(2**80)])
def test_python_literal_round_trips_scalars_with_their_type(value: object) -> None:
    literal = python_literal(value)
    result = ast.literal_eval(literal)
    assert result == value
    assert type(result) is type(value), f"{value!r} came back as {type(result).__name__}"


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_python_literal_round_trips_strings(text: str) -> None:
    literal = python_literal(text)
    assert ast.literal_eval(literal) == text
    _assert_one_safe_line(literal)


@pytest.mark.parametrize("value", [1.5, b"bytes", ["list"], {"k": "v"}, ("t",), object()])
def test_python_literal_refuses_other_types(value: object) -> None:
    with pytest.raises(TypeError):
        python_literal(value)


MARKDOWN_HOSTILE = [
    "# not a heading",
    "1. not a list",
    "- not a list",
    "+ x",
    "> not a quote",
    "***",
    "---",
    "<script>alert(1)</script>",
    "<!-- not a comment -->",
    "&amp; &#42; &copy",
    "[not a link](#x)",
    "![no image](x.png)",
    "*not em* _not em_ **not strong**",
    "`not code`",
    "a | b | c",
    "ends with a backslash \\",
    "two  spaces inside",
    "  leading spaces",
    "trailing spaces  ",
    " ",
    "\u2028",
    " \u2028x\u2029 ",
    "\u00a0nbsp\u00a0",
    "\u3000ideographic space\u3000",
    "https://example.com/a_b*c",
    "{{ x }} ${x} */",
]
MARKDOWN_CONTEXTS = {"paragraph": "{}", "heading": "## {}", "list item": "- {}", "link text": "[{}](#anchor)"}


def _markdown_text_of(source: str) -> str:
    inlines = [token for token in MarkdownIt("commonmark").enable("table").parse(source) if token.type == "inline"]
    assert len(inlines) == 1, source
    children = inlines[0].children or []
    assert not [c for c in children if c.type not in ("text", "link_open", "link_close")], source
    return "".join(c.content for c in children if c.type == "text")


@pytest.mark.parametrize("context", MARKDOWN_CONTEXTS)
@pytest.mark.parametrize(
    "text",
    MARKDOWN_HOSTILE + [t for t in HOSTILE if t and all(c.isprintable() or c in "\u2028\u2029" for c in t)],
)
def test_markdown_text_reads_back_exactly_in_every_context(context: str, text: str) -> None:
    assert _markdown_text_of(MARKDOWN_CONTEXTS[context].format(markdown_text(text))) == text


def test_markdown_text_keeps_long_inner_whitespace_and_marks_the_edges() -> None:
    """A 200,000-space run inside a text, where a backtracking \\s+\\Z took quadratic time."""
    inner = "a" + " " * 200_000 + "b"
    assert markdown_text(inner) == inner
    assert markdown_text("  x ") == "&#x20;&#x20;x&#x20;"
    assert markdown_text("   ") == "&#x20;&#x20;&#x20;"
    assert markdown_text("") == ""


def test_a_lines_literal_is_a_source_line_per_line_and_refuses_a_line_feed() -> None:
    """Node.js reads these back (test_escaping_toolchains); here, the layout a diff sees."""
    assert typescript_lines([]) == "'\\\n'"
    assert typescript_lines(["a", "it's \\", '["x",null]']).split("\n") == [
        "'\\",
        "a\\n\\",
        "it\\'s \\\\\\n\\",
        '["x",null]\\n\\',
        "'",
    ]
    assert typescript_lines(["\r\u2028"]) == "'\\\n\\r\\u2028\\n\\\n'"
    with pytest.raises(ValueError, match="line feed"):
        typescript_lines(["one", "two\nthree"])


@pytest.mark.parametrize(
    ("quote", "mark"),
    [(python_string, '"'), (toml_string, '"'), (go_string, '"'), (json_string, '"'), (typescript_single_quoted, "'")],
)
def test_an_all_ascii_text_is_escaped_as_the_whole_class_escapes_it(quote: Callable[[str], str], mark: str) -> None:
    # The quick path searches an ASCII text for the ASCII part of the class alone: a character it
    # let through unescaped would be one the whole class escapes.
    whole_class = escaping._QUOTED_SPECIAL if mark == '"' else escaping._SINGLE_QUOTED_SPECIAL
    for code in range(0x80):
        char = chr(code)
        text = f"a{char}b"
        escaped = whole_class.search(text) is not None
        assert (quote(text) == f"{mark}{text}{mark}") == (not escaped), repr(char)
