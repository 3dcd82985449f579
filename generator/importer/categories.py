"""Categories from headings (or a category column): one per title, named, with the ranges or
prefixes their labels say (headings.py), and a code only a set's heading names placed by them."""

from __future__ import annotations

from ..naming import identifier
from . import headings
from .planned import (
    MAX_NAME,
    Code,
    PlannedCategory,
    PlannedEntry,
    Recorder,
    compare_key,
    has_words,
    shorten,
    valid_name,
)
from .source import Heading


class CategoryRules(Recorder):
    """The planner's category decisions (plan.py), each noted."""

    def categories(
        self, planned: list[PlannedEntry], headings_of: list[Heading | None], code_type: str, taken: set[str]
    ) -> list[PlannedCategory]:
        by_key: dict[str, PlannedCategory] = {}
        parsed: dict[str, headings.Parsed] = {}
        members: dict[str, list[PlannedEntry]] = {}
        spans: dict[str, list[tuple[headings.Parsed, Heading]]] = {}
        for entry, heading in zip(planned, headings_of, strict=True):
            if heading is None:
                continue
            found = headings.parse(heading.text)
            key = found.title or found.label or heading.text
            if key not in by_key:
                by_key[key] = PlannedCategory(
                    name="", title=found.title or found.label or key, label=found.label, at=heading.at
                )
                parsed[key] = found
                spans[key] = []
                members[key] = []
            category = by_key[key]
            if heading.text not in category.headings:
                category.headings.append(heading.text)
                spans[key].append((found, heading))
                if found.label is not None and category.label is not None and found.label not in category.label:
                    category.label = f"{category.label}, {found.label}"
                    self.note(
                        heading.at, "category", f"{heading.text!r} continues the category {key!r}: one more range"
                    )
            members[key].append(entry)
        self.name_categories(list(by_key.values()), parsed, taken)
        negatives = sum(1 for e in planned if isinstance(e.code, int) and e.code < 0)
        mostly_negative = negatives * 2 > len(planned)
        for key, category in by_key.items():
            for entry in members[key]:
                entry.category = category.name
            for found, heading in spans[key]:
                self.bounds(category, found, heading, members[key], code_type, mostly_negative)
        self.outside(list(by_key.values()), planned)
        return list(by_key.values())

    def name_categories(
        self, categories: list[PlannedCategory], parsed: dict[str, headings.Parsed], taken: set[str]
    ) -> None:
        words: list[list[str]] = []
        for category in categories:
            text = category.title
            words.append(identifier(text, 0).removeprefix("E_").split("_") if has_words(text) else ["CATEGORY"])
        short = headings.short_names(words)
        used = set(taken)
        for category, name in zip(categories, short, strict=True):
            if valid_name(category.title) and category.label is None:
                name = category.title  # a category cell that is a name already
            elif name[0].isdigit():
                name = "E_" + name
            chosen = name
            if compare_key(chosen) in used or len(chosen) > MAX_NAME:
                chosen = shorten(identifier(category.title, 0))
                if compare_key(chosen) in used:
                    chosen, count = f"{shorten(name, MAX_NAME - 10)}_CATEGORY", 2
                    while compare_key(chosen) in used:
                        chosen, count = f"{shorten(name, MAX_NAME - 12)}_CATEGORY_{count}", count + 1
            used.add(compare_key(chosen))
            category.name = chosen
            self.note(category.at, "category", f"{category.headings[0]!r}: the category {chosen}")

    def bounds(
        self,
        category: PlannedCategory,
        found: headings.Parsed,
        heading: Heading,
        members: list[PlannedEntry],
        code_type: str,
        mostly_negative: bool,
    ) -> None:
        if found.label is None:
            self.note(heading.at, "range", f"{heading.text!r} has no label such as 10xx: {category.name} has no range")
            return
        if code_type == "string":
            prefixes = [found.prefix] if found.prefix else [s.prefix for s in found.spans]
            if not prefixes or any(p is None for p in prefixes):
                self.note(heading.at, "range", f"label {found.label!r} names no prefix of text codes: none inferred")
                return
            for prefix in prefixes:
                assert prefix is not None
                if prefix not in category.prefixes:
                    category.prefixes.append(prefix)
            starts = ", ".join(f'"{p}"' for p in prefixes)
            self.note(heading.at, "range", f"label {found.label!r}: {category.name} holds the codes starting {starts}")
            return
        codes = [e.code for e in members if isinstance(e.code, int)]
        if codes and all(c < 0 for c in codes):
            negative, why = True, "its codes are negative"
        elif codes and all(c >= 0 for c in codes):
            negative, why = False, "its codes are not negative"
        else:
            negative, why = (
                mostly_negative,
                "most of the catalog's codes are " + ("negative" if mostly_negative else "not negative"),
            )
        shown = []
        for span in found.spans:
            bounds = span.bounds(negative)
            if bounds is None:
                self.note(heading.at, "range", f"label {found.label!r} holds letters: no range inferred")
                return
            if bounds not in category.ranges:
                category.ranges.append(bounds)
            shown.append(f"{bounds[0]}..{bounds[1]}")
        self.note(heading.at, "range", f"label {found.label!r}: {category.name} holds {', '.join(shown)} ({why})")

    def outside(self, categories: list[PlannedCategory], planned: list[PlannedEntry]) -> None:
        by_name = {c.name: c for c in categories}
        for entry in planned:
            category = by_name.get(entry.category or "")
            if category is None or not (category.ranges or category.prefixes):
                continue
            if not contains(category, entry.code):
                self.note(
                    entry.at,
                    "category",
                    f"{entry.code} lies outside {category.name}'s codes but is listed under it: it stays there",
                )

    def place_mentioned(
        self, categories: list[PlannedCategory], planned: list[PlannedEntry], mentioned: list[bool]
    ) -> None:
        """A code only named by a set's heading takes the category whose range holds it (the
        narrowest; the longest prefix), as the runtimes would place it."""
        for entry, only_named in zip(planned, mentioned, strict=True):
            if not only_named:
                continue
            holding = [c for c in categories if contains(c, entry.code)]
            if holding:
                best = min(holding, key=lambda c: _width(c, entry.code))
                entry.category = best.name
                self.note(entry.at, "category", f"{entry.code} lies in {best.name}'s range: it is put there")


def contains(category: PlannedCategory, code: Code) -> bool:
    if isinstance(code, int):
        return any(low <= code <= high for low, high in category.ranges)
    return any(code.startswith(p) for p in category.prefixes)


def _width(category: PlannedCategory, code: Code) -> int:
    if isinstance(code, int):
        return min(high - low for low, high in category.ranges if low <= code <= high)
    return -max(len(p) for p in category.prefixes if code.startswith(p))
