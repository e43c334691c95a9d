"""The Jinja sandbox every booklet template runs in, and its budgets.

A booklet template is a user's file: it may come from anyone. What it can do is
decided by policy here, not by scanning its text:

- it sees plain data only (dicts, lists, strings, numbers, ``None``) and the
  markup strings of pictures; nothing in its context refers to a template, a
  document, a file or a module;
- attributes are read only on those plain types and on Jinja's own loop helpers,
  never a name starting with an underscore, through any filter or call (``attr``
  included: it asks the same policy); lists and dicts cannot be changed;
- ``**`` and ``*`` are checked before they run, so ``7 ** (10 ** 10)`` or a string
  repeated a billion times is refused instead of eating the machine; filters that
  pad text take a bounded width;
- rendering has a time budget (:data:`RENDER_SECONDS`) and a size budget
  (:data:`RENDER_CHARACTERS`); going over either is one clear error.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

from jinja2 import StrictUndefined, Template
from jinja2.exceptions import SecurityError
from jinja2.runtime import LoopContext, Macro, Undefined
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import Cycler, Joiner, Namespace
from markupsafe import Markup

RENDER_SECONDS = 60.0
"""At most this long to render one part of a template (the body, a header, ...), unless
``COPHARVEST_RENDER_SECONDS`` says otherwise."""
SECONDS_ENV = "COPHARVEST_RENDER_SECONDS"
RENDER_CHARACTERS = 200_000_000
"""At most this many characters of rendered XML in one part."""
MAX_POWER_DIGITS = 1_000
"""``a ** b`` is refused when its result would have more digits than this."""
MAX_REPEAT = 10_000_000
"""``text * n`` and ``list * n`` are refused above this many items or characters."""
MAX_WIDTH = 10_000
"""The largest width the padding filters (``center``, ``indent``, ...) accept."""

_CALLABLE_TYPES = (dict, Cycler, Joiner, Namespace)
"""Classes a template may call: Jinja's own globals ``dict``, ``cycler``, ``joiner``
and ``namespace``."""
_WIDE = re.compile(r"[0-9]{6,}")
_PLAIN = (dict, list, tuple, str, int, float, bool, type(None))
_JINJA_HELPERS = (LoopContext, Macro, Cycler, Joiner, Namespace, Undefined)


class BudgetExceeded(SecurityError):
    """A template went over a render budget (time, size, or one operation's result)."""


class BookletEnvironment(ImmutableSandboxedEnvironment):
    """A sandbox that lets templates read plain data and nothing else.

    Compiled templates are kept for the life of the environment (a booklet's XML
    takes a while to compile), keyed by their source; the default template's parts
    come compiled (:mod:`copharvest.formats.docx.precompiled`), and a template that
    was checked first is compiled from the syntax tree its check made.
    """

    intercepted_binops = frozenset({"**", "*", "%"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.compiled: dict[str, Any] = {}
        self.parsed: dict[str, Any] = {}
        self.globals.pop("lipsum", None)  # lorem ipsum has no place in a booklet
        for name in ("center", "indent", "wordwrap", "truncate", "format"):
            self.filters[name] = _bounded(self.filters[name], formats=name == "format")

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if not super().is_safe_attribute(obj, attr, value):
            return False
        return isinstance(obj, _PLAIN + _JINJA_HELPERS)

    def is_safe_callable(self, obj: Any) -> bool:
        if isinstance(obj, type) and obj not in _CALLABLE_TYPES:
            return False
        return bool(super().is_safe_callable(obj))

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        _check_widths(str(value.__self__))
        result: Callable[..., str] = wrapped
        return result

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**":
            _check_power(left, right)
            return left**right
        if operator == "*":
            _check_repeat(left, right)
            return left * right
        if operator == "%" and isinstance(left, str):
            _check_widths(left)
        return super().call_binop(context, operator, left, right)

    def getattr(self, obj: Any, attribute: str) -> Any:
        # ``row.title`` on the context's dicts: the sandbox first looks for a dict
        # attribute of that name, which raises and catches an AttributeError. A name
        # no dict has goes straight to the item, as it would after that failure.
        if type(obj) is dict and type(attribute) is str and attribute not in _DICT_NAMES:
            try:
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)

    def from_string(self, source: Any, globals: Any = None, template_class: Any = None) -> Any:
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        template = self.compiled.get(source)
        if template is None:
            from copharvest.formats.docx.precompiled import compiled

            # the default template's parts were compiled when copharvest was made; a
            # template checked before the build was parsed by the check
            template = compiled(self, source)
            ast = self.parsed.pop(source, None)
            if template is None and ast is not None:
                code = self.compile(ast)
                template = self.template_class.from_code(self, code, self.make_globals(None))
            if template is None:
                template = super().from_string(source)
            remember(self.compiled, source, template)
        return template

    def parse_for_build(self, source: str) -> Any:
        """The syntax tree of ``source``, kept for the build that compiles it next (the
        check of a user's template parses what the build would parse again)."""
        ast = self.parse(source)
        remember(self.parsed, source, ast)
        return ast


def remember(store: dict[str, Any], key: str, value: Any, limit: int = 16) -> None:
    """Keep ``value`` under ``key`` in a store of a booklet's few parts, emptied when it
    holds ``limit`` (a process that builds many booklets keeps only the last ones')."""
    if len(store) >= limit:
        store.clear()
    store[key] = value


_DICT_NAMES = frozenset(dir(dict))
"""Every attribute a dict has (its type's and object's): any other name is no attribute."""


def _check_power(left: Any, right: Any) -> None:
    if isinstance(left, int) and isinstance(right, int) and abs(left) > 1 and right > 0:
        digits = right * len(str(abs(left)))
        if digits > MAX_POWER_DIGITS:
            raise BudgetExceeded(
                f"{left} ** {right} would have about {digits:,} digits "
                f"(at most {MAX_POWER_DIGITS:,})"
            )
    elif isinstance(left, float) or isinstance(right, float):
        return  # floats overflow to an error, they do not grow


def _check_repeat(left: Any, right: Any) -> None:
    for seq, times in ((left, right), (right, left)):
        sequence = isinstance(seq, str | list | tuple) and isinstance(times, int)
        if sequence and len(seq) * times > MAX_REPEAT:
            raise BudgetExceeded(
                f"repeating {type(seq).__name__} of {len(seq):,} {times:,} times "
                f"(at most {MAX_REPEAT:,} items)"
            )
    numbers = isinstance(left, int) and isinstance(right, int)
    if numbers and left.bit_length() + right.bit_length() > MAX_POWER_DIGITS * 4:
        raise BudgetExceeded("a multiplication of numbers too large to print")


def _check_widths(form: str) -> None:
    """Refuse a format string with a field width or precision of six digits or more."""
    if _WIDE.search(form):
        raise BudgetExceeded(f"a field width in a format string (at most {MAX_WIDTH:,})")


def _bounded(function: Callable[..., Any], *, formats: bool) -> Callable[..., Any]:
    """The filter, refusing a numeric argument above :data:`MAX_WIDTH` (and, for
    ``format``, a format string with a wider field)."""

    def bounded(*args: Any, **kwargs: Any) -> Any:
        if formats and args and isinstance(args[0], str):
            _check_widths(args[0])
        for value in (*args[1:], *kwargs.values()):
            if isinstance(value, int) and not isinstance(value, bool) and value > MAX_WIDTH:
                raise BudgetExceeded(f"a width of {value:,} (at most {MAX_WIDTH:,})")
        return function(*args, **kwargs)

    for name in ("jinja_pass_arg", "__name__", "__doc__"):
        if hasattr(function, name):
            setattr(bounded, name, getattr(function, name))
    return bounded


class BudgetedTemplate(Template):
    """A template whose ``render`` keeps to the budgets (docxtpl calls ``render`` for
    the body, headers, footers, footnotes and document properties alike)."""

    where = "template"

    def render(self, *args: Any, **kwargs: Any) -> str:
        return render_within_budget(self, dict(*args, **kwargs), where=self.where)


def make_environment(finalize: Callable[[Any], Any] | None = None) -> BookletEnvironment:
    """The environment of every booklet render: sandboxed, autoescaping, strict."""
    options: dict[str, Any] = {"autoescape": True, "undefined": StrictUndefined}
    if finalize is not None:
        options["finalize"] = finalize
    env = BookletEnvironment(**options)
    env.template_class = BudgetedTemplate
    return env


def render_within_budget(template: Any, context: Any, *, where: str) -> str:
    """Render ``template`` with ``context``, stopping at the time and size budgets.

    The size is counted as the text is made; the time both there and, where the
    platform allows (POSIX, main thread), by an alarm that also interrupts loops
    that print nothing.
    """
    seconds = render_seconds()
    deadline = time.monotonic() + seconds
    chunks: list[str] = []
    size = 0
    with _alarm(seconds, where):
        for count, chunk in enumerate(template.generate(context)):
            size += len(chunk)
            if size > RENDER_CHARACTERS:
                raise BudgetExceeded(
                    f"the {where} grew beyond {RENDER_CHARACTERS:,} characters while rendering"
                )
            if not count % 1024 and time.monotonic() > deadline:
                raise BudgetExceeded(_too_long(where, seconds))
            chunks.append(chunk)
    return "".join(chunks)


def render_seconds() -> float:
    """The time budget of rendering one part: ``COPHARVEST_RENDER_SECONDS``, if it is a
    positive number, else :data:`RENDER_SECONDS`."""
    try:
        seconds = float(os.environ.get(SECONDS_ENV, ""))
    except ValueError:
        return RENDER_SECONDS
    return seconds if 0 < seconds < float("inf") else RENDER_SECONDS


def _too_long(where: str, seconds: float) -> str:
    return f"rendering the {where} took longer than {seconds:g} s"


@contextlib.contextmanager
def _alarm(seconds: float, where: str) -> Iterator[None]:
    if (
        not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return

    def ring(signum: int, frame: Any) -> None:
        raise BudgetExceeded(_too_long(where, seconds))

    previous = signal.signal(signal.SIGALRM, ring)
    # rung again every quarter second: an alarm that lands where Python swallows
    # exceptions (a garbage-collector callback, a __del__) must not let the loop go on
    remaining, interval = signal.setitimer(signal.ITIMER_REAL, seconds, 0.25)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if remaining:  # someone else's alarm was set: put it back
            signal.setitimer(signal.ITIMER_REAL, remaining, interval)


def inert_markup(xml: str) -> Markup:
    """A picture's WordprocessingML as plain markup: a string, and nothing more."""
    return Markup(xml)
