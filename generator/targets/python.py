"""The Python target: an installable, typed package of codes and exceptions."""

from __future__ import annotations

from ..escaping import python_string
from ..model import Catalog, Category, ErrorDef, Template
from ..resources import runtime_file
from ..templating import header, render_template

RUNTIME = "_runtime.py"


def _parts(template: Template) -> str:
    """A message template as the Python tuple of its literal parts: ("Too many; ", " per ", ".")."""
    items = [python_string(part) for part in template.parts]
    return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"


def _category_doc(category: Category) -> str:
    label = f" ({category.label})" if category.label else ""
    if category.range is not None:
        codes = f"codes {category.range[0]} to {category.range[1]}"
    else:
        codes = f"codes starting with {category.prefix}"
    return f"{category.title}{label}: {codes}."


def _error_doc(error: ErrorDef) -> str:
    doc = f"{error.code} {error.name}: {error.messages[0].text}"
    if error.description:
        doc += "\n\n" + error.description
    if error.deprecated is not None:
        doc += "\n\nDeprecated" + (f": {error.deprecated}" if error.deprecated else ".")
    return doc


def render(catalog: Catalog) -> dict[str, str]:
    string_codes = catalog.code_type == "string"
    context = {
        "header": header(catalog),
        "catalog": catalog,
        "package": catalog.packages.python,
        "distribution": catalog.packages.python_distribution,
        "string_codes": string_codes,
        "code_type": "str" if string_codes else "int",
        "enum_imports": "Enum" if string_codes else "Enum, IntEnum",
        "enum_base": "Enum" if string_codes else "IntEnum",
        "categories": [
            {**vars(c), "class_name": c.name.error_class, "doc": _category_doc(c)} for c in catalog.categories
        ],
        "errors": [
            {
                **vars(e),
                "is_deprecated": e.is_deprecated,
                "class_name": e.name.error_class,
                "category": {"name": e.category.name, "class_name": e.category.name.error_class},
                "parts": [_parts(t) for t in e.messages],
                "doc": _error_doc(e),
            }
            for e in catalog.active
        ],
        "retired": catalog.retired,
    }
    package = catalog.packages.python
    return {
        "pyproject.toml": render_template("python/pyproject.toml.jinja", **context),
        f"{package}/__init__.py": render_template("python/__init__.py.jinja", **context),
        f"{package}/py.typed": render_template("python/py.typed.jinja", **context),
        f"{package}/{RUNTIME}": f"# {header(catalog)}\n" + runtime_file("python", RUNTIME),
    }
