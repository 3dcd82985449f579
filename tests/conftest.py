"""Fixtures shared by the target suites."""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest

from tests import model_catalogs, toolchains, vectors
from tests.helpers import SPEC
from tests.snapshots import NAMES, spec

# The suite imports the generated packages from out/ and tests/golden/: leave no bytecode there.
sys.dont_write_bytecode = True

# errgen's cache (compiled schema and templates, records of past runs) of this run alone, in every
# errgen the suite runs, in process or not: the user's own cache is neither read nor changed.
os.environ["ERRGEN_CACHE_DIR"] = tempfile.mkdtemp(prefix="errgen-test-cache-")
atexit.register(shutil.rmtree, os.environ["ERRGEN_CACHE_DIR"], ignore_errors=True)

SPECS = {"binance": SPEC, **{name: spec(name) for name in NAMES}}


@pytest.fixture(scope="session")
def vector_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The conformance vectors of the real spec and of every fixture spec."""
    root = tmp_path_factory.mktemp("vectors")
    return {name: vectors.write(path, root / f"{name}.json") for name, path in SPECS.items()}


@pytest.fixture(scope="session")
def model_vector_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The conformance vectors of the catalogs built from the model (tests/model_catalogs.py)."""
    root = tmp_path_factory.mktemp("model-vectors")
    return {
        name: vectors.write_catalog(make(), root / f"{name}.json") for name, make in model_catalogs.CATALOGS.items()
    }


# Lines a test wants in the run's summary, even when pytest captures its output (the fuzz test's count).
SUMMARY = pytest.StashKey[list[str]]()


@pytest.fixture
def summary(request: pytest.FixtureRequest) -> list[str]:
    return request.config.stash.setdefault(SUMMARY, [])


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    for line in config.stash.get(SUMMARY, []):
        terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def tools() -> toolchains.Tools:
    """Node.js, npm and the repository's locked tsc."""
    return toolchains.node_tools()


@pytest.fixture(scope="session")
def go() -> str:
    """The go command."""
    return toolchains.go_command()


# The tests that run Node.js, tsc, go or the browser (by these fixtures, or in these modules):
# `make test-fast` leaves them out, the in-process rest taking a fraction of the suite's time.
_TOOLCHAIN_FIXTURES = {"tools", "go"}
_TOOLCHAIN_MODULES = {"test_html_browser", "test_typescript_payloads"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        module = getattr(item, "module", None)
        in_module = module is not None and module.__name__.rsplit(".", 1)[-1] in _TOOLCHAIN_MODULES
        named = "toolchain" in item.name  # test_every_fixture_passes_the_target_s_toolchain, ...
        if in_module or named or _TOOLCHAIN_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.toolchain)
