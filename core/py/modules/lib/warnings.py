"""warnings: warn, the filters (simplefilter, filterwarnings, resetwarnings) and
catch_warnings — written in Python for awaitpad's interpreter.

Design decision: minimal, with CPython's output — "main.py:3: UserWarning: message"
and, when the source is available (through a `linecache` module), the source line
indented below it, on sys.stderr. CPython's default filters apply (DeprecationWarning
shown only when raised from __main__; PendingDeprecationWarning, ImportWarning and
ResourceWarning ignored), and "default" shows a warning once per place. The cost of
having no `re` module: filterwarnings' message and module patterns match as
case-insensitive prefixes (message) and exact names (module), not as regular expressions.
"""

import sys

try:
    import linecache
except ImportError:
    linecache = None

__all__ = ["catch_warnings", "filterwarnings", "formatwarning", "resetwarnings",
           "showwarning", "simplefilter", "warn"]

_ACTIONS = ("default", "error", "ignore", "always", "module", "once")


def _default_filters():
    return [("default", "", DeprecationWarning, "__main__", 0),
            ("ignore", "", DeprecationWarning, "", 0),
            ("ignore", "", PendingDeprecationWarning, "", 0),
            ("ignore", "", ImportWarning, "", 0),
            ("ignore", "", ResourceWarning, "", 0)]


# (action, message prefix, category, module, lineno), the first match wins.
filters = _default_filters()
# Warnings already shown under the "default", "module" and "once" actions.
_shown = set()


def formatwarning(message, category, filename, lineno, line=None):
    """The text showwarning writes: "file:line: Category: message" and the source line."""
    text = f"{filename}:{lineno}: {category.__name__}: {message}\n"
    if line is None and linecache is not None:
        line = linecache.getline(filename, lineno)
    if line:
        text += f"  {line.strip()}\n"
    return text


def showwarning(message, category, filename, lineno, file=None, line=None):
    """Writes a warning to `file` (sys.stderr by default); replaceable by assignment."""
    target = sys.stderr if file is None else file
    target.write(formatwarning(message, category, filename, lineno, line))


def _check_action(action):
    if action not in _ACTIONS:
        raise AssertionError(f"invalid action: {action!r}")


def _add_filter(entry, append):
    if entry in filters:
        filters.remove(entry)
    if append:
        filters.append(entry)
    else:
        filters.insert(0, entry)
    _shown.clear()


def filterwarnings(action, message="", category=Warning, module="", lineno=0,
                   append=False):
    """Adds a filter: warnings of `category` whose text starts with `message`
    (ignoring case) from `module` at `lineno` (0: any line) get `action`."""
    _check_action(action)
    if not isinstance(lineno, int) or lineno < 0:
        raise AssertionError("lineno must be an int >= 0")
    _add_filter((action, message.lower(), category, module, lineno), append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    """Adds a filter giving `action` to every warning of `category`."""
    _check_action(action)
    _add_filter((action, "", category, "", lineno), append)


def resetwarnings():
    """Removes every filter, the default ones too."""
    filters[:] = []
    _shown.clear()


def _caller_frame(stacklevel):
    """The frame `stacklevel` calls above warn's caller (1: warn's caller itself)."""
    getframe = getattr(sys, "_getframe", None)
    if getframe is not None:
        frame = getframe(2)
    else:
        try:
            raise RuntimeError
        except RuntimeError as error:
            frame = error.__traceback__.tb_frame.f_back.f_back
    for _ in range(stacklevel - 1):
        if frame is None:
            break
        frame = frame.f_back
    return frame


def _action_for(text, category, module, lineno):
    for action, message, filter_category, filter_module, filter_lineno in filters:
        if not issubclass(category, filter_category):
            continue
        if message and not text.lower().startswith(message):
            continue
        if filter_module and filter_module != module:
            continue
        if filter_lineno and filter_lineno != lineno:
            continue
        return action
    return "default"


def warn(message, category=None, stacklevel=1, source=None):
    """Issues a warning: shown on stderr once per place, ignored or raised, as the
    filters say."""
    if isinstance(message, Warning):
        category = type(message)
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError(f"category must be a Warning subclass, not "
                        f"'{type(category).__name__}'")
    frame = _caller_frame(stacklevel)
    if frame is None:
        filename, lineno, module = "sys", 1, "sys"
    else:
        filename = frame.f_code.co_filename
        lineno = frame.f_lineno
        module = frame.f_globals.get("__name__", "<string>")
    warn_explicit(message, category, filename, lineno, module)


def warn_explicit(message, category, filename, lineno, module=None, registry=None,
                  module_globals=None, source=None):
    """Issues a warning said to come from `filename` at `lineno`."""
    if module is None:
        module = filename[:-3] if filename.endswith(".py") else filename
    text = str(message)
    instance = message if isinstance(message, Warning) else category(message)
    action = _action_for(text, category, module, lineno)
    if action == "ignore":
        return
    if action == "error":
        raise instance
    if action == "once":
        key = (text, category)
    elif action == "module":
        key = (text, category, module)
    elif action == "default":
        key = (text, category, filename, lineno)
    else:
        key = None
    if key is not None:
        if key in _shown:
            return
        _shown.add(key)
    showwarning(instance, category, filename, lineno)


class WarningMessage:
    """One warning caught by catch_warnings(record=True)."""

    def __init__(self, message, category, filename, lineno, file=None, line=None,
                 source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return (f"{{message : {self.message!r}, category : {self._category_name!r}, "
                f"filename : {self.filename!r}, lineno : {self.lineno}, "
                f"line : {self.line!r}}}")


class catch_warnings:
    """with catch_warnings(): filter changes inside are undone on exit; with
    record=True, warnings are appended to the list `as` gives instead of shown."""

    def __init__(self, *, record=False, action=None, category=Warning, lineno=0,
                 append=False):
        self._record = record
        self._filter = None if action is None else (action, category, lineno, append)
        self._entered = False

    def __repr__(self):
        return "catch_warnings(record=True)" if self._record else "catch_warnings()"

    def __enter__(self):
        global showwarning
        if self._entered:
            raise RuntimeError(f"Cannot enter {self!r} twice")
        self._entered = True
        self._saved_filters = filters[:]
        self._saved_shown = set(_shown)
        self._saved_showwarning = showwarning
        _shown.clear()
        if self._filter is not None:
            simplefilter(*self._filter)
        if not self._record:
            return None
        log = []

        def record(message, category, filename, lineno, file=None, line=None):
            log.append(WarningMessage(message, category, filename, lineno, file, line))

        showwarning = record
        return log

    def __exit__(self, *exc_info):
        global showwarning
        if not self._entered:
            raise RuntimeError(f"Cannot exit {self!r} without entering first")
        filters[:] = self._saved_filters
        _shown.clear()
        _shown.update(self._saved_shown)
        showwarning = self._saved_showwarning
