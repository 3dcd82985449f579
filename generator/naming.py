"""Identifiers: the spec's SCREAMING_SNAKE names and what each target makes of them.

A `Name` can only exist once validated, so templates never see a raw string
where an identifier is expected. The reserved-word lists are fixed here (not
read from the running interpreter) so that validation gives the same answer on
every machine.
"""

from __future__ import annotations

import re

_NAME = re.compile(r"[A-Z]([A-Z0-9_]*[A-Z0-9])?")


class Name(str):
    """A validated SCREAMING_SNAKE_CASE name from the spec."""

    def __new__(cls, value: str) -> Name:
        if not _NAME.fullmatch(value):
            raise ValueError(f"{value!r} is not SCREAMING_SNAKE_CASE")
        return super().__new__(cls, value)

    @property
    def words(self) -> list[str]:
        return [w for w in self.split("_") if w]

    @property
    def pascal(self) -> str:
        """BAD_SYMBOL -> BadSymbol."""
        return "".join(w[0] + w[1:].lower() for w in self.words)

    @property
    def error_class(self) -> str:
        """BAD_SYMBOL -> BadSymbolError: the class of a code or a category in Python and TypeScript."""
        return self.pascal + "Error"

    @property
    def camel(self) -> str:
        """BAD_SYMBOL -> badSymbol."""
        pascal = self.pascal
        return pascal[0].lower() + pascal[1:]

    @property
    def snake(self) -> str:
        """BAD_SYMBOL -> bad_symbol."""
        return "_".join(w.lower() for w in self.words)


def default_packages(catalog_name: str) -> dict[str, str]:
    """Package names derived from the catalog's kebab-case name (binance-options)."""
    return {
        "python": catalog_name.replace("-", "_") + "_errors",
        "python_distribution": catalog_name + "-errors",
        "typescript": catalog_name + "-errors",
        "go_module": catalog_name + "-errors",
        "go_package": catalog_name.replace("-", ""),
    }


# Keywords, soft keywords, builtin constants, and the builtins the generated code
# itself relies on. Other builtins (filter, format, map...) are only shadowed
# where nothing needs them, so FILTER stays a fine name.
_PYTHON = """
False None True and as assert async await break class continue def del elif else except finally for
from global if import in is lambda nonlocal not or pass raise return try while with yield match case
type _ __debug__ Ellipsis NotImplemented self cls int str bytes bytearray bool float tuple dict list
set frozenset object isinstance issubclass len super print Exception BaseException ValueError
TypeError KeyError LookupError
"""

# Reserved and contextual words, primitive type names and the globals the generated code uses.
_TYPESCRIPT = """
break case catch class const continue debugger default delete do else enum export extends false
finally for function if import in instanceof new null return super switch this throw true try typeof
var void while with implements interface let package private protected public static yield await
as async constructor declare get set module namespace require any boolean number string symbol
bigint object never undefined NaN Infinity arguments eval globalThis prototype Object Function Array
String Number Boolean Symbol BigInt Error TypeError RangeError SyntaxError ReferenceError EvalError
URIError AggregateError Date RegExp Map Set WeakMap WeakSet Promise Proxy Reflect JSON Math Intl
"""

# Keywords, predeclared identifiers, and the two function names Go reserves.
_GO = """
break case chan const continue default defer else fallthrough for func go goto if import interface
map package range return select struct switch type var any append bool byte cap clear close complex
complex64 complex128 copy delete error false float32 float64 imag int int8 int16 int32 int64 iota len
make max min new nil panic print println real recover rune string true uint uint8 uint16 uint32
uint64 uintptr comparable init main
"""

# Error classes the languages predefine: a name whose <Pascal>Error is one of them would
# shadow it in the generated module (VALUE -> ValueError).
_BUILTIN_ERROR_CLASSES = {
    "Python": """
ArithmeticError AssertionError AttributeError BlockingIOError BrokenPipeError BufferError ChildProcessError
ConnectionAbortedError ConnectionError ConnectionRefusedError ConnectionResetError EOFError EnvironmentError
FileExistsError FileNotFoundError FloatingPointError IOError ImportError IndentationError IndexError
InterruptedError IsADirectoryError KeyError LookupError MemoryError ModuleNotFoundError NameError
NotADirectoryError NotImplementedError OSError OverflowError PermissionError ProcessLookupError RecursionError
ReferenceError RuntimeError SyntaxError SystemError TabError TimeoutError TypeError UnboundLocalError
UnicodeDecodeError UnicodeEncodeError UnicodeError UnicodeTranslateError ValueError ZeroDivisionError
""",
    "TypeScript": "Error EvalError RangeError ReferenceError SyntaxError TypeError URIError AggregateError",
}

RESERVED: dict[str, frozenset[str]] = {
    "Python": frozenset(_PYTHON.split()),
    "TypeScript": frozenset(_TYPESCRIPT.split()),
    "Go": frozenset(_GO.split()),
}


def reserved_clashes(name: Name) -> list[str]:
    """Each 'form (language)' in which the name becomes a reserved word or builtin."""
    clashes = []
    for language, words in RESERVED.items():
        for form in dict.fromkeys([name, name.pascal, name.camel, name.snake]):
            if form in words:
                clashes.append(f"{form!r} ({language})")
        if name.error_class in _BUILTIN_ERROR_CLASSES.get(language, "").split():
            clashes.append(f"{name.error_class!r} ({language})")
    return clashes


# Top-level modules of Python's standard library (3.11's sys.stdlib_module_names, public ones,
# plus test): a package named like one is shadowed by it, or shadows it, on every import.
_PYTHON_STDLIB = """
abc aifc antigravity argparse array ast asynchat asyncio asyncore atexit audioop base64 bdb
binascii bisect builtins bz2 cProfile calendar cgi cgitb chunk cmath cmd code codecs codeop
collections colorsys compileall concurrent configparser contextlib contextvars copy copyreg crypt
csv ctypes curses dataclasses datetime dbm decimal difflib dis distutils doctest email encodings
ensurepip enum errno faulthandler fcntl filecmp fileinput fnmatch fractions ftplib functools gc
genericpath getopt getpass gettext glob graphlib grp gzip hashlib heapq hmac html http idlelib
imaplib imghdr imp importlib inspect io ipaddress itertools json keyword lib2to3 linecache locale
logging lzma mailbox mailcap marshal math mimetypes mmap modulefinder msilib msvcrt multiprocessing
netrc nis nntplib nt ntpath nturl2path numbers opcode operator optparse os ossaudiodev pathlib pdb
pickle pickletools pipes pkgutil platform plistlib poplib posix posixpath pprint profile pstats pty
pwd py_compile pyclbr pydoc pydoc_data pyexpat queue quopri random re readline reprlib resource
rlcompleter runpy sched secrets select selectors shelve shlex shutil signal site smtpd smtplib
sndhdr socket socketserver spwd sqlite3 sre_compile sre_constants sre_parse ssl stat statistics
string stringprep struct subprocess sunau symtable sys sysconfig syslog tabnanny tarfile telnetlib
tempfile termios textwrap this threading time timeit tkinter token tokenize tomllib trace traceback
tracemalloc tty turtle turtledemo types typing unicodedata unittest urllib uu uuid venv warnings
wave weakref webbrowser winreg winsound wsgiref xdrlib xml xmlrpc zipapp zipfile zipimport zlib
zoneinfo test
"""

# Node.js's built-in modules: `import "fs"` resolves to the builtin, never to a package of that name.
_NODE_BUILTINS = """
assert async_hooks buffer child_process cluster console constants crypto dgram diagnostics_channel
dns domain events fs http http2 https inspector module net os path perf_hooks process punycode
querystring readline repl stream string_decoder sys timers tls trace_events tty url util v8 vm wasi
worker_threads zlib
"""

# First elements of Go's standard-library import paths: a module path starting with one is
# an ambiguous import for the go command (module fmt beside package fmt).
_GO_STD_ROOTS = """
archive bufio builtin bytes cmd cmp compress container context crypto database debug embed encoding
errors expvar flag fmt go hash html image index internal io iter log maps math mime net os path plugin
reflect regexp runtime slices sort strconv strings structs sync syscall testing text time unicode unique
unsafe vendor weak
"""

PACKAGE_CLASHES: dict[str, frozenset[str]] = {
    "python": frozenset(_PYTHON_STDLIB.split()),
    "typescript": frozenset(_NODE_BUILTINS.split()),
    "go_module": frozenset(_GO_STD_ROOTS.split()),
}
