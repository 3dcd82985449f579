"""The generated Markdown reference page as a reader sees it: parsed by markdown-it-py (CommonMark
with tables) into sections, one per heading, each with its anchor and text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

ANCHOR_TAG = re.compile(r'<a id="([a-z0-9_-]+)">')


def parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


def text_of(inline: Token) -> str:
    """What a reader sees of an inline token: text and code, line breaks as spaces."""
    parts = []
    for child in inline.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)


@dataclass
class Section:
    level: int
    anchor: str | None
    title: str  # the heading's text
    tokens: list[Token] = field(default_factory=list)  # up to the next heading

    def inlines(self) -> list[Token]:
        return [t for t in self.tokens if t.type == "inline"]

    def text(self) -> str:
        return "\n".join(text_of(t) for t in self.inlines())


@dataclass
class Page:
    source: str
    tokens: list[Token]
    html: str
    sections: list[Section]

    def anchors(self) -> list[str]:
        return [
            m.group(1)
            for t in self.tokens
            if t.type == "inline"
            for c in t.children or []
            if c.type == "html_inline" and (m := ANCHOR_TAG.fullmatch(c.content))
        ]

    def section(self, anchor: str) -> Section:
        found = [s for s in self.sections if s.anchor == anchor]
        assert len(found) == 1, f"{len(found)} sections with anchor {anchor!r}"
        return found[0]

    def titled(self, title: str) -> list[Section]:
        return [s for s in self.sections if s.title == title]


def read_page(source: str) -> Page:
    tokens = parser().parse(source)
    sections: list[Section] = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.level == 0:
            inline = tokens[index + 1]
            children = inline.children or []
            first = children[0] if children else None
            match = ANCHOR_TAG.fullmatch(first.content) if first and first.type == "html_inline" else None
            sections.append(Section(int(token.tag[1]), match.group(1) if match else None, text_of(inline)))
        elif sections and token.type != "heading_close" and not (index and tokens[index - 1].type == "heading_open"):
            sections[-1].tokens.append(token)
    return Page(source, tokens, parser().render(source), sections)


def error_section(page: Page, error: dict[str, Any]) -> Section:
    """The section of a code, found by its heading text (code and name), not by its anchor."""
    title = f"{error['code']} {error['name']}"
    found = page.titled(title) + page.titled(f"{title} (deprecated)")
    assert len(found) == 1, f"{len(found)} sections titled {title!r}"
    return found[0]


def message_items(section: Section) -> list[Token]:
    """The inline tokens of a code's messages: the items of the numbered list of its section (not
    one inside a quoted description), after the "Former messages:" paragraph for a retired code."""
    tokens = section.tokens
    start = next(i for i, t in enumerate(tokens) if t.type == "ordered_list_open" and t.level == 0)
    opening = tokens[start]
    assert opening.attrs.get("start") == 0, "variants are numbered from 0"
    before = [text_of(t) for t in tokens[:start] if t.type == "inline" and t.level == 1]
    assert "Messages:" not in before, "the numbered list says what it is"
    depth, items = 0, []
    for token in tokens[start:]:
        depth += token.nesting if token.type in ("ordered_list_open", "ordered_list_close") else 0
        if token.type == "inline" and depth == 1:
            items.append(token)
        if depth == 0:
            break
    return items
