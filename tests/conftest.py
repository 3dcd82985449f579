"""Fixtures shared by the target suites."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import vectors
from tests.helpers import SPEC
from tests.snapshots import NAMES, spec

SPECS = {"binance": SPEC, **{name: spec(name) for name in NAMES}}


@pytest.fixture(scope="session")
def vector_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The conformance vectors of the real spec and of every fixture spec."""
    root = tmp_path_factory.mktemp("vectors")
    return {name: vectors.write(path, root / f"{name}.json") for name, path in SPECS.items()}
