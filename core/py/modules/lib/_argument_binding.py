"""Binding call arguments to parameter names, with CPython 3.11's TypeError messages.

Shared by collections.namedtuple and dataclasses, whose generated __new__/__init__ take
(*args, **kwargs) because the interpreter has no exec to write a def with the real
parameters. Design decision: reproduce the messages CPython gives for such a def
("Point.__init__() missing 1 required positional argument: 'y'") in Python; the cost is
one more Python-level call per construction.
"""


def _quoted_list(names):
    quoted = [repr(name) for name in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return f"{quoted[0]} and {quoted[1]}"
    return ", ".join(quoted[:-1]) + f", and {quoted[-1]}"


def bind_arguments(qualname, names, defaults, args, kwargs, implicit_first=False,
                   keyword_only=()):
    """The values for `names` (positional-or-keyword) then `keyword_only`, in order.

    `defaults` maps a parameter name to its default value; `implicit_first` says the
    function also has a self/cls parameter (counted in the messages, not in `args`).
    Raises TypeError exactly as CPython would for `def qualname(self, *names, ...)`.
    """
    values = dict(zip(names, args))
    for name, value in kwargs.items():
        if name in values:
            raise TypeError(f"{qualname}() got multiple values for argument '{name}'")
        if name not in names and name not in keyword_only:
            raise TypeError(f"{qualname}() got an unexpected keyword argument '{name}'")
        values[name] = value
    if len(args) > len(names):
        extra = 1 if implicit_first else 0
        required = sum(1 for name in names if name not in defaults) + extra
        most = len(names) + extra
        if required == most:
            expected = f"{most} positional argument{'' if most == 1 else 's'}"
        else:
            expected = f"from {required} to {most} positional arguments"
        given = len(args) + extra
        raise TypeError(
            f"{qualname}() takes {expected} but {given} "
            f"{'was' if given == 1 else 'were'} given")
    missing = [name for name in names if name not in values and name not in defaults]
    if missing:
        count = len(missing)
        raise TypeError(
            f"{qualname}() missing {count} required positional "
            f"argument{'' if count == 1 else 's'}: {_quoted_list(missing)}")
    missing = [name for name in keyword_only if name not in values and name not in defaults]
    if missing:
        count = len(missing)
        raise TypeError(
            f"{qualname}() missing {count} required keyword-only "
            f"argument{'' if count == 1 else 's'}: {_quoted_list(missing)}")
    return [values[name] if name in values else defaults[name]
            for name in tuple(names) + tuple(keyword_only)]
