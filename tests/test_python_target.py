"""The generated Python packages, judged by mypy --strict, pip and their own behaviour."""

from __future__ import annotations

import copy
import importlib
import pickle
import shutil
import subprocess
import sys
import weakref
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from generator.model import Template
from tests.helpers import OUT, ROOT, SPEC, tree
from tests.snapshots import GOLDEN, NAMES, spec
from tests.vectors import MAX_PAYLOAD_DEPTH

PACKAGES = {
    "binance_options_errors": OUT / "python",
    "minimal_errors": GOLDEN / "minimal" / "python",
    "sqlstate_codes": GOLDEN / "string_codes" / "python",
    "torture_test_errors": GOLDEN / "torture" / "python",
    "formats_errors": GOLDEN / "formats" / "python",
}


def load(name: str) -> Any:
    root = str(PACKAGES[name])
    if root not in sys.path:
        sys.path.insert(0, root)
    return importlib.import_module(name)


@pytest.fixture(scope="module")
def pkg() -> ModuleType:
    module: ModuleType = load("binance_options_errors")
    return module


def raw_spec(path: Path) -> dict[str, Any]:
    """The spec read by plain PyYAML, independently of errgen's own loader."""
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def test_every_package_passes_mypy_strict_with_a_typed_consumer() -> None:
    command = [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--python-version", "3.10"]
    command.append("--explicit-package-bases")  # module names from MYPYPATH, not from tests/__init__.py
    command += [str(root / name) for name, root in PACKAGES.items()]
    command.append(str(ROOT / "tests" / "consumers" / "python_consumer.py"))
    result = subprocess.run(
        command,
        env={"MYPYPATH": ":".join(map(str, PACKAGES.values())), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        cwd=ROOT / "tests",  # away from the project's own mypy config
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success: no issues found in 16 source files" in result.stdout  # 5 packages of 3 modules, 1 consumer


def test_no_package_imports_what_it_does_not_use() -> None:
    """A consumer's linter reads the generated code too: pyflakes' unused-import and undefined-name
    rules (as ruff has them) pass on every package, whatever its catalog leaves out."""
    command = [sys.executable, "-m", "ruff", "check", "--no-cache", "--isolated", "--select", "F401,F811,F821"]
    result = subprocess.run(
        [*command, *(str(root / name) for name, root in PACKAGES.items())],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_pip_installs_the_package_and_it_imports(tmp_path: Path) -> None:
    target, source = tmp_path / "site", tmp_path / "source"
    shutil.copytree(OUT / "python", source)  # a copy, so that a regression cannot dirty out/
    before = tree(source)
    install = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--target",
            str(target),
            str(source),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert install.returncode == 0, install.stderr
    assert tree(source) == before, "building the package wrote into its directory"
    assert sorted(p.name for p in source.iterdir()) == ["binance_options_errors", "pyproject.toml"]
    assert (target / "binance_options_errors" / "py.typed").is_file()
    probe = (
        f"import sys; sys.path.insert(0, {str(target)!r}); import binance_options_errors as b; "
        "print(b.__version__, type(b.from_payload({'code': -1121, 'msg': 'x'})).__name__)"
    )
    run = subprocess.run([sys.executable, "-I", "-c", probe], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == [raw_spec(SPEC)["catalog"]["version"], "BadSymbolError"]


def test_the_seed_example_payload(pkg: Any) -> None:
    for payload in (
        {"code": -1121, "msg": "Invalid symbol."},
        {"code": -1121, "msg": "Invalid symbol."},  # the class made by the first: a lookup of its literals
        '{"code":-1121,"msg":"Invalid symbol."}',
        b'{\n"code":-1121,\n"msg":"Invalid symbol."\n}',
    ):
        error = pkg.from_payload(payload)
        assert type(error) is pkg.BadSymbolError
        assert isinstance(error, pkg.RequestError) and isinstance(error, pkg.ApiError)
        assert not isinstance(error, pkg.GeneralError)
        assert (error.code, error.message, error.category) == (-1121, "Invalid symbol.", pkg.Category.REQUEST)
        assert (error.variant, error.params) == (0, ())
        assert error.error_code is pkg.ErrorCode.BAD_SYMBOL
        assert str(error) == "-1121 BAD_SYMBOL: Invalid symbol."


@pytest.mark.parametrize(
    ("code", "message", "cls", "variant", "params"),
    [
        (
            -1015,
            "Too many new orders; current limit is 100 orders per 10 SECOND.",
            "TooManyOrdersError",
            1,
            ("100", "10 SECOND"),
        ),
        (-1015, "Too many new orders.", "TooManyOrdersError", 0, ()),
        (
            -1102,
            "Param 'symbol' or 'quantity' must be sent, but both were empty/null!",
            "MandatoryParamEmptyOrMalformedError",
            2,
            ("'symbol'", "'quantity'"),
        ),
        (
            -1008,
            "Too much request weight used; current limit is 6000 request weight per 1 MINUTE. "
            "Please use the websocket for live updates to avoid polling the API.",
            "TooManyRequestsError",
            2,
            ("6000", "1", "MINUTE"),
        ),
        (-1100, "Illegal characters found in a parameter. $.*[]\\", "IllegalCharsError", 1, ("$.*[]\\",)),
        (-1129, "Invalid asset。", "BadCurrencyError", 0, ()),
        (-1130, "Data sent for paramter 'x' is not valid.", "InvalidParameterError", 1, ("'x'",)),
    ],
)
def test_filled_in_messages_match_their_variant(
    pkg: Any, code: int, message: str, cls: str, variant: int, params: tuple[str, ...]
) -> None:
    error = pkg.from_payload({"code": code, "msg": message})
    assert type(error).__name__ == cls
    assert (error.code, error.message, error.variant, error.params) == (code, message, variant, params)
    assert pkg.ErrorCode(code).format(variant, *params) == message


def test_unknown_codes_and_messages_keep_the_raw_payload(pkg: Any) -> None:
    in_range = pkg.from_payload({"code": -1099, "msg": "Something new."})
    assert type(in_range) is pkg.GeneralError
    assert (in_range.code, in_range.message, in_range.category) == (-1099, "Something new.", pkg.Category.GENERAL)
    assert (in_range.variant, in_range.params, in_range.error_code) == (None, (), None)
    outside = pkg.from_payload({"code": 42, "msg": "?"})
    assert type(outside) is pkg.ApiError
    assert (outside.code, outside.message, outside.category) == (42, "?", None)
    assert str(outside) == "42: ?"
    new_text = pkg.from_payload({"code": -1121, "msg": "Invalid symbol: BTC."})
    assert type(new_text) is pkg.BadSymbolError
    assert (new_text.message, new_text.variant, new_text.params) == ("Invalid symbol: BTC.", None, ())


@pytest.mark.parametrize(
    "payload",
    [
        "not json",
        b"\xff\xfe",
        "[1, 2]",
        "null",
        '"text"',
        "[" * 100_000,
        {"msg": "no code"},
        {"code": -1121},
        {"code": "-1121", "msg": "numeric string"},
        {"code": -1121.0, "msg": "float"},
        {"code": -1121.0, "msg": "Invalid symbol."},  # equal to -1121 as a key of from_payload's tables
        {"code": True, "msg": "bool"},
        {"code": -1121, "msg": ["Invalid symbol."]},
        {"code": -1121, "msg": None},
        {"code": -1121, "msg": 5},
        [("code", 1)],
    ],
)
def test_malformed_payloads_raise_payload_error(pkg: Any, payload: Any) -> None:
    pkg.from_payload({"code": -1121, "msg": "Invalid symbol."})  # its class made: the fast path is open
    with pytest.raises(pkg.PayloadError) as caught:
        pkg.from_payload(payload)
    assert isinstance(caught.value, ValueError)
    assert str(caught.value).startswith("payload ")


def test_every_code_name_and_message_reads_back_verbatim(pkg: Any) -> None:
    entries = raw_spec(SPEC)["errors"]
    assert len(entries) == 47
    assert sum(len(e["messages"]) for e in entries) == 63
    assert [(m.name, m.value) for m in pkg.ErrorCode] == [(e["name"], e["code"]) for e in entries]
    for entry in entries:
        member = pkg.ErrorCode[entry["name"]]
        assert member.messages == tuple(entry["messages"])
        assert member.category.name == entry["category"]
        assert member.retryable is entry.get("retryable", False)
        assert member.http_status == entry.get("http_status")
        cls = getattr(pkg, "".join(w.capitalize() for w in entry["name"].split("_")) + "Error")
        assert cls.CODE is member and issubclass(cls, getattr(pkg, entry["category"].capitalize() + "Error"))


def test_upstream_quirks_survive(pkg: Any) -> None:
    assert pkg.ErrorCode.BAD_CURRENCY.messages == ("Invalid asset\u3002",)
    assert "paramter" in pkg.ErrorCode.INVALID_PARAMETER.messages[1]
    assert pkg.ErrorCode.NEW_ORDER_REJECTED.messages == ("NEW_ORDER_REJECTED",)
    assert pkg.ErrorCode.BAD_CONTRACT.messages == ("Invalid underlying",)  # no full stop upstream
    assert pkg.ErrorCode.DISCONNECTED.retryable is True


def test_format_and_wrong_arity(pkg: Any) -> None:
    assert pkg.ErrorCode.TOO_MANY_ORDERS.format(1, 100, "10 SECOND") == (
        "Too many new orders; current limit is 100 orders per 10 SECOND."
    )
    with pytest.raises(ValueError, match="takes 2 value"):
        pkg.ErrorCode.TOO_MANY_ORDERS.format(1, "100")


def test_exceptions_pickle_and_construct(pkg: Any) -> None:
    limited = {"code": -1015, "msg": "Too many new orders; current limit is 100 orders per 10 SECOND."}
    errors = (pkg.BadSymbolError(), pkg.from_payload({"code": -1099, "msg": "x"}), pkg.ApiError(7, "y"))
    for error in (*errors, pkg.from_payload(limited)):
        error.add_note("a note")  # exceptions keep a __dict__ for notes and callers' own attributes
        error.request_id = "r-1"
        copy = pickle.loads(pickle.dumps(error))
        assert (type(copy), copy.code, copy.message, copy.variant, copy.params, copy.category) == (
            type(error),
            error.code,
            error.message,
            error.variant,
            error.params,
            error.category,
        )
        assert (copy.__notes__, copy.request_id) == (["a note"], "r-1")
        assert weakref.ref(error)() is error
    assert pkg.BadSymbolError().message == "Invalid symbol."
    with pytest.raises(pkg.RequestError):
        raise pkg.BadSymbolError("Invalid symbol.")


def test_error_code_behaves_as_an_int_enum(pkg: Any) -> None:
    codes = pkg.ErrorCode
    member = codes.BAD_SYMBOL
    assert member is codes(-1121) is codes["BAD_SYMBOL"] is codes.by_name("BAD_SYMBOL") is codes(member)
    assert member == -1121 and isinstance(member, int) and isinstance(member, codes) and hash(member) == hash(-1121)
    assert (member.name, member.value, repr(member), str(member), f"{member}") == (
        "BAD_SYMBOL",
        -1121,
        "<ErrorCode.BAD_SYMBOL: -1121>",
        "-1121",
        "-1121",
    )
    assert pickle.loads(pickle.dumps(member)) is member and copy.deepcopy(member) is member
    assert len(codes) == 47 and len(list(codes)) == 47 and next(iter(codes)) is codes.UNKNOWN
    assert list(reversed(codes)) == list(codes)[::-1]
    assert member in codes and -1121 in codes and 5 not in codes
    assert codes.__members__["BAD_SYMBOL"] is member and list(codes.__members__) == [m.name for m in codes]
    assert "BAD_SYMBOL" in dir(codes)
    with pytest.raises(ValueError, match="5 is not a valid ErrorCode"):
        codes(5)
    with pytest.raises(KeyError):
        codes["NOPE"]
    with pytest.raises(AttributeError):
        codes.NOPE  # noqa: B018


PROBE_LAZY = """
import pickle, sys
sys.path.insert(0, sys.argv[1])
import binance_options_errors as b
assert "BadSymbolError" not in vars(b) and "TooManyOrdersError" not in vars(b), "made before any use"
from binance_options_errors import BadSymbolError
e = b.from_payload({"code": -1121, "msg": "Invalid symbol."})
assert type(e) is BadSymbolError is b.BadSymbolError and BadSymbolError.__module__ == b.__name__
assert BadSymbolError.__qualname__ == "BadSymbolError" and BadSymbolError.CODE is b.ErrorCode.BAD_SYMBOL
try:
    raise b.from_payload('{"code": -1121, "msg": "x"}')
except BadSymbolError as caught:
    assert type(pickle.loads(pickle.dumps(caught))) is BadSymbolError
try:
    b.NoSuchError
except AttributeError as missing:
    assert "NoSuchError" in str(missing)
else:
    raise AssertionError("a name the catalog does not have")
assert "TooManyOrdersError" in dir(b) and "TooManyOrdersError" in b.__all__ and len(set(b.__all__)) == len(b.__all__)
star = {}
exec("from binance_options_errors import *", star)
assert star["TooManyOrdersError"] is b.TooManyOrdersError and "ErrorCode" in star and "_CODES" not in star
assert [n for n in b.__all__ if n.endswith("Error") and n not in ("ApiError", "PayloadError")] == [
    n for n in b.__all__ if isinstance(star[n], type) and issubclass(star[n], b.ApiError) and n != "ApiError"
]
print(len(b.__all__))
"""


def test_classes_are_made_on_first_use_and_are_then_the_same() -> None:
    """A code's class is made when first asked for (by name, import, or a payload), in a fresh
    interpreter here; every way to reach it then gives the same class."""
    run = subprocess.run(
        [sys.executable, "-I", "-B", "-c", PROBE_LAZY, str(OUT / "python")],  # -B: no __pycache__ in out/
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == [str(8 + 3 + 47)]  # the module's names, its categories' and codes' classes


def test_category_ranges(pkg: Any) -> None:
    ranges = {c["name"]: (c["range"]["min"], c["range"]["max"]) for c in raw_spec(SPEC)["categories"]}
    assert ranges == {"GENERAL": (-1099, -1000), "REQUEST": (-2999, -1100), "FILTER": (-5999, -3000)}
    for name, (low, high) in ranges.items():
        category = pkg.Category[name]
        assert category.contains(low) and category.contains(high)
        assert not category.contains(low - 1) and not category.contains(high + 1)
    assert pkg.Category.FILTER.title == "Filters and other issues"


def test_string_codes_keep_leading_zeros() -> None:
    sql = load("sqlstate_codes")
    assert sql.ErrorCode.SUCCESSFUL_COMPLETION.value == "00000"
    # As an Enum's members: a member is not its code's str.
    assert sql.ErrorCode("00000") is sql.ErrorCode.SUCCESSFUL_COMPLETION != "00000"
    assert str(sql.ErrorCode.SUCCESSFUL_COMPLETION) == "ErrorCode.SUCCESSFUL_COMPLETION"
    ok = sql.from_payload({"sqlstate": "00000", "message": "successful completion"})
    assert type(ok) is sql.SuccessfulCompletionError and ok.code == "00000"
    unknown = sql.from_payload('{"sqlstate": "22999", "message": "new"}')
    assert type(unknown) is sql.DataExceptionError and unknown.code == "22999"
    parsed = sql.from_payload({"sqlstate": "22P02", "message": 'invalid input syntax for type integer: "abc"'})
    assert (parsed.variant, parsed.params) == (0, ("integer", '"abc"'))
    with pytest.raises(sql.PayloadError):
        sql.from_payload({"sqlstate": 22012, "message": "number, not string"})
    assert sql.ErrorCode.SERIALIZATION_FAILURE.retryable and sql.ErrorCode.UNIQUE_VIOLATION.http_status == 409


@pytest.mark.parametrize("name", NAMES)
def test_fixture_messages_read_back_byte_for_byte(name: str) -> None:
    data = raw_spec(spec(name))
    module = load(
        data.get("targets", {}).get("python", {}).get("package")
        or data["catalog"]["name"].replace("-", "_") + "_errors"
    )
    style = data["catalog"].get("placeholders", "printf")
    sample = {"s": 'v ${x} %s \\ "q" 。 🎉', "d": "-42", "f": "1.5e3", "b": "false"}
    for entry in data["errors"]:
        if entry.get("retired"):
            assert entry["code"] in module.RETIRED_CODES
            assert entry["code"] not in {member.value for member in module.ErrorCode}
            continue
        member = module.ErrorCode(entry["code"])
        assert member.upstream_name == entry.get("name", member.name)
        texts = spec_messages(data, entry)
        assert member.messages == tuple(text for text, _ in texts)
        assert [m.encode("utf-8") for m in member.messages] == [t.encode("utf-8") for t, _ in texts]
        assert member.deprecated is bool(entry.get("deprecated"))
        for index, (text, chosen) in enumerate(texts):
            template = Template.parse(text, chosen or style)
            message = member.format(index, *(sample[p.type] for p in template.placeholders))
            matched = member.match(message)
            assert matched is not None and matched[0] == index, (text, message)
            assert member.format(*matched[:1], *matched[1]) == message


def spec_messages(data: dict[str, Any], entry: dict[str, Any]) -> list[tuple[str, str | None]]:
    """An entry's messages as plain YAML gives them, message sets included: (text, its own style)."""
    found: list[tuple[str, str | None]] = []
    for item in entry.get("messages", []):
        if isinstance(item, str):
            found.append((item, None))
        elif "include" in item:
            found += spec_messages(data, {"messages": data["message_sets"][item["include"]]})
        else:
            found.append((item["text"], item.get("placeholders")))
    return found


def test_torture_names_and_docstrings() -> None:
    torture = load("torture_test_errors")
    assert torture.ErrorCode.SEPARATORS.messages == ("line\u2028separator and para\u2029graph",)
    assert torture.OldLimitError.__doc__.endswith("Deprecated: Use **`NEW_LIMIT`** (901) instead.")
    assert torture.ErrorCode.ERROR_CODE.value == 205 and torture.ErrorCodeError.CODE.value == 205
    assert torture.CODE_FIELD == "error_code"
    error = torture.from_payload({"error_code": 201, "error_message": "emoji"})
    assert (error.retryable, error.http_status) == (True, 503)


def _nested_list(depth: int) -> list[object]:
    root: list[object] = []
    inner = root
    for _ in range(depth - 1):
        child: list[object] = []
        inner.append(child)
        inner = child
    return root


def test_nesting_limit_is_the_shared_one_whatever_the_caller_s_stack(pkg: ModuleType) -> None:
    """128 levels of JSON text are read even from deep in a caller's recursion; 129 never are."""
    assert pkg.MAX_DEPTH == MAX_PAYLOAD_DEPTH
    deepest = '{"code": -1121, "msg": "Invalid symbol.", "x": ' + "[" * 127 + "]" * 127 + "}"

    def at_depth(frames: int) -> object:
        return pkg.from_payload(deepest) if frames == 0 else at_depth(frames - 1)

    assert at_depth(700).code == -1121
    with pytest.raises(pkg.PayloadError, match="deeper than 128 levels"):
        pkg.from_payload(deepest.replace("[", "[[", 1).replace("]", "]]", 1))


def test_a_deeply_nested_field_value_is_a_payload_error_not_a_recursion_error(pkg: ModuleType) -> None:
    deep = _nested_list(200_000)
    with pytest.raises(pkg.PayloadError, match="'code' must be an integer, got a value of type list"):
        pkg.from_payload({"code": deep, "msg": "x"})
    with pytest.raises(pkg.PayloadError, match="'msg' must be a string, got a value of type list"):
        pkg.from_payload({"code": -1121, "msg": deep})
    with pytest.raises(pkg.PayloadError, match="got 'short'"):
        pkg.from_payload({"code": "short", "msg": "x"})


def test_format_features_in_the_python_package() -> None:
    """tests/fixtures/formats.yaml, read as a client would (expected values from the fixture's text)."""
    pkg = load("formats_errors")
    codes = pkg.ErrorCode
    assert pkg.from_payload(b'{"code": 0, "msg": ""}') is None  # success is no error
    assert not hasattr(pkg, "SucceededError") and codes.SUCCEEDED.kind == "success"
    warning = pkg.from_payload({"code": 2, "msg": "Bulk operation partially succeeded."})
    assert type(warning).__bases__ == (pkg.ApiError,) and warning.kind == "warning" and warning.category is None
    assert codes.DUPLICATE_CL_ORD_ID is codes.DUPLICATED_ORDER_ID
    for name in ("Duplicated order ID", "DUPLICATED_ORDER_ID", "DUPLICATE_CL_ORD_ID", "Duplicate clOrdId"):
        assert codes.by_name(name) is codes.DUPLICATED_ORDER_ID, name
    assert codes.by_name("duplicated order id") is None
    assert codes.MODIFY_LIMIT_EXCEEDED.upstream_name == "Exceed_Maximum_Modify_Order_Limit"
    assert codes.E_51008.upstream_name == "E_51008"
    throttled = pkg.from_payload({"code": 50011, "msg": "User requests are too frequent: 20 in 2s."})
    assert (throttled.variant, throttled.params, throttled.params_by_name) == (
        1,
        ("20", "2s"),
        {"count": "20", "window": "2s"},
    )
    # The typed variant wins where it fits, the untyped one takes the rest; a braces one its own text.
    lots = pkg.ErrorCode.E_51008
    assert lots.match("Order failed. Insufficient BTC balance; need 3 more lots.") == (1, ("BTC", "3"))
    assert lots.match("Order failed. Insufficient BTC balance; need 2.5 more lots.") == (2, ("BTC", "2.5"))
    assert lots.match("Order failed. Insufficient BTC balance in account") == (0, ("BTC",))
    small = codes.ORDER_AMOUNT_TOO_SMALL
    assert small.match("Order amount should be greater than the min available amount: -0.5e-3.") == (0, ("-0.5e-3",))
    assert small.match("Order amount should be greater than the min available amount: 1..") is None
    assert small.match("Order flag true is not allowed.") == (1, ("true",))
    assert small.match("Order flag yes is not allowed.") is None
    assert small.match("Limit %d for {ccy} is the maximum.") == (2, ())  # style none: all literal
    assert codes.CANCELLED.messages == () and codes.CANCELLED.match("anything") is None
    assert pkg.CancelledError().message == ""
    # Unlisted codes: the narrowest range holding them; a listed code keeps its entry's category.
    assert pkg.from_payload({"code": 51050, "msg": "x"}).category is pkg.Category.ORDER
    assert pkg.from_payload({"code": 51500, "msg": "x"}).category is pkg.Category.OPERATION
    assert pkg.from_payload({"code": 1, "msg": "Operation failed."}).category is pkg.Category.OPERATION
    assert pkg.Category.OPERATION.contains(50500) and not pkg.Category.OPERATION.contains(1)
    assert pkg.RETIRED_CODES == {58003: "OLD_ACCOUNT_CODE"}
