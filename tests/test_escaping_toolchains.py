"""The TypeScript, Go and JSON escaping functions, judged by the real parsers: every Unicode scalar
value and every hostile string, written as a literal, must read back as exactly itself.

All literals go into one source file per language and one run of its toolchain, which prints the
values back as JSON; a failing chunk is then narrowed down to the code points that broke it.
"""

from __future__ import annotations

import json
from pathlib import Path

from generator.escaping import go_string, json_string, typescript_lines, typescript_single_quoted, typescript_string
from generator.targets.typescript import json_text
from tests.test_escaping import CHUNKS, GLUED, HOSTILE, _assert_one_safe_line
from tests.toolchains import STRICT, Tools, output, run, run_go, tsc

TEXTS = {**{str(i): text for i, text in enumerate(HOSTILE)}, **dict(CHUNKS), **dict(GLUED)}


def _differences(expected: dict[str, str], actual: dict[str, str]) -> dict[str, list[str]]:
    """Per text that did not read back, the code points of it that differ (first ten)."""
    bad = {}
    for key, text in expected.items():
        got = actual.get(key)
        if got != text:
            seen = got or ""
            bad[key] = [f"U+{ord(c):04X}" for i, c in enumerate(text) if i >= len(seen) or seen[i] != c][:10]
    return bad


def test_typescript_literals_read_back_under_tsc_and_node(tools: Tools, tmp_path: Path) -> None:
    lines = [f"  {json_string(key)}: {typescript_string(text)}," for key, text in TEXTS.items()]
    single = [f"  {json_string(key)}: {typescript_single_quoted(text)}," for key, text in TEXTS.items()]
    for text in TEXTS.values():
        _assert_one_safe_line(typescript_string(text))
        _assert_one_safe_line(typescript_single_quoted(text))
    # Every text as JSON text, a line of one lines literal, as the catalog module writes its rows.
    joined = typescript_lines(json_text(text) for text in TEXTS.values())
    for physical in joined.split("\n")[1:-1]:
        assert physical.endswith("\\n\\")
        _assert_one_safe_line(physical)
    source = (
        "declare const process: { stdout: { write(text: string): void } };\n"
        "const values: Record<string, string> = {\n" + "\n".join(lines) + "\n};\n"
        "const single: Record<string, string> = {\n" + "\n".join(single) + "\n};\n"
        f"const joined: string = {joined};\n"
        'const lines = joined.split("\\n");\n'
        'if (lines.pop() !== "") throw new Error("the last line has no line feed");\n'
        "process.stdout.write(JSON.stringify([values, single, lines.map((line) => JSON.parse(line) as string)]));\n"
        "export {};\n"
    )
    (tmp_path / "literals.ts").write_text(source, encoding="utf-8")
    (tmp_path / "package.json").write_text('{"type": "module"}\n', encoding="utf-8")  # an ES module, as generated
    config = {
        "compilerOptions": {**STRICT, "rootDir": str(tmp_path), "outDir": str(tmp_path / "build")},
        "files": [str(tmp_path / "literals.ts")],
    }
    built = tsc(tools, tmp_path, config)
    assert built.returncode == 0, output(built)
    ran = run([tools.node, str(tmp_path / "build" / "literals.js")], cwd=tmp_path)
    assert ran.returncode == 0, output(ran)
    values, single, lines = json.loads(ran.stdout)
    assert _differences(TEXTS, values) == {}
    assert _differences(TEXTS, single) == {}
    assert _differences(TEXTS, dict(zip(TEXTS, lines, strict=True))) == {}


def test_go_literals_read_back_under_go_vet_and_go_run(go: str, tmp_path: Path) -> None:
    for text in TEXTS.values():
        _assert_one_safe_line(go_string(text))
    lines = [f"\t{go_string(key)}: {go_string(text)}," for key, text in TEXTS.items()]
    source = (
        "package main\n\n"
        'import (\n\t"encoding/json"\n\t"os"\n)\n\n'
        "var values = map[string]string{\n" + "\n".join(lines) + "\n}\n\n"
        "func main() {\n"
        "\tencoder := json.NewEncoder(os.Stdout)\n"
        "\tencoder.SetEscapeHTML(false)\n"
        "\tif err := encoder.Encode(values); err != nil {\n\t\tpanic(err)\n\t}\n"
        "}\n"
    )
    (tmp_path / "go.mod").write_text("module literals\n\ngo 1.22\n", encoding="utf-8")
    (tmp_path / "main.go").write_text(source, encoding="utf-8")
    for command in ([go, "vet", "."], [go, "run", "."]):
        result = run_go(command, cwd=tmp_path)
        assert result.returncode == 0, output(result)
    assert _differences(TEXTS, json.loads(result.stdout)) == {}


def test_json_strings_read_back() -> None:
    for key, text in TEXTS.items():
        literal = json_string(text)
        _assert_one_safe_line(literal)
        assert json.loads(literal) == text, _differences({key: text}, {key: json.loads(literal)})
