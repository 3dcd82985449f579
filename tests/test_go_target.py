"""The generated Go modules, judged by the Go toolchain and the shared conformance vectors.

Go (1.22 or later) is required: without it these tests fail, they never skip. Everything runs
offline (GOPROXY=off: the modules need nothing but the standard library) with the default,
persistent GOCACHE. For speed the four packages are copied, as subdirectories, into one scratch
module, so one `go vet` and one `go test` judge them all.
"""

from __future__ import annotations

import copy
import difflib
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.escaping import go_literal
from generator.model import Catalog
from generator.render import render
from generator.targets import go as go_target
from generator.targets.go import DEPRECATED, go_header
from generator.templating import header
from generator.validate import load_catalog
from tests import vectors
from tests.conftest import SPECS
from tests.helpers import OUT, ROOT
from tests.snapshots import GOLDEN
from tests.toolchains import gofmt, output, run_go

PACKAGES = {
    "binance": OUT / "go",
    "minimal": GOLDEN / "minimal" / "go",
    "string_codes": GOLDEN / "string_codes" / "go",
    "torture": GOLDEN / "torture" / "go",
    "formats": GOLDEN / "formats" / "go",
}
FILES = ("errors.go", "example_test.go", "go.mod", "runtime.go", "table.go")
HERE = ROOT / "tests" / "go"
# Catalogs of every feature of format v2, of each code type: rendered into the scratch module by
# the tests, beside the packages above (they have no goldens).
FEATURES = {name: HERE / f"{name}.yaml" for name in ("features_int", "features_string")}


def _catalog(name: str) -> Catalog:
    return load_catalog((FEATURES[name] if name in FEATURES else SPECS[name]).read_bytes())


def _raw_spec(name: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(SPECS[name].read_text(encoding="utf-8"))
    return data


def _names_file(name: str) -> str:
    """Go source naming, by the catalog's names, every sentinel, category and code constant (aliases'
    too) of one package, and the code and message the payload-shape tests use (as the vectors'
    are: the first code with a message that is an error)."""
    catalog = _catalog(name)
    sample = next(e for e in catalog.exceptions if e.messages)
    constants = [(e.name, e.name) for e in catalog.active] + [
        (a.name, e.name) for e in catalog.active for a in e.aliases
    ]
    lines = [
        f"package {go_target.package_name(catalog)}_test",
        "",
        f'import errs "errgen.test/{name}"',
        "",
        "var sentinels = map[string]*errs.Error{",
        *(f"\t{go_literal(str(e.name))}: errs.Err{e.name.pascal}," for e in catalog.exceptions),
        "}",
        "",
        "var categories = map[string]errs.Category{",
        *(f"\t{go_literal(str(c.name))}: errs.Category{c.name.pascal}," for c in catalog.categories),
        "}",
        "",
        "var constants = map[string]errs.Code{",
        *(f"\t{go_literal(str(alias))}: errs.Code{alias.pascal}," for alias, _ in constants),
        "}",
        "",
        f"var sample errs.Code = errs.Code{sample.name.pascal}",
        "",
        f"const sampleMessage = {go_literal(sample.messages[0].text)}",
    ]
    return "\n".join(lines) + "\n"


def _spec_json(catalog: Catalog) -> str:
    """The catalog as the model has it, for the conformance test to hold each package to."""
    return json.dumps(
        {
            "categories": [
                {"name": c.name, "title": c.title, "ranges": c.ranges, "prefixes": c.prefixes}
                for c in catalog.categories
            ],
            "errors": [
                {
                    "code": e.code,
                    "name": e.name,
                    "title": e.title,
                    "aliases": [{"Name": a.name, "Title": a.upstream} for a in e.aliases] or None,
                    "kind": e.kind,
                    "category": e.category.name if e.category is not None else None,
                    "messages": [t.text for t in e.messages] or None,
                    "retryable": e.retryable,
                    "http_status": e.http_status,
                    "deprecated": e.is_deprecated,
                    "retired": e.is_retired,
                    "description": e.description or "",
                }
                for e in catalog.errors
            ],
        },
        ensure_ascii=False,
    )


def _sources(name: str) -> dict[str, str]:
    """The Go files of one package: on disk (out/, the goldens), or rendered (the feature specs)."""
    if name in FEATURES:
        rendered = render(_catalog(name), ["go"])
        return {path.removeprefix("go/"): text for path, text in rendered.items() if path.endswith(".go")}
    return {path: (PACKAGES[name] / path).read_text(encoding="utf-8") for path in FILES if path.endswith(".go")}


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One module, errgen.test, with each package in a subdirectory and its conformance test beside it,
    as the external test package (<package>_test) of that package."""
    root = tmp_path_factory.mktemp("go-scratch")
    (root / "go.mod").write_text("module errgen.test\n\ngo 1.22\n", encoding="utf-8")
    conformance = (HERE / "conformance_test.go").read_text(encoding="utf-8")
    for name in [*PACKAGES, *FEATURES]:
        target = root / name
        target.mkdir()
        for path, text in _sources(name).items():
            (target / path).write_text(text, encoding="utf-8")
        test = conformance.replace('"errgen.test/PACKAGE"', f'"errgen.test/{name}"')
        test = test.replace(
            "\npackage conformance_test\n", f"\npackage {go_target.package_name(_catalog(name))}_test\n"
        )
        (target / "conformance_test.go").write_text(test, encoding="utf-8")
        (target / "names_test.go").write_text(_names_file(name), encoding="utf-8")
    shutil.copytree(HERE / "comments", root / "comments")
    return root


def test_every_module_has_its_files_and_is_what_the_generator_renders() -> None:
    for name, package in PACKAGES.items():
        assert sorted(p.relative_to(package).as_posix() for p in package.rglob("*") if p.is_file()) == sorted(FILES)
        catalog = _catalog(name)
        rendered = render(catalog, ["go"])
        assert rendered == render(catalog, ["go"]), "rendering is not deterministic"
        assert sorted(rendered) == sorted(f"go/{path}" for path in FILES)
        for path in FILES:
            assert rendered[f"go/{path}"] == (package / path).read_text(encoding="utf-8"), (
                f"{package / path} is stale: regenerate it with errgen"
            )


def test_go_mod() -> None:
    for name, package in PACKAGES.items():
        catalog = _catalog(name)
        text = (package / "go.mod").read_text(encoding="utf-8")
        assert text == f"// {header(catalog)}\n\nmodule {go_target.module_path(catalog)}\n\ngo 1.22\n"
        source = (package / "errors.go").read_text(encoding="utf-8")
        assert source.startswith(f"// {go_header(catalog)}\n\n// Package {go_target.package_name(catalog)} ")
        assert f"\npackage {go_target.package_name(catalog)}\n" in source
        assert re.search(r"(?m)^// Code generated .* DO NOT EDIT\.$", source.partition("\npackage ")[0])
    assert "+build" not in go_header(_catalog("torture")) and "+ build" in go_header(_catalog("torture"))


def test_gofmt_and_go_vet(go: str, scratch: Path) -> None:
    sources = [f"{name}/{path}" for name in [*PACKAGES, *FEATURES] for path in FILES if path.endswith(".go")]
    listed = run_go([gofmt(go), "-l", *sources], cwd=scratch)
    assert listed.returncode == 0 and listed.stdout == "", output(listed)
    vetted = run_go([go, "vet", "./..."], cwd=scratch)
    assert vetted.returncode == 0, output(vetted)


def test_conformance(go: str, scratch: Path, vector_files: dict[str, Path]) -> None:
    """Every package against the shared vectors and against its catalog as the model has it. `go
    test` runs each package's test binary in its own directory, with its own environment, so each
    reads the files beside it."""
    for name in [*PACKAGES, *FEATURES]:
        if name in vector_files:
            shutil.copy(vector_files[name], scratch / name / "vectors.json")
        else:
            built = json.dumps(vectors.build(_catalog(name)), ensure_ascii=False)
            (scratch / name / "vectors.json").write_text(built, encoding="utf-8")
        (scratch / name / "spec.json").write_text(_spec_json(_catalog(name)), encoding="utf-8")
    result = run_go(
        [go, "test", "-count=1", "./..."],
        cwd=scratch,
        env={"ERRGEN_VECTORS": "vectors.json", "ERRGEN_SPEC": "spec.json"},
    )
    assert result.returncode == 0, output(result)
    for name in [*PACKAGES, *FEATURES]:
        assert re.search(rf"(?m)^ok\s+errgen\.test/{name}\s", result.stdout), result.stdout


def test_typed_consumer_through_a_replace_directive(go: str, tmp_path: Path) -> None:
    """A separate module requires the generated one by its path and replaces it with a copy of out/go,
    as a user trying the module locally would; tests/go/consumer/main.go must build and run."""
    catalog = _catalog("binance")
    shutil.copytree(PACKAGES["binance"], tmp_path / "module")
    project = tmp_path / "consumer"
    project.mkdir()
    shutil.copy(HERE / "consumer" / "main.go", project / "main.go")
    module = go_target.module_path(catalog)
    (project / "go.mod").write_text(
        f"module consumer\n\ngo 1.22\n\nrequire {module} v0.0.0\n\nreplace {module} => ../module\n", encoding="utf-8"
    )
    tested = run_go([go, "test", "-count=1", "-v", "./..."], cwd=tmp_path / "module")  # its own examples
    assert tested.returncode == 0, output(tested)
    for example in ("ExampleFromPayload", "ExampleMatch", "ExampleBuild"):
        assert f"--- PASS: {example}" in tested.stdout, tested.stdout
    ran = run_go([go, "run", "."], cwd=project)
    assert ran.returncode == 0, output(ran)
    assert json.loads(ran.stdout) == [
        "slow down",
        "bad symbol (-1121 BAD_SYMBOL)",
        "request problem in REQUEST: Request issues",
        "DISCONNECTED GENERAL retryable=true status=0 variant=0",
        "12 Category(0) retryable=false status=0 variant=-1",
        "not an error payload",
        "Too many new orders; current limit is 100 orders per 10 SECOND.",
        "1 [100 10 SECOND] true",
        "BAD_SYMBOL",
        "REQUEST true 0",
        catalog.version,
        catalog.name,
        catalog.payload.code_field,
        catalog.payload.message_field,
        "-1121 BAD_SYMBOL: Invalid symbol.",
        "error true 0 false BAD_SYMBOL error",
        "1 [100 10 SECOND] exact /code true 1 true none unmatched",
    ]


def _spec_text(name: str) -> list[str]:
    """The free text of a spec: titles, labels, names and messages."""
    data = _raw_spec(name)
    texts = [data["catalog"]["title"]]
    texts += [c[key] for c in data["categories"] for key in ("name", "title", "label") if key in c]
    texts += [e["name"] for e in data["errors"]] + [m for e in data["errors"] for m in e["messages"]]
    return texts


def test_no_spec_text_in_comments_or_raw_strings(go: str, scratch: Path) -> None:
    """The Go scanner lists every comment of the output: spec text may only reach interpreted string
    literals (escaped by the `go` filter), so every comment but the header is fixed text: the same as
    in the output of the reference spec of the same code type (minimal, string_codes), whose own spec
    text is nowhere in them, with the package name in the package doc as the one variable. The only
    extra comment another spec may bring is the fixed deprecation note."""
    # The examples: fixed comments as the minimal fixture's, and outputs of booleans and numbers only.
    names = [*PACKAGES, *FEATURES]
    examples = {name: str(scratch / name / "example_test.go") for name in names}
    scanned = run_go([go, "run", "./comments", *examples.values()], cwd=scratch)
    assert scanned.returncode == 0, output(scanned)
    in_examples = {name: json.loads(scanned.stdout)[path]["comments"] for name, path in examples.items()}
    for name, comments in in_examples.items():
        assert comments[0] == f"// {go_header(_catalog(name))}"
        outputs = [c for c in comments if c.startswith("// Output:")]
        assert len(outputs) == 3 and all(re.fullmatch(r"// Output:( (true|-?[0-9]+))+", c) for c in outputs), name
        assert [c for c in comments[1:] if c not in outputs] == [
            c for c in in_examples["minimal"][1:] if not c.startswith("// Output:")
        ], name
    paths = {name: str(scratch / name / "errors.go") for name in names}
    result = run_go([go, "run", "./comments", *paths.values()], cwd=scratch)
    assert result.returncode == 0, output(result)
    found: dict[str, dict[str, list[str]]] = json.loads(result.stdout)

    def fixed(name: str) -> list[str]:
        package = go_target.package_name(_catalog(name))
        return [
            c.replace(f"// Package {package} ", "// Package PACKAGE ", 1) for c in found[paths[name]]["comments"][1:]
        ]

    references = {"integer": "minimal", "string": "string_codes"}
    for reference in references.values():
        assert fixed(reference)
        for text in _spec_text(reference):
            assert not any(text in comment for comment in fixed(reference)), (reference, text)
    for name in names:
        catalog = _catalog(name)
        assert found[paths[name]]["comments"][0] == f"// {go_header(catalog)}"
        expected = fixed(references[catalog.code_type])
        extra = set(fixed(name)) - set(expected)
        assert extra <= {DEPRECATED}, (name, extra)
        assert set(expected) <= set(fixed(name)), name
        assert found[paths[name]]["raw"] == [], name  # no raw strings: there are no regular expressions


def test_deprecated_and_retired_codes() -> None:
    source = (PACKAGES["torture"] / "errors.go").read_text(encoding="utf-8")
    for pascal, code in (("OldLimit", 900), ("DeprecatedNoReason", 903)):
        assert f"\n\n{DEPRECATED}\nconst Code{pascal} Code = {code}\n" in source
        assert f"\n\n{DEPRECATED}\nvar Err{pascal} = &sentinels[s{pascal}]\n" in source
    assert "\nconst CodeNewLimit Code = 901\n" in source
    assert source.count(DEPRECATED) == 4
    assert "CodeGone" not in source and "ErrGone" not in source
    assert 'var RetiredCodes = retiredCodes([]retiredCode{\n\t{902, "GONE"},\n})\n' in source
    assert "var RetiredCodes = retiredCodes([]retiredCode{})\n" in (PACKAGES["minimal"] / "errors.go").read_text(
        encoding="utf-8"
    )


def _rendered_go(data: dict[str, Any]) -> dict[str, str]:
    return render(load_catalog(yaml.safe_dump(data, sort_keys=False).encode()), ["go"])


def _changed_lines(before: dict[str, str], after: dict[str, str]) -> list[str]:
    assert sorted(before) == sorted(after)
    return [
        line
        for path in sorted(before)
        for line in difflib.unified_diff(before[path].splitlines(), after[path].splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]


@pytest.mark.parametrize("name", ["binance", "torture"])
def test_one_code_more_or_less_changes_only_its_own_lines(name: str) -> None:
    """Reviewers read the out/ diff of every spec change: adding, removing, retiring or deprecating one
    code in the middle of the catalog changes only lines about that code in every Go file (no position
    in the catalog is written, and nothing is aligned across codes). The header is unchanged: the
    version stays."""
    data = _raw_spec(name)
    base = _rendered_go(data)
    middle = len(data["errors"]) // 2
    target = data["errors"][middle]
    catalog = _catalog(name)
    pascal = catalog.errors[middle].name.pascal
    category = catalog.errors[middle].category
    low, high = category.ranges[0] if category is not None and category.ranges else (0, -1)
    unused = next(c for c in range(low, high + 1) if c not in {e.code for e in catalog.errors})
    added = {
        "code": unused,
        "name": "A_NAME_LONGER_THAN_EVERY_OTHER_NAME_OF_THE_CATALOG",
        "category": target["category"],
        "messages": ["Added %s then %s.", "Added."],
    }

    def changed(edit: Callable[[list[dict[str, Any]]], None]) -> list[str]:
        edited = copy.deepcopy(data)
        edit(edited["errors"])
        return _changed_lines(base, _rendered_go(edited))

    # Each code's lines: its constant, its sentinel, its index (each naming its Go identifier) and its
    # entry (its name).
    new = "ANameLongerThanEveryOtherNameOfTheCatalog"
    lines = changed(lambda errors: errors.insert(middle, added))
    assert len(lines) == 4 and all(
        line.startswith("+") and (new in line or f'"{added["name"]}"' in line) for line in lines
    ), lines
    lines = changed(lambda errors: errors.insert(middle, {**added, "deprecated": True}))
    assert len(lines) == 8 and all(line.startswith("+") for line in lines), lines
    assert all(new in line or f'"{added["name"]}"' in line or line in ("+", f"+{DEPRECATED}") for line in lines), lines

    def about(line: str) -> bool:
        return pascal in line or go_literal(str(catalog.errors[middle].name)) in line

    lines = changed(lambda errors: errors.pop(middle))
    assert len(lines) == 4 and all(line.startswith("-") and about(line) for line in lines), lines
    lines = changed(lambda errors: errors[middle].update(deprecated=True))
    notes = sorted(line for line in lines if not about(line))  # above its constant and its sentinel
    assert len(lines) == 6 and notes == ["+", "+", f"+{DEPRECATED}", f"+{DEPRECATED}"], lines
    lines = changed(lambda errors: errors[middle].update(retired=True))
    removed = [line for line in lines if line.startswith("-") and "RetiredCodes" not in line]
    assert len(removed) == 4 and all(about(line) for line in removed), lines
    assert [line for line in lines if line.startswith("+") and "RetiredCodes" not in line and line != "+})"] == [
        f"+\t{{{go_literal(target['code'])}, {go_literal(target['name'])}}},"
    ], lines


def test_the_examples_show_one_code_whatever_the_others() -> None:
    """The examples use the catalog's example code, else the first one: a code appended, even one with
    placeholders when none had any (minimal), leaves example_test.go as it is."""
    data = _raw_spec("minimal")
    appended = copy.deepcopy(data)
    appended["errors"].append({"code": 2, "name": "APPENDED", "category": "GENERAL", "messages": ["Added %s."]})
    lines = _changed_lines(_rendered_go(data), _rendered_go(appended))
    assert len(lines) == 4 and all("Appended" in line or '"APPENDED"' in line for line in lines), lines
