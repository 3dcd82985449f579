"""`errgen export --format json`: the validated catalog for other tools, held to its own schema."""

from __future__ import annotations

import json

import jsonschema
import pytest

from generator.export import FORMAT_VERSION, document, to_json
from generator.model import Template
from generator.resources import schema_text
from generator.targets import BUILTIN
from generator.validate import load_catalog
from tests.conftest import SPECS


@pytest.mark.parametrize("name", SPECS)
def test_export_follows_its_schema_and_keeps_every_text(name: str) -> None:
    catalog = load_catalog(SPECS[name].read_bytes())
    exported = json.loads(to_json(catalog))
    jsonschema.Draft202012Validator(json.loads(schema_text("export.schema.json"))).validate(exported)
    assert exported["format_version"] == FORMAT_VERSION
    assert [e["code"] for e in exported["errors"]] == [e.code for e in catalog.errors]
    for entry, error in zip(exported["errors"], catalog.errors, strict=True):
        assert entry["name"] == error.name
        assert entry["category"] == (error.category.name if error.category is not None else None)
        for message, template in zip(entry["messages"], error.messages, strict=True):
            assert message["text"] == template.text
            assert tuple(message["parts"]) == Template.parse(message["text"], message["style"]).parts
            assert message["arity"] == len(message["parts"]) - 1
    assert to_json(catalog) == to_json(load_catalog(SPECS[name].read_bytes()))  # deterministic


def test_export_of_the_real_spec_by_hand() -> None:
    exported = document(load_catalog(SPECS["binance"].read_bytes()))
    entry = next(e for e in exported["errors"] if e["code"] == -1015)
    assert entry["name"] == "TOO_MANY_ORDERS"
    assert entry["messages"][1] == {
        "text": "Too many new orders; current limit is %s orders per %s.",
        "parts": ["Too many new orders; current limit is ", " orders per ", "."],
        "arity": 2,
        "style": "printf",
        "placeholders": [{"text": "%s", "type": "s", "name": None}, {"text": "%s", "type": "s", "name": None}],
        "description": None,
    }
    assert entry["match_order"] == [1, 0] and entry["kind"] == "error" and entry["upstream_name"] == "TOO_MANY_ORDERS"
    assert exported["catalog"]["payload"] == {"code": "code", "message": "msg"}


def test_the_schema_file_states_each_built_in_target_s_own_options() -> None:
    """Each target owns its options; the schema file repeats them for editors, and must not drift."""

    stated = json.loads(schema_text())["properties"]["targets"]["properties"]
    assert stated == {target.name: dict(target.options) for target in BUILTIN}
