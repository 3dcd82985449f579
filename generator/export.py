"""`errgen export --format json`: the validated catalog as JSON, for tools that should not parse
YAML or reimplement the rules (a docs site, a linter, a server's i18n layer).

The document is described by spec/export.schema.json; FORMAT_VERSION changes only when a field
is removed or changes meaning (new fields may appear in any version).
"""

from __future__ import annotations

import json
from typing import Any

from .model import Catalog, Category, ErrorDef

FORMAT_VERSION = 1
SCHEMA_ID = "https://errgen.invalid/schema/export.schema.json"


def _category(category: Category) -> dict[str, Any]:
    return {
        "name": category.name,
        "title": category.title,
        "label": category.label,
        "description": category.description,
        "range": {"min": category.range[0], "max": category.range[1]} if category.range else None,
        "prefix": category.prefix,
    }


def _error(error: ErrorDef) -> dict[str, Any]:
    return {
        "code": error.code,
        "name": error.name,
        "category": error.category.name,
        "messages": [{"text": t.text, "parts": list(t.parts), "arity": t.arity} for t in error.messages],
        "description": error.description,
        "retryable": error.retryable,
        "http_status": error.http_status,
        "deprecated": error.deprecated,
        "retired": error.retired,
    }


def document(catalog: Catalog) -> dict[str, Any]:
    packages = catalog.packages
    return {
        "$schema": SCHEMA_ID,
        "format_version": FORMAT_VERSION,
        "catalog": {
            "name": catalog.name,
            "title": catalog.title,
            "version": catalog.version,
            "source": catalog.source,
            "description": catalog.description,
            "code_type": catalog.code_type,
            "payload": {"code": catalog.payload.code_field, "message": catalog.payload.message_field},
            "example": {"code": catalog.example[0], "message": catalog.example[1]} if catalog.example else None,
        },
        "packages": {
            "python": packages.python,
            "python_distribution": packages.python_distribution,
            "typescript": packages.typescript,
            "go_module": packages.go_module,
            "go_package": packages.go_package,
        },
        "categories": [_category(c) for c in catalog.categories],
        "errors": [_error(e) for e in catalog.errors],
    }


def to_json(catalog: Catalog) -> str:
    """Deterministic JSON text (keys in a fixed order, UTF-8, a final newline)."""
    return json.dumps(document(catalog), ensure_ascii=False, indent=2) + "\n"
