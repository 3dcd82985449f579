"""Category headings as vendors write them, and the codes a label such as `10xx` stands for.

A heading is an optional label, then an optional separator (`-`, an en or em dash, `:`), then a title:

* `10xx - General Server or Network issues`: the codes 1000..1099 (x: any digit);
* `11xx - 2xxx Request issues`, `3xxx-5xxx`, `1000 to 1999`: one range, from the start of the
  first to the end of the second;
* `50xx/51xxx`, `4xx, 5xx`: several ranges (`/`, `,`, `&` or `and` between them);
* `Class 22 - Data Exception`, `22xxx`: the prefix "22" of string codes (SQLSTATE's classes).

Signs are the codes' (see plan.py): Binance's `10xx` holds -1099..-1000. Headings are short,
vendor-written lines, so the regular expressions here never see a message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The stem holds no X, so it and the x run never compete for a character.
_PATTERN = r"[+-]?[0-9][0-9A-WYZ]*[xX]+(?![0-9A-Za-z])|[+-]?[0-9]+(?![0-9A-Za-z])"
_ITEM = rf"(?:{_PATTERN})(?:[ \t]*(?:-|\u2013|\u2014|\bto\b)[ \t]*(?:{_PATTERN}))?"
_LABEL = re.compile(rf"{_ITEM}(?:[ \t]*(?:/|,|&|\band\b)[ \t]*{_ITEM})*")
_ONE_ITEM = re.compile(rf"(?P<start>{_PATTERN})(?:[ \t]*(?:-|\u2013|\u2014|\bto\b)[ \t]*(?P<end>{_PATTERN}))?")
_CLASS = re.compile(r"(?i:class)[ \t]+(?P<prefix>[0-9A-Z]{1,4})(?![0-9A-Za-z])")
_SEPARATOR = re.compile(r"[ \t]*(?:[-\u2013\u2014:|][ \t]*)?")


@dataclass(frozen=True)
class Span:
    """One item of a label: `10xx`, or `11xx - 2xxx` (end set)."""

    start: str
    end: str | None = None

    def bounds(self, negative: bool) -> tuple[int, int] | None:
        """The inclusive integer range, its sign taken from `negative` where the label has none;
        None where a pattern holds letters (a string code's class)."""
        low = _low_high(self.start)
        high = _low_high(self.end) if self.end is not None else low
        if low is None or high is None:
            return None
        signed = self.start[0] in "+-" or (self.end is not None and self.end[0] in "+-")
        values = [*low, *high]
        if negative and not signed:
            values = [-v for v in values]
        return min(values), max(values)

    @property
    def prefix(self) -> str | None:
        """The prefix of string codes a single pattern names (`22xxx` -> "22"), or None."""
        if self.end is not None or self.start[0] in "+-" or self.start[-1] not in "xX":
            return None
        return self.start.rstrip("xX")


def _low_high(pattern: str) -> tuple[int, int] | None:
    digits = pattern.lstrip("+-")
    stem = digits.rstrip("xX")
    if not stem.isdigit() or not stem.isascii():
        return None
    width = len(digits) - len(stem)
    low, high = int(stem) * 10**width, int(stem) * 10**width + 10**width - 1
    return (-high, -low) if pattern.startswith("-") else (low, high)


@dataclass(frozen=True)
class Parsed:
    label: str | None  # as written, e.g. "11xx - 2xxx"
    title: str | None
    spans: tuple[Span, ...] = ()
    prefix: str | None = None  # from `Class 22`


def parse(text: str) -> Parsed:
    """A heading's label (if it starts with one) and title, verbatim but for the separator."""
    text = text.strip()
    found = _CLASS.match(text)
    if found:
        title = text[_SEPARATOR.match(text, found.end()).end() :].strip()  # type: ignore[union-attr]
        return Parsed(found.group(), title or None, prefix=found.group("prefix"))
    found = _LABEL.match(text)
    if found:
        label = found.group()
        spans = tuple(Span(item.group("start"), item.group("end")) for item in _ONE_ITEM.finditer(label))
        # A lone number is a code ("-1121 BAD_SYMBOL"), not a label: a label has an x or a range.
        if any("x" in s.start.lower() or s.end is not None for s in spans):
            rest = text[found.end() :]
            if not rest or not rest[0].isalnum():
                title = rest[_SEPARATOR.match(rest).end() :].strip()  # type: ignore[union-attr]
                return Parsed(label, title or None, spans)
    return Parsed(None, text or None)


def is_label(text: str) -> bool:
    return parse(text).label is not None


def _singular(word: str) -> str:
    if len(word) > 3 and word.endswith("S") and not word.endswith(("SS", "US", "IS")):
        return word[:-1]
    return word


def short_names(titles: list[list[str]]) -> list[str]:
    """Each title's category name: its first words, as few as tell it from every other title,
    the last of them singular (Filters and other issues -> FILTER); `titles` are word lists,
    upper case. Equal titles get equal names (they are one category)."""
    names = []
    for words in titles:
        others = [t for t in titles if t != words]
        count = next((n for n in range(1, len(words) + 1) if all(t[:n] != words[:n] for t in others)), len(words))
        chosen = words[:count]
        names.append("_".join([*chosen[:-1], _singular(chosen[-1])]))
    return names
