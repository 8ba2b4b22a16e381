"""functools: partial, wraps, reduce, lru_cache, cache, cmp_to_key, total_ordering,
cached_property — written in Python for awaitpad's interpreter.

Design decision: lru_cache keeps its entries in one dict whose insertion order is the
recency order (a hit re-inserts its key; eviction deletes the first key), instead of
CPython's linked list: the same O(1) behaviour with no extra structure. The wrapper is
a plain function carrying cache_info/cache_clear as attributes, as in CPython's
pure-Python version; the cost is that it is a "function", not a
"functools._lru_cache_wrapper".
"""

from collections import namedtuple

__all__ = ["WRAPPER_ASSIGNMENTS", "WRAPPER_UPDATES", "cache", "cached_property",
           "cmp_to_key", "lru_cache", "partial", "reduce", "total_ordering",
           "update_wrapper", "wraps"]

WRAPPER_ASSIGNMENTS = ("__module__", "__name__", "__qualname__", "__doc__",
                       "__annotations__")
WRAPPER_UPDATES = ("__dict__",)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Copies `assigned` attributes of `wrapped` onto `wrapper`; returns `wrapper`."""
    for attribute in assigned:
        try:
            value = getattr(wrapped, attribute)
        except AttributeError:
            continue
        setattr(wrapper, attribute, value)
    for attribute in updated:
        getattr(wrapper, attribute).update(getattr(wrapped, attribute, {}))
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """A decorator applying update_wrapper(wrapper, wrapped) to the function it decorates."""
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)


class partial:
    """partial(func, *args, **keywords): func with some arguments fixed in advance."""

    def __new__(cls, *args, **keywords):
        if not args:
            raise TypeError("type 'partial' takes at least one argument")
        func, args = args[0], args[1:]
        if not callable(func):
            raise TypeError("the first argument must be callable")
        if isinstance(func, partial):
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self = object.__new__(cls)
        self.func = func
        self.args = tuple(args)
        self.keywords = keywords
        return self

    def __call__(self, *args, **keywords):
        return self.func(*self.args, *args, **{**self.keywords, **keywords})

    def __repr__(self):
        name = "functools.partial" if type(self) is partial else type(self).__name__
        parts = [repr(self.func)] + [repr(argument) for argument in self.args]
        parts += [f"{key}={value!r}" for key, value in self.keywords.items()]
        return f"{name}({', '.join(parts)})"


_initial_missing = object()


def reduce(function, sequence, initial=_initial_missing):
    """function(...function(function(initial, s0), s1)..., sN), folding from the left."""
    try:
        iterator = iter(sequence)
    except TypeError:
        raise TypeError("reduce() arg 2 must support iteration") from None
    value = initial
    if value is _initial_missing:
        for value in iterator:
            break
        else:
            raise TypeError("reduce() of empty iterable with no initial value")
    for element in iterator:
        value = function(value, element)
    return value


CacheInfo = namedtuple("CacheInfo", ["hits", "misses", "maxsize", "currsize"],
                       module="functools")

# Separates positional from keyword arguments in a cache key.
_keyword_mark = object()


def _make_key(args, keywords):
    if not keywords:
        return args[0] if len(args) == 1 and type(args[0]) in (int, str) else args
    return args + (_keyword_mark,) + tuple(keywords.items())


def _lru_cache_wrapper(user_function, maxsize, typed):
    cache = {}              # key -> result, least recently used first
    statistics = [0, 0]     # hits, misses

    def wrapper(*args, **keywords):
        if maxsize == 0:
            statistics[1] += 1
            return user_function(*args, **keywords)
        key = _make_key(args, keywords)
        if key in cache:
            statistics[0] += 1
            result = cache.pop(key)
            cache[key] = result
            return result
        statistics[1] += 1
        result = user_function(*args, **keywords)
        if key in cache:  # the call itself cached it (recursion): keep the newer entry
            del cache[key]
        elif maxsize is not None and len(cache) >= maxsize:
            del cache[next(iter(cache))]
        cache[key] = result
        return result

    def cache_info():
        """Report cache statistics."""
        return CacheInfo(statistics[0], statistics[1], maxsize, len(cache))

    def cache_clear():
        """Clear the cache and cache statistics."""
        cache.clear()
        statistics[0] = statistics[1] = 0

    def cache_parameters():
        return {"maxsize": maxsize, "typed": typed}

    update_wrapper(wrapper, user_function)
    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    wrapper.cache_parameters = cache_parameters
    return wrapper


def lru_cache(maxsize=128, typed=False):
    """Memoizes a function, keeping the `maxsize` most recently used results.

    Usable as @lru_cache, @lru_cache() and @lru_cache(maxsize=N); maxsize=None never
    evicts. `typed` is recorded but not used (1 and 1.0 share an entry).
    """
    if isinstance(maxsize, int):
        maxsize = max(maxsize, 0)
    elif callable(maxsize) and isinstance(typed, bool):
        return _lru_cache_wrapper(maxsize, 128, typed)
    elif maxsize is not None:
        raise TypeError("Expected first argument to be an integer, a callable, or None")

    def decorating_function(user_function):
        return _lru_cache_wrapper(user_function, maxsize, typed)

    return decorating_function


def cache(user_function):
    """Memoizes a function without limit: lru_cache(maxsize=None)."""
    return _lru_cache_wrapper(user_function, None, False)


def cmp_to_key(mycmp):
    """A key= function ordering objects as the old-style comparison function `mycmp`."""

    class K:
        __hash__ = None

        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

    return K


def _derived(root_name, derive):
    """A comparison method computed from the class's `root_name` method by `derive`."""

    def method(self, other):
        result = getattr(type(self), root_name)(self, other)
        if result is NotImplemented:
            return result
        return derive(result, self, other)

    return method


# For each root a class may define: the three other comparisons, derived from it.
_ORDERINGS = {
    "__lt__": {
        "__gt__": lambda less, a, b: not less and a != b,
        "__le__": lambda less, a, b: less or a == b,
        "__ge__": lambda less, a, b: not less,
    },
    "__le__": {
        "__ge__": lambda less_equal, a, b: not less_equal or a == b,
        "__lt__": lambda less_equal, a, b: less_equal and a != b,
        "__gt__": lambda less_equal, a, b: not less_equal,
    },
    "__gt__": {
        "__lt__": lambda greater, a, b: not greater and a != b,
        "__ge__": lambda greater, a, b: greater or a == b,
        "__le__": lambda greater, a, b: not greater,
    },
    "__ge__": {
        "__le__": lambda greater_equal, a, b: not greater_equal or a == b,
        "__gt__": lambda greater_equal, a, b: greater_equal and a != b,
        "__lt__": lambda greater_equal, a, b: not greater_equal,
    },
}


def total_ordering(cls):
    """Class decorator filling in the missing comparisons from one of < > <= >=."""
    roots = {name for name in _ORDERINGS
             if any(name in klass.__dict__ for klass in cls.__mro__ if klass is not object)}
    if not roots:
        raise ValueError("must define at least one ordering operation: < > <= >=")
    root = max(roots)  # prefer __lt__ to __le__ to __gt__ to __ge__
    for name, derive in _ORDERINGS[root].items():
        if name not in roots:
            method = _derived(root, derive)
            method.__name__ = name
            method.__qualname__ = f"_{name[2:4]}_from_{root[2:4]}"
            setattr(cls, name, method)
    return cls


class cached_property:
    """A property computed once per instance, then stored in the instance's __dict__."""

    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError(
                "Cannot assign the same cached_property to two different names "
                f"({self.attrname!r} and {name!r}).")

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if self.attrname is None:
            raise TypeError(
                "Cannot use cached_property instance without calling __set_name__ on it.")
        value = self.func(instance)
        instance.__dict__[self.attrname] = value
        return value
