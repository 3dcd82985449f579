"""`errgen explain CODE`: what the catalog says about one code, for a terminal (as rustc --explain)."""

from __future__ import annotations

import difflib
import textwrap

from .model import Catalog, Code, ErrorDef
from .naming import identifier


class UnknownCode(LookupError):
    """The catalog has no such code or name; the message says what is close."""


def find(catalog: Catalog, wanted: str) -> ErrorDef:
    """The entry whose code (as written: -1121, 1121 for a negative code, "22012") or name is `wanted`."""
    text = wanted.strip()
    by_code: dict[str, ErrorDef] = {str(e.code): e for e in catalog.errors}
    by_name: dict[str, ErrorDef] = {}
    for error in catalog.errors:  # identifiers, then the upstream's names, aliases' too
        for name in (
            error.name,
            *(a.name for a in error.aliases),
            error.upstream_name,
            *(a.upstream for a in error.aliases),
        ):
            if name is not None:
                by_name.setdefault(name, error)
    found = by_code.get(text) or by_name.get(text) or by_name.get(identifier(text, 0))
    if found is None and catalog.code_type == "integer" and text.isdigit():
        found = by_code.get(f"-{text}")  # a log line may drop the sign
    if found is not None:
        return found
    close = difflib.get_close_matches(text, [*by_code, *by_name], n=3)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    owner = _category_of(catalog, text)
    if owner:
        hint += f" (it would fall in category {owner})"
    raise UnknownCode(f"{wanted!r} is not a code or name of the {catalog.title}{hint}")


def _category_of(catalog: Catalog, text: str) -> str | None:
    code: Code
    try:
        code = int(text) if catalog.code_type == "integer" else text
    except ValueError:
        return None
    category = catalog.category_of(code)
    return category.name if category is not None else None


def explain(error: ErrorDef) -> str:
    """The entry as plain text: name, category, variants, marks and description."""
    category = error.category
    lines = [f"{error.code} {error.title}", ""]
    if error.title != error.name:
        lines.append(f"Identifier: {error.name}")
    if error.aliases:
        lines.append("Also named: " + ", ".join(a.upstream for a in error.aliases))
    if category is not None:
        where = [f"{low}..{high}" for low, high in category.ranges] + [f"prefix {p}" for p in category.prefixes]
        lines.append(f"Category: {category.name} ({'; '.join([category.title, *where])})")
    marks = [f"kind: {error.kind}"] if error.kind != "error" else []
    marks.append(f"retryable: {'yes' if error.retryable else 'no'}")
    if error.http_status is not None:
        marks.append(f"HTTP status: {error.http_status}")
    summary = "; ".join(marks)
    lines.append(summary[0].upper() + summary[1:])
    for label, reason in (("Deprecated", error.deprecated), ("Retired", error.retired)):
        if reason is not None:
            lines.append(f"{label}{': ' + reason if reason else '.'}")
    if error.messages:
        lines += ["", "Messages (variant: template; a placeholder is a value the server fills in):"]
        lines += [f"  {index}: {template.text}" for index, template in enumerate(error.messages)]
    else:
        lines += ["", "No documented message."]
    if error.description:
        lines += ["", "Description:", textwrap.indent(error.description.rstrip("\n"), "  ")]
    return "\n".join(lines) + "\n"
