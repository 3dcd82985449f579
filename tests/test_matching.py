"""The linear-time matcher against the reference rule, written as the backtracking regex it replaced.

The rule: literal parts exact, each %s the shortest run of any characters that lets the whole message
match, the first variant in spec order wins. `_regex_rule` states it the old way (lazy groups in one
fullmatch), which is exact but exponential on hostile text; here it only judges short strings.
"""

from __future__ import annotations

import re
from types import ModuleType

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.model import Template
from tests.helpers import python_runtime

# Few letters, so that literals recur inside messages and values, where matchers go wrong.
_TOKENS = st.sampled_from(["a", "b", "ab", "ba", ",", "%s", "%s", "%%"])
_TEMPLATES = st.lists(_TOKENS, min_size=1, max_size=7).map("".join)
_MESSAGES = st.text(alphabet="ab,%", max_size=14)


def _regex_rule(template: Template, message: str) -> tuple[str, ...] | None:
    found = re.fullmatch("(.*?)".join(map(re.escape, template.parts)), message, re.DOTALL)
    return found.groups() if found else None


def _first_fit(templates: list[Template], message: str) -> tuple[int, tuple[str, ...]] | None:
    for variant, template in enumerate(templates):
        values = _regex_rule(template, message)
        if values is not None:
            return variant, values
    return None


def _message_near(template: Template, fills: list[str], cut: int) -> str:
    """A message built from the template itself (so it often fits), then perhaps cut at one end."""
    message = template.format(*(fills[i % len(fills)] for i in range(template.arity)))
    return message[cut:] if cut >= 0 else message[:cut]


@settings(max_examples=3000, deadline=None)
@given(_TEMPLATES, _MESSAGES)
def test_model_matches_as_the_regex_rule_on_any_message(text: str, message: str) -> None:
    template = Template.parse(text)
    assert template.match(message) == _regex_rule(template, message)


@settings(max_examples=3000, deadline=None)
@given(_TEMPLATES, st.lists(_MESSAGES, min_size=1, max_size=3), st.integers(-2, 2))
def test_model_matches_as_the_regex_rule_on_messages_that_nearly_fit(text: str, fills: list[str], cut: int) -> None:
    template = Template.parse(text)
    message = _message_near(template, fills, cut)
    assert template.match(message) == _regex_rule(template, message)


@settings(max_examples=1000, deadline=None)
@given(_TEMPLATES, _TEMPLATES)
def test_covers_as_the_regex_rule(earlier: str, later: str) -> None:
    first, second = Template.parse(earlier), Template.parse(later)
    assert first.covers(second) is (_regex_rule(first, "\x00".join(second.parts)) is not None)


def _runtime() -> ModuleType:
    return python_runtime()


@settings(max_examples=1500, deadline=None)
@given(st.lists(_TEMPLATES, min_size=1, max_size=4, unique=True), st.lists(_MESSAGES, min_size=1, max_size=3))
def test_python_runtime_picks_the_first_fitting_variant_as_the_rule(texts: list[str], fills: list[str]) -> None:
    """The Python runtime's matcher (copied into every package), fed variants the validator accepts."""
    templates: list[Template] = []
    for text in texts:  # keep only what validate would: no variant an earlier one covers
        template = Template.parse(text)
        if not any(earlier.covers(template) for earlier in templates):
            templates.append(template)
    runtime = _runtime()
    info = runtime.Info(None, tuple(t.parts for t in templates))
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
