"""The vendor page as text (a browser's copy of Binance's "Error Codes" page):

* a heading that starts with a label (`10xx - General Server or Network issues`) opens a category;
* a line that starts with a code (`-1121 BAD_SYMBOL`) opens a code, the rest of the line its name;
* a bullet (`•`, `*`, `-`, `+`, `‣`, `◦`, `▪`, `·`, then a space) is one message of that code,
  verbatim but for trailing blanks; a line indented under it continues it;
* other text under a code is its description; text before the first heading or code is the
  catalog's description, and a JSON object there is the example payload (it names the fields).
"""

from __future__ import annotations

import re

from ..diagnostics import Position
from . import headings
from .lines import CODE_LINE, Page, decode, indent, strip_end
from .source import Source

_BULLET = re.compile(r"[ \t]*[•*+\-‣◦▪·][ \t]+(?P<text>.*)")


def read(data: bytes) -> Source:
    page = Page("text")
    lines = decode(data)
    number = 0
    while number < len(lines):
        line = strip_end(lines[number])
        number += 1
        at = Position(number, indent(line) + 1)
        if not line:
            page.blank()
            continue
        bullet = _BULLET.fullmatch(line)
        if bullet:
            page.message(bullet.group("text"), Position(number, bullet.start("text") + 1), indent(line))
        elif page.continuation(line, at):
            continue
        elif (code := CODE_LINE.fullmatch(line.strip())) is not None:
            page.start_entry(code, at)
        elif headings.is_label(line):
            page.start_heading(line.strip(), at)
        elif not page.started and line.strip() == "{":
            end = next((i for i in range(number, len(lines)) if strip_end(lines[i]).strip() == "}"), None)
            if end is not None and page.example([strip_end(x) for x in lines[number - 1 : end + 1]], at):
                page.flush()
                number = end + 1
                continue
            page.text(line, at)
        else:
            page.text(line, at)
    return page.finish()
