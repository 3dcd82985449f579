"""The TypeScript package of a catalog of 10,000 codes: tsc --strict type-checks it, node runs it.

An array literal of a thousand or more distinct object types made tsc give up (TS2590: "Expression
produces a union type that is too complex to represent"), so the package lists its codes and classes
in objects keyed by name; this test keeps it so. One tsc run, without emit (node runs the rendered
dist/index.js), checks the source, the declarations and a consumer of them together.
"""

from __future__ import annotations

import json
from pathlib import Path

from generator.render import render
from tests.model_catalogs import scale
from tests.toolchains import STRICT, Tools, output, run, tsc

CODES = 10_000

# A consumer of the declarations: the per-code typing a normal catalog has must survive the scale.
CONSUMER = """\
import { ApiError, Code9999Error, ErrorCode, errorCodeByName, fromPayload, type ErrorName } from "./dist/index.js";

export function describe(payload: unknown): string {
  const error: ApiError = fromPayload(payload);
  if (error instanceof Code9999Error) {
    const code: typeof ErrorCode.CODE_9999 = error.code;
    return `last ${code}`;
  }
  return `${error.code}`;
}

export const alias: typeof ErrorCode.CODE_0 = ErrorCode.ALIAS_0;
export const name: ErrorName = "CODE_5000";
export const found: ErrorCode | null = errorCodeByName("code 5000");
// @ts-expect-error not a name of the catalog
export const wrong: ErrorName = "CODE_10000";
"""

# What node checks of the rendered build.
CHECK = """\
const pkg = await import(process.argv[2]);
const last = pkg.fromPayload({ code: pkg.ErrorCode.CODE_9999, msg: "Code 9999 failed." });
const typed = pkg.fromPayload({ code: pkg.ErrorCode.CODE_9998, msg: "Code 9998 failed after 3 attempts." });
const unknown = pkg.fromPayload({ code: 100999, msg: "new" });
console.log(JSON.stringify([
  Object.keys(pkg.ErrorCode).length,
  last.constructor.name, last.variant, last.category,
  typed.variant, typed.params,
  unknown.constructor.name,
  pkg.errorCodeByName("alias 9990"), pkg.errorCodeByName("code 42"), pkg.errorCodeByName("code 40"),
]));
"""


def test_ten_thousand_codes_type_check_and_run(tools: Tools, tmp_path: Path) -> None:
    catalog = scale(CODES)
    package = tmp_path / "package"
    for path, text in render(catalog, ["typescript"]).items():
        file = package / path.removeprefix("typescript/")
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(text, encoding="utf-8")
    (package / "consumer.ts").write_text(CONSUMER, encoding="utf-8")
    config = {
        "compilerOptions": {**STRICT, "noEmit": True},
        "files": [str(package / name) for name in ("src/index.ts", "dist/index.d.ts", "consumer.ts")],
    }
    checked = tsc(tools, package, config)
    assert checked.returncode == 0, output(checked)

    (tmp_path / "check.mjs").write_text(CHECK, encoding="utf-8")
    ran = run([tools.node, str(tmp_path / "check.mjs"), str(package / "dist" / "index.js")], cwd=tmp_path)
    assert ran.returncode == 0, output(ran)
    aliases = sum(len(error.aliases) for error in catalog.errors)
    errors = catalog.errors
    assert json.loads(ran.stdout) == [
        CODES + aliases,
        "Code9999Error",
        0,
        errors[9999].category.name if errors[9999].category else None,
        0,
        ["3"],
        "Group100Error",
        errors[9990].code,
        None,  # only every tenth code has an upstream name
        errors[40].code,
    ]
