"""One function per target language that turns any text into a source literal.

The rule for which characters are escaped is fixed here, not taken from the
running interpreter's Unicode tables, so output is the same on every machine.
Printable text stays readable ("Invalid asset。" is written as is); controls,
line and paragraph separators, invisible format characters and surrogates are
escaped, so a literal can never break out of its quotes or its line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

# Characters that are escaped in every language although they are not ASCII controls.
_INVISIBLE = (
    "\u00ad\u061c\u180e\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069"
    "\ufeff\ufff9-\ufffb\ufffe\uffff\ud800-\udfff"
)

_QUOTED_SPECIAL = re.compile(f'[\\\\"\x00-\x1f\x7f-\x9f{_INVISIBLE}]')
_SINGLE_QUOTED_SPECIAL = re.compile(f"[\\\\'\x00-\x1f\x7f-\x9f{_INVISIBLE}]")
# Each class's ASCII part, keyed by the quote: an all-ASCII text (most are) is searched for these
# alone, and a small class is several times faster per character than the whole one.
_SPECIAL = {
    '"': (_QUOTED_SPECIAL, re.compile('[\\\\"\x00-\x1f\x7f]')),
    "'": (_SINGLE_QUOTED_SPECIAL, re.compile("[\\\\'\x00-\x1f\x7f]")),
}
# Short escapes every C-family language here understands the same way.
_QUOTED_NAMED = {"\\": "\\\\", '"': '\\"', "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _surrogate(code: int) -> bool:
    return 0xD800 <= code <= 0xDFFF


def _quoted(text: str, numeric: Callable[[int], str], quote: str = '"') -> str:
    """`text` in double (or single) quotes, special characters escaped; `numeric` spells a code point."""
    special, ascii_special = _SPECIAL[quote]
    if text.isascii() and ascii_special.search(text) is None:
        return quote + text + quote

    def escape(match: re.Match[str]) -> str:
        char = match.group()
        return _QUOTED_NAMED.get(char) or numeric(ord(char))

    return quote + special.sub(escape, text) + quote


def _no_surrogates(language: str) -> Callable[[int], str]:
    def numeric(code: int) -> str:
        if _surrogate(code):
            raise ValueError(f"a lone surrogate (U+{code:04X}) cannot be written in {language}")
        return f"\\u{code:04x}"

    return numeric


def _latin1_or_unicode(code: int) -> str:
    # In Python and JavaScript strings \\xNN is the code point U+00NN.
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def python_string(text: str) -> str:
    """A double-quoted Python str literal whose value is exactly `text`."""
    return _quoted(text, _latin1_or_unicode)


def typescript_string(text: str) -> str:
    """A double-quoted JavaScript/TypeScript string literal (never a template literal)."""
    return _quoted(text, _latin1_or_unicode)


def typescript_single_quoted(text: str) -> str:
    """A single-quoted JavaScript/TypeScript string literal: for JSON text, whose `"` it leaves as they are."""
    return _quoted(text, _latin1_or_unicode, "'")


def typescript_lines(lines: Iterable[str]) -> str:
    """One single-quoted JavaScript string literal whose value is each of `lines` followed by a line feed,
    written a line of source per line: each ends in `\\n` and a line continuation, which adds nothing to
    the value. V8 reads one literal several times faster than as many literals of the same text, and a
    changed line is still one changed line of the diff. A line may hold no line feed (JSON text and
    identifiers never do): the value could not be split back into its lines."""
    written = []
    for line in lines:
        if "\n" in line:
            raise ValueError(f"a line of a JavaScript lines literal holds a line feed: {line!r}")
        written.append(typescript_single_quoted(line)[1:-1] + "\\n\\\n")
    return "'\\\n" + "".join(written) + "'"


_GO_UNICODE, _TOML_NUMERIC, _JSON_NUMERIC = (_no_surrogates(language) for language in ("Go", "TOML", "JSON"))


def _go_numeric(code: int) -> str:
    return f"\\x{code:02x}" if code < 0x80 else _GO_UNICODE(code)


def go_string(text: str) -> str:
    """An interpreted Go string literal. \\x is a byte in Go, so only ASCII uses it."""
    return _quoted(text, _go_numeric)


def toml_string(text: str) -> str:
    """A TOML basic string whose value is exactly `text`."""
    return _quoted(text, _TOML_NUMERIC)


def json_string(text: str) -> str:
    """A JSON string whose value is exactly `text`."""
    return _quoted(text, _JSON_NUMERIC)


def python_literal(value: object) -> str:
    """A Python literal for a spec value: None, bool, int or str."""
    if value is None or isinstance(value, bool):
        return repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return python_string(value)
    raise TypeError(f"no Python literal for {type(value).__name__}")


def typescript_literal(value: object) -> str:
    """A TypeScript literal for a spec value: null, boolean, number or string."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        if abs(value) > 2**53 - 1:
            raise ValueError(f"{value} is not exactly representable as a TypeScript number")
        return str(value)
    if isinstance(value, str):
        return typescript_string(value)
    raise TypeError(f"no TypeScript literal for {type(value).__name__}")


def go_literal(value: object) -> str:
    """A Go literal for a spec value: nil, bool, int or string."""
    if value is None:
        return "nil"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return go_string(value)
    raise TypeError(f"no Go literal for {type(value).__name__}")


# Markdown: every ASCII punctuation character may be backslash-escaped in CommonMark,
# so escaping all of them makes any text render as itself.
_MARKDOWN_PUNCTUATION = """!"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"""
_MARKDOWN_ESCAPES = str.maketrans({c: f"\\{c}" for c in _MARKDOWN_PUNCTUATION})
_MARKDOWN_SPECIAL = re.compile(f"[{re.escape(_MARKDOWN_PUNCTUATION)}]")  # one character: linear time


def _references(text: str) -> str:
    return "".join(f"&#x{ord(c):X};" for c in text)


def markdown_text(text: str) -> str:
    """Inline Markdown that renders as exactly `text` (single line), wherever it stands.

    Whitespace at either end of a paragraph, heading or link text is stripped by parsers (Python's
    and JavaScript's trim also strip U+2028 and the like): there it is written as character
    references. str.strip finds it in linear time (a regex like \\s+\\Z is quadratic on long runs).
    """
    # Searching for punctuation costs a fifth of translating (a dict lookup per character).
    escaped = text.translate(_MARKDOWN_ESCAPES) if _MARKDOWN_SPECIAL.search(text) else text
    if not (escaped[:1].isspace() or escaped[-1:].isspace()):
        return escaped  # nothing at either end to write as references
    start = len(escaped) - len(escaped.lstrip())
    end = max(start, len(escaped.rstrip()))
    return _references(escaped[:start]) + escaped[start:end] + _references(escaped[end:])


def markdown_code(text: str) -> str:
    """A code span showing exactly `text`: fence longer than any backtick run inside, padded
    where CommonMark would otherwise strip or merge a leading or trailing space or backtick."""
    longest = max((len(run) for run in re.findall("`+", text)), default=0) if "`" in text else 0
    fence = "`" * (longest + 1)
    # CommonMark never strips a span of spaces only, so such text must not be padded.
    edge = text[:1] in (" ", "`") or text[-1:] in (" ", "`")
    pad = " " if edge and text.strip(" ") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


# HTML: the five characters that can end a text or a quoted attribute value, or start markup.
_HTML_SPECIAL = re.compile("[&<>\"']")
_HTML_NAMED = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}


def html_text(text: str) -> str:
    """HTML text (or a double- or single-quoted attribute value) that shows exactly `text`.

    The HTML parser keeps every other character as it is in text and in attribute values, except
    CR, which it turns into LF: spec texts hold none outside the Markdown fields (the validator
    refuses them), and those are rendered by a Markdown parser, not by this function.
    """
    return _HTML_SPECIAL.sub(lambda m: _HTML_NAMED[m.group()], text)


def html_script_json(json_text: str) -> str:
    """JSON text made safe inside an HTML <script> element: "<" (only ever inside a JSON string)
    is written \\u003c, so no "</script" or "<!--" can end or change the element."""
    return json_text.replace("<", "\\u003c")
