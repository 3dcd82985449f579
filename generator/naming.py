"""Identifiers: the spec's SCREAMING_SNAKE names and what each target makes of them.

A `Name` can only exist once validated, so templates never see a raw string
where an identifier is expected. Which names a target's output cannot hold is
each target's to say (generator/targets, Target.problems).
"""

from __future__ import annotations

import re

_NAME = re.compile(r"[A-Z]([A-Z0-9_]*[A-Z0-9])?")


class Name(str):
    """A validated SCREAMING_SNAKE_CASE name from the spec."""

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
        return "".join(w[0] + w[1:].lower() for w in self.words)

    @property
    def error_class(self) -> str:
        """BAD_SYMBOL -> BadSymbolError: the class of a code or a category in Python and TypeScript."""
        return self.pascal + "Error"
