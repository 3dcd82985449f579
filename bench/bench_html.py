"""The HTML reference page (out/docs/index.html) at scale, in headless Chromium (playwright-core).

Rows per catalog size: the page's load (navigation start to the end of the load event) against
the floor of loading a file of the same bytes as one HTML comment; the time until every entry is
in the page (they are put in after the load, a slice at a time) against the same page with
scripts off, which parses them all at once; the first search on a freshly
loaded page (a pasted message with its values filled in, a code, words of a name), from the input
event to the frame drawn after the answer, against the floor of one `includes` over the page's
text; and the file's bytes per 1,000 codes against the Markdown page's (the same content).
Goal (issue 14): load and first search within 200 ms at 10,000 codes. Best of 5 fresh loads.

    python bench/bench_html.py [--json PATH] [--codes 47,1000,10000]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from common import ROOT, generated, row, save, show

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def queries(codes: int) -> dict[str, str]:
    """What a reader types into the page of the scale catalog (tests/scale.py) of `codes` codes."""
    last = (codes - 1) // 4 * 4 + 1  # the last code of the shape with a %d and a %s placeholder
    return {
        "a pasted message": f"Too many requests for {last}; limit is 100 per 10 SECOND.",
        "a code": str(50000 + codes - 1),
        "a name's words": f"scale error {codes - 1}",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json")
    parser.add_argument("--codes", default="47,1000,10000")
    args = parser.parse_args()
    sizes = [int(n) for n in args.codes.split(",")]
    with tempfile.TemporaryDirectory() as scratch:
        pages = []
        for codes in sizes:
            out = generated(codes)
            page = out / "docs" / "index.html"
            floor = Path(scratch) / f"floor-{codes}.html"
            text = page.read_text(encoding="utf-8")
            comment = text.replace("--", "- -")  # the same bytes, never parsed as elements
            floor.write_text(f"<!DOCTYPE html><title>floor</title><!--{comment}-->", encoding="utf-8")
            pages.append(
                {
                    "codes": codes,
                    "page": str(page),
                    "floor": str(floor),
                    "queries": queries(codes),
                    "bytes": page.stat().st_size,
                    "markdown": (out / "docs" / "README.md").stat().st_size,
                }
            )
        job = Path(scratch) / "job.json"
        job.write_text(json.dumps({"chromium": CHROMIUM, "pages": pages}), encoding="utf-8")
        result = subprocess.run(
            ["node", str(ROOT / "bench" / "bench_html.mjs"), str(job)], cwd=ROOT, capture_output=True, text=True
        )
        if result.returncode:
            sys.exit(f"bench_html.mjs failed:\n{result.stdout}\n{result.stderr}")
    measured = {r["codes"]: r for r in json.loads(result.stdout)["results"]}
    rows = []
    for item in pages:
        codes, found = item["codes"], measured[item["codes"]]
        floor_what = "loading a file of the same bytes as one HTML comment"
        rows.append(row("html", "page load", codes, found["load"], "ms", found["floorLoad"], floor_what, "< 200 ms"))
        rows.append(
            row(
                "html",
                "every entry in the page",
                codes,
                found["complete"],
                "ms",
                found["floorComplete"],
                "the same page with scripts off: every entry parsed at once",
            )
        )
        for name in item["queries"]:
            rows.append(
                row(
                    "html",
                    f"first search: {name}",
                    codes,
                    found["search"][name],
                    "ms",
                    found["floorSearch"][name],
                    "one includes() over the page's text",
                    "< 200 ms with the load",
                )
            )
        per = 1000 / codes
        rows.append(
            row(
                "html",
                "file bytes per 1,000 codes",
                codes,
                item["bytes"] * per,
                "B",
                item["markdown"] * per,
                "README.md, the same content in Markdown",
                "<= 210,000 B (2.1 MB at 10,000 codes)",
            )
        )
    show(rows)
    for item in pages:
        print(f"html {item['codes']:>7} codes: answers {json.dumps(measured[item['codes']]['found'])}")
    save(rows, args.json)


if __name__ == "__main__":
    main()
