"""The model's message templates: parsing, the reference matching rule, and shadowing."""

from __future__ import annotations

from itertools import product

import pytest

from generator.model import PlaceholderError, Template
from generator.validate import load_catalog
from tests.helpers import SPEC


def test_parse_splits_on_placeholders_and_unescapes_percent() -> None:
    template = Template.parse("Too many; %s per %s, 100%% sure, %%s kept")
    assert template.parts == ("Too many; ", " per ", ", 100% sure, %s kept")
    assert template.arity == 2
    assert template.format("5", "10 SECOND") == "Too many; 5 per 10 SECOND, 100% sure, %s kept"


@pytest.mark.parametrize(("text", "shown"), [("%x", "'%x'"), ("%5s", "'%5s'"), ("100% of", "'% o'"), ("end %", "'%'")])
def test_parse_rejects_other_sequences(text: str, shown: str) -> None:
    with pytest.raises(PlaceholderError, match=shown):
        Template.parse(text)


def test_match_is_lazy_anchored_and_inverts_format() -> None:
    template = Template.parse("Param %s or %s must be sent")
    assert template.match("Param a or b or c must be sent") == ("a", "b or c")
    assert template.match("xParam a or b must be sent") is None
    assert template.match("Param a or b must be sent!") is None
    message = template.format("a or", "b")
    assert template.format(*template.match(message) or ()) == message


@pytest.mark.parametrize(
    ("earlier", "later", "covered"),
    [
        ("%s", "anything %s", True),
        ("a%s", "%sa", False),
        ("%sa%s", "%saa%s", True),
        ("Invalid %s.", "Invalid symbol.", True),
        ("Invalid symbol.", "Invalid %s.", False),
        ("x%s%sy", "x%sy", True),
        ("Param %s or %s", "Param %s", False),
        ("%s%%", "%s", False),
    ],
)
def test_covers_by_hand(earlier: str, later: str, covered: bool) -> None:
    assert Template.parse(earlier).covers(Template.parse(later)) is covered


def test_covers_agrees_with_brute_force_on_small_patterns() -> None:
    """Inclusion of every pair of patterns of up to 3 tokens over {a, b, %s}, against all strings up to 5."""
    tokens = ("a", "b", "%s")
    patterns = [Template.parse("".join(p)) for n in range(1, 4) for p in product(tokens, repeat=n)]
    strings = ["".join(s) for n in range(6) for s in product("ab", repeat=n)]
    for earlier, later in product(patterns, repeat=2):
        included = all(earlier.match(s) is not None for s in strings if later.match(s) is not None)
        assert earlier.covers(later) is included, (earlier.text, later.text)


def test_an_error_matches_a_message_to_its_first_fitting_variant() -> None:
    """The issue's examples, on the real spec: the variant index and the values in it."""
    errors = {e.code: e for e in load_catalog(SPEC.read_bytes()).errors}
    assert errors[-1015].match("Too many new orders.") == (0, ())
    assert errors[-1015].match("Too many new orders; current limit is 100 orders per 10 SECOND.") == (
        1,
        ("100", "10 SECOND"),
    )
    assert errors[-1102].match("Param 'symbol' or 'quantity' must be sent, but both were empty/null!") == (
        2,
        ("'symbol'", "'quantity'"),
    )
    assert errors[-1015].match("Too many new orders!") is None
