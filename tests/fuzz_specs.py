"""Hypothesis strategies for random valid specs full of hostile text and near-miss names."""

from __future__ import annotations

import json
import re
from typing import Any

from hypothesis import strategies as st

from generator.characters import FORBIDDEN
from generator.model import Template
from generator.naming import Name
from generator.targets import python, typescript

HOSTILE = (
    '"',
    "'",
    "\\",
    "\\\\",
    "${x}",
    "`",
    "*/",
    "/*",
    '"""',
    "'''",
    "</script>",
    "<!--",
    "{{ x }}",
    "{%% raw %%}",
    "\u2028",
    "\u2029",
    "🎉",
    "\U0001d518",
    "🇺🇦👍🏽",
    "مرحبا",
    "שלום",
    "。",
    "é",
    "e\u0301",
    "#",
    "1.",
    "|",
    "- ",
    " ",
    "  ",
    "\\n",
    "\\u0000",
    "%%s",
    "100%%",
    "\x7e",
)

_FORBIDDEN = re.compile(f"[{FORBIDDEN}]")

# Characters a valid spec can hold in a message: no controls, invisible or bidi characters
# (the loader rejects them), no tab or line break (messages are single lines), and % only
# through the tokens %s and %%.
TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=["Cs"], exclude_characters="%\t\n\r").filter(
        lambda c: not _FORBIDDEN.match(c)
    ),
    min_size=1,
    max_size=12,
)
TOKEN = st.one_of(TEXT, st.sampled_from(HOSTILE), st.just("%s"))
MESSAGE = st.lists(TOKEN, min_size=1, max_size=6).map("".join)

RESERVED_CLASSES = python.RESERVED_CLASSES | typescript.RESERVED_CLASSES

NEAR_RESERVED = (
    "NONE",
    "CLASS",
    "TYPE",
    "STRING",
    "INIT",
    "ENUM",
    "CONSTRUCTOR",
    "SELF",
    "ERROR",
    "API",
    "PAYLOAD",
    "CODE",
    "CATEGORY",
    "NEW",
    "DEFAULT",
    "FUNC",
    "MAP",
    "PROTOTYPE",
    "NULL",
    "TRUE",
    "RANGE",
    "LEN",
)
WORD = st.one_of(st.sampled_from(NEAR_RESERVED), st.from_regex(r"[A-Z][A-Z0-9]{0,5}", fullmatch=True))
SUFFIX = st.sampled_from(("", "_1", "_X", "S", "_CODE", "2", "_ERROR"))
NAME = st.builds(lambda words, suffix: "_".join(words) + suffix, st.lists(WORD, min_size=1, max_size=3), SUFFIX)


def _usable(name: str, taken: set[str]) -> bool:
    try:
        parsed = Name(name)
    except ValueError:
        return False
    key = parsed.pascal.casefold()
    return parsed.error_class not in RESERVED_CLASSES and key not in taken


def _distinct_reachable(messages: list[str]) -> list[str]:
    """Drop duplicates and variants an earlier one would always match first (the validator rejects them)."""
    kept: list[Template] = []
    for text in messages:
        template = Template.parse(text)
        if not any(earlier.text == text or earlier.covers(template) for earlier in kept):
            kept.append(template)
    return [t.text for t in kept]


@st.composite
def specs(draw: st.DrawFn, index: int) -> dict[str, Any]:
    """A valid spec as plain data, its catalog named fuzz-<index> so every package name differs."""
    string_codes = draw(st.booleans())
    taken: set[str] = set()

    def name() -> str:
        value: str = draw(NAME)
        if not _usable(value, taken):  # rarely: made usable and unique rather than redrawn
            value = f"{value}_{len(taken)}Q"
        taken.add(Name(value).pascal.casefold())
        return value

    categories: list[dict[str, Any]] = []
    count = draw(st.integers(1, 3))
    for position in range(count):
        category: dict[str, Any] = {"name": name(), "title": draw(MESSAGE.filter(lambda m: "%" not in m))}
        if string_codes:
            category["prefix"] = f"{position}{draw(st.sampled_from('ABCXYZ'))}"
        else:
            category["range"] = {"min": position * 1000 - 900_000, "max": position * 1000 - 900_000 + 999}
        categories.append(category)

    errors: list[dict[str, Any]] = []
    codes: set[object] = set()
    for _ in range(draw(st.integers(1, 5))):
        category = draw(st.sampled_from(categories))
        if string_codes:
            code: object = category["prefix"] + draw(st.from_regex(r"[0-9A-Z]{3}", fullmatch=True))
        else:
            code = draw(st.integers(category["range"]["min"], category["range"]["max"]))
        if code in codes:
            continue
        codes.add(code)
        messages = _distinct_reachable(draw(st.lists(MESSAGE, min_size=1, max_size=4)))
        entry: dict[str, Any] = {"code": code, "name": name(), "category": category["name"], "messages": messages}
        if draw(st.booleans()):
            entry["description"] = draw(st.lists(TOKEN, min_size=1, max_size=5).map("".join)) + "\n\nMore *text*."
        flag = draw(st.sampled_from((None, "deprecated", "retired")))
        if flag:
            entry[flag] = draw(st.one_of(st.just(True), MESSAGE))
        errors.append(entry)
    if all(e.get("retired") for e in errors):
        errors[0].pop("retired")
    return {
        "catalog": {
            "name": f"fuzz-{index}",
            "title": draw(MESSAGE.filter(lambda m: "%" not in m)),
            "version": "1.0.0",
            "code_type": "string" if string_codes else "integer",
            "placeholders": "printf",  # chosen, so hostile text like {x} stays text
            "payload": {"code": "code", "message": "msg"},
        },
        "categories": categories,
        "errors": errors,
    }


def to_yaml(spec: dict[str, Any]) -> str:
    """The spec as YAML text: JSON is YAML 1.2; raw line separators become escapes."""
    text = json.dumps(spec, ensure_ascii=False, indent=1)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
