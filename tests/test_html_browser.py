"""The HTML reference pages (out/docs/index.html and each golden's) in a real headless browser.

Debian's Chromium (`make test` installs it when it is missing), driven by playwright-core from
package-lock.json; no browser is downloaded. One node process (tests/html/browser.mjs) launches it
once for every check and reports what it saw; the tests below judge that report:

* the page's own matcher agrees with the conformance vectors (tests/vectors.py) on every case of
  a known code, and reads every variant's literal parts as the catalog has them;
* searching by code, name and a filled-in message finds the right code and highlights its variant;
* every code's anchor lands on its entry, with the Markdown page's heading (inside the page, from
  outside it, and with scripts off, when every entry is plain HTML);
* no request leaves the page, no hostile text runs as script, the themes keep their contrast, the
  page fits a phone's width and works from the keyboard;
* screenshots (desktop and phone, light and dark, before and after a search) are kept in
  build/screenshots/ for review.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from generator.model import Catalog
from generator.render import render
from generator.targets import docs
from generator.validate import load_catalog
from tests.conftest import SPECS
from tests.docs_page import read_page
from tests.helpers import OUT, ROOT
from tests.snapshots import GOLDEN
from tests.toolchains import output

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
SCREENSHOTS = ROOT / "build" / "screenshots"
PAGES = {
    "binance": OUT / "docs",
    **{name: GOLDEN / name / "docs" for name in ("minimal", "string_codes", "torture", "formats")},
}
MESSAGE = "Too many new orders; current limit is 100 orders per 10 SECOND."

# Markup in every place a spec lets an author write: each must show as text and run nothing.
HOSTILE = r"""
catalog:
  name: hostile-page
  title: "Hostile </title><script>window.__pwned = 'title'</script>"
  version: 1.0.0
  description: |
    <meta http-equiv="refresh" content="0;url=https://example.invalid/">
    </noscript><script>window.__pwned = 'catalog'</script>
  code_type: integer
  payload: {code: code, message: msg}
categories:
  - name: BAD
    title: "<img src=x onerror=\"window.__pwned = 'category'\">"
    range: {min: 1, max: 99}
    description: "</noscript></section><script>window.__pwned = 'section'</script>"
errors:
  - code: 1
    name: "</a></h3><script>window.__pwned = 'name'</script>"
    category: BAD
    description: |
      <script>window.__pwned = 'description'</script>

      <img src="https://example.invalid/pixel.png" onerror="window.__pwned = 'img'">

      [a link](javascript:window.__pwned='link') and ![a picture](https://example.invalid/x.png)
      <iframe src="https://example.invalid/"></iframe> <style>body { display: none }</style>
    messages:
      - "</noscript><script>window.__pwned = 'message'</script>"
      - "<img src=x onerror=\"window.__pwned = '%s'\">"
  - code: 2
    name: DEPRECATED
    category: BAD
    deprecated: "<script>window.__pwned = 'deprecated'</script> `</code></li>`"
    messages:
      - text: "Value {x} </article><script>window.__pwned = 'braces'</script>"
        placeholders: braces
  - code: 3
    name: RETIRED
    category: BAD
    retired: "<svg onload=\"window.__pwned = 'retired'\"></svg>"
    messages:
      - "<svg onload=\"window.__pwned = 'retired message'\"></svg>"
"""


@cache
def _catalog(name: str) -> Catalog:
    return load_catalog(SPECS[name].read_bytes())


def _cases(name: str, vectors: dict[str, Any]) -> list[tuple[Any, str, dict[str, Any]]]:
    """(code, message, what the reference rule gives) from the vectors: every matcher case, and every
    payload case of a known code whose payload is just that code and message at the first location."""
    catalog = _catalog(name)
    fields = {catalog.payload.code_field, catalog.payload.message_field}
    cases: list[tuple[Any, str, dict[str, Any]]] = []
    for case in vectors["matches"]:
        cases.append((case["code"], case["message"], {"exact": case["variant"], "params": case["params"]}))
    for case in vectors["cases"]:
        expect = case["expect"]
        text = case.get("payload")
        if not isinstance(text, str) or not text.startswith("{"):
            continue
        try:
            payload = json.loads(text)
        except (ValueError, RecursionError):  # the malformed and the too deeply nested payloads
            continue
        if not isinstance(payload, dict) or set(payload) != fields or "variant" not in expect:
            continue  # another shape, or a success code (no variant to compare)
        if expect.get("name") is None:
            continue  # an unknown code
        code, message = payload[catalog.payload.code_field], payload[catalog.payload.message_field]
        if code != expect["code"] or not isinstance(message, str):
            continue
        keys = ("variant", "params", "matched", "detail", "mismatch")
        cases.append((code, message, {key: expect[key] for key in keys}))
    return cases


def _searches(name: str) -> list[dict[str, Any]]:
    """What a reader types, with the code it must find (and the variant it must highlight)."""
    if name == "binance":
        return [
            {"query": query, "codes": ["code-1121"], "variant": None}
            for query in ("-1121", "1121", "BAD_SYMBOL", "bad symbol")
        ] + [{"query": MESSAGE, "codes": ["code-1015"], "variant": 1}]
    catalog = _catalog(name)
    found = []
    error = next(e for e in catalog.active if e.is_exception)
    found.append({"query": str(error.code), "codes": [docs.code_anchor(error.code)], "variant": None, "among": True})
    found.append({"query": error.title, "codes": [docs.code_anchor(error.code)], "variant": None, "among": True})
    for error in catalog.active:
        template = next((t for t in error.messages if t.arity and t.literal_chars), None)
        if template is None:
            continue
        message = template.format(*(["7"] * template.arity))
        matched = error.match(message)
        assert matched is not None
        anchor = docs.code_anchor(error.code)
        found.append({"query": message, "codes": [anchor], "variant": matched[0], "among": True})
        break
    # Another name of a code is a name the search knows; an extension's value is only words of it.
    aliased = next((e for e in catalog.active if e.aliases), None)
    if aliased is not None:
        anchor = docs.code_anchor(aliased.code)
        found.append({"query": aliased.aliases[-1].name, "codes": [anchor], "variant": None, "exact": True})
    extended = next((e for e in catalog.active if any(isinstance(v, str) for v in e.extensions.values())), None)
    if extended is not None:
        value = next(v for v in extended.extensions.values() if isinstance(v, str))
        anchor = docs.code_anchor(extended.code)
        found.append({"query": value, "codes": [anchor], "variant": None, "among": True, "exact": False})
    return found


@pytest.fixture(scope="module")
def report(vector_files: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    node = shutil.which("node")
    if node is None:
        pytest.fail("these tests need Node.js (`node`), which was not found", pytrace=False)
    if not CHROMIUM.is_file():
        pytest.fail(
            f"these tests need Chromium at {CHROMIUM}, which was not found: `make test` installs it "
            "(apt-get install chromium), or set CHROMIUM to another build",
            pytrace=False,
        )
    if not (ROOT / "node_modules" / "playwright-core").is_dir():
        pytest.fail("these tests need playwright-core: run `npm ci` (`make test` does)", pytrace=False)
    scratch = tmp_path_factory.mktemp("html")
    hostile = scratch / "hostile" / "index.html"
    hostile.parent.mkdir()
    hostile.write_text(render(load_catalog(HOSTILE.encode()), ["html"])["docs/index.html"], encoding="utf-8")
    pages = []
    for name, directory in PAGES.items():
        vectors = json.loads(vector_files[name].read_text(encoding="utf-8"))
        catalog = _catalog(name)
        pages.append(
            {
                "name": name,
                "path": str(directory / "index.html"),
                "entries": [
                    {"anchor": docs.code_anchor(e.code), "heading": f"{e.code} {e.title}"} for e in catalog.errors
                ],
                "matches": [[code, message] for code, message, _ in _cases(name, vectors)],
                "parts": [[entry["code"], entry["parts"]] for entry in vectors["codes"]],
                "searches": [search["query"] for search in _searches(name)],
            }
        )
    if SCREENSHOTS.exists():
        shutil.rmtree(SCREENSHOTS)
    job = {
        "chromium": str(CHROMIUM),
        "screenshots": str(SCREENSHOTS),
        "pages": pages,
        "message": MESSAGE,
        "code": "-1121",
        "hostile": {
            "path": str(hostile),
            "probes": ["</noscript><script>window.__pwned = 'message'</script>", "<img src=x onerror", "1"],
        },
    }
    (scratch / "job.json").write_text(json.dumps(job), encoding="ascii")  # lone surrogates as \\u escapes
    if os.environ.get("ERRGEN_BROWSER_JOB"):  # keep the job, to run the browser script by hand
        shutil.copy(scratch / "job.json", os.environ["ERRGEN_BROWSER_JOB"])
    result = subprocess.run(
        [node, str(ROOT / "tests" / "html" / "browser.mjs"), str(scratch / "job.json")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, output(result)
    seen: dict[str, Any] = json.loads(result.stdout)
    return seen


def test_the_page_matches_by_the_catalogs_rule(report: dict[str, Any], vector_files: dict[str, Path]) -> None:
    """The page's matcher (run in the browser on the data it reads from its own HTML) gives the reference
    rule's variant, values and outcome on every conformance vector of a known code."""
    total = 0
    for name in PAGES:
        vectors = json.loads(vector_files[name].read_text(encoding="utf-8"))
        cases = _cases(name, vectors)
        got = report["pages"][name]["matches"]
        assert len(got) == len(cases) > 0, name
        for (code, message, expected), actual in zip(cases, got, strict=True):
            assert actual is not None, (name, code)
            if "exact" in expected:  # ErrorDef.match: the page's exact answer is the same
                exact = actual["variant"] if actual["matched"] == "exact" else None
                assert exact == expected["exact"], (name, code, message, actual)
                if exact is not None:
                    assert actual["params"] == expected["params"], (name, code, message, actual)
            else:  # ErrorDef.match_loosely, with the catalog's tolerances
                assert {k: actual[k] for k in expected} == expected, (name, code, message, actual)
        total += len(cases)
    assert total > 500


def test_the_page_reads_every_variant_as_the_catalog_has_it(
    report: dict[str, Any], vector_files: dict[str, Path]
) -> None:
    for name in PAGES:
        vectors = json.loads(vector_files[name].read_text(encoding="utf-8"))
        expected = [entry["parts"] for entry in vectors["codes"]]
        assert report["pages"][name]["parts"] == expected, name


def test_search_finds_by_code_name_and_filled_in_message(report: dict[str, Any]) -> None:
    for name in PAGES:
        searches = report["pages"][name]["searches"]
        wanted = _searches(name)
        assert [s["query"] for s in searches] == [w["query"] for w in wanted]
        for search, want in zip(searches, wanted, strict=True):
            found = search["found"]
            if want.get("among"):
                assert set(want["codes"]) <= set(found["codes"]), (name, search)
            else:
                assert found["codes"] == want["codes"], (name, search)
            if "exact" in want:  # found by a name (or a message), or else by its code or words
                assert ("by its code or words" not in found["status"]) == want["exact"], (name, search)
            assert found["sectionsShown"] == ["results"], (name, search)  # the rest is hidden while searching
            highlighted = [m for m in found["matched"] if m["id"] in want["codes"]]
            if want["variant"] is None:  # a code or a name: no variant is highlighted (unless a message is the name)
                assert not highlighted or name != "binance", (name, search)
            else:
                assert [m["variant"] for m in highlighted] == [want["variant"]], (name, search)
                assert highlighted[0]["values"].startswith(f"Variant {want['variant']}, an exact match"), search
    binance = report["pages"]["binance"]["searches"][-1]["found"]
    assert binance["matched"][0]["values"] == 'Variant 1, an exact match; values: "100", "10 SECOND"'
    assert binance["status"].startswith("1 code matches")


def test_every_anchor_lands_on_the_entry_the_markdown_page_has_under_it(report: dict[str, Any]) -> None:
    """Every code of every page: its anchor (docs.code_anchor, the Markdown page's) is an entry of the
    HTML page headed by the code and name the Markdown page heads that anchor's section with, followed
    inside the page, opened from outside it, and with scripts off."""
    for name, directory in PAGES.items():
        markdown = read_page((directory / "README.md").read_text(encoding="utf-8"))
        headed = {s.anchor: s.title.removesuffix(" (deprecated)") for s in markdown.sections if s.anchor}
        seen = report["pages"][name]
        catalog = _catalog(name)
        anchors = [docs.code_anchor(e.code) for e in catalog.errors]
        assert sorted(seen["articles"]) == sorted(anchors), name
        assert sorted(seen["noScript"]["articles"]) == sorted(anchors), name
        assert len(seen["anchors"]) == len(catalog.errors)
        for error, landed in zip(catalog.errors, seen["anchors"], strict=True):
            anchor = docs.code_anchor(error.code)
            assert landed["anchor"] == anchor
            assert landed["tag"] == "article" and landed["visible"], (name, landed)
            assert landed["heading"] == headed[anchor] == f"{error.code} {error.title}", (name, landed)
        for deep in (seen["deepLink"], seen["noScript"]["deepLink"]):
            assert deep["tag"] == "article" and deep["visible"], (name, deep)
            assert deep["heading"] == headed[seen["deepLink"]["anchor"]], (name, deep)


def test_no_request_leaves_the_page_and_nothing_fails(report: dict[str, Any]) -> None:
    for name in PAGES:
        seen = report["pages"][name]
        assert seen["seen"]["requests"] == [] and seen["deepLink"]["requests"] == [], name
        assert seen["noScript"]["requests"] == [], name
        assert seen["seen"]["errors"] == [] and seen["seen"]["console"] == [], name
        assert seen["seen"]["violations"] == [], name  # the Content-Security-Policy never had to block anything
        assert seen["loaded"] == {"formShown": True, "scripts": 2}, name
        assert not seen["noScript"]["formShown"], name  # with scripts off the page shows no dead search box


def test_a_hostile_catalog_cannot_run_script_or_load_anything(report: dict[str, Any]) -> None:
    hostile = report["hostile"]
    assert hostile["pwned"] is None
    assert hostile["scripts"] == 2  # the page's data block and its own script
    assert hostile["images"] == 0 and hostile["handlers"] == [] and hostile["javascriptLinks"] == []
    assert hostile["requests"] == [] and hostile["errors"] == [] and hostile["violations"] == []
    for text in (
        "<script>window.__pwned = 'description'</script>",
        "</noscript><script>window.__pwned = 'message'</script>",
        "[a link](javascript:window.__pwned='link')",
        "</a></h3><script>window.__pwned = 'name'</script>",
    ):
        assert text in hostile["text"], text  # shown as the text it is


def test_themes_phone_width_keyboard_and_landmarks(report: dict[str, Any]) -> None:
    for label in ("desktop-light", "desktop-dark", "phone-light", "phone-dark"):
        look = report[label]
        low = {selector: ratio for selector, ratio in look["contrast"].items() if ratio < 4.5}
        assert not low, (label, low)  # WCAG AA for text
        assert look["overflow"] <= 0, label  # nothing wider than the screen
        assert look["landmarks"] == {
            "banner": True,
            "navigation": True,
            "main": 1,
            "search": True,
            "contentinfo": True,
        }, label
        assert look["label"] == 1 and look["lang"] == "en", label
    assert report["desktop-light"]["background"] == report["phone-light"]["background"] == "rgb(255, 255, 255)"
    assert report["desktop-dark"]["background"] == report["phone-dark"]["background"] != "rgb(255, 255, 255)"
    keyboard = report["keyboard"]
    assert keyboard["focused"] == "q"
    assert keyboard["onResult"] == {"tag": "a", "href": "#code-1121"}
    assert keyboard["landed"]["tag"] == "article" and keyboard["landed"]["visible"]
    assert keyboard["landed"]["heading"] == "-1121 BAD_SYMBOL"
    assert not keyboard["filtering"]  # following a result shows the whole page again, at that entry


def test_screenshots_are_kept_for_review(report: dict[str, Any], summary: list[str]) -> None:
    shots = [Path(path) for path in report["screenshots"]]
    assert len(shots) == 8
    for shot in shots:
        assert shot.is_file() and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", shot
    summary.append(f"HTML page screenshots: {SCREENSHOTS.relative_to(ROOT)}/ ({len(shots)} PNG files)")
