"""errgen diff's rules, each with a pair of small specs: what a change is classified as, and where
it is reported. In-process and cheap; the CLI, git refs and the goldens are in test_evolution_cli.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.evolution.diff import Change, compare, needs
from generator.evolution.sources import Spec, parse

BASE = """\
catalog:
  name: shop
  title: Shop API error codes
  version: 1.2.3
  code_type: integer
  payload: {code: code, message: msg}
categories:
  - name: GENERAL
    title: General
    range: {min: 1000, max: 1999}
  - name: ORDER
    title: Orders
    range: {min: 2000, max: 2999}
errors:
  - code: 1000
    name: UNKNOWN
    category: GENERAL
    messages:
      - "Unknown error."
  - code: 1001
    name: TOO_MANY_REQUESTS
    category: GENERAL
    retryable: true
    http_status: 429
    messages:
      - "Too many requests."
      - "Too many requests; limit is %s per %s."
  - code: 2000
    name: BAD_SYMBOL
    category: ORDER
    messages:
      - "Invalid symbol."
      - "Invalid symbol %s."
  - code: 2001
    name: OLD_ORDER
    category: ORDER
    retired: Gone.
    messages:
      - "Old order."
"""


def spec(text: str, label: str = "new.yaml") -> Spec:
    return parse(text.encode(), label)


def edit(text: str, *replacements: tuple[str, str]) -> str:
    for old, new in replacements:
        assert text.count(old) == 1, f"{old!r} is not in the spec exactly once"
        text = text.replace(old, new)
    return text


def diff(old: str, new: str) -> list[Change]:
    return compare(spec(old, "old.yaml"), spec(new))


def rules(old: str, new: str) -> list[tuple[str, str]]:
    return [(c.kind, c.rule) for c in diff(old, new)]


def line_of(text: str, fragment: str) -> int:
    """The 1-based line of the first line holding fragment."""
    return next(n for n, line in enumerate(text.splitlines(), 1) if fragment in line)


def test_the_same_spec_has_no_change() -> None:
    assert diff(BASE, BASE) == []
    assert needs([]) is None


# Codes.


def test_a_code_removed_instead_of_retired_is_breaking_and_says_where_it_was() -> None:
    new = edit(
        BASE,
        ('  - code: 1000\n    name: UNKNOWN\n    category: GENERAL\n    messages:\n      - "Unknown error."\n', ""),
    )
    (change,) = diff(BASE, new)
    assert (change.kind, change.rule, change.subject.code, change.gone) == ("breaking", "code-removed", 1000, True)
    assert "retired: true" in change.message
    assert change.subject.linked is False  # no anchor in NEW's page
    assert spec(BASE).position(change.old_pointer or ()).line == line_of(BASE, "code: 1000")
    assert spec(new).position(change.pointer).line == line_of(new, "code: 1001")  # where it was


def test_retiring_a_code_is_deprecating_and_needs_a_major_version() -> None:
    new = edit(BASE, ("    name: UNKNOWN\n", "    name: UNKNOWN\n    retired: true\n"))
    (change,) = diff(BASE, new)
    assert (change.kind, change.rule, change.needs) == ("deprecating", "code-retired", "major")
    assert spec(new).position(change.pointer).line == line_of(new, "retired: true")


def test_deleting_a_retired_code_is_breaking_its_number_is_no_longer_reserved() -> None:
    new = edit(
        BASE, ("  - code: 2001\n    name: OLD_ORDER\n    category: ORDER\n    retired: Gone.\n", "  - code: 2001\n")
    )
    new = new.replace('  - code: 2001\n    messages:\n      - "Old order."\n', "")
    assert rules(BASE, new) == [("breaking", "retired-code-deleted")]


def test_reusing_a_retired_number_is_breaking_bringing_the_same_code_back_is_additive() -> None:
    reused = edit(
        BASE,
        (
            "    name: OLD_ORDER\n    category: ORDER\n    retired: Gone.\n",
            "    name: NEW_ORDER\n    category: ORDER\n",
        ),
    )
    assert rules(BASE, reused) == [("breaking", "retired-code-reused")]
    back = edit(BASE, ("    retired: Gone.\n", ""))
    assert rules(BASE, back) == [("additive", "code-unretired")]


def test_a_new_code_is_additive() -> None:
    new = BASE + '  - code: 2002\n    name: NO_FUNDS\n    category: ORDER\n    messages:\n      - "No funds."\n'
    (change,) = diff(BASE, new)
    assert (change.kind, change.rule, change.subject.code, change.needs) == ("additive", "code-added", 2002, "minor")
    assert spec(new).position(change.pointer).line == line_of(new, "code: 2002")


def test_a_renumbered_code_is_one_breaking_change() -> None:
    new = edit(BASE, ("  - code: 2000\n", "  - code: 2010\n"))
    (change,) = diff(BASE, new)
    assert (change.rule, change.subject.code) == ("code-renumbered", 2010)
    assert change.message == "BAD_SYMBOL is now code 2010, it was 2000"


def test_a_renamed_code_is_breaking_with_its_class() -> None:
    (change,) = diff(BASE, edit(BASE, ("name: BAD_SYMBOL", "name: INVALID_SYMBOL")))
    assert (change.kind, change.rule) == ("breaking", "name-changed")
    assert change.message == (
        "its identifier is INVALID_SYMBOL, it was BAD_SYMBOL (class InvalidSymbolError, was BadSymbolError)"
    )


def test_a_name_given_to_another_code_is_breaking() -> None:
    new = edit(BASE, ("name: UNKNOWN", "name: UNKNOWN_ERROR"))
    new += '  - code: 1002\n    name: UNKNOWN\n    category: GENERAL\n    messages:\n      - "Unknown."\n'
    assert sorted(rules(BASE, new)) == [
        ("additive", "code-added"),
        ("breaking", "name-changed"),
        ("breaking", "name-reused"),
    ]
    reused = next(c for c in diff(BASE, new) if c.rule == "name-reused")
    assert reused.message == "the name UNKNOWN now means code 1002; it meant 1000"


def test_a_chosen_class_that_changes_is_breaking() -> None:
    new = edit(BASE, ("    name: BAD_SYMBOL\n", "    name: BAD_SYMBOL\n    class: SymbolError\n"))
    assert rules(BASE, new) == [("breaking", "class-renamed")]


def test_aliases_removed_are_breaking_added_are_additive() -> None:
    with_alias = edit(BASE, ("    name: BAD_SYMBOL\n", "    name: BAD_SYMBOL\n    aliases: [INVALID_SYMBOL]\n"))
    assert rules(BASE, with_alias) == [("additive", "alias-added")]
    assert rules(with_alias, BASE) == [("breaking", "alias-removed")]


def test_an_upstream_name_changed_is_cosmetic_only_while_the_old_one_still_finds_the_code() -> None:
    old = edit(BASE, ("    name: BAD_SYMBOL\n", '    name: "Bad symbol"\n    identifier: BAD_SYMBOL\n'))
    renamed = edit(old, ('name: "Bad symbol"', 'name: "Invalid symbol"'))
    assert rules(old, renamed) == [("breaking", "lookup-name-removed"), ("additive", "lookup-name-added")]
    kept = edit(
        renamed,
        (
            "    identifier: BAD_SYMBOL\n",
            '    identifier: BAD_SYMBOL\n    aliases: [{name: "Bad symbol", identifier: BAD_SYMBOL_NAME}]\n',
        ),
    )
    assert sorted(rules(old, kept)) == [
        ("additive", "alias-added"),
        ("additive", "lookup-name-added"),
        ("cosmetic", "upstream-name-changed"),
    ]


def test_a_kind_or_a_category_changed_is_breaking() -> None:
    assert rules(BASE, edit(BASE, ("    name: UNKNOWN\n", "    name: UNKNOWN\n    kind: warning\n"))) == [
        ("breaking", "kind-changed")
    ]
    moved = edit(BASE, ("    name: UNKNOWN\n    category: GENERAL\n", "    name: UNKNOWN\n    category: ORDER\n"))
    (change,) = diff(BASE, moved)
    assert (change.rule, change.message) == ("category-changed", "its category is ORDER, it was GENERAL")


def test_deprecation_is_deprecating_its_undoing_additive_its_reason_cosmetic() -> None:
    deprecated = edit(BASE, ("    name: UNKNOWN\n", "    name: UNKNOWN\n    deprecated: Use 1001.\n"))
    assert rules(BASE, deprecated) == [("deprecating", "code-deprecated")]
    assert needs(diff(BASE, deprecated)) == "minor"
    assert rules(deprecated, BASE) == [("additive", "code-undeprecated")]
    assert rules(deprecated, edit(deprecated, ("Use 1001.", "Use 1001 instead."))) == [("cosmetic", "text-changed")]


def test_descriptions_and_titles_are_cosmetic_and_need_a_patch_version() -> None:
    new = edit(
        BASE,
        ("title: Shop API error codes", "title: Shop API errors"),
        ("    title: Orders\n", "    title: Orders and trades\n"),
        ("    name: UNKNOWN\n", "    name: UNKNOWN\n    description: Anything else.\n"),
    )
    assert [c.kind for c in diff(BASE, new)] == ["cosmetic"] * 3
    assert needs(diff(BASE, new)) == "patch"


def test_metadata_given_is_additive_taken_away_or_changed_is_breaking() -> None:
    assert rules(BASE, edit(BASE, ("    retryable: true\n", ""))) == [("breaking", "retryable-changed")]
    assert rules(edit(BASE, ("    retryable: true\n", "")), BASE) == [("additive", "retryable-changed")]
    assert rules(BASE, edit(BASE, ("http_status: 429", "http_status: 503"))) == [("breaking", "http-status-changed")]
    assert rules(BASE, edit(BASE, ("    http_status: 429\n", ""))) == [("breaking", "http-status-changed")]
    assert rules(edit(BASE, ("    http_status: 429\n", "")), BASE) == [("additive", "http-status-changed")]


def test_extensions_declared_and_given() -> None:
    declared = edit(
        BASE,
        (
            "  payload: {code: code, message: msg}\n",
            "  payload: {code: code, message: msg}\n  extensions:\n    bucket: {type: string}\n",
        ),
    )
    assert rules(BASE, declared) == [("additive", "extension-added")]
    assert rules(declared, BASE) == [("breaking", "extension-removed")]
    assert rules(declared, edit(declared, ("{type: string}", "{type: integer}"))) == [
        ("breaking", "extension-type-changed")
    ]
    given = edit(declared, ("    name: UNKNOWN\n", "    name: UNKNOWN\n    extensions: {bucket: misc}\n"))
    assert rules(declared, given) == [("additive", "extension-value-added")]
    assert rules(given, edit(given, ("{bucket: misc}", "{bucket: other}"))) == [("breaking", "extension-value-changed")]
    assert rules(given, declared) == [("breaking", "extension-value-removed")]


# Message variants.


def test_a_variant_appended_is_additive_removed_is_breaking() -> None:
    appended = edit(BASE, ('      - "Unknown error."\n', '      - "Unknown error."\n      - "Unknown error: %s."\n'))
    (change,) = diff(BASE, appended)
    assert (change.kind, change.rule, change.variant) == ("additive", "variant-added", None)
    assert change.message == 'variant 1 added: "Unknown error: %s."'
    assert spec(appended).position(change.pointer).line == line_of(appended, "Unknown error: %s.")
    (removed,) = diff(appended, BASE)
    assert (removed.kind, removed.rule, removed.variant, removed.gone) == ("breaking", "variant-removed", 1, True)


def test_variants_reordered_shift_their_indexes_breaking() -> None:
    new = edit(
        BASE,
        (
            '      - "Invalid symbol."\n      - "Invalid symbol %s."\n',
            '      - "Invalid symbol %s."\n      - "Invalid symbol."\n',
        ),
    )
    assert [(c.rule, c.message) for c in diff(BASE, new)] == [
        ("variant-moved", 'variant 1 is now variant 0: "Invalid symbol %s."'),
        ("variant-moved", 'variant 0 is now variant 1: "Invalid symbol."'),
    ]


def test_a_variant_inserted_before_others_shifts_them() -> None:
    new = edit(BASE, ('      - "Unknown error."\n', '      - "Unknown."\n      - "Unknown error."\n'))
    assert rules(BASE, new) == [("additive", "variant-added"), ("breaking", "variant-moved")]


def test_editing_a_message_s_literal_text_is_breaking() -> None:
    """The decision: the runtimes match the literal parts exactly, so the old text's messages stop
    matching (they come back with no variant) and the new text's were not matched before."""
    (change,) = diff(BASE, edit(BASE, ('"Unknown error."', '"An unknown error."')))
    assert (change.kind, change.rule, change.variant) == ("breaking", "message-text-changed", 0)
    assert change.message == (
        "variant 0's literal text changed; the runtimes no longer match the old messages: "
        '"An unknown error.", it was "Unknown error."'
    )
    # The way to follow an upstream rewording without breaking: append the new text.
    assert rules(BASE, edit(BASE, ('"Unknown error."', '"Unknown error."\n      - "An unknown error."'))) == [
        ("additive", "variant-added")
    ]


def test_placeholders_changed_in_number_type_or_name_are_breaking() -> None:
    assert rules(BASE, edit(BASE, ('"Invalid symbol %s."', '"Invalid symbol %s (%s)."'))) == [
        ("breaking", "placeholders-changed")
    ]
    typed = diff(
        BASE, edit(BASE, ('"Too many requests; limit is %s per %s."', '"Too many requests; limit is %d per %s."'))
    )
    assert [(c.rule, c.message.split(":")[0]) for c in typed] == [
        ("placeholder-type-changed", "variant 1's placeholder 0 holds an integer, it held text")
    ]
    braces = edit(BASE, ('"Invalid symbol %s."', '{text: "Invalid symbol {sym}.", placeholders: braces}'))
    renamed = edit(braces, ("{sym}", "{symbol}"))
    assert rules(braces, renamed) == [("breaking", "placeholder-name-changed")]


def test_the_same_variant_written_another_way_or_described_is_cosmetic() -> None:
    old = edit(BASE, ('"Invalid symbol %s."', '"Invalid symbol %i."'))
    assert rules(old, edit(old, ("%i", "%d"))) == [("cosmetic", "variant-rewritten")]
    described = edit(BASE, ('"Invalid symbol %s."', '{text: "Invalid symbol %s.", description: "The symbol sent."}'))
    assert rules(BASE, described) == [("cosmetic", "variant-described")]


def test_an_appended_variant_that_takes_an_old_variant_s_messages_is_breaking() -> None:
    """Matching prefers the most literal variant, so an appended "Invalid symbol %s now." takes
    messages such as "Invalid symbol X now." that variant 1 matched (with the value "X now")."""
    new = edit(
        BASE, ('      - "Invalid symbol %s."\n', '      - "Invalid symbol %s."\n      - "Invalid symbol %s now."\n')
    )
    assert rules(BASE, new) == [("additive", "variant-added"), ("breaking", "variant-takes-over")]
    takeover = diff(BASE, new)[1]
    assert takeover.message == (
        'the added variant 2 "Invalid symbol %s now." takes messages variant 1 "Invalid symbol %s." matched'
    )


def test_variants_of_a_message_set_are_reported_where_the_set_writes_them() -> None:
    old = edit(
        BASE,
        (
            "categories:\n",
            'message_sets:\n  SYMBOLS:\n    - "Invalid symbol."\n    - "Invalid symbol %s."\ncategories:\n',
        ),
        ('      - "Invalid symbol."\n      - "Invalid symbol %s."\n', "      - include: SYMBOLS\n"),
    )
    assert diff(BASE, old) == []  # the same variants, written once
    new = edit(old, ('    - "Invalid symbol %s."\n', '    - "Invalid symbol: %s."\n'))
    (change,) = diff(old, new)
    assert change.rule == "message-text-changed"
    assert spec(new).position(change.pointer).line == line_of(new, '"Invalid symbol: %s."')


# Categories and the catalog.


def test_categories_added_are_additive_removed_or_renamed_classes_breaking() -> None:
    added = edit(
        BASE, ("errors:\n", "  - name: ACCOUNT\n    title: Accounts\n    range: {min: 3000, max: 3999}\nerrors:\n")
    )
    assert rules(BASE, added) == [("additive", "category-added")]
    assert rules(added, BASE) == [("breaking", "category-removed")]
    classed = edit(BASE, ("  - name: ORDER\n", "  - name: ORDER\n    class: OrderProblem\n"))
    assert rules(BASE, classed) == [("breaking", "category-class-renamed")]


def test_the_category_of_unknown_codes_is_compared_over_every_code() -> None:
    narrowed = edit(BASE, ("{min: 2000, max: 2999}", "{min: 2000, max: 2499}"))
    (change,) = diff(BASE, narrowed)
    assert (change.rule, change.message) == (
        "category-codes-removed",
        "unknown codes 2500 to 2999 no longer fall in it",
    )
    assert rules(narrowed, BASE) == [("additive", "category-codes-added")]
    several = edit(BASE, ("range: {min: 2000, max: 2999}", "ranges: [{min: 2000, max: 2999}, {min: 6000, max: 6099}]"))
    assert [c.message for c in diff(BASE, several)] == ["unknown codes 6000 to 6099 now fall in it"]
    nested = edit(
        BASE, ("errors:\n", "  - name: TRADE\n    title: Trades\n    range: {min: 2500, max: 2599}\nerrors:\n")
    )
    assert [(c.rule, c.message) for c in diff(BASE, nested)] == [
        ("category-added", "added"),
        ("category-codes-moved", "unknown codes 2500 to 2599 now fall in it, no longer in ORDER"),
    ]


STRINGS = """\
catalog:
  name: sql
  title: SQL states
  version: 0.3.0
  code_type: string
  payload: {code: code, message: msg}
categories:
  - name: DATA
    title: Data exceptions
    prefix: "22"
errors:
  - code: "22012"
    name: DIVISION_BY_ZERO
    category: DATA
    messages:
      - "division by zero"
"""


def test_prefix_categories_of_string_codes() -> None:
    new = edit(STRINGS, ('    prefix: "22"\n', '    prefixes: ["22", "2F"]\n'))
    assert [c.message for c in diff(STRINGS, new)] == ['unknown codes starting with "2F" now fall in it']
    assert rules(new, STRINGS) == [("breaking", "category-codes-removed")]


def test_payload_fields_code_type_and_package_names_are_breaking() -> None:
    assert rules(BASE, edit(BASE, ("message: msg}", "message: message}"))) == [
        ("breaking", "payload-location-removed"),
        ("additive", "payload-location-added"),
    ]
    retyped = edit(STRINGS, ("name: sql", "name: shop"), ("title: SQL states", "title: Shop API error codes"))
    assert rules(BASE, retyped) == [("breaking", "code-type-changed")]  # and no noise about every code
    renamed = edit(BASE, ("name: shop\n", "name: store\n"))
    assert sorted(rules(BASE, renamed)) == [("breaking", "package-renamed")] * 5 + [("cosmetic", "catalog-changed")]
    pinned = (
        "targets:\n  python: {package: shop_errors}\n  typescript: {package: shop-errors}\n"
        "  go: {module: example.com/shop-errors, package: shop}\n"
    )
    # Python's distribution name always follows the catalog name.
    assert rules(BASE + pinned, edit(BASE, ("name: shop\n", "name: store\n")) + pinned) == [
        ("breaking", "package-renamed"),
        ("cosmetic", "catalog-changed"),
    ]


def test_payload_locations_strings_and_tolerances() -> None:
    """Reading fewer payloads is breaking, reading more is additive."""
    wider = edit(
        BASE,
        (
            "message: msg}",
            "message: msg, also: [{code: /error/code, message: /error/msg}], numeric_strings: true, "
            "tolerate: [punctuation]}",
        ),
    )
    assert rules(BASE, wider) == [
        ("additive", "payload-location-added"),
        ("additive", "payload-numeric-strings"),
        ("additive", "payload-tolerance"),
    ]
    assert rules(wider, BASE) == [
        ("breaking", "payload-location-removed"),
        ("breaking", "payload-numeric-strings"),
        ("breaking", "payload-tolerance"),
    ]


def test_changes_come_in_the_order_of_new_s_file() -> None:
    new = edit(
        BASE,
        ("title: Shop API error codes", "title: Shop"),
        ('"Old order."', '"An old order."'),
        ("http_status: 429", "http_status: 503"),
    )
    lines = [spec(new).position(c.pointer).line for c in diff(BASE, new)]
    assert lines == sorted(lines)


@pytest.mark.parametrize(
    ("old", "new", "level", "ok", "minimum"),
    [
        ("1.2.3", "2.0.0", "major", True, "2.0.0"),
        ("1.2.3", "1.3.0", "major", False, "2.0.0"),
        ("1.2.3", "1.3.0", "minor", True, "1.3.0"),
        ("1.2.3", "1.2.4", "minor", False, "1.3.0"),
        ("1.2.3", "1.2.4", "patch", True, "1.2.4"),
        ("1.2.3", "1.2.3", "patch", False, "1.2.4"),
        ("1.2.3", "1.2.3", None, True, None),
        ("1.2.3", "1.2.2", None, False, "1.2.3"),
        ("1.2.3", "1.4.0", "minor", True, "1.3.0"),  # skipping numbers is allowed
        ("0.3.1", "0.4.0", "major", True, "0.4.0"),  # 0.x: breaking needs a new minor
        ("0.3.1", "0.3.2", "major", False, "0.4.0"),
        ("0.3.1", "0.3.2", "minor", True, "0.3.2"),  # 0.x: anything else a new patch
        ("0.3.1", "1.0.0", "major", True, "0.4.0"),
        ("1.2.3", "2.0.0-rc.1", "major", True, "2.0.0"),  # a pre-release counts as its release
        ("2.0.0-rc.1", "2.0.0-rc.2", "major", True, None),  # pre-releases evolve freely
        ("2.0.0-rc.2", "2.0.0-rc.1", "patch", False, "2.0.1"),
        ("1.2.3", "1.3.0+build.7", "minor", True, "1.3.0"),
    ],
)
def test_semver(old: str, new: str, level: str | None, ok: bool, minimum: str | None) -> None:
    from generator.evolution.semver import check, parse_version

    before, after = parse_version(old), parse_version(new)
    assert before is not None and after is not None
    verdict = check(before, after, level)  # type: ignore[arg-type]
    assert (verdict.ok, str(verdict.minimum) if verdict.minimum else None) == (ok, minimum), verdict.message
    if not ok:
        assert f"use {minimum}" in verdict.message


def test_a_retired_code_s_former_name_or_an_extension_s_description_is_cosmetic() -> None:
    assert rules(BASE, edit(BASE, ("name: OLD_ORDER", "name: FORMER_ORDER"))) == [("cosmetic", "retired-code-renamed")]
    declared = edit(
        BASE,
        (
            "  payload: {code: code, message: msg}\n",
            "  payload: {code: code, message: msg}\n  extensions:\n    bucket: {type: string}\n",
        ),
    )
    described = edit(declared, ("{type: string}", "{type: string, description: Where it goes.}"))
    assert rules(declared, described) == [("cosmetic", "extension-changed")]


def test_every_rule_has_a_test_here() -> None:
    source = (Path(__file__).parent.parent / "generator" / "evolution" / "diff.py").read_text(encoding="utf-8")
    found = set(re.findall(r'self\.add\(\s*[^,]+,\s*"([a-z-]+)"', source))  # add(kind, "rule", ...)
    assert len(found) == 53
    tests = Path(__file__).read_text(encoding="utf-8")
    assert sorted(rule for rule in found if f'"{rule}"' not in tests) == []
