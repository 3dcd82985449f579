"""The go target (being written)."""

from __future__ import annotations

from generator.model import Catalog


def render(catalog: Catalog) -> dict[str, str]:
    return {}
