"""Identifiers: the spec's SCREAMING_SNAKE names and what each target makes of them.

A `Name` can only exist once validated, so templates never see a raw string
where an identifier is expected. Which names a target's output cannot hold is
each target's to say (generator/targets, Target.problems).
"""

from __future__ import annotations

import re

_NAME = re.compile(r"[A-Z]([A-Z0-9_]*[A-Z0-9])?")


# What targets make of each name, computed once and asked for by every target, for every code:
# kept here by the name's text, not in each Name (a str subclass can have no slots of its own,
# and a __dict__ per name costs more than the name). load_catalog empties them.
_PASCAL: dict[str, str] = {}
_ERROR_CLASS: dict[str, str] = {}


def forget_names() -> None:
    """Let go of what the names of earlier catalogs made."""
    _PASCAL.clear()
    _ERROR_CLASS.clear()


class Name(str):
    """A validated SCREAMING_SNAKE_CASE name from the spec."""

    __slots__ = ()

    def __new__(cls, value: str) -> Name:
        if not _NAME.fullmatch(value):
            raise ValueError(f"{value!r} is not SCREAMING_SNAKE_CASE")
        return super().__new__(cls, value)

    @property
    def words(self) -> list[str]:
        return [w for w in self.split("_") if w]

    @property
    def pascal(self) -> str:
        """BAD_SYMBOL -> BadSymbol."""
        made = _PASCAL.get(self)
        if made is None:
            made = _PASCAL[self] = "".join(w[0] + w[1:].lower() for w in self.words)
        return made

    @property
    def error_class(self) -> str:
        """BAD_SYMBOL -> BadSymbolError: the class of a code or a category in Python and TypeScript."""
        made = _ERROR_CLASS.get(self)
        if made is None:
            made = _ERROR_CLASS[self] = self.pascal + "Error"
        return made


# Word boundaries inside a run of letters: fooBar -> foo|Bar, HTTPError -> HTTP|Error, v2Beta -> v2|Beta.
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z0-9])(?=[A-Z][a-z])")
_NOT_WORD = re.compile(r"[^A-Za-z0-9]+")


def identifier(upstream: str | None, code: int | str) -> Name:
    """The identifier a name makes when the spec gives no `identifier:`, by one documented rule:

    0. a name that is an identifier already (BAD_SYMBOL, A1B) is its own;
    1. split the name into words at every run of characters other than ASCII letters and digits
       and at camelCase boundaries ("Request Throttled", "requestThrottled" -> Request|Throttled);
    2. upper-case the words and join them with "_" (REQUEST_THROTTLED);
    3. prefix "E_" when that starts with a digit ("401 Unauthorized" -> E_401_UNAUTHORIZED);
    4. with no name, or one without any ASCII letter or digit, name the code itself:
       -1121 -> E_MINUS_1121, 5 -> E_5, "2202E" -> E_2202E ("." and the like become "_").

    Two entries that make the same identifier are reported by the validator, never renamed.
    """
    if upstream is not None and _NAME.fullmatch(upstream):
        return Name(upstream)
    words = _NOT_WORD.split(_CAMEL.sub("_", upstream or ""))
    text = "_".join(w.upper() for w in words if w)
    if not text:
        if isinstance(code, int):
            text = f"E_MINUS_{-code}" if code < 0 else f"E_{code}"
        else:
            text = "E_" + "_".join(w.upper() for w in _NOT_WORD.split(code) if w)
    if text[0].isdigit():
        text = "E_" + text
    return Name(text.rstrip("_") or "E")
