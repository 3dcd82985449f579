"""The html target: out/docs/index.html, the docs target's reference page as one self-contained
file beside README.md (the html target writes into the docs folder, and owns only this file).

The page holds what the Markdown page (docs.py) holds, under the same anchors (`docs.code_anchor`,
`docs.category_anchor` and the fixed section anchors are the only source of ids), so a link to
`README.md#code-1121` keeps working as `index.html#code-1121`. It needs nothing else: the style
and a small script are inline, the page requests nothing (its Content-Security-Policy allows
no source at all but the hashes of its own style and script), and every entry is plain HTML, so
it reads in full with scripts off.

An entry leaves out the end tags the HTML spec makes optional (`</p>`, `</li>`), which a browser
implies where they were: the same elements in fewer bytes. Its HTML is made here (`Entry`);
the template lays the pieces out.

The script (templates/html/search.js.jinja) adds the search box. It reads the catalog from the
page itself, the data being there once: each entry's code and name from its heading, each
variant's literal parts and placeholders from its `<code>` (placeholders are `<var>` elements,
literal text is text), and the catalog's tolerances from one small JSON block. It matches a
pasted message by the model's reference rule (`ErrorDef.match_loosely`: `split`, `fits`,
`specificity`), which tests/test_html_browser.py checks against the conformance vectors.

Escaping rules:

* Every spec text goes through `escaping.html_text`, and shows as itself.
* Descriptions and deprecation or retirement reasons are the author's Markdown, rendered by a
  CommonMark parser with raw HTML off (a tag in them shows as text), links whose scheme is not
  safe left as text, images turned into links (the page loads nothing) and headings moved below
  the page's own levels.
"""

from __future__ import annotations

import base64
import hashlib
import json
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple

from ..escaping import html_script_json, html_text
from ..model import Catalog, Category, ErrorDef, Template
from ..templating import header, render_template
from . import docs
from .base import SimpleTarget, option

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.renderer import RendererHTML
    from markdown_it.token import Token
    from markdown_it.utils import EnvType, OptionsDict

PATH = "index.html"

# Headings in author Markdown start below the page's own (h1 page, h2 section, h3 code).
_HEADING_SHIFT = 3


def _image(renderer: RendererHTML, tokens: list[Token], index: int, options: OptionsDict, env: EnvType) -> str:
    """An image as a link to it, its alt text the link's text: the page loads nothing."""
    token = tokens[index]
    source = html_text(str(token.attrGet("src") or ""))
    text = renderer.renderInlineAsText(token.children or [], options, env) or "image"
    return f'<a href="{source}">{html_text(text)}</a>'


@cache
def _markdown() -> MarkdownIt:
    # Loaded when a page is rendered: every errgen run imports the targets.
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "xhtmlOut": False})
    md.add_render_rule("image", _image)
    return md


def markdown(text: str | None) -> str | None:
    """Author Markdown as HTML that cannot run or load anything, or None when there is none."""
    if text is None or not text.strip():
        return None
    md = _markdown()
    tokens = md.parse(text.strip("\n"))
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(6, int(token.tag[1:]) + _HEADING_SHIFT)}"
    rendered: str = md.renderer.render(tokens, md.options, {})
    return rendered.strip("\n")


def _variant(template: Template) -> str:
    """A message as the spec writes it, each placeholder a <var>: the script reads the literal
    parts back from the text between them (see `_percent`)."""
    if not template.placeholders:
        return html_text(template.text)
    pieces: list[str] = []
    rest = template.text
    for placeholder in template.placeholders:
        at = rest.index(placeholder.text) if template.style == "braces" else _printf_at(rest, placeholder.text)
        pieces += [html_text(rest[:at]), f"<var>{html_text(placeholder.text)}</var>"]
        rest = rest[at + len(placeholder.text) :]
    pieces.append(html_text(rest))
    return "".join(pieces)


def _printf_at(text: str, placeholder: str) -> int:
    """Where the next printf placeholder starts: the first % that is not half of a %%."""
    at = 0
    while True:
        at = text.index("%", at)
        if text.startswith("%%", at):
            at += 2
            continue
        if text.startswith(placeholder, at):
            return at
        raise ValueError(f"{placeholder!r} is not the next placeholder of {text!r}")


def _percent(template: Template) -> bool:
    """Whether the shown text writes a literal % as %% (printf), which the script must undo."""
    return template.style == "printf" and "%%" in template.text


def _flag(label: str, reason: str | None) -> str:
    """ "Deprecated." or "Deprecated: reason", the reason the author's Markdown; one paragraph of
    it is the tail of the sentence, several are a block of their own. (A paragraph's end tag is
    left out where the HTML spec allows it: before a block, or at the end of its parent.)"""
    rendered = markdown(reason)
    if rendered is None:
        return f"<p><b>{label}.</b>"
    if rendered.startswith("<p>") and rendered.count("<p>") == 1 and rendered.endswith("</p>"):
        return f"<p><b>{label}:</b> {rendered[3:-4]}"
    return f"<p><b>{label}.</b></p>\n{rendered}"


# How an entry writes a code's marks. The search (search.js.jinja) reads a code's names from its
# marks: every bare <code> and <span class=n> there is one; an extension's value is <code class=v>.
_MARKUP = docs.Markup(
    text=html_text,
    code=lambda value: f"<code class=v>{html_text(value)}</code>",
    name=lambda name: f"<code>{html_text(name)}</code>",
    upstream=lambda name: f"<span class=n>{html_text(name)}</span>",
    strong=lambda word: f"<b>{word}</b>",
    field=lambda label, value: f"{label}: {value}",
    number=lambda number: f"<b>{number}</b>",
    link=lambda text, anchor: f"<a href=#{anchor}>{text}</a>",
)


class Entry(NamedTuple):
    """A code's entry, its HTML ready: templates/html/index.html.jinja lays the pieces out (fields
    in this order, which the template unpacks)."""

    anchor: str
    title: str
    deprecated: bool
    marks: str | None
    flag: str | None
    description: str | None
    messages: str | None  # the variants' list items (<li>, its end tag left out)


def _entry(error: ErrorDef, anchor: str) -> Entry:
    # A code's category is the section it is listed in; only a retired one (listed apart) says it.
    retired = error.retired is not None
    marks = docs.marks(error, _MARKUP, category=retired)
    flag = None
    if retired:
        flag = _flag("Retired", error.retired)
    elif error.deprecated is not None:
        flag = _flag("Deprecated", error.deprecated)
    return Entry(
        anchor,
        _title(error),
        error.deprecated is not None and not retired,
        " · ".join(marks) if marks else None,
        flag,
        markdown(error.description) if error.description is not None else None,
        "".join([_message(t) for t in error.messages]) if error.messages else None,
    )


def _title(error: ErrorDef) -> str:
    return html_text(f"{error.code} {error.title}")


def _message(template: Template) -> str:
    """A variant as a list item: its text in a <code> (class pc: the script undoes its %%),
    and what it means."""
    code = "<li><code class=pc>" if _percent(template) else "<li><code>"
    described = markdown(template.description) if template.description is not None else None
    if described is None:
        return f"{code}{_variant(template)}</code>"
    return f"{code}{_variant(template)}</code><div class=d>{described}</div>"


def _span(text: str) -> str:
    """Code; text with a line break (possible only in prefixes) is shown as a JSON string, as docs does."""
    if "\n" in text or "\r" in text:
        text = json.dumps(text, ensure_ascii=False)
    return f"<code>{html_text(text)}</code>"


def _codes_of(category: Category) -> str:
    return docs._codes_of(category, text=html_text, span=_span)


def _summary(category: Category) -> str:
    codes = _codes_of(category)
    return f"{codes[0].upper()}{codes[1:]} (category {_span(category.name)} in the generated SDKs)."


# How the page explains each kind of placeholder it shows (docs._LEGEND, in HTML).
_LEGEND = {
    "s": "<var>%s</var> for a value",
    "d": "<var>%d</var> for a whole number",
    "f": "<var>%f</var> for a number",
    "b": "<var>%b</var> for <code>true</code> or <code>false</code>",
    "braces": "a name in braces (<var>{param0}</var>) for a value of that name",
}


def _digest(text: str) -> str:
    """A Content-Security-Policy source for an inline element of exactly this text."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def render(catalog: Catalog) -> str:
    anchors = docs._Anchors({})
    anchors.claim(docs.PAYLOAD_ANCHOR, "the payload section")
    categories: list[dict[str, Any]] = []
    for category in catalog.categories:
        categories.append(
            {
                "anchor": anchors.claim(docs.category_anchor(category), f"category {category.name}"),
                "title": html_text(f"{category.label} — {category.title}" if category.label else category.title),
                "codes": _codes_of(category),
                "summary": _summary(category),
                "description": markdown(category.description),
                "errors": docs.Entries(_entry),
                "retired": [],
                "former": False,
            }
        )
    by_category = {c.name: entry for c, entry in zip(catalog.categories, categories, strict=True)}
    if any(error.category is None for error in catalog.errors):
        other: dict[str, Any] = {
            "anchor": anchors.claim(docs.UNCATEGORIZED_ANCHOR, "the section of codes of no category"),
            "title": "Other codes",
            "codes": "codes of no category",
            "summary": "Codes the catalog puts in no category.",
            "description": None,
            "errors": docs.Entries(_entry),
            "retired": [],
            "former": False,
        }
        categories.append(other)
    retired = docs.Entries(_entry)
    for error in catalog.errors:
        anchor = anchors.claim(docs.code_anchor(error.code), f"code {error.code!r}")
        section = by_category[error.category.name] if error.category is not None else other
        if error.retired is not None:
            section["retired"].append((_title(error), anchor))
            retired.append(error, anchor)
        else:
            section["errors"].append(error, anchor)
    sections = list(categories)
    if retired:  # listed apart, after every category: the codes the API no longer sends
        anchor = anchors.claim(docs.RETIRED_ANCHOR, "the retired codes section")
        sections.append({"anchor": anchor, "title": "Retired codes", "errors": retired, "former": True})

    integer = catalog.code_type == "integer"
    first = next((e for e in catalog.errors if e.is_exception), catalog.errors[0])
    example_code = catalog.example[0] if catalog.example else first.code
    summary = docs._plural(len(catalog.active), "code", "codes") + " in "
    summary += docs._plural(len(catalog.categories), "category", "categories")
    if any(e.kind == "success" for e in catalog.active):
        summary += " (success codes included)"
    if retired:
        summary += ", and " + docs._plural(len(retired), "retired code", "retired codes")
    payload = docs._payload_json(catalog)
    settings = {
        "tolerate": sorted(catalog.payload.tolerate),
        "string_codes": not integer,
        "retired": docs.RETIRED_ANCHOR,
    }
    legend = docs._legend(catalog)
    style = render_template("html/style.css.jinja")
    script = render_template("html/search.js.jinja")
    context = {
        "header": html_text(header(catalog)),
        "title": html_text(catalog.title),
        "description": markdown(catalog.description),
        "version": html_text(catalog.version),
        "source": html_text(catalog.source) if catalog.source else None,
        "source_url": html_text(catalog.source)
        if catalog.source and docs._SAFE_URL.fullmatch(catalog.source)
        else None,
        "summary": summary,
        "payload_anchor": docs.PAYLOAD_ANCHOR,
        "payload": html_text(payload[0]) if payload else None,
        "code_field": html_text(catalog.payload.code_field),
        "message_field": html_text(catalog.payload.message_field),
        "code_kind": "an integer" if integer else "a string",
        "example_code": html_text(str(example_code)),
        "placeholders": [_LEGEND[kind] for kind in _LEGEND if kind in legend],
        "percent": any("%%" in t.text for e in catalog.errors for t in e.messages if t.style == "printf"),
        "any_retryable": any(e.retryable for e in catalog.active),
        "any_http_status": any(e.http_status is not None for e in catalog.active),
        "categories": categories,
        "sections": sections,
        "retired_anchor": docs.RETIRED_ANCHOR,
        "retired": retired,
        "changelog": docs.CHANGELOG if option(catalog, "docs", "changelog") else None,
        "markdown_page": docs.PATH,
        "settings": html_script_json(json.dumps(settings, separators=(",", ":"))),
        "style": style,
        "script": script,
        "policy": f"default-src 'none'; style-src {_digest(style)}; script-src {_digest(script)}; "
        "base-uri 'none'; form-action 'none'",
    }
    return render_template("html/index.html.jinja", **context)


TARGET = SimpleTarget(
    name="html",
    summary="the reference page as one searchable HTML file, out/docs/index.html, with the same anchors",
    render_files=lambda catalog: {PATH: render(catalog)},
    options={
        "description": "The html target (out/docs/index.html) takes no settings yet.",
        "type": "object",
        "additionalProperties": False,
    },
    folder="docs",
    files=(PATH,),
)
