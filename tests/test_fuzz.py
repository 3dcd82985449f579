"""Property-based fuzzing: random valid specs, hostile text, every target generated and read back.

Each example is generated and written to its own output directory, and the Python package
is imported and read back at once; the toolchains of the other targets then judge all
examples in one batch each. ERRGEN_FUZZ_EXAMPLES sets the budget (`make fuzz` raises it).
"""

from __future__ import annotations

import contextlib
import importlib
import io
import os
import sys
from itertools import count
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.cli import main as errgen
from generator.naming import Name
from tests.fuzz_specs import specs, to_yaml

EXAMPLES = int(os.environ.get("ERRGEN_FUZZ_EXAMPLES", "40"))


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
        entry = next(e for e in spec["errors"] if e["name"] == name)
        assert member.value == entry["code"]
        if "description" in entry:
            assert entry["description"] in getattr(module, Name(name).pascal + "Error").__doc__
    retired = {e["code"]: e["name"] for e in spec["errors"] if e.get("retired")}
    assert dict(module.RETIRED_CODES) == retired
    assert [c.title for c in module.Category] == [c["title"] for c in spec["categories"]]


def test_random_specs_generate_and_read_back_in_every_target(tmp_path: Path) -> None:
    generated: list[tuple[Path, dict[str, Any]]] = []
    numbers = count()

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
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
        generated.append((root / "out", spec))

    generate()
    print(f"fuzz: {len(generated)} specs generated and read back")
    assert len(generated) >= min(EXAMPLES, 10)
