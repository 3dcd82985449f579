"""The spec's JSON Schema compiled to Python (fastjsonschema), for the fast path: it answers only
whether a spec is valid, several times faster than jsonschema; `validate` asks jsonschema for the
located diagnostics of a spec this rejects.

The compiled code follows validate's reading of the schema where fastjsonschema's draft 7 differs:
an integer is an int (400.0 is not one), and a pattern's `$` is the end of the text (fastjsonschema
writes it as \\Z, as validate does). tests/test_scale_paths.py holds the two to the same answers.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from . import cache as disk_cache


def _generator_class() -> type:
    from fastjsonschema.draft04 import CodeGeneratorDraft04
    from fastjsonschema.draft07 import CodeGeneratorDraft07

    class Strict(CodeGeneratorDraft07):
        # Draft 4's type check: no float counts as an integer, as in validate's type checker.
        generate_type = CodeGeneratorDraft04.generate_type

        def generate_ref(self) -> None:
            # A referenced definition's function is passed its caller's name prefix unchanged:
            # fastjsonschema builds each item's path with str.format(**locals()), which cost a
            # fifth of a second at 10,000 codes, for a name only a rejection's message holds, and
            # the fast path words no rejection (validate does, from jsonschema).
            definition = self._definition
            assert definition is not None
            with self._resolver.in_scope(definition["$ref"]):
                name = self._resolver.get_scope_name()
                uri = self._resolver.get_uri()
                if uri not in self._validation_functions_done:
                    self._needed_validation_functions[uri] = name
                self.l(f"{name}({{variable}}, custom_formats, name_prefix)")

    return Strict


def _source(schema: dict[str, Any]) -> str:
    from fastjsonschema.ref_resolver import RefResolver

    resolver = RefResolver.from_schema(schema, handlers={}, store={})
    entry = resolver.get_scope_name()  # the root's function, named from the schema's $id
    generator = _generator_class()(schema, resolver=resolver, detailed_exceptions=False)
    return f"{generator.global_state_code}\n{generator.func_code}\nvalidate = {entry}\n"


@cache
def _compiled(schema_json: str) -> Callable[[Any], object]:
    import fastjsonschema

    # Keyed by this module's own text too: it shapes the code fastjsonschema writes.
    made_by = Path(__file__).read_bytes()
    key = hashlib.sha256(f"{fastjsonschema.VERSION}\0{schema_json}".encode() + b"\0" + made_by).hexdigest()[:32]
    code = disk_cache.compiled("schema", key, lambda: _source(json.loads(schema_json)))
    namespace: dict[str, Any] = {}
    exec(code, namespace)  # the code fastjsonschema wrote from errgen's own schema
    validate: Callable[[Any], object] = namespace["validate"]
    return validate


def accepts(schema_json: str, value: object) -> bool:
    """Whether the schema (its JSON text, the cache key) holds for value."""
    from fastjsonschema import JsonSchemaException

    try:
        _compiled(schema_json)(value)
    except JsonSchemaException:
        return False
    return True
