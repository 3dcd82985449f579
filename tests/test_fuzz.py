"""Property-based fuzzing: random valid specs, hostile text, every target generated and read back.

Each example is generated and written to its own output directory, and the Python package
is imported and read back at once; the toolchains of the other targets then judge all
examples in one batch each. ERRGEN_FUZZ_EXAMPLES sets the budget (`make fuzz` raises it).
"""

from __future__ import annotations

import contextlib
import importlib
import io
import json
import os
import re
import shutil
import sys
from itertools import count
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.cli import main as errgen
from generator.naming import Name
from tests.docs_page import error_section, message_items, read_page
from tests.fuzz_specs import specs, to_yaml
from tests.test_go_target import HERE as GO_HERE
from tests.test_typescript_target import HERE
from tests.toolchains import STRICT, Tools, gofmt, output, run, run_go, tsc

EXAMPLES = int(os.environ.get("ERRGEN_FUZZ_EXAMPLES", "25"))


def expected_messages(spec: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    return {e["name"]: tuple(e["messages"]) for e in spec["errors"] if not e.get("retired")}


def check_python(out: Path, spec: dict[str, Any]) -> None:
    package = spec["catalog"]["name"].replace("-", "_") + "_errors"
    sys.path.insert(0, str(out / "python"))
    try:
        module: Any = importlib.import_module(package)
    finally:
        sys.path.pop(0)
    assert module.__version__ == spec["catalog"]["version"]
    for name, messages in expected_messages(spec).items():
        member = module.ErrorCode[name]
        assert member.messages == messages
        for variant, text in enumerate(messages):  # a server's error, written and read back
            built = member.error(variant, *["v"] * (len(text.replace("%%", "").split("%s")) - 1))
            read = module.from_payload(json.dumps(built.to_payload()))
            assert (read.code, read.message, read.variant, read.params) == (
                built.code,
                built.message,
                built.variant,
                built.params,
            )
        entry = next(e for e in spec["errors"] if e["name"] == name)
        assert member.value == entry["code"]
        if "description" in entry:
            assert entry["description"] in getattr(module, Name(name).pascal + "Error").__doc__
    retired = {e["code"]: e["name"] for e in spec["errors"] if e.get("retired")}
    assert dict(module.RETIRED_CODES) == retired
    assert [c.title for c in module.Category] == [c["title"] for c in spec["categories"]]


def check_typescript(tools: Tools, work: Path, generated: list[tuple[Path, dict[str, Any]]]) -> None:
    """One tsc run type-checks and builds every source and checks every declaration file; node then
    reads back both the rendered dist/index.js and tsc's build of src/index.ts of every package (beside a
    copy of the package's dist/, whose catalog and runtime it imports)."""
    build = work / "tsc-build"
    config = {
        "compilerOptions": {**STRICT, "rootDir": str(work), "outDir": str(build)},
        "files": [
            str(out / "typescript" / path) for out, _ in generated for path in ("src/index.ts", "dist/index.d.ts")
        ],
    }
    checked = tsc(tools, work, config)
    assert checked.returncode == 0, output(checked)
    (build / "package.json").write_text('{"type": "module"}\n', encoding="utf-8")
    modules = {}
    for out, spec in generated:
        compiled = build / (out / "typescript" / "src" / "index.js").relative_to(work)
        shutil.copytree(out / "typescript" / "dist", compiled.parent.parent / "dist", dirs_exist_ok=True)
        for module in (out / "typescript" / "dist" / "index.js", compiled):
            modules[str(module)] = spec
    result = run([tools.node, str(HERE / "readback.mjs"), *modules], cwd=work)
    assert result.returncode == 0, output(result)
    for module, seen in json.loads(result.stdout).items():
        spec = modules[module]
        active = [e for e in spec["errors"] if not e.get("retired")]
        assert seen == {
            "version": spec["catalog"]["version"],
            "categories": [c["title"] for c in spec["categories"]],
            "errors": [
                {"name": e["name"], "code": e["code"], "messages": e["messages"], "description": e.get("description")}
                for e in active
            ],
            "retired": [[e["code"], e["name"]] for e in spec["errors"] if e.get("retired")],
        }, (module, to_yaml(spec))


def check_go(go: str, work: Path, generated: list[tuple[Path, dict[str, Any]]]) -> None:
    """Every package in one scratch module: one gofmt -l, one go vet and one go test for all of them;
    each package's read-back test writes what it holds to readback.json in its directory."""
    module = work / "go-scratch"
    module.mkdir()
    (module / "go.mod").write_text("module errgen.test\n\ngo 1.22\n", encoding="utf-8")
    readback = (GO_HERE / "readback_test.go").read_text(encoding="utf-8")
    packages: dict[Path, dict[str, Any]] = {}
    for index, (out, spec) in enumerate(generated):
        package = module / f"p{index}"
        package.mkdir()
        for source in ("errors.go", "table.go", "runtime.go", "example_test.go"):  # the examples run under go test
            shutil.copy(out / "go" / source, package / source)
        name = re.search(r"(?m)^package (\w+)$", (out / "go" / "errors.go").read_text(encoding="utf-8"))
        assert name is not None
        test = readback.replace('"errgen.test/PACKAGE"', f'"errgen.test/p{index}"')
        test = test.replace("\npackage readback_test\n", f"\npackage {name.group(1)}_test\n")
        (package / "readback_test.go").write_text(test, encoding="utf-8")
        packages[package] = spec
    listed = run_go([gofmt(go), "-l", "."], cwd=module)
    assert listed.returncode == 0 and listed.stdout == "", output(listed)
    for command in ([go, "vet", "./..."], [go, "test", "-count=1", "./..."]):
        result = run_go(command, cwd=module)
        assert result.returncode == 0, output(result)
    for package, spec in packages.items():
        seen = json.loads((package / "readback.json").read_text(encoding="utf-8"))
        seen["retired"] = sorted(map(tuple, seen["retired"]))
        active = [e for e in spec["errors"] if not e.get("retired")]
        assert seen == {
            "version": spec["catalog"]["version"],
            "categories": [c["title"] for c in spec["categories"]],
            "errors": [
                {
                    "name": e["name"],
                    "code": e["code"],
                    "messages": e["messages"],
                    "description": e.get("description", ""),
                }
                for e in active
            ],
            "retired": sorted((e["code"], e["name"]) for e in spec["errors"] if e.get("retired")),
        }, (package, to_yaml(spec))


def check_docs(out: Path, spec: dict[str, Any]) -> None:
    """The reference page, parsed by markdown-it-py: every code's section shows each of its messages
    as exactly one code span, in spec order."""
    page = read_page((out / "docs" / "README.md").read_text(encoding="utf-8"))
    assert page.sections[0].title == spec["catalog"]["title"]
    for error in spec["errors"]:
        shown = [[child.content for child in item.children or []] for item in message_items(error_section(page, error))]
        assert shown == [[message] for message in error["messages"]], (error["code"], to_yaml(spec))


def test_random_specs_generate_and_read_back_in_every_target(
    tools: Tools, go: str, tmp_path: Path, summary: list[str]
) -> None:
    generated: list[tuple[Path, dict[str, Any]]] = []
    numbers = count()

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.filter_too_much],
    )
    @given(st.data())
    def generate(data: st.DataObject) -> None:
        index = next(numbers)
        spec = data.draw(specs(index))
        root = tmp_path / f"spec-{index}"
        root.mkdir()
        (root / "errors.yaml").write_text(to_yaml(spec), encoding="utf-8")
        with contextlib.redirect_stdout(io.StringIO()):
            status = errgen(["generate", "--spec", str(root / "errors.yaml"), "--out", str(root / "out")])
        assert status == 0, to_yaml(spec)
        check_python(root / "out", spec)
        check_docs(root / "out", spec)
        generated.append((root / "out", spec))

    generate()
    check_typescript(tools, tmp_path, generated)
    check_go(go, tmp_path, generated)
    summary.append(
        f"fuzz: {len(generated)} random specs generated and read back in Python, TypeScript, Go and the docs"
    )
    assert len(generated) >= min(EXAMPLES, 10)
