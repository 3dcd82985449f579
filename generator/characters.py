"""The characters no spec text may hold, as regex character-class ranges, fixed here.

The rules are fixed in this file rather than read from the running interpreter's Unicode
tables, so that every machine accepts and rejects the same specs.
"""

from __future__ import annotations

import re

# Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt, Unicode 15.1): characters
# a renderer shows as nothing, so a name holding one looks like another name. The bidi controls
# (U+061C, U+200E/F, U+202A-E, U+2066-9) are among them.
DEFAULT_IGNORABLE = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f"
    "\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0000-\U000e0fff"
)

# Noncharacters (never meant for interchange), the interlinear annotation controls, the
# replacement-object characters, and surrogates (which no UTF-8 text can hold).
NONCHARACTERS = "\ufdd0-\ufdef\ufff9-\ufffc\ufffe\uffff\ud800-\udfff" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(1, 17)
)

# C0 and C1 controls other than tab, line feed and carriage return (which the loader and the
# validator rule on by context), and DEL.
CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"

# Rejected in any spec text, wherever it stands.
FORBIDDEN = CONTROLS + DEFAULT_IGNORABLE + NONCHARACTERS

# FORBIDDEN's characters below U+0080, to search a text that is all ASCII with: re tests a
# character against FORBIDDEN's many ranges about ten times slower than against these few.
ASCII_FORBIDDEN = "".join(chr(c) for c in range(128) if re.match(f"[{FORBIDDEN}]", chr(c)))

# What a text that is not Markdown may not hold. U+2028 and U+2029 may stand in any text, written
# as escapes: every target escapes them, and YAML and Markdown do not break lines at them.
LINE_BREAKS = "\t\n\r"


def shown(char: str) -> str:
    """A character as an error message names it: U+200D, never the character itself."""
    return f"U+{ord(char):04X}"
