"""Pure rendering: a Catalog in, {relative path: text} out. Nothing here touches disk."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
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
    return dict(sorted(render_each(catalog, targets, spec_dir)))


def render_each(
    catalog: Catalog, targets: Iterable[str] | None = None, spec_dir: Path | None = None
) -> Iterator[tuple[str, str]]:
    """The files of `render`, target by target as each is rendered: (path under the output root,
    text). Only one target's texts are held at a time, each let go once yielded, which is what
    keeps a 100,000-code run within its memory (writer.write stages each file as it comes)."""
    known = available()
    seen: set[str] = set()
    for name in default_targets(catalog) if targets is None else targets:
        target = known[name]
        try:
            rendered = target.render(catalog)
        except ValueError as exc:  # raised by an escaping function that cannot write a value
            raise RenderError(f"the {name} target cannot express the spec: {exc}") from None
        include = getattr(target, "include", None)
        if spec_dir is not None and include is not None:
            try:
                rendered = {**rendered, **include(catalog, spec_dir)}
            except ValueError as exc:
                raise RenderError(f"the {name} target: {exc}") from None
        shared = files_of(target)
        folder = folder_of(target)
        for path in rendered:  # every path checked before the first is yielded
            if shared and path not in shared:
                raise RenderError(f"the {name} target writes {path}, which is not one of its files {shared}")
            full = f"{folder}/{path}"
            if full in seen:
                raise RenderError(f"two targets write {full}")
            seen.add(full)
        for path in sorted(rendered):
            yield f"{folder}/{path}", rendered.pop(path)


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
