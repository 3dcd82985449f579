"""The floor of `errgen generate`: the least the same work can cost in this interpreter, run as a
process beside errgen's in bench_generate.py.

It does what a generate run must do, and nothing of what makes errgen errgen: libyaml's
CSafeLoader (no positions, no strictness beyond YAML's), the project's schema compiled by
fastjsonschema (ahead of the run, as errgen's cache holds it), the catalog's checks on plain dicts
(unique codes and names, known categories, codes in their ranges, placeholders split), f-string
rendering of the same sections of every target (a table row per code, a class or constant per
code, a section of the docs and an article of the HTML page per code; strings escaped by
json.dumps, the page's by html.escape), and plain writes; without the cycle collector, as errgen.

    python bench/floor.py SPEC OUT VALIDATOR_DIR
"""

# ruff: noqa: E501  (each line is one section of a file, as in the templates)
from __future__ import annotations

import gc
import html
import json
import os
import sys
from typing import Any


def split(text: str) -> tuple[list[str], str]:
    """The literal parts of a message and its placeholder types: one scan, no regex."""
    parts, types, start, i = [], [], 0, 0
    while i < len(text):
        if text[i] == "%" and i + 1 < len(text) and text[i + 1] in "sdfb":
            parts.append(text[start:i])
            types.append(text[i + 1])
            i += 2
            start = i
        elif text[i] == "{":
            end = text.find("}", i)
            if end < 0:
                break
            parts.append(text[start:i])
            types.append("s")
            i = end + 1
            start = i
        else:
            i += 1
    parts.append(text[start:])
    return parts, "".join(types)


def ident(name: str) -> str:
    return "".join(c if c.isalnum() else "_" for c in name.upper())


def check(doc: dict[str, Any]) -> list[dict[str, Any]]:
    ranges = {c["name"]: c["range"] for c in doc.get("categories", [])}
    codes: set[Any] = set()
    names: set[str] = set()
    entries = []
    for error in doc["errors"]:
        code, name = error["code"], ident(error.get("name", str(error["code"])))
        if code in codes or name in names:
            sys.exit(f"duplicate {code} {name}")
        codes.add(code)
        names.add(name)
        category = error.get("category")
        if category is not None:
            low, high = ranges[category]["min"], ranges[category]["max"]
            if not low <= code <= high:
                sys.exit(f"{code} outside {category}")
        texts = [m if isinstance(m, str) else m["text"] for m in error.get("messages", [])]
        if len(set(texts)) != len(texts):
            sys.exit(f"{code}: a message twice")
        entries.append(
            {"code": code, "name": name, "title": error.get("name", ""), "category": category or "NONE",
             "variants": [(t, *split(t)) for t in texts]}
        )  # fmt: skip
    return entries


def q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def pascal(name: str) -> str:
    return "".join(word.capitalize() for word in name.split("_"))


def render(entries: list[dict[str, Any]]) -> dict[str, str]:
    py, ts_rows, ts_classes, dts, js, go_rows, go_consts, md, page = [], [], [], [], [], [], [], [], []
    for e in entries:
        code, name, cls, cat = e["code"], e["name"], pascal(e["name"]) + "Error", e["category"]
        texts = ", ".join(q(v[0]) for v in e["variants"])
        parts = ", ".join("(" + ", ".join(q(p) for p in v[1]) + ",)" for v in e["variants"])
        types = ", ".join(q(v[2]) for v in e["variants"])
        first = q(e["variants"][0][0]) if e["variants"] else q("")
        py.append(
            f"    {code}: Info(Category.{cat}, ({parts}), texts=({texts}), types=({types}), "
            f"upstream_name={q(e['title'])}),\n"
        )
        py.append(
            f"class {cls}(ApiError):\n    CODE = ErrorCode({code})\n\n    def __init__(self, message: str = {first}) -> None:\n        ApiError.__init__(self, {code}, message)\n\n\n"
        )
        ts_rows.append(
            f"  {name}: {{ title: {q(e['title'])}, category: Category.{cat}, templates: [{parts}], texts: [{texts}] }},\n"
        )
        ts_classes.append(
            f"export class {cls} extends ApiError {{\n  static readonly CODE = ErrorCode.{name};\n  constructor(message = {first}) {{ super(ErrorCode.{name}, message); }}\n}}\n"
        )
        dts.append(
            f"  readonly {name}: {code};\nexport declare class {cls} extends ApiError {{ readonly code: typeof ErrorCode.{name}; }}\n"
        )
        js.append(f"  {name}: {{ title: {q(e['title'])}, category: Category.{cat}, templates: [{parts}] }},\n")
        go_consts.append(f"const Code{pascal(name)} Code = {code}\n")
        go_rows.append(
            f"\t{{code: Code{pascal(name)}, name: {q(name)}, title: {q(e['title'])}, variants: []variant{{{texts}}}}},\n"
        )
        md.append(
            f'### <a id="code-{code}"></a>{code} {name}\n\n{e["title"]}\n\n'
            + "".join(f"1. `{v[0]}`\n" for v in e["variants"])
            + "\n"
        )
        page.append(
            f"<article id=code{code}><h3><a href=#code{code}>{code} {html.escape(e['title'])}</a></h3><p>Identifier: <code>{name}</code></p><ol start=0>"
            + "".join(f"<li><code>{html.escape(v[0])}</code></li>" for v in e["variants"])
            + "</ol></article>\n"
        )
    return {
        "python/pkg/__init__.py": "".join(py),
        "typescript/src/index.ts": "".join(ts_rows) + "".join(ts_classes),
        "typescript/dist/index.js": "".join(js),
        "typescript/dist/index.d.ts": "".join(dts),
        "go/errors.go": "".join(go_consts) + "".join(go_rows),
        "docs/README.md": "".join(md),
        "docs/index.html": "".join(page),
    }


def main() -> None:
    gc.disable()  # as errgen runs: the cycle collector only walks the run's objects again and again
    spec, out, validator_dir = sys.argv[1:4]
    import yaml

    sys.path.insert(0, validator_dir)
    import floor_schema  # written by bench_generate.py from spec/errors.schema.json

    with open(spec, "rb") as handle:
        doc = yaml.load(handle.read(), Loader=yaml.CSafeLoader)
    floor_schema.validate(doc)
    files = render(check(doc))
    for path, text in files.items():
        target = os.path.join(out, path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8") as handle:
            handle.write(text)


if __name__ == "__main__":
    main()
