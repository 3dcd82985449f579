"""The linear-time matcher against the reference rule, written as the backtracking regex it replaced.

The rule: literal parts exact, each placeholder the shortest run of any characters that lets the whole
message match, then each value fitting its placeholder's type; of the variants that fit, the most
specific wins (model.specificity). `_regex_rule` states it the old way (lazy groups in one fullmatch,
then a regex per type), which is exact but exponential on hostile text; here it only judges short strings.
"""

from __future__ import annotations

import re
from types import ModuleType

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.model import Template, match_order
from tests.helpers import python_runtime

# Few letters, so that literals recur inside messages and values, where matchers go wrong.
_TOKENS = st.sampled_from(["a", "b", "ab", "ba", ",", "1", ".", "%s", "%s", "%%", "%d", "%f", "%b"])
_TEMPLATES = st.lists(_TOKENS, min_size=1, max_size=7).map("".join)
_MESSAGES = st.text(alphabet="ab,%1-.e", max_size=14) | st.sampled_from(["true", "-1.5e3", "12", "false."])
_TYPES = {"s": r".*", "d": r"-?[0-9]+", "f": r"-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?", "b": r"true|false"}


def _regex_rule(template: Template, message: str) -> tuple[str, ...] | None:
    found = re.fullmatch("(.*?)".join(map(re.escape, template.parts)), message, re.DOTALL)
    if found is None:
        return None
    for value, placeholder in zip(found.groups(), template.placeholders, strict=True):
        if not re.fullmatch(_TYPES[placeholder.type], value, re.DOTALL):
            return None
    return found.groups()


def _first_fit(templates: list[Template], message: str) -> tuple[int, tuple[str, ...]] | None:
    for variant in match_order(tuple(templates)):
        values = _regex_rule(templates[variant], message)
        if values is not None:
            return variant, values
    return None


def _message_near(template: Template, fills: list[str], cut: int) -> str:
    """A message built from the template itself (so it often fits), then perhaps cut at one end."""
    message = template.format(*(fills[i % len(fills)] for i in range(template.arity)))
    return message[cut:] if cut >= 0 else message[:cut]


@settings(max_examples=1500, deadline=None)
@given(_TEMPLATES, _MESSAGES)
def test_model_matches_as_the_regex_rule_on_any_message(text: str, message: str) -> None:
    template = Template.parse(text)
    assert template.match(message) == _regex_rule(template, message)


@settings(max_examples=1500, deadline=None)
@given(_TEMPLATES, st.lists(_MESSAGES, min_size=1, max_size=3), st.integers(-2, 2))
def test_model_matches_as_the_regex_rule_on_messages_that_nearly_fit(text: str, fills: list[str], cut: int) -> None:
    template = Template.parse(text)
    message = _message_near(template, fills, cut)
    assert template.match(message) == _regex_rule(template, message)


@settings(max_examples=500, deadline=None)
@given(_TEMPLATES, _TEMPLATES, st.lists(_MESSAGES, min_size=1, max_size=3))
def test_covers_is_never_wrong(earlier: str, later: str, fills: list[str]) -> None:
    """A template said to cover another fits every message the other fits (tried on some)."""
    first, second = Template.parse(earlier), Template.parse(later)
    if not first.covers(second):
        return
    for cut in (0, 1, -1):
        message = _message_near(second, fills, cut)
        if _regex_rule(second, message) is not None:
            assert _regex_rule(first, message) is not None, (earlier, later, message)


@settings(max_examples=500, deadline=None)
@given(_TEMPLATES.filter(lambda t: "%d" not in t and "%f" not in t and "%b" not in t), _TEMPLATES)
def test_untyped_covers_as_the_regex_rule(earlier: str, later: str) -> None:
    first, second = Template.parse(earlier), Template.parse(later)
    assert first.covers(second) is (_regex_rule(first, "\x00".join(second.parts)) is not None)


def _runtime() -> ModuleType:
    return python_runtime()


@settings(max_examples=1000, deadline=None)
@given(st.lists(_TEMPLATES, min_size=1, max_size=4, unique=True), st.lists(_MESSAGES, min_size=1, max_size=3))
def test_python_runtime_picks_the_variant_the_rule_picks(texts: list[str], fills: list[str]) -> None:
    """The Python runtime's matcher (copied into every package), given the data the target emits."""
    templates = [Template.parse(text) for text in texts]
    runtime = _runtime()
    info = runtime.Info(
        None,
        tuple(t.parts for t in templates),
        types=tuple("".join(p.type for p in t.placeholders) for t in templates),
        order=match_order(tuple(templates)),
    )
    messages = [_message_near(t, fills, cut) for t in templates for cut in (0, 1, -1)] + fills
    for message in messages:
        assert info.match(message) == _first_fit(templates, message), (texts, message)


def test_hostile_messages_get_the_rule_s_answer() -> None:
    """Shapes that took the backtracking matchers seconds to minutes (here, 64 KB each).
    Their answers come from the rule's definition: the leftmost occurrence of each middle literal."""
    template = Template.parse("Too much request weight used; current limit is %s request weight per %s.")
    message = "Too much request weight used; current limit is " + " request weight per x " * 3000
    assert template.match(message) is None
    assert template.match(message + ".") == ("", "x " + " request weight per x " * 2999)
    commas = Template.parse("%s,%s,%s,%s,%s,%s,%s,%s")
    assert commas.match("," * 65536) == ("",) * 7 + ("," * 65529,)
    assert commas.match("x" * 65536) is None
    runtime = _runtime()
    info = runtime.Info(None, (commas.parts, Template.parse("%s;%s").parts))
    assert info.match("," * 65536) == (0, ("",) * 7 + ("," * 65529,))
    assert info.match("x" * 65536 + ";") == (1, ("x" * 65536, ""))
