"""`errgen export --format json`: the validated catalog as JSON, for tools that should not parse
YAML or reimplement the rules (a docs site, a linter, a server's i18n layer).

The document is described by spec/export.schema.json; FORMAT_VERSION changes only when a field
is removed or changes meaning (new fields may appear in any version).
"""

from __future__ import annotations

import json
from typing import Any

from .model import Catalog, Category, ErrorDef, Template
from .targets import go, python, typescript

FORMAT_VERSION = 2  # 2: categories have lists of ranges and prefixes; a code may have no category
SCHEMA_ID = "https://errgen.invalid/schema/export.schema.json"


def _category(category: Category) -> dict[str, Any]:
    return {
        "name": category.name,
        "class": category.class_name,
        "title": category.title,
        "label": category.label,
        "description": category.description,
        "ranges": [{"min": low, "max": high} for low, high in category.ranges],
        "prefixes": list(category.prefixes),
    }


def _message(template: Template) -> dict[str, Any]:
    return {
        "text": template.text,
        "parts": list(template.parts),
        "arity": template.arity,
        "style": template.style,
        "placeholders": [{"text": p.text, "type": p.type, "name": p.name} for p in template.placeholders],
        "description": template.description,
    }


def _error(error: ErrorDef) -> dict[str, Any]:
    return {
        "code": error.code,
        "name": error.name,
        "upstream_name": error.upstream_name,
        "aliases": [{"name": a.name, "upstream": a.upstream} for a in error.aliases],
        "kind": error.kind,
        "class": error.class_name if error.is_exception else None,
        "category": error.category.name if error.category is not None else None,
        "messages": [_message(t) for t in error.messages],
        "match_order": list(error.match_order),
        "extensions": dict(error.extensions),
        "description": error.description,
        "retryable": error.retryable,
        "http_status": error.http_status,
        "deprecated": error.deprecated,
        "retired": error.retired,
    }


def document(catalog: Catalog) -> dict[str, Any]:
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
            "placeholders": catalog.placeholders,
            "extensions": {e.name: {"type": e.type, "description": e.description} for e in catalog.extensions},
        },
        "packages": {
            "python": python.package_name(catalog),
            "python_distribution": python.distribution_name(catalog),
            "typescript": typescript.package_name(catalog),
            "go_module": go.module_path(catalog),
            "go_package": go.package_name(catalog),
        },
        "options": catalog.options,
        "categories": [_category(c) for c in catalog.categories],
        "errors": [_error(e) for e in catalog.errors],
    }


def to_json(catalog: Catalog) -> str:
    """Deterministic JSON text (keys in a fixed order, UTF-8, a final newline)."""
    return json.dumps(document(catalog), ensure_ascii=False, indent=2) + "\n"
