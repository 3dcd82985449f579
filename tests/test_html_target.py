"""The HTML reference page as a file: the Markdown page's anchors, nothing it would load, its policy,
author Markdown rendered safely. How it behaves in a browser is tests/test_html_browser.py."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.cli import main
from generator.render import render
from generator.targets import docs, html
from generator.validate import load_catalog
from tests.conftest import SPECS
from tests.docs_page import ANCHOR_TAG
from tests.helpers import OUT
from tests.snapshots import GOLDEN
from tests.test_html_browser import HOSTILE

PAGES = {
    "binance": OUT / "docs",
    **{name: GOLDEN / name / "docs" for name in ("minimal", "string_codes", "torture", "formats")},
}
# Ids of the page's own furniture, which the Markdown page has no need of.
FURNITURE = {"search", "q", "search-help", "found", "main", "results", "catalog"}


class _Elements(HTMLParser):
    """Every start tag with its attributes, and the text of <style> and <script> elements.
    html.parser reads <noscript> content as markup, as a browser with scripts off does."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.inline: dict[str, list[str]] = {"style": [], "script": []}
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in self.inline and not dict(attrs).get("type"):
            self._in = tag
            self.inline[tag].append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in:
            self.inline[self._in][-1] += data


def _elements(text: str) -> _Elements:
    parser = _Elements()
    parser.feed(text)
    parser.close()
    return parser


def _pages() -> dict[str, str]:
    pages = {name: (directory / "index.html").read_text(encoding="utf-8") for name, directory in PAGES.items()}
    pages["hostile"] = render(load_catalog(HOSTILE.encode()), ["html"])["docs/index.html"]
    return pages


def test_the_html_page_has_exactly_the_markdown_pages_anchors() -> None:
    """Every anchor of README.md is an id of index.html and the other way round (but for the search's
    own elements), and every code's id is docs.code_anchor(code), on an <article>, once."""
    for name, directory in PAGES.items():
        catalog = load_catalog(SPECS[name].read_bytes())
        markdown = ANCHOR_TAG.findall((directory / "README.md").read_text(encoding="utf-8"))
        elements = _elements((directory / "index.html").read_text(encoding="utf-8")).tags
        ids = [attrs["id"] for _, attrs in elements if attrs.get("id")]
        assert len(ids) == len(set(ids)), name
        assert set(ids) - FURNITURE == set(markdown), name
        articles = [attrs["id"] for tag, attrs in elements if tag == "article"]
        assert sorted(articles) == sorted(docs.code_anchor(e.code) for e in catalog.errors), name
        links = {attrs["href"][1:] for tag, attrs in elements if tag == "a" and (attrs.get("href") or "")[:1] == "#"}
        assert links <= set(ids), (name, links - set(ids))  # no internal link is broken


def test_the_page_loads_nothing_and_allows_nothing_but_its_own_style_and_script() -> None:
    for name, text in _pages().items():
        parsed = _elements(text)
        for tag, attrs in parsed.tags:
            assert tag not in ("img", "iframe", "object", "embed", "link", "audio", "video", "source", "base"), name
            for attribute in ("src", "srcset", "poster", "data", "action", "background", "formaction"):
                assert attribute not in attrs, (name, tag, attribute)
            assert not any(key.startswith("on") for key in attrs), (name, tag, attrs)
            if tag == "a":
                assert not (attrs.get("href") or "").lower().startswith(("javascript:", "data:", "vbscript:")), name
        assert len(parsed.inline["style"]) == len(parsed.inline["script"]) == 1, name
        (style,), (script,) = parsed.inline["style"], parsed.inline["script"]
        assert "url(" not in style and "@import" not in style, name
        assert "fetch(" not in script and "XMLHttpRequest" not in script and "import(" not in script, name
        policy = next(a["content"] for t, a in parsed.tags if t == "meta" and a.get("http-equiv"))
        digest = {
            kind: base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
            for kind, body in (("style", style), ("script", script))
        }
        assert policy == (
            f"default-src 'none'; style-src 'sha256-{digest['style']}'; script-src 'sha256-{digest['script']}'; "
            "base-uri 'none'; form-action 'none'"
        ), name


def test_spec_text_cannot_end_a_noscript_block_or_the_data_block() -> None:
    for name, text in _pages().items():
        assert len(re.findall("(?i)</script", text)) == 2, name  # the data block's and the script's own
        markup = text[: text.rindex("<script>")]
        assert markup.count("<noscript>") == markup.count("</noscript>") == len(re.findall("(?i)</noscript", text))
        assert text.startswith(f"<!-- Code generated by errgen from the {load_name(name)} "), name


def load_name(name: str) -> str:
    return "hostile-page" if name == "hostile" else load_catalog(SPECS[name].read_bytes()).name


def test_author_markdown_is_rendered_and_cannot_run_or_load_anything() -> None:
    rendered = html.markdown(
        "# Title\n\n<script>alert(1)</script> *em* `code` [ok](https://example.com/a?b=1&c=2) "
        "[bad](javascript:alert(1)) ![pic *alt*](https://example.com/x.png) <b onclick=x>b</b>"
    )
    assert rendered == (
        "<h4>Title</h4>\n"
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; <em>em</em> <code>code</code> "
        '<a href="https://example.com/a?b=1&amp;c=2">ok</a> [bad](javascript:alert(1)) '
        '<a href="https://example.com/x.png">pic alt</a> &lt;b onclick=x&gt;b&lt;/b&gt;</p>'
    )
    assert html.markdown(None) is None and html.markdown(" \n ") is None
    assert html.markdown("###### six") == "<h6>six</h6>"  # the deepest level stays a heading


def test_the_html_target_writes_into_the_docs_folder_and_owns_only_its_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalog = load_catalog(SPECS["minimal"].read_bytes())
    assert list(render(catalog, ["html"])) == ["docs/index.html"]
    assert list(render(catalog, ["docs", "html"])) == ["docs/README.md", "docs/index.html"]
    spec = tmp_path / "errors.yaml"
    spec.write_bytes(SPECS["minimal"].read_bytes())
    monkeypatch.chdir(tmp_path)
    assert main(["generate", "--spec", "errors.yaml"]) == 0
    page, readme = tmp_path / "out" / "docs" / "index.html", tmp_path / "out" / "docs" / "README.md"
    both = (page.read_bytes(), readme.read_bytes())
    # Each target alone leaves the other's file as it is, never stale, never rewritten.
    for alone, other in (("html", readme), ("docs", page)):
        other.write_bytes(b"kept\n")
        assert main(["generate", "--spec", "errors.yaml", "--target", alone]) == 0
        assert other.read_bytes() == b"kept\n"
        assert main(["generate", "--spec", "errors.yaml", "--target", alone, "--check"]) == 0
    assert main(["generate", "--spec", "errors.yaml"]) == 0
    assert (page.read_bytes(), readme.read_bytes()) == both
