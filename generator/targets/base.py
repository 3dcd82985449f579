"""The interface every target implements, built in or installed from another package.

A target is a function from a validated catalog to files (sqlc's plugin shape), plus what only
it knows: the options it takes in the spec's `targets.<name>` block, the names its output
cannot hold, and the jinja2 filters its templates use. Register one from another package
under the entry-point group `errgen.targets` (see README):

    [project.entry-points."errgen.targets"]
    rust = "errgen_rust:TARGET"
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from ..model import Catalog, Category, ErrorDef

Files = dict[str, str]

# What a problem is about: an entry, a category (at one of its fields), or a path in the spec
# (("targets", "go", "module")); validate turns it into file:line:col.
Subject = ErrorDef | Category | tuple[str, ...]


@dataclass(frozen=True)
class Problem:
    """Something in a valid spec that a target's output could not hold."""

    subject: Subject
    rule: str
    message: str
    field: str = "name"  # the field of an entry or category at fault


@runtime_checkable
class Target(Protocol):
    """What errgen needs of a target."""

    @property
    def name(self) -> str:
        """The `--target` name, the `targets.<name>` key of the spec and the folder under out/."""
        ...

    @property
    def summary(self) -> str: ...

    @property
    def options(self) -> Mapping[str, Any]:
        """The JSON Schema of the target's `targets.<name>` block in the spec."""
        ...

    @property
    def filters(self) -> Mapping[str, Callable[..., str]]:
        """jinja2 filters its templates use (escaping into its language)."""
        ...

    def problems(self, catalog: Catalog) -> Iterable[Problem]:
        """Everything in the catalog this target cannot express (reported with the spec's problems)."""
        ...

    def render(self, catalog: Catalog) -> Files:
        """Every file of the target, by its path under the target's folder."""
        ...


def _no_problems(_catalog: Catalog) -> Iterable[Problem]:
    return ()


@dataclass(frozen=True)
class SimpleTarget:
    """A Target made of plain functions: how the built-in targets are written, and the easiest
    way to write one in another package."""

    name: str
    summary: str
    render_files: Callable[[Catalog], Files]
    options: Mapping[str, Any] = field(default_factory=lambda: {"type": "object", "additionalProperties": False})
    filters: Mapping[str, Callable[..., str]] = field(default_factory=dict)
    find_problems: Callable[[Catalog], Iterable[Problem]] = _no_problems
    # Files the spec's settings bring in from beside the spec (the docs target's changelog): the
    # catalog and the spec's folder in, {path: text} out; raises ValueError when one cannot be read.
    include: Callable[[Catalog, Path], Files] | None = None
    # Where its files go under out/ (its name by default), and, for a target that writes named
    # files into another target's folder (html into docs/), those names: it owns only them.
    folder: str | None = None
    files: tuple[str, ...] = ()

    def problems(self, catalog: Catalog) -> Iterable[Problem]:
        return self.find_problems(catalog)

    def render(self, catalog: Catalog) -> Files:
        return self.render_files(catalog)


def folder_of(target: Target) -> str:
    """The folder under out/ a target writes into (an installed target may not say: its name)."""
    return getattr(target, "folder", None) or target.name


def files_of(target: Target) -> tuple[str, ...]:
    """The files a target writes into a folder it shares, or () when it owns its whole folder."""
    return tuple(getattr(target, "files", ()))


def option(catalog: Catalog, target: str, key: str) -> Any:
    """A target's setting from the spec (`targets.<target>.<key>`), or None when not given."""
    return catalog.options.get(target, {}).get(key)


def setting(catalog: Catalog, target: str, key: str) -> tuple[str, ...]:
    """Where a problem with a target's setting is reported: the setting when the spec gives it,
    else the catalog name its default derives from."""
    return ("targets", target, key) if option(catalog, target, key) else ("catalog", "name")


def class_shadowing(catalog: Catalog, taken: Mapping[str, str], rule: str = "class-name") -> Iterable[Problem]:
    """Problems for every class name (of an active code or a category) found in `taken`
    (class name -> why it is taken), with what to write instead."""
    subjects: list[ErrorDef | Category] = [*catalog.categories, *catalog.exceptions]
    for subject in subjects:
        why = taken.get(subject.class_name)
        if why is None:
            continue
        field_name = "class" if subject.class_given else "name"
        suggestion = (
            f"Api{subject.class_name}" if subject.class_name.endswith("Error") else f"{subject.class_name}Error"
        )
        yield Problem(
            subject,
            rule,
            f"class {subject.class_name} {why}; keep the name and choose the class with `class: {suggestion}`",
            field_name,
        )
