"""The fixture specs and their golden output; `python -m tests.snapshots` rewrites the goldens.

Run it through `make update-snapshots`, then read the diff before committing it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from generator.cli import main as errgen
from tests import evolution_goldens

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
GOLDEN = ROOT / "tests" / "golden"
NAMES = ("minimal", "string_codes", "torture", "formats")
# tests/fixtures/evolution/ holds two versions of a catalog; tests/golden/evolution/ what errgen
# diff and changelog say of them (tests/evolution_goldens.py).
EVOLUTION = "evolution"


def spec(name: str) -> Path:
    return FIXTURES / f"{name}.yaml"


def update() -> int:
    for name in NAMES:
        status = errgen(["generate", "--spec", str(spec(name)), "--out", str(GOLDEN / name)])
        if status:
            return status
    return evolution_goldens.update()


if __name__ == "__main__":
    sys.exit(update())
