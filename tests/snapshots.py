"""The fixture specs and their golden output; `python -m tests.snapshots` rewrites the goldens.

Run it through `make update-snapshots`, then read the diff before committing it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from generator.cli import main as errgen

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
GOLDEN = ROOT / "tests" / "golden"
NAMES = ("minimal", "string_codes", "torture", "formats")


def spec(name: str) -> Path:
    return FIXTURES / f"{name}.yaml"


def update() -> int:
    for name in NAMES:
        status = errgen(["generate", "--spec", str(spec(name)), "--out", str(GOLDEN / name)])
        if status:
            return status
    return 0


if __name__ == "__main__":
    sys.exit(update())
