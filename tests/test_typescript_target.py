"""The generated TypeScript packages, judged by tsc, npm, node and the shared conformance vectors.

Node (18+), npm and the repository's locked TypeScript (`npm ci`, which `make test` runs) are
required: without them these tests fail, they never skip. tsc runs twice for the whole module: once
to check and build every package's src/index.ts (and the src/runtime.ts it imports), once for the
typed consumers and the declarations. Beside the committed packages (out/ and the goldens), the
catalogs of tests/model_catalogs.py are rendered into a scratch directory and judged alike. The
runtime itself is tested in tests/test_typescript_runtime.py, the scale in test_typescript_scale.py.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.model import Catalog, ErrorDef
from generator.render import render
from generator.targets import typescript as typescript_target
from generator.targets.typescript import RUNTIME_FILES, jsdoc
from generator.templating import header
from generator.validate import load_catalog
from tests import model_catalogs
from tests.conftest import SPECS
from tests.helpers import OUT, ROOT
from tests.snapshots import GOLDEN
from tests.toolchains import STRICT, Tools, output, run, tsc

PACKAGES = {
    "binance": OUT / "typescript",
    "minimal": GOLDEN / "minimal" / "typescript",
    "string_codes": GOLDEN / "string_codes" / "typescript",
    "torture": GOLDEN / "torture" / "typescript",
    "formats": GOLDEN / "formats" / "typescript",
}
# The catalogs built from the model, rendered by the `packages` fixture.
RENDERED = tuple(model_catalogs.CATALOGS)
NAMES = (*PACKAGES, *RENDERED)
INDEX_FILES = ("src/index.ts", "dist/index.js", "dist/index.d.ts", "dist/catalog.js", "dist/catalog.d.ts")
FILES = ("package.json", *INDEX_FILES, *RUNTIME_FILES)
HERE = ROOT / "tests" / "typescript"


def catalog_of(name: str) -> Catalog:
    """The catalog a package is rendered from: its spec's, or one built from the model."""
    if name in model_catalogs.CATALOGS:
        return model_catalogs.CATALOGS[name]()
    return load_catalog(SPECS[name].read_bytes())


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every package: the committed ones, and the model's catalogs rendered into a scratch directory."""
    root = tmp_path_factory.mktemp("rendered")
    found = dict(PACKAGES)
    for name in RENDERED:
        found[name] = root / name
        for path, text in render(catalog_of(name), ["typescript"]).items():
            file = root / name / path.removeprefix("typescript/")
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_text(text, encoding="utf-8")
    return {name: found[name].resolve() for name in NAMES}


@dataclass(frozen=True)
class Build:
    """tsc's own build of every package's src/index.ts and src/runtime.ts: index.js, index.d.ts, runtime.js
    and runtime.d.ts per package, beside a copy of the package's dist/ (its catalog and runtime), which the
    built index imports as the package's own does."""

    result: subprocess.CompletedProcess[str]
    root: Path
    sources: Path  # the rootDir: what every package's path is relative to
    packages: dict[str, Path]

    def of(self, name: str) -> Path:
        if self.result.returncode != 0:
            pytest.fail("tsc could not build the sources; see test_sources_pass_tsc_strict", pytrace=False)
        return self.root / self.packages[name].relative_to(self.sources) / "src"


@pytest.fixture(scope="module")
def build(tools: Tools, packages: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Build:
    """One tsc run: type-check every package's source with the strict settings, and emit it."""
    work = tmp_path_factory.mktemp("tsc-build")
    root = work / "build"
    sources = Path(os.path.commonpath([ROOT, *packages.values()]))
    config = {
        "compilerOptions": {**STRICT, "declaration": True, "rootDir": str(sources), "outDir": str(root)},
        "files": [str(package / "src" / name) for package in packages.values() for name in ("index.ts", "runtime.ts")],
    }
    result = tsc(tools, work, config)
    root.mkdir(exist_ok=True)
    for package in packages.values():
        shutil.copytree(package / "dist", root / package.relative_to(sources) / "dist", dirs_exist_ok=True)
    (root / "package.json").write_text('{"type": "module"}\n', encoding="utf-8")  # the build is ES modules
    return Build(result, root, sources, packages)


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
    for name in NAMES:
        for path in ("index.js", "index.d.ts", "runtime.js", "runtime.d.ts"):
            assert (build.of(name) / path).is_file(), (name, path)


def test_the_packaged_runtime_build_is_what_tsc_builds_from_the_packaged_source(build: Build) -> None:
    """dist/runtime.js and dist/runtime.d.ts are, byte for byte, tsc's build of the package's own
    src/runtime.ts under the strict settings (the copies errgen ships are checked against errgen's
    runtime folder in tests/test_typescript_runtime.py)."""
    for name, package in build.packages.items():
        for path in ("runtime.js", "runtime.d.ts"):
            built = (build.of(name) / path).read_text(encoding="utf-8")
            assert (package / "dist" / path).read_text(encoding="utf-8") == built, (name, path)


def _normalized(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_rendered_declarations_are_what_tsc_declares_from_the_source(build: Build) -> None:
    for name, package in build.packages.items():
        rendered = (package / "dist" / "index.d.ts").read_text(encoding="utf-8")
        declared = (build.of(name) / "index.d.ts").read_text(encoding="utf-8")
        header_line, _, body = rendered.partition("\n")
        assert header_line.startswith("// Code generated by errgen")
        assert _normalized(body) == _normalized(declared), f"{name}: dist/index.d.ts and src/index.ts disagree"


_COMMENT_OR_STRING = re.compile(r'/\*.*?\*/|//[^\n]*|"(?:[^"\\\n]|\\.)*"', re.DOTALL)


def test_declarations_have_no_any(build: Build) -> None:
    for name, package in build.packages.items():
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
    """Each spec's errors and message sets, read by plain PyYAML (not errgen), as JSON for node."""
    root = tmp_path_factory.mktemp("specs")
    files = {}
    for name in PACKAGES:
        data = _raw_spec(name)
        files[name] = root / f"{name}.json"
        files[name].write_text(json.dumps({k: data.get(k) for k in ("errors", "message_sets")}), encoding="utf-8")
    return files


@pytest.mark.parametrize("which", ["dist", "tsc"])
@pytest.mark.parametrize("name", NAMES)
def test_conformance_under_node(
    name: str, which: str, tools: Tools, build: Build, request: pytest.FixtureRequest
) -> None:
    """The rendered dist/index.js and tsc's build of src/index.ts, each against the vectors and the
    spec (the model's catalogs have none: their vectors are all)."""
    rendered, compiled = build.packages[name] / "dist" / "index.js", build.of(name) / "index.js"
    module, reference = (rendered, compiled) if which == "dist" else (compiled, rendered)
    env = {"ERRGEN_MODULE": str(module), "ERRGEN_REFERENCE": str(reference)}
    if name in RENDERED:
        env["ERRGEN_VECTORS"] = str(request.getfixturevalue("model_vector_files")[name])
    else:
        env["ERRGEN_VECTORS"] = str(request.getfixturevalue("vector_files")[name])
        env["ERRGEN_SPEC"] = str(request.getfixturevalue("spec_files")[name])
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


def test_match_agrees_with_the_reference_rule_on_utf16_text(
    tools: Tools, packages: dict[str, Path], tmp_path: Path
) -> None:
    """match() compares UTF-16 code units, the reference rule (ErrorDef.match) code points: on messages
    with astral characters and lone surrogates they must give the same variant and the same values."""
    rng = random.Random(20261201)
    fitted = total = 0
    for name, package in packages.items():
        catalog = catalog_of(name)
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
    package has no dependencies), and tests/typescript/consumer.ts is type-checked against it, built and run;
    so is tests/typescript/consumer_v2.ts against the package of format v2, copied in by its name.
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
    v2 = build.packages["v2_integers"]
    shutil.copytree(v2, project / "node_modules" / typescript_target.package_name(catalog_of("v2_integers")))
    for consumer in ("consumer.ts", "consumer_v2.ts"):
        shutil.copy(HERE / consumer, project / consumer)
    config = {
        "compilerOptions": {**STRICT, "rootDir": str(project), "outDir": str(project / "build")},
        "files": [
            str(project / "consumer.ts"),
            str(project / "consumer_v2.ts"),
            *(str(package / "dist" / "index.d.ts") for package in build.packages.values()),
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
    ran = run([tools.node, str(project / "build" / "consumer_v2.js")], cwd=project)
    assert ran.returncode == 0, output(ran)
    assert json.loads(ran.stdout) == [
        "a success: no error",
        "warning: now",
        "no category (null)",
        "cancel rejected in CANCEL",
        "limit 10 (-1003, error)",
        "OrderError error ORDER",
        "ApiError error -",
        "a",
        "undefined",
        "3",
        "5",
        "true",
        "-1003|-1003|-1003|success|OK!|CANCEL",
        "Illegal characters found in parameter 'b'.",
        "-1100 a exact unknown_code",
        "-1003@/code",
    ]


def _spec_text(catalog: Catalog) -> list[str]:
    """The free text of a catalog: titles, labels, names, aliases and messages."""
    texts = [catalog.title]
    texts += [text for c in catalog.categories for text in (c.name, c.title, c.label) if text]
    texts += [text for e in catalog.errors for text in (e.name, e.title, *(a.upstream for a in e.aliases))]
    return texts + [template.text for e in catalog.errors for template in e.messages]


def test_no_spec_text_in_comments_template_literals_or_regexes(tools: Tools, packages: dict[str, Path]) -> None:
    """TypeScript's parser lists every comment, template literal and regex of the output: spec text may
    only reach string literals (escaped by the `ts` filter), never one of those. So each of them must be
    fixed text: the same as in the output of a reference spec of the same code type (the minimal or the
    string-coded fixture), whose own spec text is nowhere in them. Comments are the same for both code
    types; the deprecation and alias notes and the word on success codes, which the references have no
    use for, are fixed words from _DOCS. The runtime files hold no spec text at all: they are the same
    in every package (the first test)."""
    paths = [str(package / path) for package in packages.values() for path in INDEX_FILES]
    result = run([tools.node, str(HERE / "literals.mjs"), *paths], cwd=ROOT)
    assert result.returncode == 0, output(result)
    found: dict[str, dict[str, list[str]]] = json.loads(result.stdout)
    references = {"integer": "minimal", "string": "string_codes"}
    notes = {jsdoc(key) for key in ("deprecated", "deprecated code class", "alias", "deprecated alias")}
    notes |= {jsdoc("fromPayload success"), jsdoc("deprecated alias", "  "), jsdoc("alias", "  ")}
    for path in INDEX_FILES:
        scanned = {name: found[str(packages[name] / path)] for name in packages}
        for reference in references.values():
            fixed = scanned[reference]["comments"][1:] + scanned[reference]["templates"] + scanned[reference]["regexes"]
            assert fixed, reference
            for text in _spec_text(catalog_of(reference)):
                assert not any(text in item for item in fixed), (reference, path, text)
            assert set(scanned[reference]["comments"][1:]) == set(scanned["minimal"]["comments"][1:])
        for name, seen in scanned.items():
            catalog = catalog_of(name)
            expected = scanned[references[catalog.code_type]]
            assert seen["problems"] == [], (name, path, seen["problems"])
            assert seen["comments"][0] == f"// {header(catalog)}"
            extra = set(seen["comments"][1:]) - set(expected["comments"][1:])
            assert extra <= notes, (name, path, extra)
            assert seen["templates"] == expected["templates"], (name, path)
            assert seen["regexes"] == expected["regexes"], (name, path)


def test_the_runtime_applies_no_regular_expression(tools: Tools, packages: dict[str, Path]) -> None:
    """Messages and payload text are read by substring searches and single passes, in time linear in their
    length, never by a regular expression (the lazy-group matcher took seconds on a 35 KB message)."""
    sources = ("src/index.ts", "dist/index.js", "src/runtime.ts", "dist/runtime.js")
    paths = [str(package / path) for package in packages.values() for path in sources]
    result = run([tools.node, str(HERE / "literals.mjs"), *paths], cwd=ROOT)
    assert result.returncode == 0, output(result)
    found: dict[str, dict[str, list[str]]] = json.loads(result.stdout)
    for path in paths:
        assert found[path]["regexes"] == [], path
        assert not re.search(r"\bRegExp\b", Path(path).read_text(encoding="utf-8")), path


def test_deprecated_and_retired_codes() -> None:
    declarations = (PACKAGES["torture"] / "dist" / "catalog.d.ts").read_text(encoding="utf-8")
    data = (PACKAGES["torture"] / "dist" / "catalog.js").read_text(encoding="utf-8")
    for name, cls in (("OLD_LIMIT", "OldLimitError"), ("DEPRECATED_NO_REASON", "DeprecatedNoReasonError")):
        assert re.search(rf"@deprecated [^\n]*\*/\n\s+{name}: 90\d", declarations), name
        assert re.search(rf"@deprecated [^\n]*\n \*/\nexport class {cls} ", declarations), cls
    for text in (declarations, data):
        assert "GONE" not in text.replace('[902, "GONE"]', "")
        assert re.search(r"\n\s+NEW_LIMIT: 901", text)
    assert not re.search(r"@deprecated[^\n]*\*/\n\s+NEW_LIMIT", declarations)
    assert "GoneError" not in declarations and "declare const RETIRED_CODES: ReadonlyMap<Code, string>;" in declarations
