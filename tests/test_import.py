"""`errgen import`: each reader on a fixture written from a public catalog, every decision the
import takes, the spec it writes (valid, verbatim, round-tripping), and the command itself.

Most tests run in-process; per fixture one `python -m generator generate` of the Python target
reads every name and message back from the generated package, and one shared test runs every
target's toolchain over all the fixtures.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generator import cli
from generator.diagnostics import Position
from generator.importer import ImportFailed, Options, Result, convert, detect, headings
from generator.loader import load_yaml
from generator.model import Catalog, ErrorDef
from generator.validate import load_catalog
from tests import toolchains
from tests.helpers import ROOT, SPEC, errgen

FIXTURES = ROOT / "tests" / "fixtures" / "import"
SEED = FIXTURES / "binance-options-error-codes.txt"
SHARED_SEED = ROOT.parent / "shared" / "seeds" / "binance-options-error-codes.txt"
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def imported(name: str, **options: str) -> Result:
    path = FIXTURES / name
    return convert(path, path.read_bytes(), "auto", Options(**options))


def text_import(text: str, name: str = "page.txt", fmt: str = "auto", **options: str) -> Result:
    return convert(Path(name), text.encode("utf-8"), fmt, Options(**options))


def failure(text: str, name: str = "page.txt", fmt: str = "auto") -> list[str]:
    with pytest.raises(ImportFailed) as caught:
        text_import(text, name, fmt)
    return caught.value.format(name)


def by_code(catalog: Catalog) -> dict[object, ErrorDef]:
    return {e.code: e for e in catalog.errors}


def texts(error: ErrorDef) -> list[str]:
    return [m.text for m in error.messages]


def report(result: Result) -> str:
    return "\n".join(n.format("in") for n in result.notes)


# -- the seed ----------------------------------------------------------------------------------


def test_importing_the_seed_reproduces_the_spec() -> None:
    """Codes, names, categories (name, title, range) and messages, exactly and in order."""
    want, got = load_catalog(SPEC.read_bytes()), imported(SEED.name).catalog

    def view(catalog: Catalog) -> list[tuple[object, ...]]:
        return [
            (e.code, e.upstream_name, e.name, e.category.name if e.category else None, tuple(texts(e)))
            for e in catalog.errors
        ]

    assert view(got) == view(want)
    assert [(c.name, c.title, c.ranges) for c in got.categories] == [
        (c.name, c.title, c.ranges) for c in want.categories
    ]
    assert (got.name, got.payload, got.example) == (want.name, want.payload, want.example)


def test_the_seed_fixture_is_the_shared_seed() -> None:
    if not SHARED_SEED.exists():
        pytest.skip("no ../shared/seeds beside this checkout (a clean clone); the fixture is the copy")
    assert SEED.read_bytes() == SHARED_SEED.read_bytes()


def test_the_seed_s_report_names_every_inference() -> None:
    notes = report(imported(SEED.name))
    assert "in:15:1: range: label '10xx': GENERAL holds -1099..-1000 (its codes are negative)" in notes
    assert "in:62:1: range: label '11xx - 2xxx': REQUEST holds -2999..-1100" in notes
    assert "in:183:1: category: '3xxx-5xxx Filters and other issues': the category FILTER" in notes
    assert "in:7:1: payload: the example payload names the fields: code 'code', message 'msg'" in notes
    assert "in: style: placeholders: printf (13 message(s) use printf %s, 0 braces {0})" in notes


# -- headings ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label", "title", "negative", "ranges"),
    [
        ("10xx - General Server or Network issues", "10xx", "General Server or Network issues", True, [(-1099, -1000)]),
        ("11xx - 2xxx Request issues", "11xx - 2xxx", "Request issues", True, [(-2999, -1100)]),
        ("3xxx-5xxx Filters and other issues", "3xxx-5xxx", "Filters and other issues", True, [(-5999, -3000)]),
        ("50xx/51xxx", "50xx/51xxx", None, False, [(5000, 5099), (51000, 51999)]),
        ("4xx, 5xx \u2013 HTTP errors", "4xx, 5xx", "HTTP errors", False, [(400, 499), (500, 599)]),
        ("1000 to 1999: Account", "1000 to 1999", "Account", False, [(1000, 1999)]),
        ("-10xx General", "-10xx", "General", False, [(-1099, -1000)]),  # a sign of its own stays
    ],
)
def test_heading_labels(
    text: str, label: str, title: str | None, negative: bool, ranges: list[tuple[int, int]]
) -> None:
    parsed = headings.parse(text)
    assert (parsed.label, parsed.title) == (label, title)
    assert [span.bounds(negative) for span in parsed.spans] == ranges


@pytest.mark.parametrize(
    "text", ["-1121 BAD_SYMBOL", "Request issues", "2 things", "10xxl", "Filters and other issues", "xx codes"]
)
def test_what_is_no_label(text: str) -> None:
    assert headings.parse(text).label is None


def test_string_code_labels() -> None:
    assert headings.parse("Class 22 - Data Exception").prefix == "22"
    assert headings.parse("Class 0A \u2014 Feature Not Supported").title == "Feature Not Supported"
    assert [s.prefix for s in headings.parse("22xxx/2Fxxx").spans] == ["22", "2F"]


def test_category_names_are_the_fewest_first_words_that_tell_them_apart() -> None:
    titles = ["General Server or Network issues", "Request issues", "Filters and other issues"]
    assert headings.short_names([t.upper().split() for t in titles]) == ["GENERAL", "REQUEST", "FILTER"]
    invalid = [["INVALID", "CURSOR", "NAME"], ["INVALID", "CATALOG", "NAME"], ["STATUS"], ["ACCESS"]]
    assert headings.short_names(invalid) == ["INVALID_CURSOR", "INVALID_CATALOG", "STATUS", "ACCESS"]


# -- Markdown: Binance Spot --------------------------------------------------------------------


def test_markdown_binance_spot() -> None:
    result = imported("binance-spot.md")
    catalog, codes = result.catalog, by_code(result.catalog)
    assert catalog.title == "Error codes for Binance"
    assert catalog.payload.code_field == "code" and catalog.payload.message_field == "msg"
    # Backticks, links and quotes stay as the page writes them; trailing blanks are layout.
    assert texts(codes[-1134]) == ["`strategyType` was less than 1000000."]
    assert texts(codes[-1152]) == ["Invalid `X-MBX-SBE` header; expected `<SCHEMA_ID>:<VERSION>`."]
    assert texts(codes[-1180]) == ["[Logon`<A>`](fix-api.md#logon-main) must be the first message in the session."]
    assert (
        texts(codes[-1013])[0]
        == "The request is rejected by the API. (i.e. The request didn't reach the Matching Engine.)"
    )
    assert codes[-1194].upstream_name == "INVALID_TIME_UNIT"  # a #### heading is a code too
    # '%d' is typed; '{param}' in a printf catalog is a braces placeholder of its own message.
    assert [p.type for p in codes[-1179].messages[0].placeholders] == ["d"]
    assert catalog.placeholders == "printf" and codes[-1224].messages[0].style == "braces"
    # A name with spaces and a period is kept; its identifier is derived; the text under it describes it.
    assert (codes[-2022].upstream_name, codes[-2022].name) == (
        "Order cancel-replace failed.",
        "ORDER_CANCEL_REPLACE_FAILED",
    )
    assert codes[-2021].description is not None and codes[-2021].description.startswith("This code is sent when")
    assert codes[-2021].messages == ()
    # The shared table: one set, included by every code its heading names, listed or not.
    shared = [
        "Unknown order sent.",
        "Duplicate order sent.",
        "Price * QTY is zero or less.",
        "The relationship of the prices for the orders is not correct.",
        "Rest API trading is not enabled.",
        "WebSocket API trading is not enabled.",
        "OPO orders are not supported for this symbol.",
    ]
    assert texts(codes[-2010]) == ["NEW_ORDER_REJECTED", *shared]
    assert texts(codes[-1010]) == texts(codes[-2011]) == shared
    assert codes[-2010].messages[2].description == "The `clOrdId` is already in use."
    assert codes[-2010].messages[5].description == codes[-2010].messages[6].description  # "a" / "b": two messages
    # Categories as the page draws them: -2010 under 11xx stays there; -1010 goes by its range.
    assert codes[-2010].category is not None and codes[-2010].category.name == "REQUEST"
    assert codes[-1010].category is not None and codes[-1010].category.name == "GENERAL"
    assert codes[-2011].category is None  # in no range, under no heading
    assert codes[-2021].category is not None and codes[-2021].category.ranges == ()
    assert codes[-1007].class_name == "ApiTimeoutError"  # TimeoutError is Python's
    notes = report(result)
    assert "no code includes FILTER_FAILURES" in notes
    assert "-2010 lies outside REQUEST's codes but is listed under it: it stays there" in notes
    spec: Any = load_yaml(result.spec.text.encode("utf-8")).value
    assert list(spec["message_sets"]) == [
        "MESSAGES_FOR_ERROR_MSG_RECEIVED",
        "FILTER_FAILURES",
    ]


# -- CSV: PostgreSQL SQLSTATE ------------------------------------------------------------------


def test_csv_sqlstate() -> None:
    result = imported("sqlstate.csv")
    catalog, codes = result.catalog, by_code(result.catalog)
    assert catalog.code_type == "string" and "00000" in codes and "0100C" in codes
    assert codes["00000"].kind == "success" and not codes["00000"].is_exception
    assert {codes[c].kind for c in ("01000", "0100C", "01P01", "02000")} == {"warning"}
    assert codes["22012"].kind == "error" and codes["22012"].messages == ()
    # The six codes with a second macro name: one entry each, the second name an alias.
    aliases = {code: [a.upstream for a in e.aliases] for code, e in codes.items() if e.aliases}
    assert aliases == {
        "2202E": ["ERRCODE_ARRAY_SUBSCRIPT_ERROR"],
        "22008": ["ERRCODE_DATETIME_VALUE_OUT_OF_RANGE"],
        "26000": ["ERRCODE_UNDEFINED_PSTATEMENT"],
        "34000": ["ERRCODE_UNDEFINED_CURSOR"],
        "3D000": ["ERRCODE_UNDEFINED_DATABASE"],
        "3F000": ["ERRCODE_UNDEFINED_SCHEMA"],
    }
    # The condition name of either row, typed as text; the class of the first listing.
    assert codes["2202E"].extensions == {"condition_name": "array_subscript_error"}
    assert [(e.name, e.type) for e in catalog.extensions] == [("condition_name", "string")]
    assert codes["34000"].category is not None and codes["34000"].category.prefixes == ("34",)
    assert [(c.name, c.prefixes) for c in catalog.categories][:3] == [
        ("SUCCESSFUL", ("00",)),
        ("WARNING", ("01",)),
        ("NO", ("02",)),  # written quoted: plain NO is a YAML 1.1 boolean
    ]
    assert catalog.category_of("22P05") is not None and catalog.category_of("22P05").name == "DATA"  # type: ignore[union-attr]
    notes = report(result)
    assert (
        "in:10:1: alias: 2202E is listed again as 'ERRCODE_ARRAY_SUBSCRIPT_ERROR': one entry, that name an alias"
        in notes
    )
    assert (
        "34000 appears again under 'Class 42 - Syntax Error or Access Rule Violation'; it stays in the first" in notes
    )
    assert notes.count("kind 'E' is error") == 1
    with FIXTURES.joinpath("sqlstate.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    names = {name for e in catalog.errors for name in (e.upstream_name, *(a.upstream for a in e.aliases))}
    assert names == {row["name"] for row in rows}


def test_json_two_codes_sharing_one_name() -> None:
    """PL/pgSQL's condition names repeat across classes: the later code gets an identifier."""
    codes = by_code(imported("sqlstate-conditions.json").catalog)
    assert codes["2F002"].upstream_name == codes["38002"].upstream_name == "modifying_sql_data_not_permitted"
    assert (codes["2F002"].name, codes["38002"].name) == (
        "MODIFYING_SQL_DATA_NOT_PERMITTED",
        "MODIFYING_SQL_DATA_NOT_PERMITTED_38002",
    )
    assert codes["39004"].name == "NULL_VALUE_NOT_ALLOWED_39004"
    assert codes["22004"].extensions == {"errcodes_macro": "ERRCODE_NULL_VALUE_NOT_ALLOWED"}


# -- YAML: gRPC; JSON: OKX ----------------------------------------------------------------------


def test_yaml_grpc() -> None:
    catalog = imported("grpc.yaml").catalog
    codes = by_code(catalog)
    assert list(codes) == list(range(17)) and catalog.categories == ()
    assert all(e.messages == () and e.category is None for e in catalog.errors)
    assert codes[0].kind == "success" and [e.kind for e in catalog.errors[1:]] == ["error"] * 16
    assert (codes[8].name, codes[8].http_status, codes[14].retryable) == ("RESOURCE_EXHAUSTED", 429, True)
    assert [(e.name, e.type) for e in catalog.extensions] == [("user_code_only", "boolean")]
    assert codes[3].extensions == {"user_code_only": True} and codes[4].extensions == {"user_code_only": False}


def test_json_okx() -> None:
    result = imported("okx.json")
    catalog, codes = result.catalog, by_code(result.catalog)
    assert (catalog.name, catalog.placeholders) == ("okx", "braces")
    assert codes[51000].messages[0].placeholders[0].name == "param0"
    assert codes[51000].match("Parameter instId error") == (0, ("instId",))
    assert texts(codes[50103]) == ['Request header "OK-ACCESS-KEY" cannot be empty']
    assert codes[0].kind == "success" and codes[0].name == "E_0" and codes[0].upstream_name is None
    assert codes[50014].category is not None and codes[50014].category.ranges == ((50000, 50099),)
    # The category API would make the class ApiError, the generated module's own: another is chosen.
    assert [(c.name, c.class_name) for c in catalog.categories] == [
        ("GENERAL", "GeneralError"),
        ("API", "ApiApiError"),
        ("TRADE", "TradeError"),
    ]


# -- exact texts -------------------------------------------------------------------------------

HOSTILE = [
    'He said "no" \\ twice',
    "Invalid asset\u3002",
    "  leading and trailing  ",
    "# not a comment: really",
    "- not a list item",
    "{not: a mapping}",
    "*emphasis* and `code` | pipe",
    "tab\u2028separator\u2029para",
    "emoji \U0001f600 and \u00e9",
    "yes",
    "100%% sure, %s",
    "50% off",
    "%s and {0}",
    "'single' \"double\"",
    "key: value",
    "@at and !bang and &amp and *star",
    "ends with a backslash \\",
]


def test_every_text_round_trips_exactly() -> None:
    entries = [{"code": i + 1, "name": text, "messages": [text]} for i, text in enumerate(HOSTILE)]
    result = text_import(json.dumps(entries), "hostile.json")
    loaded: Any = load_yaml(result.spec.text.encode("utf-8")).value
    written = [(e["name"], e["messages"][0]) for e in loaded["errors"]]
    assert [(name, m if isinstance(m, str) else m["text"]) for name, m in written] == [(t, t) for t in HOSTILE]
    codes = by_code(result.catalog)
    assert [(codes[i + 1].upstream_name, texts(codes[i + 1])) for i in range(len(HOSTILE))] == [
        (t, [t]) for t in HOSTILE
    ]
    assert '"He said \\"no\\" \\\\ twice"' in result.spec.text  # every message double-quoted, escaped
    # Styles per message: "50% off" cannot be printf, "%s and {0}" reads both ways (the catalog's).
    assert codes[12].messages[0].style == "none" and codes[13].messages[0].style == "printf"


def test_a_multi_line_description_is_a_literal_block() -> None:
    page = "-1 FIRST\n\n  \u2022 One.\n\nFirst line of prose\nsecond line: with a colon.\n\nA second paragraph.\n"
    result = text_import(page)
    assert (
        result.catalog.errors[0].description == "First line of prose\nsecond line: with a colon.\n\nA second paragraph."
    )
    assert "    description: |-\n      First line of prose\n" in result.spec.text


# -- table details -----------------------------------------------------------------------------


def test_csv_messages_one_per_row_or_one_per_line() -> None:
    table = (
        "Error Code,Name,Message,Retry Count,Weight,Public\n"
        "-1,A,first,3,1.5,true\n"
        "-1,,second,3,1.5,true\n"
        '-2,B,"one\nother",0,2,false\n'
    )
    result = text_import(table, "t.csv")
    codes = by_code(result.catalog)
    assert (texts(codes[-1]), texts(codes[-2])) == (["first", "second"], ["one", "other"])
    assert [(e.name, e.type) for e in result.catalog.extensions] == [
        ("retry_count", "integer"),
        ("weight", "number"),
        ("public", "boolean"),
    ]
    assert codes[-2].extensions == {"retry_count": 0, "weight": 2.0, "public": False}
    assert "column 'Retry Count' is the extension field retry_count" in report(result)


def test_json_messages_are_one_line_each_and_may_say_their_style() -> None:
    entries = [{"code": 1, "messages": [{"text": "100% {sure}", "placeholders": "none", "description": "Kept."}]}]
    message = text_import(json.dumps(entries), "t.json").catalog.errors[0].messages[0]
    assert (message.text, message.style, message.description, message.arity) == ("100% {sure}", "none", "Kept.", 0)
    assert failure('[{"code": 1, "message": "two\\nlines"}]', "t.json") == [
        "t.json:1:25: a message must be one line, without line breaks or tabs: 'two\\nlines'"
    ]


def test_an_example_that_sends_its_code_as_text() -> None:
    page = (
        'Errors:\n\n{\n"code": "51000",\n"msg": "Parameter instId error"\n}\n\n'
        "51000 PARAM_ERROR\n  * Parameter {param0} error\n"
    )
    catalog = text_import(page).catalog
    assert catalog.example == (51000, "Parameter instId error")
    assert catalog.payload.numeric_strings is True


def test_tsv_and_a_byte_order_mark() -> None:
    result = convert(Path("t.tsv"), "\ufeffcode\tname\n1\tONE\n".encode(), "auto", Options())
    assert [e.upstream_name for e in result.catalog.errors] == ["ONE"]


def test_markdown_table_of_codes() -> None:
    page = (
        "# OKX\n\n## 500xx - General Class\n\n"
        "| Error Code | HTTP Status Code | Error Message |\n|---|---|---|\n"
        "| 50000 | 400 | Body for POST request cannot be empty. |\n"
        "| 50014 | 400 | Parameter {param0} cannot be empty |\n"
    )
    catalog = text_import(page, "okx.md").catalog
    assert [(e.code, e.http_status, texts(e), e.category.name if e.category else None) for e in catalog.errors] == [
        (50000, 400, ["Body for POST request cannot be empty."], "GENERAL"),
        (50014, 400, ["Parameter {param0} cannot be empty"], "GENERAL"),
    ]


def test_identifiers_too_long_or_taken() -> None:
    long = "word " * 20
    entries = [{"code": 1, "name": long}, {"code": 2, "name": "Bad symbol"}, {"code": 3, "name": "BAD_SYMBOL"}]
    codes = by_code(text_import(json.dumps(entries), "t.json").catalog)
    assert len(codes[1].name) <= 64 and codes[1].upstream_name == long
    assert (codes[2].name, codes[3].name) == ("BAD_SYMBOL", "BAD_SYMBOL_3")


def test_a_message_listed_twice_is_kept_once() -> None:
    result = text_import("-1 A\n  \u2022 same\n  \u2022 same\n")
    assert texts(result.catalog.errors[0]) == ["same"]
    assert "in:3:5: dropped: -1 lists 'same' twice: once is kept" in report(result)


def test_a_code_listed_twice_with_the_same_name_is_merged() -> None:
    entries = [{"code": 1, "name": "A", "messages": ["x", "y"]}, {"code": 1, "name": "A", "messages": ["y", "z"]}]
    result = text_import(json.dumps(entries), "t.json")
    assert [texts(e) for e in result.catalog.errors] == [["x", "y", "z"]]
    assert "message 'y' of 1 repeats one listed before" in report(result)


# -- problems, each where the input shows it --------------------------------------------------


def test_problems_have_positions() -> None:
    assert failure('[{"code": 1,\n  "name": }]', "t.json") == ["t.json:2:11: JSON syntax error: Expecting value"]
    assert failure("name,message\nA,x\n", "t.csv") == ["t.csv:1:1: no code column (code, error_code or sqlstate)"]
    assert failure("code,kind\n1,fatal\n", "t.csv") == [
        "t.csv:2:1: kind 'fatal' is not error, warning or success (or E, W, S)"
    ]
    assert failure("- {code: 1, name: A, extra: [1, 2]}\n", "t.yaml") == [
        "t.yaml:1:29: extension field extra must hold one value, not a list or a mapping"
    ]
    assert failure("-1 A\n  \u2022 zero\u200bwidth\n") == [
        "page.txt:2:5: a message holds U+200B, which no spec text may hold: 'zero\\u200bwidth'"
    ]
    two = '[{"code": 1, "description": "a"},\n {"code": 1, "description": "b"}]'
    assert failure(two, "t.json") == ["t.json:2:2: 1 is listed twice with two descriptions (first at 1:2)"]
    assert failure("just prose\n") == ["page.txt:1:1: no codes found: expected lines such as `-1121 BAD_SYMBOL`"]


def test_a_problem_of_the_spec_is_shown_at_its_entry() -> None:
    """What only the validator finds (a variant no message can reach) points into the input."""
    lines = failure("-1 A\n  \u2022 x %s y\n  \u2022 x %s%s y\n")
    assert "can never match" in lines[0]
    assert len(lines) == 1 and lines[0].startswith("page.txt:1:1: ") and "(in the spec it makes, line" in lines[0]


def test_integer_codes_on_demand() -> None:
    with pytest.raises(ImportFailed) as caught:
        convert(Path("t.csv"), b"code\n0A000\n", "auto", Options(code_type="integer"))
    assert caught.value.format("t.csv") == [
        "t.csv:2:1: code '0A000' is not an integer (use --code-type string for text codes)"
    ]
    assert convert(Path("t.csv"), b"code\n1\n", "auto", Options(code_type="string")).catalog.errors[0].code == "1"


# -- the command -------------------------------------------------------------------------------


def test_command_writes_the_spec_and_the_report(tmp_path: Path) -> None:
    proc = errgen("import", str(SEED), "--report", "report.txt", cwd=tmp_path)
    assert proc.returncode == EXIT_OK, proc.stderr
    assert proc.stderr == ""
    assert proc.stdout.startswith("errgen: wrote spec/errors.yaml: 47 code(s) from ")
    spec = (tmp_path / "spec" / "errors.yaml").read_bytes()
    assert load_catalog(spec).name == "binance-options"
    assert "range: label '10xx': GENERAL holds -1099..-1000" in (tmp_path / "report.txt").read_text(encoding="utf-8")
    assert not [p.name for p in (tmp_path / "spec").iterdir() if p.name != "errors.yaml"]  # no temp file left


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """The command in-process (cheap); test_command_writes_the_spec_and_the_report runs it for real."""
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_command_never_overwrites_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "errors.yaml"
    out.write_text("mine\n", encoding="utf-8")
    code, _, err = run(["import", str(SEED), "--out", "errors.yaml"], capsys)
    assert (code, out.read_text(encoding="utf-8")) == (EXIT_FAILED, "mine\n")
    assert err == "errgen: errors.yaml exists; nothing was written (--force replaces it)\n"
    code, _, err = run(["import", str(SEED), "--out", "errors.yaml", "--force", "--name", "options"], capsys)
    assert code == EXIT_OK, err
    assert load_catalog(out.read_bytes()).name == "options"
    assert "range: label '10xx'" in err  # the report, on stderr without --report
    assert sorted(p.name for p in tmp_path.iterdir()) == ["errors.yaml"]  # no temp file left


def test_command_failures(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("bad.csv").write_text("code,kind\n1,fatal\n", encoding="utf-8")
    code, _, err = run(["import", "bad.csv", "--out", "out.yaml"], capsys)
    assert code == EXIT_FAILED
    assert err.splitlines() == [
        "bad.csv:2:1: kind 'fatal' is not error, warning or success (or E, W, S)",
        "errgen: 1 problem(s); nothing was written",
    ]
    assert not Path("out.yaml").exists()
    assert run(["import", "missing.csv"], capsys)[0] == EXIT_USAGE
    assert run(["import"], capsys)[0] == EXIT_USAGE
    assert run(["import", str(SEED), "--format", "pdf"], capsys)[0] == EXIT_USAGE
    Path("dir.yaml").mkdir()
    code, _, err = run(["import", str(SEED), "--out", "dir.yaml", "--force"], capsys)
    assert code == EXIT_FAILED and "Traceback" not in err
    assert "cannot write dir.yaml" in err and list(Path("dir.yaml").iterdir()) == []
    code, _, err = run(["import", str(SEED), "--out", "new/dir/errors.yaml"], capsys)  # parents are made
    assert code == EXIT_OK and load_catalog(Path("new/dir/errors.yaml").read_bytes()).name == "binance-options"


def test_formats_by_suffix_and_content() -> None:
    assert [detect(Path(n), b"", "auto") for n in ("a.json", "a.yml", "a.tsv", "a.md", "a.txt", "a")] == [
        "json",
        "yaml",
        "csv",
        "markdown",
        "text",
        "text",
    ]
    assert detect(Path("a"), b' [{"code": 1}]', "auto") == "json"
    assert (detect(Path("a.txt"), b"code\n", "table"), detect(Path("a.yaml"), b"", "table")) == ("csv", "yaml")
    assert detect(Path("a.json"), b"", "markdown") == "markdown"


# -- import -> validate -> generate -> read back ---------------------------------------------

FIXTURE_NAMES = sorted(p.name for p in FIXTURES.iterdir())

_PROBE = """
import json, sys
sys.path.insert(0, sys.argv[1])
package = __import__(sys.argv[2])
codes = package.ErrorCode
print(json.dumps([
    [m.value, m.name, m.upstream_name, list(m.messages), m.kind] for m in codes
] + [[codes.by_name(name).value for name in json.loads(sys.argv[3])]]))
"""


def generate(name: str, target: str, root: Path) -> Path:
    """`python -m generator generate` of one target from the spec a fixture imports as."""
    spec = root / f"{name}.yaml"
    spec.write_text(imported(name).spec.text, encoding="utf-8")
    out = root / name.replace(".", "-")
    proc = errgen("generate", "--spec", str(spec), "--out", str(out), "--target", target)
    assert proc.returncode == EXIT_OK, f"{name}: {proc.stderr}"
    return out / target


@pytest.fixture(scope="module")
def python_packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each fixture's generated Python package root, generated once for the tests below."""
    root = tmp_path_factory.mktemp("imported")
    return {name: generate(name, "python", root) for name in FIXTURE_NAMES}


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_fixture_generates_and_reads_back(name: str, python_packages: dict[str, Path]) -> None:
    result, out = imported(name), python_packages[name]
    (package,) = [p.name for p in out.iterdir() if p.is_dir()]
    aliases = [a.upstream for e in result.catalog.errors for a in e.aliases]
    probe = subprocess.run(
        [sys.executable, "-I", "-c", _PROBE, str(out), package, json.dumps(aliases)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert probe.returncode == 0, probe.stderr
    *members, found = json.loads(probe.stdout)
    catalog = result.catalog
    want = [[e.code, e.name, e.title, texts(e), e.kind] for e in catalog.active]
    assert sorted(members, key=str) == sorted(want, key=str)
    assert found == [e.code for e in catalog.errors for _ in e.aliases]


@pytest.mark.parametrize(
    "target",
    [
        "python",
        "typescript",
        "go",
        "docs",
    ],
)
def test_every_fixture_passes_the_target_s_toolchain(
    target: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """The real toolchains, once per target over every fixture (mypy, tsc, gofmt and go vet)."""
    if target == "python":
        roots: dict[str, Path] = request.getfixturevalue("python_packages")
        outs = list(roots.values())
    else:
        outs = [generate(name, target, tmp_path) for name in FIXTURE_NAMES]
    if target == "python":
        packages = [p for out in outs for p in out.iterdir() if p.is_dir()]
        assert len({p.name for p in packages}) == len(packages)  # so one mypy run can check them all
        command = [sys.executable, "-m", "mypy", "--strict", *(a for p in packages for a in ("-p", p.name))]
        env = {"MYPYPATH": os.pathsep.join(str(out) for out in outs)}
        mypy = toolchains.run(command, cwd=tmp_path, env=env)
        assert mypy.returncode == 0, toolchains.output(mypy)
    elif target == "typescript":
        tools = toolchains.node_tools()
        for out in outs:
            config = {"compilerOptions": {**toolchains.STRICT, "noEmit": True}, "include": ["src/*.ts"]}
            compiled = toolchains.tsc(tools, out, config)
            assert compiled.returncode == 0, toolchains.output(compiled)
    elif target == "go":
        go = toolchains.go_command()
        for out in outs:
            fmt = toolchains.run([toolchains.gofmt(go), "-l", "."], cwd=out)
            assert (fmt.returncode, fmt.stdout) == (0, ""), toolchains.output(fmt)
            vet = toolchains.run_go([go, "vet", "./..."], cwd=out)
            assert vet.returncode == 0, toolchains.output(vet)
    else:
        assert all((out / "README.md").is_file() for out in outs)


def test_report_positions_are_in_the_input() -> None:
    result = imported("sqlstate.csv")
    first = next(n for n in result.notes if n.topic == "alias")
    assert first.at == Position(10, 1)
