"""The Python target: an installable, typed package of codes and exceptions."""

from __future__ import annotations

from collections.abc import Iterator

from ..escaping import python_literal, python_string, toml_string
from ..model import Catalog, Category, ErrorDef, Template
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


def _parts(template: Template) -> str:
    """A message template as the Python tuple of its literal parts: ("Too many; ", " per ", ".")."""
    items = [python_string(part) for part in template.parts]
    return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"


def _category_doc(category: Category) -> str:
    label = f" ({category.label})" if category.label else ""
    if category.range is not None:
        codes = f"codes {category.range[0]} to {category.range[1]}"
    else:
        codes = f"codes starting with {category.prefix}"
    return f"{category.title}{label}: {codes}."


def _error_doc(error: ErrorDef) -> str:
    doc = f"{error.code} {error.name}: {error.messages[0].text}"
    if error.description:
        doc += "\n\n" + error.description
    if error.deprecated is not None:
        doc += "\n\nDeprecated" + (f": {error.deprecated}" if error.deprecated else ".")
    return doc


def render(catalog: Catalog) -> dict[str, str]:
    string_codes = catalog.code_type == "string"
    context = {
        "header": header(catalog),
        "catalog": catalog,
        "package": package_name(catalog),
        "distribution": distribution_name(catalog),
        "string_codes": string_codes,
        "code_type": "str" if string_codes else "int",
        "enum_imports": "Enum" if string_codes else "Enum, IntEnum",
        "enum_base": "Enum" if string_codes else "IntEnum",
        "categories": [{**vars(c), "class_name": c.class_name, "doc": _category_doc(c)} for c in catalog.categories],
        "errors": [
            {
                **vars(e),
                "is_deprecated": e.is_deprecated,
                "class_name": e.class_name,
                "category": {"name": e.category.name, "class_name": e.category.class_name},
                "parts": [_parts(t) for t in e.messages],
                "doc": _error_doc(e),
            }
            for e in catalog.active
        ],
        "retired": catalog.retired,
    }
    package = package_name(catalog)
    return {
        "pyproject.toml": render_template("python/pyproject.toml.jinja", **context),
        f"{package}/__init__.py": render_template("python/__init__.py.jinja", **context),
        f"{package}/py.typed": render_template("python/py.typed.jinja", **context),
        f"{package}/{RUNTIME}": f"# {header(catalog)}\n" + runtime_file("python", RUNTIME),
    }


TARGET = SimpleTarget(
    name="python",
    summary="an installable, typed Python package: IntEnum of codes, one exception class per code, from_payload",
    render_files=render,
    options=OPTIONS,
    filters={"py": python_literal, "toml": toml_string},
    find_problems=problems,
)
