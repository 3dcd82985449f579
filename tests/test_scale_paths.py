"""The fast path of load_catalog (libyaml's events, the schema compiled by fastjsonschema, no
positions) against the located path (PyYAML's pure-Python parser, jsonschema, every position).

The fast path may only ever say "valid": a spec it accepts must be one the located path accepts,
with the same catalog, and every spec the located path rejects must fall through to it, so that
users are told the same `file:line:col` whichever path ran.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.diagnostics import SpecError
from generator.export import to_json
from generator.limits import MAX_BYTES
from generator.loader import load_yaml, load_yaml_fast
from generator.schema_fast import accepts
from generator.validate import _fast_catalog, _located_catalog, _schema_json, _validator
from tests.test_invalid_specs import BASE, CASES, STRING_BASE

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
VALID = [
    ROOT / "spec" / "errors.yaml",
    *sorted(FIXTURES.glob("*.yaml")),
    *sorted((FIXTURES / "payloads").glob("*.yaml")),
]


def _bytes(text: object) -> bytes:
    data = text() if callable(text) else text
    return data.encode() if isinstance(data, str) else bytes(data)  # type: ignore[arg-type]


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_a_valid_spec_takes_the_fast_path_to_the_same_catalog(path: Path) -> None:
    data = path.read_bytes()
    fast = _fast_catalog(data, MAX_BYTES)
    assert fast is not None, "a valid spec fell back to the located path"
    assert to_json(fast) == to_json(_located_catalog(data, MAX_BYTES))


@pytest.mark.parametrize(("text", "expected", "fresh"), CASES)
def test_an_invalid_spec_falls_through_to_the_located_path(text: object, expected: object, fresh: bool) -> None:
    data = _bytes(text)
    with pytest.raises(SpecError):
        _located_catalog(data, MAX_BYTES)
    assert _fast_catalog(data, MAX_BYTES) is None


def _located_value(data: bytes) -> object:
    try:
        return load_yaml(data).value
    except SpecError:
        return SpecError


def _fast_value(data: bytes) -> object:
    value = load_yaml_fast(data)
    return SpecError if value is None else value


# YAML fragments that the two parsers could read differently: every scalar style, flow and block
# collections, comments, indentation, escapes, tabs, anchors, tags, directives, document markers.
FRAGMENT = st.sampled_from(
    [
        "a", "b", "-1121", "1.5", "1e3", "400.0", "true", "yes", "~", "null", "0x1F", "1_000", "12:30",
        "'q''t'", '"d\\"q\\u00e9\\x41\\N"', '"\\ud800"', "|\n  x\n  y\n", ">-\n  x\n\n  y\n", "|+\n  z\n\n",
        ": ", ":", "- ", "-", "? ", ",", "[", "]", "{", "}", "#c", " #c", "\n", "\n  ", "\n    ", "\t",
        "&a ", "*a", "!!str ", "! ", "!x ", "%YAML 1.2\n---\n", "---\n", "...\n", "@", "`", "\"", "'",
        "é", "\u00a0", "\u2028", "\ufeff", "\r\n", "\r", "<<: ", "=", "key: value\n", "- item\n",
        "k: [1, 2]\n", "k: {x: 1}\n", "  - n: 1\n    m: 2\n",
    ]
)  # fmt: skip


@settings(
    max_examples=int(os.environ.get("ERRGEN_PATH_EXAMPLES", "400")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.lists(FRAGMENT, min_size=1, max_size=14).map("".join))
def test_the_two_loaders_read_any_text_alike(text: str) -> None:
    data = text.encode("utf-8", "surrogatepass")
    fast = _fast_value(data)
    # Declining is always allowed (the located path then decides); reading differently never is.
    if fast is not SpecError:
        assert fast == _located_value(data)


@pytest.mark.parametrize("char", ["\x00", "\x01", "\x1f", "\x7f", "\x85", "\u200b", "\u202e", "\ufeff", "\U000e0001"])
@pytest.mark.parametrize("key", ["k", "é"], ids=["ascii", "not-ascii"])
def test_a_forbidden_character_is_refused_by_both_loaders_raw_or_escaped(char: str, key: str) -> None:
    # The loaders search a text that is all ASCII for FORBIDDEN's ASCII part alone.
    for text in (f"{key}: a{char}", f'{key}: "a{char}"', f'{key}: "a\\U{ord(char):08x}"', f"{key}: |\n  a{char}\n"):
        data = text.encode("utf-8", "surrogatepass")
        assert _fast_value(data) is SpecError, text
        assert _located_value(data) is SpecError, text
    assert _fast_value(f'{key}: "a\\U{ord("b"):08x}"'.encode()) == {key: "ab"}


def _schema_errors(value: object) -> bool:
    return any(True for _ in _validator().iter_errors(value))


def _with(value: Any, path: list[Any], replacement: object) -> Any:
    """A copy of value with the item at path (indexes taken modulo each container's size) replaced."""
    if not path or not isinstance(value, (dict, list)) or not value:
        return replacement
    keys = list(value) if isinstance(value, dict) else list(range(len(value)))
    key = keys[path[0] % len(keys)]
    copy = dict(value) if isinstance(value, dict) else list(value)
    copy[key] = _with(value[key], path[1:], replacement)  # type: ignore[index]
    return copy


SPECS = [load_yaml(BASE.encode()).value, load_yaml(STRING_BASE.encode()).value]
REPLACEMENT = st.sampled_from(
    [None, True, False, 0, -1, 400, 400.0, 1.5, 2**53, "", "x", "X_Y", "1.0.0", "1.0.0\n", "a-b", "%s",
     [], ["x"], [1, 1], {}, {"text": "x"}, {"min": 1, "max": 2}, {"unknown": 1}]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(SPECS), st.lists(st.integers(0, 50), min_size=1, max_size=5), REPLACEMENT)
def test_the_compiled_schema_agrees_with_jsonschema(spec: Any, path: list[int], replacement: object) -> None:
    value = _with(spec, path, replacement)
    assert accepts(_schema_json(), value) == (not _schema_errors(value))
