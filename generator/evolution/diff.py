"""Every change between two validated catalogs, classified by what it does to the packages' users.

Codes are matched by code, categories by name, variants by index (the `variant` the runtimes
report). The kinds:

* breaking: code that compiled, or a message that was classified, no longer is, or means
  something else: a code removed instead of retired, a retired code deleted or its number
  reused, an identifier, alias, class, kind or category changed, a name that now means another
  code, a variant removed, moved or edited (its text, or its placeholders' number, type or
  name), a variant added that takes messages an existing variant matched, an unknown code that
  falls in another category, a payload field, code type or package name changed, metadata
  removed or changed (retryable true -> false, an HTTP status, an extension value);
* deprecating: a code newly deprecated or retired (retiring removes its constant and class, so
  it needs a major version like a breaking change; it is the way to end a code, so it does not
  fail `diff` without --allow-breaking);
* additive: a new code, alias, category, variant appended, lookup name, metadata newly given;
* cosmetic: descriptions, titles, labels, reasons, an upstream name kept as an alias, the same
  variant written another way (%i for %d).

Editing a message's literal text is breaking: the runtimes match messages by their exact literal
parts, so the old text stops matching what the API sent, and the new one matched nothing before.
To follow an upstream rewording, append the new text as a variant (additive) and keep the old.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from ..loader import Pointer
from ..model import Category, Code, ErrorDef, Template, pointer_text
from ..release import goversion
from ..targets import go, python, typescript
from .semver import LEVELS, Level
from .sources import Spec

Kind = Literal["breaking", "deprecating", "additive", "cosmetic"]
KINDS: tuple[Kind, ...] = ("breaking", "deprecating", "additive", "cosmetic")
LEVEL: dict[Kind, Level] = {"breaking": "major", "deprecating": "minor", "additive": "minor", "cosmetic": "patch"}


@dataclass(frozen=True)
class Lit:
    """A text from a spec, shown exactly: JSON-quoted in text, a code span in Markdown."""

    text: str


@dataclass(frozen=True)
class Sym:
    """A code, identifier or class: as it is in text, a code span in Markdown."""

    text: str


Part = str | Lit | Sym


@dataclass(frozen=True)
class Subject:
    """What a change is about: a code, a category or the catalog as a whole."""

    code: Code | None = None
    name: str | None = None  # the code's identifier (the new one when it has one) or the category's name
    category: bool = False
    linked: bool = True  # whether NEW's reference page has an anchor for it

    def __str__(self) -> str:
        if self.code is not None:
            return f"{self.code} {self.name}"
        return f"category {self.name}" if self.category else "catalog"


@dataclass(frozen=True)
class Change:
    kind: Kind
    rule: str
    subject: Subject
    parts: tuple[Part, ...]
    pointer: Pointer  # in NEW; the closest existing value when the thing is gone
    old_pointer: Pointer | None = None  # in OLD, when the thing was there
    variant: int | None = None
    level: Level | None = None  # what it needs of the version, when not its kind's
    gone: bool = False  # what it is about is not in NEW (pointer is where it was)

    @property
    def needs(self) -> Level:
        return self.level or LEVEL[self.kind]

    @property
    def message(self) -> str:
        return "".join(
            _quoted(p.text) if isinstance(p, Lit) else p if isinstance(p, str) else p.text for p in self.parts
        )


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


# A value of each placeholder type, to probe which variant a message of a template goes to. NUL
# is in no spec text (the loader rejects it), so a text value never completes another literal.
_SAMPLES = {"s": "\x00", "d": "7", "i": "7", "f": "7.5", "b": "true"}


def _key(template: Template) -> tuple[tuple[str, ...], tuple[tuple[str, str | None], ...]]:
    """What a variant means to the runtimes: its literal parts and its placeholders' types and
    names (%i is %d)."""
    return template.parts, tuple(("d" if p.type == "i" else p.type, p.name) for p in template.placeholders)


def _sample(template: Template) -> str:
    return template.format(*(_SAMPLES[p.type] for p in template.placeholders))


_TYPE_WORDS = {"s": "text", "d": "an integer", "i": "an integer", "f": "a number", "b": "a boolean"}


class _Locator:
    """Pointers into one spec for the model's codes, categories and variants (the catalog keeps
    the spec's order; a variant of `include: SET` is written in the message set)."""

    def __init__(self, spec: Spec) -> None:
        raw = spec.raw
        self.errors = {e.code: ("errors", i) for i, e in enumerate(spec.catalog.errors)}
        self.categories: dict[str, Pointer] = {c.name: ("categories", i) for i, c in enumerate(spec.catalog.categories)}
        self.variants: dict[Code, tuple[Pointer, ...]] = {}
        sets = raw.get("message_sets")
        for error, entry in zip(spec.catalog.errors, raw.get("errors", []), strict=False):
            at = (*self.errors[error.code], "messages")
            found: list[Pointer] = []
            items = entry.get("messages") if isinstance(entry, dict) else None
            for index, item in enumerate(items if isinstance(items, list) else []):
                included = item.get("include") if isinstance(item, dict) else None
                if isinstance(included, str) and isinstance(sets, dict) and isinstance(sets.get(included), list):
                    found += [("message_sets", included, k) for k in range(len(sets[included]))]
                else:
                    found.append((*at, index))
            if len(found) == len(error.messages):
                self.variants[error.code] = tuple(found)

    def error(self, code: Code) -> Pointer:
        return self.errors.get(code, ("errors",))

    def field(self, code: Code, name: str) -> Pointer:
        return (*self.error(code), name)

    def variant(self, code: Code, index: int) -> Pointer:
        pointers = self.variants.get(code)
        if pointers is None or index >= len(pointers):
            return self.field(code, "messages")
        return pointers[index]

    def category(self, name: str) -> Pointer:
        found: Pointer = self.categories.get(name, ("categories",))
        return found


class _Diff:
    def __init__(self, old: Spec, new: Spec) -> None:
        self.old, self.new = old.catalog, new.catalog
        self.at_old, self.at_new = _Locator(old), _Locator(new)
        self.changes: list[Change] = []

    def add(
        self,
        kind: Kind,
        rule: str,
        subject: Subject,
        parts: Sequence[Part],
        pointer: Pointer,
        old_pointer: Pointer | None = None,
        variant: int | None = None,
        level: Level | None = None,
        gone: bool = False,
    ) -> None:
        change = Change(kind, rule, subject, tuple(parts), pointer, old_pointer, variant, level, gone)
        self.changes.append(change)

    # The catalog as a whole.

    def payload(self) -> None:
        """Where payloads carry errors: a location dropped, a numeric string no longer read or a
        tolerance withdrawn makes payloads that were read fail; the reverse only reads more."""
        old, new, catalog = self.old.payload, self.new.payload, Subject()
        at = ("catalog", "payload")
        for location in old.locations:
            if location not in new.locations:
                shown = pointer_text(location.code)
                self.add(
                    "breaking",
                    "payload-location-removed",
                    catalog,
                    ["payloads no longer hold codes at ", Lit(shown)],
                    at,
                    at,
                )
        for location in new.locations:
            if location not in old.locations:
                shown = pointer_text(location.code)
                self.add(
                    "additive", "payload-location-added", catalog, ["payloads may hold codes at ", Lit(shown)], at, at
                )
        if old.numeric_strings != new.numeric_strings:
            kind: Kind = "breaking" if old.numeric_strings else "additive"
            state = "read" if new.numeric_strings else "no longer read"
            self.add(kind, "payload-numeric-strings", catalog, [f"codes sent as numeric strings are {state}"], at, at)
        for tolerance in sorted(old.tolerate ^ new.tolerate):
            kind = "breaking" if tolerance in old.tolerate else "additive"
            state = "tolerated" if tolerance in new.tolerate else "no longer tolerated"
            self.add(kind, "payload-tolerance", catalog, [f"messages drifting by {tolerance} are {state}"], at, at)

    def catalog(self) -> None:
        old, new, catalog = self.old, self.new, Subject()
        if old.code_type != new.code_type:
            self.add(
                "breaking",
                "code-type-changed",
                catalog,
                [f"codes are {new.code_type}s, they were {old.code_type}s"],
                ("catalog", "code_type"),
                ("catalog", "code_type"),
            )
        self.payload()
        for what, name_of, where in (
            ("Python package", python.package_name, ("targets", "python", "package")),
            ("Python distribution", python.distribution_name, ("catalog", "name")),
            ("npm package", typescript.package_name, ("targets", "typescript", "package")),
            ("Go module", go.module_path, ("targets", "go", "module")),
            ("Go package", go.package_name, ("targets", "go", "package")),
        ):
            before, after = name_of(old), name_of(new)
            if before != after:
                parts: list[Part] = [f"the {what} is ", Lit(after), ", it was ", Lit(before)]
                major = goversion.path_major(after)
                if what == "Go module" and major is not None and after.startswith(before + "/"):
                    parts.append(f" (the path Go requires of a v{major} module)")
                self.add("breaking", "package-renamed", catalog, parts, where, where)
        metadata: tuple[tuple[str, object, object], ...] = (
            ("title", old.title, new.title),
            ("source", old.source, new.source),
            ("description", old.description, new.description),
            ("example", old.example, new.example),
            ("name", old.name, new.name),
        )
        for field, was, now in metadata:
            if was != now:
                self.add("cosmetic", "catalog-changed", catalog, [f"the catalog's {field} changed"], ("catalog", field))
        old_ext = {e.name: e for e in old.extensions}
        new_ext = {e.name: e for e in new.extensions}
        for name in sorted(old_ext.keys() | new_ext.keys()):
            where = ("catalog", "extensions", name)
            declared, declares = old_ext.get(name), new_ext.get(name)
            if declares is None:
                self.add(
                    "breaking",
                    "extension-removed",
                    catalog,
                    ["extension ", Lit(name), " removed"],
                    where,
                    where,
                    gone=True,
                )
            elif declared is None:
                self.add("additive", "extension-added", catalog, ["extension ", Lit(name), " added"], where)
            elif declared.type != declares.type:
                parts = ["extension ", Lit(name), f" is {declares.type}, it was {declared.type}"]
                self.add("breaking", "extension-type-changed", catalog, parts, where, where)
            elif declared.description != declares.description:
                self.add("cosmetic", "extension-changed", catalog, ["extension ", Lit(name), " described anew"], where)

    # Categories.

    def categories(self) -> None:
        old = {c.name: c for c in self.old.categories}
        new = {c.name: c for c in self.new.categories}
        for name, before in old.items():
            after = new.get(name)
            subject = Subject(name=name, category=True, linked=after is not None)
            if after is None:
                self.add(
                    "breaking",
                    "category-removed",
                    subject,
                    ["removed (its class ", Sym(before.class_name), " and constant go)"],
                    ("categories",),
                    self.at_old.category(name),
                    gone=True,
                )
                continue
            at = self.at_new.category(name)
            if before.class_name != after.class_name:
                parts: list[Part] = ["its class is ", Sym(after.class_name), ", it was ", Sym(before.class_name)]
                self.add(
                    "breaking", "category-class-renamed", subject, parts, (*at, "class"), self.at_old.category(name)
                )
            for field, was, now in (
                ("title", before.title, after.title),
                ("label", before.label, after.label),
                ("description", before.description, after.description),
            ):
                if was != now:
                    self.add("cosmetic", "category-changed", subject, [f"its {field} changed"], (*at, field))
        for name in new.keys() - old.keys():
            subject = Subject(name=name, category=True)
            self.add("additive", "category-added", subject, ["added"], self.at_new.category(name))
        self.coverage()

    def coverage(self) -> None:
        """Which category an unknown code falls in (Catalog.category_of), compared over every
        code: it is constant between the bounds of the declared ranges (or for the codes under
        each declared prefix), so probing each bound and one code between bounds is exact."""
        old, new = self.old, self.new
        if old.code_type != new.code_type:
            return
        segments: list[tuple[list[Part], Category | None, Category | None]] = []
        if old.code_type == "integer":
            bounds = sorted(
                {b for c in (*old.categories, *new.categories) for low, high in c.ranges for b in (low, high + 1)}
            )
            for start, end in itertools.pairwise(bounds):
                segments.append(([_codes(start, end - 1)], old.category_of(start), new.category_of(start)))
        else:
            prefixes = sorted({p for c in (*old.categories, *new.categories) for p in c.prefixes})
            for prefix in prefixes:
                probe = prefix + "\x01"  # in no prefix: falls where the code `prefix` itself does
                segments.append((["starting with ", Lit(prefix)], old.category_of(probe), new.category_of(probe)))
        kept = {c.name for c in new.categories} & {c.name for c in old.categories}
        for codes, before, after in segments:
            if (before and before.name) == (after and after.name):
                continue
            if (before is None or before.name not in kept) and (after is None or after.name not in kept):
                continue  # a category added or removed whole, reported as such
            if after is None:
                assert before is not None
                subject = Subject(name=before.name, category=True, linked=before.name in self.at_new.categories)
                parts: list[Part] = ["unknown codes ", *codes, " no longer fall in it"]
                at = self.at_new.category(before.name)
                self.add("breaking", "category-codes-removed", subject, parts, at, self.at_old.category(before.name))
            elif before is None:
                subject = Subject(name=after.name, category=True)
                parts = ["unknown codes ", *codes, " now fall in it"]
                self.add("additive", "category-codes-added", subject, parts, self.at_new.category(after.name))
            else:
                subject = Subject(name=after.name, category=True)
                parts = ["unknown codes ", *codes, " now fall in it, no longer in ", Sym(before.name)]
                at, was = self.at_new.category(after.name), self.at_old.category(before.name)
                self.add("breaking", "category-codes-moved", subject, parts, at, was)

    # Codes.

    def codes(self) -> None:
        old = {e.code: e for e in self.old.errors}
        new = {e.code: e for e in self.new.errors}
        old_names = {n: e.code for e in self.old.errors for n in _identifiers(e)}
        new_names = {n: e.code for e in self.new.errors for n in _identifiers(e)}
        renumbered: dict[Code, Code] = {}  # new code -> old code
        for code, before in old.items():
            if code in new:
                continue
            subject = Subject(code, before.name, linked=False)
            moved = new_names.get(before.name)
            if moved is not None and moved not in old and not before.is_retired:
                renumbered[moved] = code
                parts: list[Part] = [Sym(before.name), " is now code ", Sym(str(moved)), ", it was ", Sym(str(code))]
                self.add("breaking", "code-renumbered", Subject(moved, before.name), parts, self.at_new.error(moved))
            elif before.is_retired:
                parts = ["a retired code was deleted: its code and name are no longer reserved; keep the entry"]
                where = self.at_old.error(code)
                self.add("breaking", "retired-code-deleted", subject, parts, self.gap(code), where, gone=True)
            else:
                parts = ["removed instead of retired; keep the entry with `retired: true` (or a reason)"]
                self.add("breaking", "code-removed", subject, parts, self.gap(code), self.at_old.error(code), gone=True)
        for code, after in new.items():
            if code in old or code in renumbered:
                continue
            parts = ["added (retired)" if after.is_retired else "added"]
            if after.messages:
                parts += [": ", Lit(after.messages[0].text)]
                more = len(after.messages) - 1
                parts += [f" and {more} more variant(s)"] if more else []
            self.add("additive", "code-added", Subject(code, after.name), parts, self.at_new.error(code))
        for name, code in new_names.items():
            was = old_names.get(name)
            if was is not None and was != code and renumbered.get(code) != was:
                parts = ["the name ", Sym(name), " now means code ", Sym(str(code)), "; it meant ", Sym(str(was))]
                where = self.at_new.field(code, "name")
                self.add("breaking", "name-reused", Subject(code, new[code].name), parts, where, self.at_old.error(was))
        for code, before in old.items():
            if code in new:
                self.code(before, new[code])

    def gap(self, code: Code) -> Pointer:
        """Where a removed code was in NEW's list: at the first code after it that NEW still has."""
        codes = [e.code for e in self.old.errors]
        later = (c for c in codes[codes.index(code) + 1 :] if c in self.at_new.errors)
        return self.at_new.error(next(later, code))

    def code(self, before: ErrorDef, after: ErrorDef) -> None:
        code = after.code
        subject = Subject(code, after.name)
        at, was = self.at_new.error(code), self.at_old.error(code)
        if before.is_retired and after.is_retired:
            if before.name != after.name:
                parts: list[Part] = ["its former name is ", Sym(after.name), ", it was ", Sym(before.name)]
                self.add("cosmetic", "retired-code-renamed", subject, parts, (*at, "name"), was)
            self.texts(before, after, subject)
            return
        if before.is_retired:
            if before.name == after.name:
                self.add("additive", "code-unretired", subject, ["sent again (no longer retired)"], (*at, "retired"))
                self.variants(before, after, subject)
            else:
                parts = ["a retired code is used again, by ", Sym(after.name), " (it was ", Sym(before.name), ")"]
                self.add("breaking", "retired-code-reused", subject, parts, (*at, "name"), was)
            return
        if after.is_retired:
            parts = ["retired: its constant and class are removed from the packages (a major version)"]
            self.add("deprecating", "code-retired", subject, parts, (*at, "retired"), was, level="major")
            return
        self.names(before, after, subject)
        if before.kind != after.kind:
            self.add("breaking", "kind-changed", subject, [f"its kind is {after.kind}, it was {before.kind}"], at, was)
        before_category = before.category.name if before.category else None
        after_category = after.category.name if after.category else None
        if before_category != after_category:
            parts = [
                "its category is ",
                Sym(after_category) if after_category else "none",
                ", it was ",
                Sym(before_category) if before_category else "none",
            ]
            self.add("breaking", "category-changed", subject, parts, (*at, "category"), was)
        if before.deprecated is None and after.deprecated is not None:
            self.add("deprecating", "code-deprecated", subject, ["deprecated"], (*at, "deprecated"))
        elif before.deprecated is not None and after.deprecated is None:
            self.add("additive", "code-undeprecated", subject, ["no longer deprecated"], at, was)
        self.metadata(before, after, subject)
        self.texts(before, after, subject)
        self.variants(before, after, subject)

    def names(self, before: ErrorDef, after: ErrorDef, subject: Subject) -> None:
        code = after.code
        at, was = self.at_new.error(code), self.at_old.error(code)
        renamed = before.name != after.name
        if renamed:
            parts: list[Part] = ["its identifier is ", Sym(after.name), ", it was ", Sym(before.name)]
            if before.is_exception and after.is_exception and before.class_name != after.class_name:
                parts += [" (class ", Sym(after.class_name), ", was ", Sym(before.class_name), ")"]
            self.add("breaking", "name-changed", subject, parts, (*at, "name"), was)
        elif before.is_exception and after.is_exception and before.class_name != after.class_name:
            parts = ["its class is ", Sym(after.class_name), ", it was ", Sym(before.class_name)]
            self.add("breaking", "class-renamed", subject, parts, (*at, "class"), was)
        identifiers = _identifiers(after)
        for alias in before.aliases:
            if alias.name not in identifiers:
                parts = ["alias ", Sym(alias.name), " removed"]
                self.add("breaking", "alias-removed", subject, parts, (*at, "aliases"), was)
        for alias in after.aliases:
            if alias.name not in _identifiers(before):
                self.add("additive", "alias-added", subject, ["alias ", Sym(alias.name), " added"], (*at, "aliases"))
        lookups, lookups_before = _lookups(after), _lookups(before)
        for text in sorted(lookups_before - lookups):
            if text in _identifiers(before):
                continue  # reported as an identifier above
            parts = ["the name ", Lit(text), " no longer finds it; keep it as an alias"]
            self.add("breaking", "lookup-name-removed", subject, parts, (*at, "name"), was)
        for text in sorted(lookups - lookups_before):
            if text not in identifiers:
                self.add("additive", "lookup-name-added", subject, ["the name ", Lit(text), " finds it"], (*at, "name"))
        if before.upstream_name not in (None, after.upstream_name) and before.upstream_name in lookups:
            self.add("cosmetic", "upstream-name-changed", subject, ["its upstream name changed"], (*at, "name"))

    def metadata(self, before: ErrorDef, after: ErrorDef, subject: Subject) -> None:
        code = after.code
        at, was = self.at_new.error(code), self.at_old.error(code)
        if before.retryable != after.retryable:
            kind: Kind = "additive" if after.retryable else "breaking"
            parts: list[Part] = ["now retryable" if after.retryable else "no longer retryable"]
            self.add(kind, "retryable-changed", subject, parts, (*at, "retryable"), was)
        if before.http_status != after.http_status:
            kind = "additive" if before.http_status is None else "breaking"
            if before.http_status is None:
                parts = [f"its HTTP status is given: {after.http_status}"]
            elif after.http_status is None:
                parts = [f"its HTTP status ({before.http_status}) is no longer given"]
            else:
                parts = [f"its HTTP status is {after.http_status}, it was {before.http_status}"]
            self.add(kind, "http-status-changed", subject, parts, (*at, "http_status"), was)
        for name in sorted(before.extensions.keys() | after.extensions.keys()):
            old_value, new_value = before.extensions.get(name), after.extensions.get(name)
            if old_value == new_value:
                continue
            where = (*at, "extensions", name)
            if name not in before.extensions:
                self.add("additive", "extension-value-added", subject, ["extension ", Lit(name), " given"], where)
            elif name not in after.extensions:
                self.add("breaking", "extension-value-removed", subject, ["extension ", Lit(name), " removed"], at, was)
            else:
                parts = [
                    "extension ",
                    Lit(name),
                    " is ",
                    Sym(json.dumps(new_value)),
                    ", it was ",
                    Sym(json.dumps(old_value)),
                ]
                self.add("breaking", "extension-value-changed", subject, parts, where, was)

    def texts(self, before: ErrorDef, after: ErrorDef, subject: Subject) -> None:
        at = self.at_new.error(after.code)
        if before.description != after.description:
            what = "added" if before.description is None else "removed" if after.description is None else "changed"
            self.add("cosmetic", "text-changed", subject, [f"its description {what}"], (*at, "description"))
        for field, was, now in (
            ("deprecated", before.deprecated, after.deprecated),
            ("retired", before.retired, after.retired),
        ):
            if was is not None and now is not None and was != now:
                reason = "deprecation" if field == "deprecated" else "retirement"
                self.add("cosmetic", "text-changed", subject, [f"its {reason} reason changed"], (*at, field))

    # Message variants.

    def variants(self, before: ErrorDef, after: ErrorDef, subject: Subject) -> None:
        code = after.code
        old, new = before.messages, after.messages
        old_keys, new_keys = [_key(t) for t in old], [_key(t) for t in new]
        index_of = {k: j for j, k in enumerate(new_keys)}
        explained: set[int] = set()  # new variants already accounted for
        for i, template in enumerate(old):
            was = self.at_old.variant(code, i)
            if i < len(new) and new_keys[i] == old_keys[i]:
                explained.add(i)
                self.same_variant(code, template, new[i], subject, i)
                continue
            j = index_of.get(old_keys[i])
            if j is not None:
                explained.add(j)
                parts: list[Part] = [f"variant {i} is now variant {j}: ", Lit(template.text)]
                self.add("breaking", "variant-moved", subject, parts, self.at_new.variant(code, j), was, j)
            elif i < len(new) and new_keys[i] not in old_keys:
                explained.add(i)
                self.edited(code, template, new[i], subject, i)
            else:
                parts = [f"variant {i} removed: ", Lit(template.text)]
                where = self.at_new.field(code, "messages")
                self.add("breaking", "variant-removed", subject, parts, where, was, i, gone=True)
        for j, template in enumerate(new):
            if j not in explained and new_keys[j] not in old_keys:
                where = self.at_new.variant(code, j)
                self.add("additive", "variant-added", subject, [f"variant {j} added: ", Lit(template.text)], where)
        self.takeovers(before, after, subject, set(range(len(new))) - explained)

    def same_variant(self, code: Code, before: Template, after: Template, subject: Subject, index: int) -> None:
        at = self.at_new.variant(code, index)
        if before.text != after.text:
            parts: list[Part] = [
                f"variant {index} is written ",
                Lit(after.text),
                ", it was ",
                Lit(before.text),
                " (same meaning)",
            ]
            self.add("cosmetic", "variant-rewritten", subject, parts, at, variant=index)
        if before.description != after.description:
            self.add("cosmetic", "variant-described", subject, [f"variant {index}'s description changed"], at)

    def edited(self, code: Code, before: Template, after: Template, subject: Subject, index: int) -> None:
        at, was = self.at_new.variant(code, index), self.at_old.variant(code, index)
        texts: list[Part] = [": ", Lit(after.text), ", it was ", Lit(before.text)]
        if before.arity != after.arity:
            what = f"variant {index} has {after.arity} placeholder(s), it had {before.arity}"
            self.add("breaking", "placeholders-changed", subject, [what, *texts], at, was, index)
            return
        for n, (p, q) in enumerate(zip(before.placeholders, after.placeholders, strict=True)):
            if _TYPE_WORDS[p.type] != _TYPE_WORDS[q.type]:
                what = f"variant {index}'s placeholder {n} holds {_TYPE_WORDS[q.type]}, it held {_TYPE_WORDS[p.type]}"
                self.add("breaking", "placeholder-type-changed", subject, [what, *texts], at, was, index)
            if p.name != q.name:
                what = f"variant {index}'s placeholder {n} is named {q.name or 'nothing'}, it was {p.name or 'unnamed'}"
                self.add("breaking", "placeholder-name-changed", subject, [what, *texts], at, was, index)
        if before.parts != after.parts:
            what = f"variant {index}'s literal text changed; the runtimes no longer match the old messages"
            self.add("breaking", "message-text-changed", subject, [what, *texts], at, was, index)

    def takeovers(self, before: ErrorDef, after: ErrorDef, subject: Subject, added: set[int]) -> None:
        """An added variant more specific than an old one takes the messages they both fit: the
        old variant's messages then come back as the new one (see model.specificity). Probed with
        a message of each added variant, filled with a value of each placeholder's type."""
        reported: set[tuple[int, int]] = set()
        for j in sorted(added):
            probe = _sample(after.messages[j])
            was, now = before.match(probe), after.match(probe)
            if was is None or now is None or now[0] != j or was[0] >= len(after.messages):
                continue
            i = was[0]
            if _key(before.messages[i]) != _key(after.messages[i]) or (i, j) in reported:
                continue
            reported.add((i, j))
            parts: list[Part] = [
                f"the added variant {j} ",
                Lit(after.messages[j].text),
                f" takes messages variant {i} ",
                Lit(before.messages[i].text),
                " matched",
            ]
            at = self.at_new.variant(after.code, j)
            self.add("breaking", "variant-takes-over", subject, parts, at, self.at_old.variant(before.code, i), j)


def _codes(low: int, high: int) -> str:
    if low == high:
        return str(low)
    first, last = (high, low) if high < 0 else (low, high)
    return f"{first} to {last}"


def _identifiers(error: ErrorDef) -> set[str]:
    """The constants a code has: its identifier and its aliases' identifiers."""
    return {error.name, *(alias.name for alias in error.aliases)}


def _lookups(error: ErrorDef) -> set[str]:
    """Every name a lookup by name finds the code by: identifiers and upstream texts."""
    found = _identifiers(error) | {alias.upstream for alias in error.aliases}
    if error.upstream_name is not None:
        found.add(error.upstream_name)
    return found


def compare(old: Spec, new: Spec) -> list[Change]:
    """Every change from OLD to NEW, in the order of NEW's file (removed things at the place
    that held them)."""
    diff = _Diff(old, new)
    diff.catalog()
    if old.catalog.code_type == new.catalog.code_type:
        diff.categories()
        diff.codes()
    positions = {id(c): new.position(c.pointer) for c in diff.changes}
    return sorted(diff.changes, key=lambda c: positions[id(c)])


def needs(changes: Sequence[Change]) -> Level | None:
    """The highest level the changes need of the version, or None when there is none."""
    levels = {c.needs for c in changes}
    return next((level for level in LEVELS if level in levels), None)


def counts(changes: Sequence[Change]) -> Iterator[tuple[Kind, int]]:
    for kind in KINDS:
        yield kind, sum(c.kind == kind for c in changes)
