"""The generated TypeScript packages, judged by tsc, npm, node and the shared conformance vectors.

Node (18+), npm and the repository's locked TypeScript (`npm ci`, which `make test` runs) are
required: without them these tests fail, they never skip. tsc runs twice for the whole module: once
to check and build every package's src/index.ts (and the src/runtime.ts it imports), once for the
typed consumer and the declarations. The runtime itself is tested in tests/test_typescript_runtime.py.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.model import ErrorDef
from generator.render import render
from generator.targets import typescript as typescript_target
from generator.targets.typescript import RUNTIME_FILES, jsdoc
from generator.templating import header
from generator.validate import load_catalog
from tests.conftest import SPECS
from tests.helpers import OUT, ROOT
from tests.snapshots import GOLDEN
from tests.toolchains import STRICT, Tools, output, run, tsc

PACKAGES = {
    "binance": OUT / "typescript",
    "minimal": GOLDEN / "minimal" / "typescript",
    "string_codes": GOLDEN / "string_codes" / "typescript",
    "torture": GOLDEN / "torture" / "typescript",
}
INDEX_FILES = ("src/index.ts", "dist/index.js", "dist/index.d.ts")
FILES = ("package.json", *INDEX_FILES, *RUNTIME_FILES)
HERE = ROOT / "tests" / "typescript"


@dataclass(frozen=True)
class Build:
    """tsc's own build of every package's src/index.ts: index.js, index.d.ts, runtime.js and runtime.d.ts
    per package."""

    result: subprocess.CompletedProcess[str]
    root: Path

    def of(self, name: str) -> Path:
        if self.result.returncode != 0:
            pytest.fail("tsc could not build the sources; see test_sources_pass_tsc_strict", pytrace=False)
        return self.root / PACKAGES[name].relative_to(ROOT) / "src"


@pytest.fixture(scope="module")
def build(tools: Tools, tmp_path_factory: pytest.TempPathFactory) -> Build:
    """One tsc run: type-check every package's source with the strict settings, and emit it."""
    work = tmp_path_factory.mktemp("tsc-build")
    root = work / "build"
    config = {
        "compilerOptions": {**STRICT, "declaration": True, "rootDir": str(ROOT), "outDir": str(root)},
        "files": [str(package / "src" / "index.ts") for package in PACKAGES.values()],
    }
    result = tsc(tools, work, config)
    root.mkdir(exist_ok=True)
    (root / "package.json").write_text('{"type": "module"}\n', encoding="utf-8")  # the build is ES modules
    return Build(result, root)


def test_every_package_has_its_files_and_is_what_the_generator_renders() -> None:
    for name, package in PACKAGES.items():
        assert sorted(p.relative_to(package).as_posix() for p in package.rglob("*") if p.is_file()) == sorted(FILES)
        catalog = load_catalog(SPECS[name].read_bytes())
        rendered = render(catalog, ["typescript"])
        assert rendered == render(catalog, ["typescript"]), "rendering is not deterministic"
        for path in FILES:
            assert rendered[f"typescript/{path}"] == (package / path).read_text(encoding="utf-8"), (
                f"{package / path} is stale: regenerate it with errgen"
            )


def test_package_json() -> None:
    for name, package in PACKAGES.items():
        catalog = load_catalog(SPECS[name].read_bytes())
        manifest = json.loads((package / "package.json").read_text(encoding="utf-8"))
        assert manifest == {
            "//": header(catalog),
            "name": typescript_target.package_name(catalog),
            "version": catalog.version,
            "description": f"Codes and typed errors for the {catalog.title}",
            "type": "module",
            "exports": {".": {"types": "./dist/index.d.ts", "default": "./dist/index.js"}},
            "main": "./dist/index.js",
            "types": "./dist/index.d.ts",
            "files": ["dist", "src"],
            "sideEffects": False,
            "engines": {"node": ">=18"},
        }
        assert next(iter(manifest)) == "//"


def test_sources_pass_tsc_strict(build: Build) -> None:
    assert build.result.returncode == 0, output(build.result)
    for name in PACKAGES:
        for path in ("index.js", "index.d.ts", "runtime.js", "runtime.d.ts"):
            assert (build.of(name) / path).is_file(), (name, path)


def test_the_packaged_runtime_build_is_what_tsc_builds_from_the_packaged_source(build: Build) -> None:
    """dist/runtime.js and dist/runtime.d.ts are, byte for byte, tsc's build of the package's own
    src/runtime.ts under the strict settings (the copies errgen ships are checked against errgen's
    runtime folder in tests/test_typescript_runtime.py)."""
    for name, package in PACKAGES.items():
        for path in ("runtime.js", "runtime.d.ts"):
            built = (build.of(name) / path).read_text(encoding="utf-8")
            assert (package / "dist" / path).read_text(encoding="utf-8") == built, (name, path)


def _normalized(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_rendered_declarations_are_what_tsc_declares_from_the_source(build: Build) -> None:
    for name, package in PACKAGES.items():
        rendered = (package / "dist" / "index.d.ts").read_text(encoding="utf-8")
        declared = (build.of(name) / "index.d.ts").read_text(encoding="utf-8")
        header_line, _, body = rendered.partition("\n")
        assert header_line.startswith("// Code generated by errgen")
        assert _normalized(body) == _normalized(declared), f"{name}: dist/index.d.ts and src/index.ts disagree"


_COMMENT_OR_STRING = re.compile(r'/\*.*?\*/|//[^\n]*|"(?:[^"\\\n]|\\.)*"', re.DOTALL)


def test_declarations_have_no_any(build: Build) -> None:
    for name, package in PACKAGES.items():
        for path in (
            package / "dist" / "index.d.ts",
            package / "dist" / "runtime.d.ts",
            build.of(name) / "index.d.ts",
            build.of(name) / "runtime.d.ts",
        ):
            code = _COMMENT_OR_STRING.sub('""', path.read_text(encoding="utf-8"))
            assert not re.search(r"\bany\b", code), path


def _raw_spec(name: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(SPECS[name].read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def spec_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each spec's categories and errors, read by plain PyYAML (not errgen), as JSON for node."""
    root = tmp_path_factory.mktemp("specs")
    files = {}
    for name in PACKAGES:
        data = _raw_spec(name)
        files[name] = root / f"{name}.json"
        files[name].write_text(json.dumps({k: data[k] for k in ("categories", "errors")}), encoding="utf-8")
    return files


@pytest.mark.parametrize("which", ["dist", "tsc"])
@pytest.mark.parametrize("name", PACKAGES)
def test_conformance_under_node(
    name: str, which: str, tools: Tools, build: Build, vector_files: dict[str, Path], spec_files: dict[str, Path]
) -> None:
    """The rendered dist/index.js and tsc's build of src/index.ts, each against the vectors and the spec."""
    rendered, compiled = PACKAGES[name] / "dist" / "index.js", build.of(name) / "index.js"
    module, reference = (rendered, compiled) if which == "dist" else (compiled, rendered)
    env = {
        "ERRGEN_MODULE": str(module),
        "ERRGEN_REFERENCE": str(reference),
        "ERRGEN_VECTORS": str(vector_files[name]),
        "ERRGEN_SPEC": str(spec_files[name]),
    }
    command = [tools.node, "--test", "--test-reporter=spec", str(HERE / "conformance.test.mjs")]
    result = run(command, cwd=ROOT, env=env)
    assert result.returncode == 0, output(result)
    assert "✖" not in result.stdout, result.stdout


# What JavaScript holds as UTF-16 code units and Python as code points: an astral character (two
# units, one point), lone surrogates (one of each), U+FFFD and a two-byte character.
_UNITS = ("", "x", "\U0001f389", "\ud83c", "\udf89", "\ufffd", "\u00e9")
# A lone high surrogate before a lone low one: two points in Python, one character in JavaScript.
_JOINED = re.compile("[\ud800-\udbff][\udc00-\udfff]")


def _near_messages(error: ErrorDef, rng: random.Random) -> list[str]:
    """Messages that begin and end as one of the templates of `error` does, with the literals, their
    halves and the units above in between: they fit, nearly fit or fit an earlier variant."""
    messages = []
    for template in error.messages:
        literals = [part for part in template.parts if part]
        pieces = [*_UNITS, *literals]
        pieces += [cut for part in literals for cut in (part[:1], part[-1:], part[1:], part[:-1])]
        first, last = template.parts[0], template.parts[-1]
        for _ in range(100):
            middle = "".join(rng.choice(pieces) for _ in range(rng.randrange(4)))
            message = first + middle + last if template.arity else middle + first + rng.choice(pieces)
            messages += [message, message[1:], message[:-1]]
    return [message for message in messages if not _JOINED.search(message)]


def test_match_agrees_with_the_reference_rule_on_utf16_text(tools: Tools, tmp_path: Path) -> None:
    """match() compares UTF-16 code units, the reference rule (ErrorDef.match) code points: on messages
    with astral characters and lone surrogates they must give the same variant and the same values."""
    rng = random.Random(20261201)
    fitted = total = 0
    for name, package in PACKAGES.items():
        catalog = load_catalog(SPECS[name].read_bytes())
        cases = [(error, message) for error in catalog.active for message in _near_messages(error, rng)]
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps([[error.code, message] for error, message in cases]), encoding="ascii")
        result = run([tools.node, str(HERE / "match.mjs"), str(package / "dist" / "index.js"), str(path)], cwd=ROOT)
        assert result.returncode == 0, output(result)
        found = json.loads(result.stdout)
        assert len(found) == len(cases) > 100, name
        total += len(cases)
        for (error, message), got in zip(cases, found, strict=True):
            expected = error.match(message)
            actual = None if got is None else (got["variant"], tuple(got["params"]))
            assert actual == expected, (name, error.name, message)
            fitted += expected is not None
    assert fitted > total / 10, (fitted, total)  # the messages exercise the matcher, not only its first checks


def test_installed_package_type_checks_and_runs_in_a_typed_consumer(tools: Tools, build: Build, tmp_path: Path) -> None:
    """npm packs a copy of out/typescript, a scratch project installs the tarball by name (offline: the
    package has no dependencies), and tests/typescript/consumer.ts is type-checked against it, built and run.
    The same tsc run checks every package's rendered dist/index.d.ts."""
    npm_env = {
        "npm_config_cache": str(tmp_path / "npm-cache"),
        "npm_config_offline": "true",
        "npm_config_audit": "false",
        "npm_config_fund": "false",
        "npm_config_update_notifier": "false",
        "npm_config_loglevel": "error",
    }
    source = tmp_path / "package"
    shutil.copytree(PACKAGES["binance"], source)
    packed = run([tools.npm, "pack", "--json", "--pack-destination", str(tmp_path)], cwd=source, env=npm_env)
    assert packed.returncode == 0, output(packed)
    listing = json.loads(packed.stdout)[0]
    assert sorted(f["path"] for f in listing["files"]) == sorted(FILES)
    project = tmp_path / "consumer"
    project.mkdir()
    (project / "package.json").write_text('{"name": "consumer", "private": true, "type": "module"}\n')
    install = run(
        [tools.npm, "install", "--ignore-scripts", "--no-save", str(tmp_path / listing["filename"])],
        cwd=project,
        env=npm_env,
    )
    assert install.returncode == 0, output(install)
    installed = project / "node_modules" / listing["name"]
    assert not installed.is_symlink() and (installed / "dist" / "index.d.ts").is_file()
    shutil.copy(HERE / "consumer.ts", project / "consumer.ts")
    config = {
        "compilerOptions": {**STRICT, "rootDir": str(project), "outDir": str(project / "build")},
        "files": [
            str(project / "consumer.ts"),
            *(str(package / "dist" / "index.d.ts") for package in PACKAGES.values()),
        ],
    }
    checked = tsc(tools, project, config)
    assert checked.returncode == 0, output(checked)
    ran = run([tools.node, str(project / "build" / "consumer.js")], cwd=project)
    assert ran.returncode == 0, output(ran)
    assert json.loads(ran.stdout) == [
        "slow down to 100 (-1015 GENERAL)",
        "bad symbol (-1121)",
        "request problem in REQUEST",
        "DISCONNECTED DisconnectedError retry=true status=-",
        "unknown ApiError retry=false status=-",
        "not an error payload",
        "Too many new orders; current limit is 100 orders per 10 SECOND.",
        "100",
        "10 SECOND",
        "Invalid symbol.",
        "BAD_SYMBOL|-1121|-1121|REQUEST||Request issues|-1121",
    ]


def _spec_text(name: str) -> list[str]:
    """The free text of a spec: titles, labels, names and messages."""
    data = _raw_spec(name)
    texts = [data["catalog"]["title"]]
    texts += [c[key] for c in data["categories"] for key in ("name", "title", "label") if key in c]
    texts += [e["name"] for e in data["errors"]] + [m for e in data["errors"] for m in e["messages"]]
    return texts


def test_no_spec_text_in_comments_template_literals_or_regexes(tools: Tools) -> None:
    """TypeScript's parser lists every comment, template literal and regex of the output: spec text may
    only reach string literals (escaped by the `ts` filter), never one of those. So each of them must be
    fixed text: the same as in the output of a reference spec of the same code type (the minimal or the
    string-coded fixture), whose own spec text is nowhere in them. Comments are the same for both code
    types; the deprecation notes, which the references have no use for, are fixed words from _DOCS.
    The runtime files hold no spec text at all: they are the same in every package (the first test)."""
    paths = [str(package / path) for package in PACKAGES.values() for path in INDEX_FILES]
    result = run([tools.node, str(HERE / "literals.mjs"), *paths], cwd=ROOT)
    assert result.returncode == 0, output(result)
    found: dict[str, dict[str, list[str]]] = json.loads(result.stdout)
    references = {"integer": "minimal", "string": "string_codes"}
    deprecation = {jsdoc("deprecated"), jsdoc("deprecated code class")}
    for path in INDEX_FILES:
        scanned = {name: found[str(PACKAGES[name] / path)] for name in PACKAGES}
        for reference in references.values():
            fixed = scanned[reference]["comments"][1:] + scanned[reference]["templates"] + scanned[reference]["regexes"]
            assert fixed, reference
            for text in _spec_text(reference):
                assert not any(text in item for item in fixed), (reference, path, text)
            assert set(scanned[reference]["comments"][1:]) == set(scanned["minimal"]["comments"][1:])
        for name, seen in scanned.items():
            catalog = load_catalog(SPECS[name].read_bytes())
            expected = scanned[references[catalog.code_type]]
            assert seen["problems"] == [], (name, path, seen["problems"])
            assert seen["comments"][0] == f"// {header(catalog)}"
            extra = set(seen["comments"][1:]) - set(expected["comments"][1:])
            assert extra <= deprecation, (name, path, extra)
            assert seen["templates"] == expected["templates"], (name, path)
            assert seen["regexes"] == expected["regexes"], (name, path)


def test_the_runtime_applies_no_regular_expression(tools: Tools) -> None:
    """Messages and payload text are read by substring searches and single passes, in time linear in their
    length, never by a regular expression (the lazy-group matcher took seconds on a 35 KB message)."""
    sources = ("src/index.ts", "dist/index.js", "src/runtime.ts", "dist/runtime.js")
    paths = [str(package / path) for package in PACKAGES.values() for path in sources]
    result = run([tools.node, str(HERE / "literals.mjs"), *paths], cwd=ROOT)
    assert result.returncode == 0, output(result)
    found: dict[str, dict[str, list[str]]] = json.loads(result.stdout)
    for path in paths:
        assert found[path]["regexes"] == [], path
        assert not re.search(r"\bRegExp\b", Path(path).read_text(encoding="utf-8")), path


def test_deprecated_and_retired_codes() -> None:
    declarations = (PACKAGES["torture"] / "dist" / "index.d.ts").read_text(encoding="utf-8")
    source = (PACKAGES["torture"] / "src" / "index.ts").read_text(encoding="utf-8")
    for text in (declarations, source):
        for name, cls in (("OLD_LIMIT", "OldLimitError"), ("DEPRECATED_NO_REASON", "DeprecatedNoReasonError")):
            assert re.search(rf"@deprecated [^\n]*\*/\n\s+(readonly )?{name}: 90\d", text), name
            assert re.search(rf"@deprecated [^\n]*\n \*/\nexport (declare )?class {cls} ", text), cls
        assert "GONE" not in text.replace('[902, "GONE"]', "")
        assert re.search(r"\n\s+(readonly )?NEW_LIMIT: 901", text)
        assert not re.search(r"@deprecated[^\n]*\*/\n\s+(readonly )?NEW_LIMIT", text)
    assert "GoneError" not in declarations and "declare const RETIRED_CODES: ReadonlyMap<Code, string>;" in declarations
