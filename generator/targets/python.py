"""The Python target: an installable, typed package of codes and exceptions."""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterator
from functools import cache
from types import ModuleType

from .. import cache as disk_cache
from ..escaping import python_literal, python_string, toml_string
from ..model import Catalog, Category, ErrorDef, Template, pointer_text
from ..resources import runtime_file
from ..templating import header, render_template
from .base import Problem, SimpleTarget, class_shadowing, option, setting

RUNTIME = "_runtime.py"

# Words an import name cannot be (`import class` is a syntax error); soft keywords can.
_KEYWORDS = frozenset(
    [
        "False",
        "None",
        "True",
        "and",
        "as",
        "assert",
        "async",
        "await",
        "break",
        "class",
        "continue",
        "def",
        "del",
        "elif",
        "else",
        "except",
        "finally",
        "for",
        "from",
        "global",
        "if",
        "import",
        "in",
        "is",
        "lambda",
        "nonlocal",
        "not",
        "or",
        "pass",
        "raise",
        "return",
        "try",
        "while",
        "with",
        "yield",
    ]
)

# Top-level modules of Python's standard library (3.11's sys.stdlib_module_names, public ones,
# plus test): a package named like one is shadowed by it, or shadows it, on every import.
_STDLIB = frozenset(
    [
        "abc",
        "aifc",
        "antigravity",
        "argparse",
        "array",
        "ast",
        "asynchat",
        "asyncio",
        "asyncore",
        "atexit",
        "audioop",
        "base64",
        "bdb",
        "binascii",
        "bisect",
        "builtins",
        "bz2",
        "cProfile",
        "calendar",
        "cgi",
        "cgitb",
        "chunk",
        "cmath",
        "cmd",
        "code",
        "codecs",
        "codeop",
        "collections",
        "colorsys",
        "compileall",
        "concurrent",
        "configparser",
        "contextlib",
        "contextvars",
        "copy",
        "copyreg",
        "crypt",
        "csv",
        "ctypes",
        "curses",
        "dataclasses",
        "datetime",
        "dbm",
        "decimal",
        "difflib",
        "dis",
        "distutils",
        "doctest",
        "email",
        "encodings",
        "ensurepip",
        "enum",
        "errno",
        "faulthandler",
        "fcntl",
        "filecmp",
        "fileinput",
        "fnmatch",
        "fractions",
        "ftplib",
        "functools",
        "gc",
        "genericpath",
        "getopt",
        "getpass",
        "gettext",
        "glob",
        "graphlib",
        "grp",
        "gzip",
        "hashlib",
        "heapq",
        "hmac",
        "html",
        "http",
        "idlelib",
        "imaplib",
        "imghdr",
        "imp",
        "importlib",
        "inspect",
        "io",
        "ipaddress",
        "itertools",
        "json",
        "keyword",
        "lib2to3",
        "linecache",
        "locale",
        "logging",
        "lzma",
        "mailbox",
        "mailcap",
        "marshal",
        "math",
        "mimetypes",
        "mmap",
        "modulefinder",
        "msilib",
        "msvcrt",
        "multiprocessing",
        "netrc",
        "nis",
        "nntplib",
        "nt",
        "ntpath",
        "nturl2path",
        "numbers",
        "opcode",
        "operator",
        "optparse",
        "os",
        "ossaudiodev",
        "pathlib",
        "pdb",
        "pickle",
        "pickletools",
        "pipes",
        "pkgutil",
        "platform",
        "plistlib",
        "poplib",
        "posix",
        "posixpath",
        "pprint",
        "profile",
        "pstats",
        "pty",
        "pwd",
        "py_compile",
        "pyclbr",
        "pydoc",
        "pydoc_data",
        "pyexpat",
        "queue",
        "quopri",
        "random",
        "re",
        "readline",
        "reprlib",
        "resource",
        "rlcompleter",
        "runpy",
        "sched",
        "secrets",
        "select",
        "selectors",
        "shelve",
        "shlex",
        "shutil",
        "signal",
        "site",
        "smtpd",
        "smtplib",
        "sndhdr",
        "socket",
        "socketserver",
        "spwd",
        "sqlite3",
        "sre_compile",
        "sre_constants",
        "sre_parse",
        "ssl",
        "stat",
        "statistics",
        "string",
        "stringprep",
        "struct",
        "subprocess",
        "sunau",
        "symtable",
        "sys",
        "sysconfig",
        "syslog",
        "tabnanny",
        "tarfile",
        "telnetlib",
        "tempfile",
        "termios",
        "textwrap",
        "this",
        "threading",
        "time",
        "timeit",
        "tkinter",
        "token",
        "tokenize",
        "tomllib",
        "trace",
        "traceback",
        "tracemalloc",
        "tty",
        "turtle",
        "turtledemo",
        "types",
        "typing",
        "unicodedata",
        "unittest",
        "urllib",
        "uu",
        "uuid",
        "venv",
        "warnings",
        "wave",
        "weakref",
        "webbrowser",
        "winreg",
        "winsound",
        "wsgiref",
        "xdrlib",
        "xml",
        "xmlrpc",
        "zipapp",
        "zipfile",
        "zipimport",
        "zlib",
        "zoneinfo",
        "test",
    ]
)

# Exception classes Python predefines: a class named like one would shadow it in the module
# (TIMEOUT -> TimeoutError), and so would the keywords written like classes.
_BUILTIN_CLASSES = frozenset(
    [
        "ArithmeticError",
        "AssertionError",
        "AttributeError",
        "BlockingIOError",
        "BrokenPipeError",
        "BufferError",
        "ChildProcessError",
        "ConnectionAbortedError",
        "ConnectionError",
        "ConnectionRefusedError",
        "ConnectionResetError",
        "EOFError",
        "EnvironmentError",
        "FileExistsError",
        "FileNotFoundError",
        "FloatingPointError",
        "IOError",
        "ImportError",
        "IndentationError",
        "IndexError",
        "InterruptedError",
        "IsADirectoryError",
        "KeyError",
        "LookupError",
        "MemoryError",
        "ModuleNotFoundError",
        "NameError",
        "NotADirectoryError",
        "NotImplementedError",
        "OSError",
        "OverflowError",
        "PermissionError",
        "ProcessLookupError",
        "RecursionError",
        "ReferenceError",
        "RuntimeError",
        "SyntaxError",
        "SystemError",
        "TabError",
        "TimeoutError",
        "TypeError",
        "UnboundLocalError",
        "UnicodeDecodeError",
        "UnicodeEncodeError",
        "UnicodeError",
        "UnicodeTranslateError",
        "ValueError",
        "ZeroDivisionError",
        "BaseException",
        "Exception",
        "None",
        "True",
        "False",
    ]
)

# What the generated __init__.py defines beside the per-code and per-category classes.
_MODULE_NAMES = frozenset(
    [
        "ApiError",
        "PayloadError",
        "Category",
        "ErrorCode",
        "Info",
        "Code",
        "MAX_DEPTH",
        "CATALOG_NAME",
        "CODE_FIELD",
        "MESSAGE_FIELD",
        "RETIRED_CODES",
    ]
)


# Every class name this target's module cannot define.
RESERVED_CLASSES = _BUILTIN_CLASSES | _MODULE_NAMES


def package_name(catalog: Catalog) -> str:
    """The import name: `targets.python.package`, or binance-options -> binance_options_errors."""
    return option(catalog, "python", "package") or catalog.name.replace("-", "_") + "_errors"


def distribution_name(catalog: Catalog) -> str:
    """The name pip installs it by: binance-options -> binance-options-errors."""
    return catalog.name + "-errors"


def problems(catalog: Catalog) -> Iterator[Problem]:
    package = package_name(catalog)
    where = setting(catalog, "python", "package")
    if package in _KEYWORDS:
        yield Problem(where, "reserved-package", f"package name {package!r} is a reserved word in Python")
    if package in _STDLIB:
        yield Problem(
            where,
            "package-clash",
            f"package name {package!r} is a module of Python's standard library, which shadows it",
        )
    taken = {name: "is a builtin of Python, which it would shadow" for name in _BUILTIN_CLASSES}
    taken.update({name: "is defined by the generated Python module itself" for name in _MODULE_NAMES})
    yield from class_shadowing(catalog, taken)


OPTIONS = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "package": {
            "description": "Import name of the generated package "
            "(default: the catalog name in snake_case plus _errors).",
            "type": "string",
            "pattern": "^[a-z][a-z0-9_]*$",
            "maxLength": 100,
        }
    },
}


def _tuple(items: list[str]) -> str:
    return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"


def _parts(template: Template) -> str:
    """A message template as the Python tuple of its literal parts: ("Too many; ", " per ", ".")."""
    return _tuple([python_string(part) for part in template.parts])


@cache
def _runtime() -> ModuleType:
    """The package's runtime itself, loaded here so that the target asks the runtime's own
    functions (template_text) how the package will read its table, rather than copies of them."""
    source = runtime_file("python", RUNTIME)
    key = hashlib.sha256(source.encode()).hexdigest()[:32]
    module = ModuleType("errgen_python_runtime")
    sys.modules[module.__name__] = module  # the runtime's classes look their module up
    exec(disk_cache.compiled("python-runtime", key, lambda: source), module.__dict__)
    return module


def _text_from_parts(template: Template) -> str:
    """A template's text as the runtime writes it back from its parts, types and names (its
    template_text): the text itself need not be in the package when this is it."""
    types = "".join(p.type for p in template.placeholders)
    names = tuple(p.name for p in template.placeholders)
    text: str = _runtime().template_text(template.parts, types, names)
    return text


def _options(error: ErrorDef) -> list[str]:
    """The keyword, value pairs of a code's row beyond its parts, only those it needs, so a
    catalog of plain %s templates reads as briefly as it can (see Row in the runtime)."""
    options = []
    if error.retryable:
        options.append(("retryable", "True"))
    if error.http_status is not None:
        options.append(("http_status", str(error.http_status)))
    if error.kind != "error":
        options.append(("kind", python_string(error.kind)))
    templates = error.messages
    if any(_text_from_parts(t) != t.text for t in templates):
        options.append(("texts", _tuple([python_string(t.text) for t in templates])))
    if any(t.typed for t in templates):
        options.append(("types", _tuple([python_string("".join(p.type for p in t.placeholders)) for t in templates])))
    if any(p.name is not None for t in templates for p in t.placeholders):
        names = [_tuple([python_literal(p.name) for p in t.placeholders]) for t in templates]
        options.append(("names", _tuple(names)))
    # Literal variants are looked up first whatever the order: only the others' order matters.
    # (With one such variant or none, no order need be computed.)
    if sum(1 for t in templates if t.arity) > 1 and (
        tried := [i for i in error.match_order if templates[i].arity]
    ) != sorted(tried):
        options.append(("order", _tuple([str(i) for i in error.match_order])))
    if error.upstream_name is not None and error.upstream_name != error.name:
        options.append(("upstream_name", python_string(error.upstream_name)))
    if error.aliases:
        aliases = [_tuple([python_string(a.name), python_string(a.upstream)]) for a in error.aliases]
        options.append(("aliases", _tuple(aliases)))
    if error.description:
        options.append(("description", python_string(error.description)))
    if error.deprecated is not None:
        options.append(("deprecated", python_string(error.deprecated)))
    return [f"{python_string(key)}, {value}" for key, value in options]


def _row(catalog: Catalog, error: ErrorDef) -> str:
    """A code's row of the table, as a Python tuple literal (see Row in the runtime): its class
    is in _CLASS_NAMES when it is not the one its identifier gives, its category an option when
    it is not the one its code's range or prefix gives."""
    options = _options(error)
    if error.category is not catalog.category_of(error.code):
        name = error.category.name if error.category is not None else None
        options.insert(0, f"{python_string('category')}, {python_literal(name)}")
    return "(" + ", ".join([python_string(error.name), _tuple([_parts(t) for t in error.messages]), *options]) + ")"


def _class_name(error: ErrorDef) -> str | bool | None:
    """A code's entry in _CLASS_NAMES: its class, or None for a success code; False when it
    needs none (its class is the runtime's class_name of its identifier)."""
    if not error.is_exception:
        return None
    derived: str = _runtime().class_name(error.name)
    return False if derived == error.class_name else error.class_name


def _codes(category: Category) -> str:
    if category.ranges:
        return ", ".join(f"{low} to {high}" for low, high in category.ranges)
    if category.prefixes:
        return "starting with " + ", ".join(category.prefixes)
    return ""


def _category_doc(category: Category) -> str:
    label = f" ({category.label})" if category.label else ""
    codes = _codes(category)
    return f"{category.title}{label}" + (f": codes {codes}." if codes else ".")


def _members(error: ErrorDef) -> list[str]:
    """A code's members as _declarations.pyi declares them: its identifier and its aliases'."""
    return [f"{error.name}: ErrorCode", *(f"{a.name}: ErrorCode  # an alias of {error.name}" for a in error.aliases)]


def _declared_class(error: ErrorDef) -> str:
    """A code's class as _declarations.pyi declares it: under _Code (what every code's class has)
    and the category's class, for type checkers."""
    base = f"_{error.category.class_name}Code" if error.category is not None else "_Code"
    return f"{error.class_name}({base})"


def _per_code(catalog: Catalog) -> dict[str, list[str]]:
    """Every line each code brings into the package, made here in one pass over the codes (the
    templates only lay them out): its table row, its _CLASS_NAMES entry, its declarations."""
    rows, class_names, members, classes = [], [], [], []
    for error in catalog.active:
        code = python_literal(error.code)
        rows.append(f"{code}: {_row(catalog, error)}")
        name = _class_name(error)
        if name is not False:
            class_names.append(f"{code}: {python_literal(name)}")
        members += _members(error)
        if error.is_exception:
            classes.append(_declared_class(error))
    return {"rows": rows, "class_names": class_names, "members": members, "classes": classes}


def _payload_context(catalog: Catalog) -> dict[str, object]:
    payload = catalog.payload
    first = payload.written
    locations = [
        f"({_tuple([python_string(t) for t in location.code])}, {_tuple([python_string(t) for t in location.message])})"
        for location in payload.locations
    ]
    return {
        # One top-level location, codes as JSON types them: the fast path of the runtime.
        "simple_payload": len(payload.locations) == 1
        and len(first.code) == len(first.message) == 1
        and not payload.numeric_strings,
        "several_locations": len(payload.locations) > 1,
        "code_field": first.code[0] if len(first.code) == 1 else pointer_text(first.code),
        "message_field": first.message[0] if len(first.message) == 1 else pointer_text(first.message),
        "locations": _tuple(locations),
        "written": payload.locations.index(first),
        "code_pointer": pointer_text(first.code),
        "tolerate": "{" + ", ".join(python_string(t) for t in sorted(payload.tolerate)) + "}"
        if payload.tolerate
        else "",
    }


def render(catalog: Catalog) -> dict[str, str]:
    string_codes = catalog.code_type == "string"
    context = {
        "header": header(catalog),
        "catalog": catalog,
        "package": package_name(catalog),
        "distribution": distribution_name(catalog),
        "string_codes": string_codes,
        "code_type": "str" if string_codes else "int",
        "categories": [{**vars(c), "class_name": c.class_name, "doc": _category_doc(c)} for c in catalog.categories],
        "category_ranges": [(low, high, c.name) for low, high, c in catalog.category_ranges],
        "category_prefixes": [(prefix, c.name) for prefix, c in catalog.category_prefixes],
        **_per_code(catalog),
        "retired": catalog.retired,
        "has_success": catalog.has_success,
        **_payload_context(catalog),
    }
    package = package_name(catalog)
    return {
        "pyproject.toml": render_template("python/pyproject.toml.jinja", **context),
        f"{package}/__init__.py": render_template("python/__init__.py.jinja", **context),
        f"{package}/_declarations.pyi": render_template("python/_declarations.pyi.jinja", **context),
        f"{package}/py.typed": render_template("python/py.typed.jinja", **context),
        f"{package}/{RUNTIME}": f"# {header(catalog)}\n" + runtime_file("python", RUNTIME),
    }


TARGET = SimpleTarget(
    name="python",
    summary="an installable, typed Python package: an enumeration of codes, one exception class per code, from_payload",
    render_files=render,
    options=OPTIONS,
    filters={"py": python_literal, "toml": toml_string},
    find_problems=problems,
)
