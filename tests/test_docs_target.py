"""The generated Markdown reference, read back through a real CommonMark parser (markdown-it-py).

Expectations come from the spec as plain YAML (not from errgen's model), so a mistake in the
validator or the model cannot hide a mistake in the page. Each page is checked for what a reader
sees: every message verbatim in its code's section, every name and title as written, every
internal link landing on exactly one anchor, and no HTML but the anchors and the header comment.
"""

from __future__ import annotations

import json
import re
import string
from collections import Counter
from functools import cache
from itertools import product
from pathlib import Path
from typing import Any

import pytest
import yaml
from markdown_it.common.utils import escapeHtml

from generator.naming import identifier
from generator.render import render
from generator.targets import docs
from generator.templating import header
from generator.validate import load_catalog
from tests.conftest import SPECS
from tests.docs_page import ANCHOR_TAG, Page, error_section, message_items, read_page, text_of
from tests.helpers import OUT
from tests.snapshots import GOLDEN

PAGES = {
    "binance": OUT / "docs",
    "minimal": GOLDEN / "minimal" / "docs",
    "string_codes": GOLDEN / "string_codes" / "docs",
    "torture": GOLDEN / "torture" / "docs",
    "formats": GOLDEN / "formats" / "docs",
}
FILES = ("README.md", "index.html")  # index.html, the html target's: tests/test_html_target.py, test_html_browser.py


# A spec written to break the page: markup, HTML, backtick runs, spaces only, separators, pipes.
HOSTILE_MESSAGES = [
    " ",
    "   ",
    "`",
    "``",
    " ` ",
    "`a`",
    "a ``` b",
    "    indented like code",
    "# heading?",
    "1) list?",
    "- bullet?",
    "> quote?",
    "===",
    "---",
    "| a | b |",
    "<!-- comment",
    '</a><a id="code1">',
    "<script>alert(1)</script>",
    "&copy; &amp; &#35;",
    "[link](#code1) ![img](x) <https://x.invalid>",
    "*em* **strong** _u_ ~~s~~",
    "back\\slash\\",
    "line\u2028separator\u2029",
    "trailing backslash \\",
    "100%% of %s",
    "%s",
]
HOSTILE_REASON = "Use `OTHER` instead.\n\n- one\n- two"


def _hostile_yaml() -> str:
    def q(text: str) -> str:
        return json.dumps(text)  # a JSON string is a YAML double-quoted scalar

    messages = "\n".join(f"      - {q(m)}" for m in HOSTILE_MESSAGES)
    description = q("Described, with a list:\n\n1. first\n2. second\n")
    structural = q("# A heading in a description\n\nSetext too\n---\n\n```\nan unclosed fence\n")
    return f"""catalog:
  name: hostile
  title: {q("Hostile <script>alert(1)</script> | *title* `x` [a](#b)")}
  version: 1.0.0-x--y
  source: https://example.invalid/errors?a=1&b=(2)
  description: "A *catalog* with `code`."
  code_type: integer
  payload:
    code: {q("c`o|de")}
    message: {q("m <b>sg")}
  example:
    code: -1
    message: {q("``` fence ````")}
categories:
  - name: NEGATIVE
    label: {q("# 1.")}
    title: {q("Negative | codes <b>")}
    range: {{min: -99, max: -1}}
  - name: POSITIVE
    title: {q("1. Positive")}
    range: {{min: 1, max: 99}}
  - name: EMPTY
    title: Nothing here
    range: {{min: 100, max: 100}}
errors:
  - code: -1
    name: MINUS_ONE
    category: NEGATIVE
    retryable: true
    http_status: 429
    description: {description}
    messages:
{messages}
  - code: 1
    name: ONE
    category: POSITIVE
    deprecated: {q(HOSTILE_REASON)}
    description: {structural}
    messages:
      - "one"
  - code: 2
    name: TWO
    category: POSITIVE
    retired: true
    messages:
      - "two %s"
"""


# String codes may hold any printable ASCII: in headings, links and anchors they must stay themselves.
HOSTILE_STRING_SPEC = """catalog:
  name: hostile-strings
  title: String codes
  version: 1.0.0
  code_type: string
  payload:
    code: code
    message: message
categories:
  - name: UPPER
    title: Upper
    prefix: "A"
  - name: LOWER
    title: Lower
    prefix: "a"
  - name: PUNCT
    title: Punctuation
    prefix: "#"
errors:
  - {code: "A-B", name: UPPER_HYPHEN, category: UPPER, messages: ["A-B"]}
  - {code: "A_B", name: UPPER_UNDERSCORE, category: UPPER, messages: ["A_B"]}
  - {code: "a-b", name: LOWER_HYPHEN, category: LOWER, messages: ["a-b"]}
  - {code: "a_b", name: LOWER_UNDERSCORE, category: LOWER, messages: ["a_b"]}
  - {code: "#1.", name: HASH, category: PUNCT, messages: ["#1."]}
  - {code: "#|`<b>`*", name: MARKUP, category: PUNCT, messages: ["#|`<b>`*"]}
  - {code: '#\\', name: BACKSLASH, category: PUNCT, retired: "Gone.", messages: ['\\']}
"""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    root = tmp_path_factory.mktemp("hostile")
    (root / "hostile.yaml").write_text(_hostile_yaml(), encoding="utf-8")
    (root / "hostile_strings.yaml").write_text(HOSTILE_STRING_SPEC, encoding="utf-8")
    return [root / "hostile.yaml", root / "hostile_strings.yaml"]


# -- reading a page --------------------------------------------------------------------------


@cache
def _spec(path: Path) -> dict[str, Any]:
    """The spec as plain YAML reads it, each entry with its `name` as the page shows it (the
    upstream's, else the identifier the code makes) and its `messages` as texts, sets included;
    `described` holds the variants that carry a description."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(raw, dict)
    raw.setdefault("categories", [])
    for error in raw["errors"]:
        error.setdefault("name", error.get("identifier") or identifier(None, error["code"]))
        texts, described = [], []
        for item in error.get("messages", []):
            items = raw["message_sets"][item["include"]] if isinstance(item, dict) and "include" in item else [item]
            for one in items:
                if isinstance(one, dict) and one.get("description"):
                    described.append(len(texts))
                texts.append(one if isinstance(one, str) else one["text"])
        error["messages"], error["described"] = texts, described
    return raw


def _pages(hostile: list[Path]) -> list[tuple[str, Page, dict[str, Any]]]:
    out = [
        (name, read_page((PAGES[name] / "README.md").read_text(encoding="utf-8")), _spec(SPECS[name])) for name in PAGES
    ]
    for path in hostile:
        catalog = load_catalog(path.read_bytes())
        out.append((path.stem, read_page(render(catalog, ["docs"])["docs/README.md"]), _spec(path)))
    return out


# -- the tests ---------------------------------------------------------------------------------


def test_every_page_has_its_files_and_is_what_the_generator_renders() -> None:
    for name, directory in PAGES.items():
        assert sorted(p.relative_to(directory).as_posix() for p in directory.rglob("*") if p.is_file()) == sorted(FILES)
        catalog = load_catalog(SPECS[name].read_bytes())
        rendered = render(catalog, ["docs", "html"])
        for path in FILES:
            assert rendered[f"docs/{path}"] == (directory / path).read_text(encoding="utf-8"), (
                f"{directory / path} is stale: regenerate it with errgen"
            )


def test_rendering_is_deterministic(hostile: list[Path]) -> None:
    for path in [*SPECS.values(), *hostile]:
        first = render(load_catalog(path.read_bytes()), ["docs"])
        assert first == render(load_catalog(path.read_bytes()), ["docs"])
        assert list(first) == ["docs/README.md"]


def test_every_message_is_shown_verbatim_in_its_code_section(hostile: list[Path]) -> None:
    for name, page, spec in _pages(hostile):
        for error in spec["errors"]:
            section = error_section(page, error)
            if not error["messages"]:
                assert "The catalog documents no message for this code." in section.text(), (name, error["code"])
                continue
            items = message_items(section)
            assert len(items) == len(error["messages"]), (name, error["code"])
            for index, (item, message) in enumerate(zip(items, error["messages"], strict=True)):
                children = item.children or []
                if index in error["described"]:  # the text, a line break, what it means
                    assert [c.type for c in children[:2]] == ["code_inline", "hardbreak"], (name, item.content)
                else:
                    assert [c.type for c in children] == ["code_inline"], (name, error["code"], item.content)
                    assert item.map is not None and item.map[1] - item.map[0] == 1, "a message takes one line"
                assert children[0].content == message, (name, error["code"])
                assert f"<li><code>{escapeHtml(message)}</code>" in page.html, (name, message)


def test_every_title_and_name_reads_as_written(hostile: list[Path]) -> None:
    for name, page, spec in _pages(hostile):
        meta = spec["catalog"]
        assert page.sections[0].level == 1 and page.sections[0].title == meta["title"], name
        everything = page.sections[0].text()
        assert meta["version"] in everything, name
        if "source" in meta:
            assert meta["source"] in everything, name
        for category in spec["categories"]:
            title = f"{category['label']} — {category['title']}" if "label" in category else category["title"]
            assert len(page.titled(title)) == 1, (name, title)
        for error in spec["errors"]:
            assert error_section(page, error).level == 3
        contents = page.titled("Contents")[0].text().split("\n")
        for error in spec["errors"]:
            title = f"{error['code']} {error['name']}"
            listed = [line for line in contents if line in (title, f"{title} (deprecated)", f"{title} (retired)")]
            assert len(listed) == 1, (name, title)


def test_the_payload_overview_shows_a_real_payload(hostile: list[Path]) -> None:
    for name, page, spec in _pages(hostile):
        meta = spec["catalog"]
        section = page.section("payload")
        fences = [t for t in section.tokens if t.type == "fence"]
        assert len(fences) == 1 and fences[0].info == "json", name
        payload = json.loads(fences[0].content)
        fields = meta["payload"]
        assert list(payload) == [fields["code"], fields["message"]], name
        code, message = payload.values()
        if "example" in meta:
            assert (code, message) == (meta["example"]["code"], meta["example"]["message"]), name
        else:  # a message of a code, with nothing to fill in
            error = next(e for e in spec["errors"] if e["code"] == code)
            assert message in [m.replace("%%", "%") for m in error["messages"] if "%s" not in m], name
        spans = [c.content for t in section.inlines() for c in t.children or [] if c.type == "code_inline"]
        assert fields["code"] in spans and fields["message"] in spans, name
        placeholders = any("%s" in m for e in spec["errors"] for m in e["messages"])
        legend = next((line for line in page.source.split("\n") if line.startswith("In a message,")), "")
        assert ("`%s`" in legend) == placeholders, name


def test_every_internal_link_lands_on_exactly_one_anchor(hostile: list[Path]) -> None:
    for name, page, _ in _pages(hostile):
        anchors = page.anchors()
        assert anchors, name
        duplicates = [a for a, n in Counter(anchors).items() if n > 1]
        assert not duplicates, (name, duplicates)
        links = 0
        for token in page.tokens:
            children = token.children or []
            for index, child in enumerate(children):
                if child.type != "link_open":
                    continue
                href = str(child.attrs["href"])
                if not href.startswith("#"):
                    continue
                links += 1
                assert href[1:] in anchors, (name, href)
                # The link text names what it points to: the target's heading holds it.
                closing = next(i for i in range(index, len(children)) if children[i].type == "link_close")
                shown = "".join(c.content for c in children[index + 1 : closing] if c.type in ("text", "code_inline"))
                assert shown in page.section(href[1:]).title, (name, href, shown)
        assert links >= len(anchors) - 1, "every section is linked from the contents"


def test_anchors_follow_the_code_and_category_scheme(hostile: list[Path]) -> None:
    for name, page, spec in _pages(hostile):
        for error in spec["errors"]:
            assert error_section(page, error).anchor == docs.code_anchor(error["code"]), (name, error["code"])
        for category in spec["categories"]:
            assert page.section("category-" + category["name"].lower().replace("_", "-")), name


def test_no_html_but_the_anchors_and_the_header(hostile: list[Path]) -> None:
    for name, page, _ in _pages(hostile):
        blocks = [t for t in page.tokens if t.type == "html_block"]
        assert page.tokens[0] is blocks[0] and len(blocks) == 1, name
        assert re.fullmatch(r"<!-- Code generated by errgen .*\. DO NOT EDIT\. -->\n", blocks[0].content), name
        for token in page.tokens:
            if token.type != "inline":
                continue
            children = token.children or []
            html = [c.content for c in children if c.type == "html_inline"]
            if html:
                assert ANCHOR_TAG.fullmatch(html[0]) and html[1:] == ["</a>"], (name, token.content)
                assert [c.type for c in children[:2]] == ["html_inline", "html_inline"], (name, token.content)
        body = page.html.split("\n", 1)[1]  # after the header comment
        inline_html = re.findall(r"<(?!/?(?:h[1-6]|p|ul|ol|li|code|pre|strong|em|a|blockquote|br)[\s>/])[^>]*>", body)
        assert inline_html == ['<ol start="0">'] * inline_html.count('<ol start="0">'), (name, set(inline_html))
        assert "<script" not in page.html and "<b>" not in page.html, name


def test_marks_retired_deprecated_retryable_and_http_status(hostile: list[Path]) -> None:
    for name, page, spec in _pages(hostile):
        retired_section = (
            page.sections.index(page.section("retired-codes")) if "retired-codes" in page.anchors() else None
        )
        contents = page.titled("Contents")[0].text().split("\n")
        for error in spec["errors"]:
            section = error_section(page, error)
            text = section.text()
            quotes = [
                text_of(section.tokens[i + 2]) for i, t in enumerate(section.tokens) if t.type == "blockquote_open"
            ]
            title = f"{error['code']} {error['name']}"
            where = page.sections.index(section)
            retired, deprecated = error.get("retired"), error.get("deprecated")
            if retired:
                assert retired_section is not None and where > retired_section, (name, title)
                assert f"{title} (retired)" in contents, (name, title)
                assert quotes[0].startswith("Retired:" if isinstance(retired, str) else "Retired."), (name, title)
            else:
                assert retired_section is None or where < retired_section, (name, title)
            if deprecated:
                assert section.title == f"{title} (deprecated)", (name, title)
                assert f"{title} (deprecated)" in contents, (name, title)
                label = (
                    "Deprecated:" if isinstance(deprecated, str) and "\n" not in deprecated.strip() else "Deprecated."
                )
                assert quotes[0].startswith(label), (name, title)
            else:
                assert "(deprecated)" not in section.title, (name, title)
            described = bool((error.get("description") or "").strip())  # quoted, after any flag
            assert len(quotes) == bool(retired or deprecated) + described, (name, title)
            assert ("Retryable" in text) == bool(error.get("retryable")), (name, title)
            status = error.get("http_status")
            assert ("HTTP status:" in text) == (status is not None), (name, title)
            if status is not None:
                assert f"HTTP status: {status}" in text, (name, title)


def test_a_code_is_listed_under_its_category_which_only_a_retired_code_repeats(hostile: list[Path]) -> None:
    for name, page, spec in _pages(hostile):
        titles = {c["name"]: c.get("label", "") and f"{c['label']} — " for c in spec["categories"]}
        titles = {c["name"]: titles[c["name"]] + c["title"] for c in spec["categories"]}
        for error in spec["errors"]:
            section = error_section(page, error)
            text = section.text()
            category = error.get("category")
            if error.get("retired"):  # listed apart: its category is a link to the category's section
                title = next((c["title"] for c in spec["categories"] if c["name"] == category), None)
                assert category is None or f"Category: {title}" in text, (name, error["code"])
                continue
            assert "Category:" not in text, (name, error["code"])
            heading = max(
                (s for s in page.sections[: page.sections.index(section)] if s.level == 2),
                key=page.sections.index,
            )
            expected = titles[category] if category else "Other codes"
            assert heading.title == expected, (name, error["code"], heading.title)


def test_the_header_comment_is_the_first_line() -> None:
    for name, directory in PAGES.items():
        catalog = load_catalog(SPECS[name].read_bytes())
        first = (directory / "README.md").read_text(encoding="utf-8").split("\n", 1)[0]
        assert first == f"<!-- {header(catalog)} -->"


# -- the anchor scheme -------------------------------------------------------------------------


def _decode(anchor: str) -> int | str:
    """The inverse of docs.code_anchor: it exists, so the scheme is injective."""
    if not anchor.startswith("code_"):
        assert re.fullmatch(r"code-?[0-9]+", anchor), anchor
        return int(anchor[4:])
    rest, out = anchor[5:], []
    while rest:
        if rest[0] in string.digits + "_":
            out.append(rest[0])
            rest = rest[1:]
        elif rest[0] in string.ascii_lowercase:
            out.append(rest[0].upper())
            rest = rest[1:]
        elif rest[:2] == "--":
            out.append("-")
            rest = rest[2:]
        elif rest[1:2] in tuple(string.ascii_lowercase):
            out.append(rest[1])
            rest = rest[2:]
        else:
            out.append(chr(int(rest[1:3], 16)))
            rest = rest[3:]
    return "".join(out)


def test_code_anchors_are_injective_and_safe() -> None:
    printable = [chr(c) for c in range(0x21, 0x7F)]
    codes: list[int | str] = [*range(-1500, 1500), -(2**53 - 1), 2**53 - 1]
    codes += printable + ["".join(pair) for pair in product(printable, repeat=2)]
    codes += ["22P02", "22p02", "a-b", "a--b", "A_B", "a_b", "-2d", "~" * 64, "-1121", "1121"]
    anchors = [docs.code_anchor(code) for code in codes]
    assert len(set(anchors)) == len(codes)
    for code, anchor in zip(codes, anchors, strict=True):
        assert re.fullmatch(r"[a-z0-9_-]+", anchor), anchor
        assert _decode(anchor) == code
        assert anchor not in (docs.PAYLOAD_ANCHOR, docs.RETIRED_ANCHOR) and not anchor.startswith("category-")
    assert docs.code_anchor(-1121) == "code-1121" and docs.code_anchor(1121) == "code1121"
    assert docs.code_anchor("22P02") == "code_22p02"
    with pytest.raises(ValueError):
        docs.code_anchor("é")
