"""Diagnostics as people and tools read them: text, JSON Lines, or GitHub workflow annotations."""

from __future__ import annotations

import json
from collections.abc import Iterable

from .diagnostics import Diagnostic

FORMATS = ("text", "json", "github")


def _github_data(text: str) -> str:
    # Workflow commands read %, CR and LF specially in the message ...
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    # ... and also : and , in a property's value.
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")


def report(diagnostics: Iterable[Diagnostic], path: str, fmt: str) -> list[str]:
    """One line per problem in the chosen format (text: `path:line:col: message`)."""
    lines = []
    for d in diagnostics:
        if fmt == "json":
            record = {
                "file": path,
                "line": d.position.line,
                "column": d.position.column,
                "rule": d.rule,
                "message": d.message,
            }
            lines.append(json.dumps(record, ensure_ascii=False))
        elif fmt == "github":
            where = f"file={_github_property(path)},line={d.position.line},col={d.position.column}"
            lines.append(f"::error {where},title={_github_property('errgen ' + d.rule)}::{_github_data(d.message)}")
        else:
            lines.append(d.format(path))
    return lines
