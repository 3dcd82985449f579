"""`errgen explain CODE`: what the catalog says about one code, for a terminal (as rustc --explain)."""

from __future__ import annotations

import difflib
import textwrap

from .model import Catalog, Code, ErrorDef


class UnknownCode(LookupError):
    """The catalog has no such code or name; the message says what is close."""


def find(catalog: Catalog, wanted: str) -> ErrorDef:
    """The entry whose code (as written: -1121, 1121 for a negative code, "22012") or name is `wanted`."""
    text = wanted.strip()
    by_code: dict[str, ErrorDef] = {str(e.code): e for e in catalog.errors}
    by_name: dict[str, ErrorDef] = {str(e.name): e for e in catalog.errors}
    found = by_code.get(text) or by_name.get(text.upper().replace(" ", "_").replace("-", "_"))
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
    return next((c.name for c in catalog.categories if c.contains(code)), None)


def explain(error: ErrorDef) -> str:
    """The entry as plain text: name, category, variants, marks and description."""
    category = error.category
    where = f"{category.range[0]}..{category.range[1]}" if category.range else f"prefix {category.prefix}"
    lines = [f"{error.code} {error.name}", "", f"Category: {category.name} ({category.title}; {where})"]
    marks = [f"retryable: {'yes' if error.retryable else 'no'}"]
    if error.http_status is not None:
        marks.append(f"HTTP status: {error.http_status}")
    summary = "; ".join(marks)
    lines.append(summary[0].upper() + summary[1:])
    for label, reason in (("Deprecated", error.deprecated), ("Retired", error.retired)):
        if reason is not None:
            lines.append(f"{label}{': ' + reason if reason else '.'}")
    lines += ["", "Messages (variant: template; %s is a value the server fills in):"]
    lines += [f"  {index}: {template.text}" for index, template in enumerate(error.messages)]
    if error.description:
        lines += ["", "Description:", textwrap.indent(error.description.rstrip("\n"), "  ")]
    return "\n".join(lines) + "\n"
