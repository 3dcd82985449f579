"""The payload corpus (tests/test_payload_corpus.py) read by the generated TypeScript packages too: every
payload gives the error, every error (with its pointer) and the match the Python package gives, or is
refused by both. The corpus test measures the rates on Python; this holds TypeScript to the same answers.
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from typing import Any

from generator.cli import main
from generator.render import render
from generator.validate import load_catalog
from tests.test_payload_corpus import APIS, FIXTURES, corpus
from tests.test_typescript_target import HERE
from tests.toolchains import Tools, output, run


def _python(error: Any) -> dict[str, Any]:
    return {
        "code": error.code,
        "pointer": error.pointer,
        "class": type(error).__name__,
        "variant": error.variant,
        "params": list(error.params),
        "matched": error.matched,
        "detail": error.detail,
        "mismatch": error.mismatch,
    }


def _answers(pkg: Any, payloads: list[str]) -> list[dict[str, Any]]:
    answers: list[dict[str, Any]] = []
    for payload in payloads:
        try:
            first = pkg.from_payload(payload)
            every = [_python(error) for error in pkg.every_error(payload)]
        except pkg.PayloadError:
            answers.append({"refused": True})
            continue
        answers.append({"first": None if first is None else _python(first), "every": every})
    return answers


def test_typescript_reads_the_corpus_as_python_does(tools: Tools, tmp_path: Path) -> None:
    unsupported = corpus("unsupported")
    for api in APIS:
        spec = FIXTURES / f"{api}.yaml"
        payloads = [entry["payload"] for entry in corpus(api)]
        payloads += [entry["payload"] for entry in unsupported if entry["api"] == api]
        out = tmp_path / api
        assert main(["generate", "--spec", str(spec), "--out", str(out), "--target", "python"]) == 0
        (init,) = (out / "python").glob("*/__init__.py")
        sys.path.insert(0, str(init.parent.parent))
        try:
            expected = _answers(importlib.import_module(init.parent.name), payloads)
        finally:
            sys.path.pop(0)
        for path, text in render(load_catalog(spec.read_bytes()), ["typescript"]).items():
            file = out / path
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_text(text, encoding="utf-8")
        listed = tmp_path / f"{api}.json"
        listed.write_text(json.dumps(payloads), encoding="utf-8")
        module = out / "typescript" / "dist" / "index.js"
        result = run([tools.node, str(HERE / "payloads.mjs"), str(module), str(listed)], cwd=tmp_path)
        assert result.returncode == 0, output(result)
        seen = json.loads(result.stdout)
        assert len(seen) == len(expected) == len(payloads) > 5, api
        for payload, got, want in zip(payloads, seen, expected, strict=True):
            if "refused" in got:
                assert got["refused"].startswith("payload "), (api, payload)
                got["refused"] = True
            assert got == want, (api, payload)
