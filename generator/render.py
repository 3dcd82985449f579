"""Pure rendering: a Catalog in, {relative path: text} out. Nothing here touches disk."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from .model import Catalog
from .targets import BUILTIN, Files, available
from .targets.base import files_of, folder_of

TARGET_NAMES: tuple[str, ...] = tuple(target.name for target in BUILTIN)


class RenderError(Exception):
    """The spec is valid, but a target cannot express something in it."""


def default_targets(catalog: Catalog) -> tuple[str, ...]:
    """What `generate` writes without --target: the built-in targets, and every installed one
    that the spec's `targets` block names."""
    return (*TARGET_NAMES, *(name for name in available() if name not in TARGET_NAMES and name in catalog.options))


def render(catalog: Catalog, targets: Iterable[str] | None = None, spec_dir: Path | None = None) -> Files:
    """Every file of the chosen targets, keyed by its path under the output root; with the
    spec's folder, also the files its settings bring in from there (a target's `include`)."""
    known = available()
    files: Files = {}
    for name in default_targets(catalog) if targets is None else targets:
        try:
            rendered = known[name].render(catalog)
        except ValueError as exc:  # raised by an escaping function that cannot write a value
            raise RenderError(f"the {name} target cannot express the spec: {exc}") from None
        include = getattr(known[name], "include", None)
        if spec_dir is not None and include is not None:
            try:
                rendered = {**rendered, **include(catalog, spec_dir)}
            except ValueError as exc:
                raise RenderError(f"the {name} target: {exc}") from None
        shared = files_of(known[name])
        for path, text in rendered.items():
            if shared and path not in shared:
                raise RenderError(f"the {name} target writes {path}, which is not one of its files {shared}")
            full = f"{folder_of(known[name])}/{path}"
            if full in files:
                raise RenderError(f"two targets write {full}")
            files[full] = text
    return dict(sorted(files.items()))


def claims(targets: Iterable[str]) -> Callable[[str], bool]:
    """Whether a path under out/ belongs to one of these targets: to the target that names it
    as one of its files (html's docs/index.html), else to the target whose folder holds it. What
    the writer may replace or delete as stale; every other owned file is left as it is."""
    known = available()
    chosen = set(targets)
    named = {f"{folder_of(t)}/{path}": t.name for t in known.values() for path in files_of(t)}
    folders = tuple(
        f"{folder_of(known[n]) if n in known else n}/" for n in chosen if not (n in known and files_of(known[n]))
    )

    def claimed(path: str) -> bool:
        owner = named.get(path)
        return owner in chosen if owner is not None else path.startswith(folders)

    return claimed
