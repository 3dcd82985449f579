"""One function per target language that turns any text into a source literal.

The rule for which characters are escaped is fixed here, not taken from the
running interpreter's Unicode tables, so output is the same on every machine.
Printable text stays readable ("Invalid asset。" is written as is); controls,
line and paragraph separators, invisible format characters and surrogates are
escaped, so a literal can never break out of its quotes or its line.
"""

from __future__ import annotations

import re

# Characters that are escaped in every language although they are not ASCII controls.
_INVISIBLE = (
    "\u00ad\u061c\u180e\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069"
    "\ufeff\ufff9-\ufffb\ufffe\uffff\ud800-\udfff"
)

_QUOTED_SPECIAL = re.compile(f'[\\\\"\x00-\x1f\x7f-\x9f{_INVISIBLE}]')
_QUOTED_NAMED = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _python_escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _QUOTED_NAMED:
        return _QUOTED_NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def python_string(text: str) -> str:
    """A double-quoted Python str literal whose value is exactly `text`."""
    return '"' + _QUOTED_SPECIAL.sub(_python_escape, text) + '"'


def toml_string(text: str) -> str:
    """A TOML basic string whose value is exactly `text` (TOML has no surrogates to escape)."""

    def escape(match: re.Match[str]) -> str:
        char = match.group()
        if 0xD800 <= ord(char) <= 0xDFFF:
            raise ValueError("a lone surrogate cannot be written to TOML")
        return _QUOTED_NAMED.get(char) or f"\\u{ord(char):04x}"

    return '"' + _QUOTED_SPECIAL.sub(escape, text) + '"'


def python_literal(value: object) -> str:
    """A Python literal for a spec value: None, bool, int or str."""
    if value is None or isinstance(value, bool):
        return repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return python_string(value)
    raise TypeError(f"no Python literal for {type(value).__name__}")
