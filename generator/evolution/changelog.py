"""`errgen changelog`: the changes between two specs as a Markdown section for CHANGELOG.md.

The section is headed by the version and the date the user gives (never the clock, so the same
inputs always give the same text), groups the changes by kind and links each code and category
to its anchor in the reference page (out/docs/README.md, see targets/docs.py). Links are
relative to the page the changelog is read beside: README.md when the docs target includes the
changelog in out/docs/, `--docs-page out/docs/README.md` for a CHANGELOG.md at the repository root.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..escaping import markdown_code
from ..model import Category
from ..naming import Name
from ..targets.docs import category_anchor, code_anchor
from .diff import KINDS, Change

HEADINGS = {
    "breaking": "Breaking changes",
    "deprecating": "Deprecated and retired",
    "additive": "Added",
    "cosmetic": "Documentation",
}

_SECTION = re.compile(r"^## ", re.MULTILINE)


def _subject(change: Change, page: str) -> str:
    subject = change.subject
    if subject.code is None and not subject.category:
        return "The catalog"
    assert subject.name is not None  # identifiers and category names are [A-Z0-9_], safe as they are
    label = f"category {subject.name}" if subject.category else f"{markdown_code(str(subject.code))} {subject.name}"
    if not subject.linked:
        return label
    if subject.category:
        assert subject.name is not None
        anchor = category_anchor(Category(Name(subject.name), "", None, None))
    else:
        assert subject.code is not None
        anchor = code_anchor(subject.code)
    return f"[{label}]({page}#{anchor})"


def _message(change: Change) -> str:
    """The prose is errgen's own (no Markdown syntax but `code` meant as such); every spec text,
    code and name is a code span."""
    return "".join(p if isinstance(p, str) else markdown_code(p.text) for p in change.parts)


def section(version: str, date: str, changes: Sequence[Change], page: str = "README.md") -> str:
    """The Markdown section of one release."""
    lines = [f"## {version} — {date}", ""]  # a semantic version holds no Markdown syntax
    if not changes:
        lines += ["No change to the catalog.", ""]
    for kind in KINDS:
        found = [c for c in changes if c.kind == kind]
        if not found:
            continue
        lines += [f"### {HEADINGS[kind]}", ""]
        lines += [f"- {_subject(c, page)}: {_message(c)}" for c in found]
        lines.append("")
    return "\n".join(lines)


class ChangelogError(Exception):
    """The changelog file cannot take the section."""


def insert(existing: str, text: str, version: str) -> str:
    """The changelog with the section added before its first release section (after any title
    and introduction); a section of the same version already there is an error, never replaced."""
    heading = f"## {version} "
    if any(line.startswith(heading) for line in existing.splitlines()):
        raise ChangelogError(f"it already has a section for {version}")
    if not existing.strip():
        return "# Changelog\n\n" + text
    found = _SECTION.search(existing)
    if found is None:
        return existing.rstrip("\n") + "\n\n" + text
    return existing[: found.start()] + text + "\n" + existing[found.start() :]
