"""The docs target: one Markdown reference page, README.md, in the spirit of the upstream page.

The page opens with the error payload, then a table of contents by category (with each category's
codes), one section per category and per code, and the retired codes at the end. A code's section
is under its category's heading and does not repeat it (a retired code, listed apart, does); its
messages are the numbered list. Each code's text is made here (`Entry`), and the template only
lays the pieces out (jinja looks nothing up per code). It is a README so
that forges show it when the directory is browsed. Beside it, the html target (html.py) writes
index.html, the same page as one self-contained HTML file with a search box, and
`targets.docs.changelog` brings in the changelog.

Escaping rules:

* Plain spec text (titles, labels, names, codes, the source) goes through `markdown_text`, which
  backslash-escapes every ASCII punctuation character, so it reads as itself.
* Messages, prefixes and payload field names are code spans (`markdown_code`): a reader sees them
  exactly, `%s` placeholders included, whatever backticks, pipes or markup they hold.
* Descriptions and deprecation or retirement reasons are Markdown written by the spec author:
  they are inserted as they are, each in a block quote of its own, which contains whatever they
  leave open.
* The example payload is JSON in a fenced block whose fence is longer than any backtick run in it.

Anchors are explicit `<a id="...">` tags (CommonMark gives headings no ids), derived injectively
from the code or the category name, so links to a code survive any change to the rest of the page.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, NamedTuple, TypeVar

from ..escaping import markdown_code, markdown_text
from ..model import Catalog, Category, Code, ErrorDef, Template
from ..rerun import read_source
from ..templating import header, render_template
from .base import SimpleTarget, option

PATH = "README.md"

# Sections with fixed anchors; no code or category anchor can take these (see `code_anchor`).
PAYLOAD_ANCHOR = "payload"
RETIRED_ANCHOR = "retired-codes"
UNCATEGORIZED_ANCHOR = "other-codes"  # codes of no category

# A source that is only a URL becomes an autolink; "%" is left out, as link text decodes it.
_SAFE_URL = re.compile(r"https?://[^\s<>`\\%]+")


def code_anchor(code: Code) -> str:
    """The id of a code's section: injective over integer and string codes together.

    An integer is written as it is after "code" (-1121 -> code-1121, 1121 -> code1121). A string
    code ([!-~]{1,64}) comes after "code_", one character at a time: digits and "_" as they are,
    capitals in lower case (22P02 -> code_22p02), a lower-case letter after "-" (-x), "-" as "--",
    any other character as "-" and its two hex digits (which start with a digit 2-7). Every
    encoded piece is told apart by its first character or two, so the encoding is reversible.
    """
    if isinstance(code, int):
        return f"code{code}"
    out = []
    for char in code:
        if char.isascii() and (char.isdigit() or char == "_"):
            out.append(char)
        elif "A" <= char <= "Z":
            out.append(char.lower())
        elif "a" <= char <= "z":
            out.append("-" + char)
        elif char == "-":
            out.append("--")
        elif "!" <= char <= "~":
            out.append(f"-{ord(char):02x}")
        else:
            raise ValueError(f"string code {code!r} holds {char!r}, which is not printable ASCII")
    return "code_" + "".join(out)


def category_anchor(category: Category) -> str:
    """category-request for REQUEST: names are [A-Z0-9_], so lower case with "-" is injective."""
    return "category-" + category.name.lower().replace("_", "-")


def _span(text: str) -> str:
    """A code span on one line: text with a line break (possible only in payload field names
    and prefixes, which the validator does not restrict) is shown as a JSON string instead."""
    if "`" not in text and text[-1:] != " " and text[:1] != " " and "\n" not in text and "\r" not in text:
        return f"`{text}`"  # what markdown_code writes for it: the usual case, made quick
    if "\n" in text or "\r" in text:
        text = json.dumps(text, ensure_ascii=False)
    return markdown_code(text)


def _text(text: str) -> str:
    """Inline text that reads as itself; line breaks (never in validated titles) become spaces."""
    if "\r" in text or "\n" in text:
        text = re.sub(r"\r\n|[\r\n]", " ", text)
    return markdown_text(text)


def _block(markdown: str | None) -> str | None:
    """Author-written Markdown, trimmed, or None when there is nothing to show."""
    if markdown is None or not markdown.strip():
        return None
    return markdown.strip("\n").rstrip()


def _quoted(markdown: str | None) -> str | None:
    """Author-written Markdown as a block quote: the quote closes whatever the text leaves open
    (a code fence, an HTML block) and nests its headings, so no description can swallow or
    restructure the rest of the page."""
    block = _block(markdown)
    if block is None:
        return None
    return "\n".join(f"> {line}".rstrip() for line in block.split("\n"))


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _range(low: int, high: int, text: Callable[[str], str] = _text) -> str:
    """ "-1000 to -1099" (counting away from zero), or "-1000" for one code."""
    if low == high:
        return text(str(low))
    first, last = (high, low) if high < 0 else (low, high)
    return f"{text(str(first))} to {text(str(last))}"


def _codes_of(category: Category, text: Callable[[str], str] = _text, span: Callable[[str], str] = _span) -> str:
    """ "codes -1000 to -1099", "codes 50000 to 50999 and 51000 to 51999", "codes starting with
    `22`", or "codes listed below" for a category that declares none; `text` and `span` write
    plain text and code (Markdown here, HTML for the HTML page)."""
    if category.ranges:
        one = len(category.ranges) == 1 and category.ranges[0][0] == category.ranges[0][1]
        return ("code " if one else "codes ") + _and([_range(low, high, text) for low, high in category.ranges])
    if category.prefixes:
        return "codes starting with " + _and([span(prefix) for prefix in category.prefixes], "or")
    return "codes listed below"


def _and(items: list[str], word: str = "and") -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {word} " + items[-1]


def _summary(category: Category) -> str:
    codes = _codes_of(category)
    return f"{codes[0].upper()}{codes[1:]} (category {_span(category.name)} in the generated SDKs)."


def _flag_block(label: str, reason: str | None) -> str:
    """A blockquote saying Deprecated or Retired, with the author's reason as Markdown."""
    reason = _block(reason)
    if reason is None:
        lines = [f"**{label}.**"]
    elif "\n" not in reason:
        lines = [f"**{label}:** {reason}"]
    else:  # several lines are a block of their own, not the tail of a sentence
        lines = [f"**{label}.**", "", *reason.split("\n")]
    return "\n".join(f"> {line}".rstrip() for line in lines)


def _payload_json(catalog: Catalog) -> tuple[str, str] | None:
    """The example payload as indented JSON, and a fence longer than any backtick run in it."""
    example = catalog.example
    if example is None:  # fall back to the first message that needs no value filled in
        example = next(
            ((e.code, t.text.replace("%%", "%")) for e in catalog.active for t in e.messages if t.arity == 0),
            None,
        )
    if example is None:
        return None
    code, message = example
    fields = [(catalog.payload.code_field, code), (catalog.payload.message_field, message)]
    body = (
        "{\n"
        + ",\n".join(f"  {json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}" for k, v in fields)
        + "\n}"
    )
    longest = max((len(run) for run in re.findall("`+", body)), default=0)
    return body, "`" * max(3, longest + 1)


@dataclass(frozen=True)
class _Anchors:
    """Every id on the page, checked unique as it is handed out."""

    taken: dict[str, str]

    def claim(self, anchor: str, owner: str) -> str:
        if anchor in self.taken:  # cannot happen with the schemes above; never emit a broken link
            raise ValueError(f"anchor {anchor!r} of {owner} is already the anchor of {self.taken[anchor]}")
        self.taken[anchor] = owner
        return anchor


class Markup(NamedTuple):
    """How a reference page writes the parts of a code's marks: the Markdown page here, the HTML
    page in html.py. Which marks a code has, and in what order, is `marks` alone."""

    text: Callable[[str], str]  # spec text, shown as itself
    code: Callable[[str], str]  # a value shown as code
    name: Callable[[str], str]  # an identifier the code is known by
    upstream: Callable[[str], str]  # a name as the upstream writes it
    strong: Callable[[str], str]  # a mark of one word (Retryable)
    field: Callable[[str, str], str]  # a label (already written) and its value
    number: Callable[[int], str]
    link: Callable[[str, str], str]  # written text and an anchor


def marks(error: ErrorDef, markup: Markup, category: bool = True) -> list[str]:
    """A code's marks: its kind, category, identifier, other names, retryable, HTTP status and
    extensions (`category=False` leaves the category out, for a page listing it by section)."""
    found = []
    if error.kind != "error":
        found.append(markup.strong(error.kind.capitalize()))
    if category and error.category is not None:
        link = markup.link(markup.text(error.category.title), category_anchor(error.category))
        found.append(markup.field("Category", link))
    if error.upstream_name != error.name:
        found.append(markup.field("Identifier", markup.name(error.name)))
    if error.aliases:
        names = [
            markup.name(a.name) + ("" if a.upstream == a.name else f" ({markup.upstream(a.upstream)})")
            for a in error.aliases
        ]
        found.append(markup.field("Also named", ", ".join(names)))
    if error.retryable:
        found.append(markup.strong("Retryable"))
    if error.http_status is not None:
        found.append(markup.field("HTTP status", markup.number(error.http_status)))
    if error.extensions:
        for key, value in error.extensions.items():
            shown = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
            found.append(markup.field(markup.text(key), markup.code(shown)))
    return found


MARKDOWN = Markup(
    text=_text,
    code=_span,
    name=_span,
    upstream=_text,
    strong=lambda word: f"**{word}**",
    field=lambda label, value: f"**{label}:** {value}",
    number=str,
    link=lambda text, anchor: f"[{text}](#{anchor})",
)


class Entry(NamedTuple):
    """A code's section, its text ready: the template lays the pieces out (fields in this order,
    which the template unpacks)."""

    anchor: str
    title: str  # the heading's text
    marks: str | None  # one line: identifier, other names, retryable, HTTP status...
    flag: str | None  # the deprecated or retired block quote
    description: str | None  # the author's Markdown, quoted
    messages: str | None  # the numbered variants, one item a line (or a block, when described)


_E = TypeVar("_E")


class Entries(Generic[_E]):
    """The entries of a section, each made as the template reaches it and let go once laid out:
    100,000 codes' entries held at once would cost more than the page itself. What each is made
    from (its code and its anchor, claimed in catalog order) is kept."""

    def __init__(self, make: Callable[[ErrorDef, str], _E]) -> None:
        self._make = make
        self._codes: list[tuple[ErrorDef, str]] = []

    def append(self, error: ErrorDef, anchor: str) -> None:
        self._codes.append((error, anchor))

    def __len__(self) -> int:
        return len(self._codes)

    def __iter__(self) -> Iterator[_E]:
        return (self._make(error, anchor) for error, anchor in self._codes)


def _title(error: ErrorDef) -> str:
    return _text(f"{error.code} {error.title}")  # the upstream name verbatim, as readers search for it


def _line(error: ErrorDef, anchor: str) -> tuple[str, str]:
    """A code's link (from the contents and the category it was in) with what the contents add to it."""
    suffix = " (retired)" if error.retired is not None else " (deprecated)" if error.deprecated is not None else ""
    return f"[{_title(error)}](#{anchor})", suffix


def _entry(error: ErrorDef, anchor: str) -> Entry:
    """A code's section."""
    title = _title(error)
    retired = error.retired is not None
    flag = None
    if retired:
        flag = _flag_block("Retired", error.retired)
    elif error.deprecated is not None:
        flag = _flag_block("Deprecated", error.deprecated)
        title += " (deprecated)"
    # A code's category is the heading it is listed under; a retired one (listed apart) says it.
    marked = marks(error, MARKDOWN, category=retired)
    messages = error.messages
    return Entry(
        anchor,
        title,
        " · ".join(marked) if marked else None,
        flag,
        _quoted(error.description) if error.description is not None else None,
        "\n".join([_message(number, template) for number, template in enumerate(messages)]) if messages else None,
    )


def _message(number: int, template: Template) -> str:
    """A numbered variant as a code span, and what the catalog says it means: one line after a
    hard break, or an indented block of its own under the item."""
    item = f"{number}. {_span(template.text)}"
    if template.description is None:
        return item
    described = _block(template.description)
    if described is None:
        return item
    block = "\n".join(f"   {line}".rstrip() for line in described.split("\n"))
    return f"{item}\\\n{block}" if "\n" not in described else f"{item}\n\n{block}"


# How the page explains each kind of placeholder it shows.
_LEGEND = {
    "s": "`%s` for a value",
    "d": "`%d` for a whole number",
    "f": "`%f` for a number",
    "b": "`%b` for `true` or `false`",
    "braces": "a name in braces (`{param0}`) for a value of that name",
}


def _legend(catalog: Catalog) -> set[str]:
    return {
        "braces" if p.text.startswith("{") else p.type
        for e in catalog.errors
        for t in e.messages
        for p in t.placeholders
    }


def render(catalog: Catalog) -> dict[str, str]:
    anchors = _Anchors({})
    anchors.claim(PAYLOAD_ANCHOR, "the payload section")
    categories: list[dict[str, Any]] = []
    for category in catalog.categories:
        categories.append(
            {
                "anchor": anchors.claim(category_anchor(category), f"category {category.name}"),
                "title": _text(f"{category.label} — {category.title}" if category.label else category.title),
                "codes": _codes_of(category),
                "summary": _summary(category),
                "description": _quoted(category.description),
                "all": [],  # in spec order, retired ones included (for the contents)
                "errors": Entries(_entry),
                "retired": [],
                "former": False,
            }
        )
    by_category = {c.name: entry for c, entry in zip(catalog.categories, categories, strict=True)}
    if any(error.category is None for error in catalog.errors):
        other: dict[str, Any] = {
            "anchor": anchors.claim(UNCATEGORIZED_ANCHOR, "the section of codes of no category"),
            "title": "Other codes",
            "codes": "codes of no category",
            "summary": "Codes the catalog puts in no category.",
            "description": None,
            "all": [],
            "errors": Entries(_entry),
            "retired": [],
            "former": False,
        }
        categories.append(other)
    retired = Entries(_entry)
    for error in catalog.errors:
        anchor = anchors.claim(code_anchor(error.code), f"code {error.code!r}")
        line = _line(error, anchor)
        section = by_category[error.category.name] if error.category is not None else other
        section["all"].append(line)
        if error.is_retired:
            section["retired"].append(line)
            retired.append(error, anchor)
        else:
            section["errors"].append(error, anchor)
    sections = list(categories)
    if retired:  # listed apart, after every category: the codes the API no longer sends
        anchor = anchors.claim(RETIRED_ANCHOR, "the retired codes section")
        sections.append({"anchor": anchor, "title": "Retired codes", "errors": retired, "former": True})

    integer = catalog.code_type == "integer"
    first = next((e for e in catalog.errors if e.is_exception), catalog.errors[0])
    example_code = catalog.example[0] if catalog.example else first.code
    summary = _plural(len(catalog.active), "code", "codes") + " in "
    summary += _plural(len(catalog.categories), "category", "categories")
    if any(e.kind == "success" for e in catalog.active):
        summary += " (success codes included)"
    if retired:
        summary += ", and " + _plural(len(retired), "retired code", "retired codes")
    source = catalog.source
    legend = _legend(catalog)
    context = {
        "header": header(catalog),
        "title": _text(catalog.title),
        "description": _quoted(catalog.description),
        "version": _text(catalog.version),
        "source": (f"<{source}>" if _SAFE_URL.fullmatch(source) else _text(source)) if source else None,
        "summary": summary,
        "payload_anchor": PAYLOAD_ANCHOR,
        "payload": _payload_json(catalog),
        "code_field": _span(catalog.payload.code_field),
        "message_field": _span(catalog.payload.message_field),
        "code_kind": "an integer" if integer else "a string",
        "example_code": _span(str(example_code)),
        "placeholders": [kind for kind in _LEGEND if kind in legend],
        "percent": any("%%" in t.text for e in catalog.errors for t in e.messages if t.style == "printf"),
        "any_retryable": any(e.retryable for e in catalog.active),
        "any_http_status": any(e.http_status is not None for e in catalog.active),
        "categories": categories,
        "sections": sections,
        "legend": _LEGEND,
        "retired_anchor": RETIRED_ANCHOR,
        "retired": retired,
        "changelog": CHANGELOG if option(catalog, "docs", "changelog") else None,
    }
    return {PATH: render_template("docs/README.md.jinja", **context)}


CHANGELOG = "CHANGELOG.md"
_CHANGELOG_LIMIT = 2 * 1024 * 1024


def include(catalog: Catalog, spec_dir: Path) -> dict[str, str]:
    """The changelog the user keeps (`targets.docs.changelog`, beside the spec), copied as it is
    under the header, so that the page's link to it and its links to the page's anchors work."""
    name = option(catalog, "docs", "changelog")
    if not name:
        return {}
    path = spec_dir / str(name)
    try:
        data = read_source(path, _CHANGELOG_LIMIT)
        if len(data) > _CHANGELOG_LIMIT:
            raise ValueError(f"targets.docs.changelog: {path} is larger than {_CHANGELOG_LIMIT} bytes")
        text = data.decode("utf-8")
    except OSError as exc:
        raise ValueError(f"targets.docs.changelog: cannot read {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ValueError(f"targets.docs.changelog: {path} is not UTF-8") from None
    return {CHANGELOG: f"<!-- {header(catalog)} -->\n\n" + text.removeprefix("\ufeff")}


TARGET = SimpleTarget(
    name="docs",
    summary="the reference page: out/docs/README.md, every code with a stable anchor",
    render_files=render,
    options={
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "changelog": {
                "description": "A changelog kept by hand (errgen changelog writes its sections), relative to the "
                "spec's folder: copied into out/docs/ beside the reference page, which links to it.",
                "type": "string",
                "minLength": 1,
                "maxLength": 300,
            },
        },
    },
    filters={"md": markdown_text, "md_code": markdown_code},
    include=include,
)
