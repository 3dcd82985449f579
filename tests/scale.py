"""Big catalogs for the scale tests (and bench/): real shapes repeated, as OKX's 1,056 codes are.

`spec(n)` is a valid spec text of n codes over a few categories, with every kind of message the
targets treat differently: literal, printf %s and %d, braces with names, none at all.
"""

from __future__ import annotations


def spec(codes: int) -> str:
    lines = [
        "catalog:",
        "  name: scale",
        f"  title: Scale test of {codes} codes",
        "  version: 1.0.0",
        "  code_type: integer",
        "  payload: {code: code, message: msg}",
        "categories:",
    ]
    per = 1000
    for group in range((codes + per - 1) // per):
        low = 50000 + group * per
        lines += [f"  - name: GROUP_{group}", f"    title: Group {group}"]
        lines.append(f"    range: {{min: {low}, max: {low + per - 1}}}")
    lines.append("errors:")
    for index in range(codes):
        code = 50000 + index
        lines += [f"  - code: {code}", f'    name: "Scale error {index}"', f"    category: GROUP_{index // per}"]
        shape = index % 4
        if shape == 0:
            lines += ["    messages:", f'      - "Operation {index} failed."']
        elif shape == 1:
            lines += ["    messages:", f'      - "Too many requests for {index}; limit is %d per %s."']
            lines.append(f'      - "Error {index}."')
        elif shape == 2:
            lines += [
                "    messages:",
                f'      - {{text: "Parameter {{param0}} of {index} error", placeholders: braces}}',
            ]
        # shape 3: a code with no documented message (gRPC-like)
    return "\n".join(lines) + "\n"
