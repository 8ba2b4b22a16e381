"""copy: shallow and deep copies, written in Python for awaitpad's interpreter.

Design decision: CPython copies arbitrary objects through the pickle protocol
(__reduce_ex__); awaitpad's object model has no pickling, so this module knows the
builtin containers by name and copies instances of classes directly — a new object from
cls.__new__(cls) given the old one's __dict__, plus the items for subclasses of list,
dict and set. __copy__ / __deepcopy__ hooks are honoured. The cost: objects the rules
do not cover are copied by reference where CPython would copy or refuse them.
"""

import sys

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error


class _Probe:
    def method(self):
        pass

# Types whose values never change: a copy (shallow or deep) is the object itself.
_ATOMIC = (type(None), int, float, bool, str, bytes, type, range, slice,
           type(len), type(Error.__init__), type(lambda: 0), type(sys), type(...),
           type(NotImplemented), property, frozenset, type(_Probe().method))


def _is_atomic(x):
    cls = type(x)
    return cls in _ATOMIC or issubclass(cls, type)


def _new_like(x, cls):
    """A new object of `x`'s class holding the same items and a copy of its __dict__."""
    new_arguments = getattr(x, "__getnewargs__", None)
    result = cls.__new__(cls, *new_arguments()) if new_arguments else cls.__new__(cls)
    if isinstance(x, list):
        list.extend(result, x)
    elif isinstance(x, dict):
        dict.update(result, x)
    elif isinstance(x, (set, frozenset)) and isinstance(result, set):
        set.update(result, x)
    state = getattr(x, "__dict__", None)
    if state:
        result.__dict__.update(state)
    return result


def copy(x):
    """A shallow copy of `x`: a new container holding the same items."""
    cls = type(x)
    if _is_atomic(x) or cls is tuple:
        return x
    if cls in (list, dict, set):
        return cls.copy(x)
    hook = getattr(cls, "__copy__", None)
    if hook is not None:
        return hook(x)
    return _new_like(x, cls)


def deepcopy(x, memo=None, _nil=[]):
    """A deep copy of `x`: containers and instances are copied recursively; an object
    reached twice is copied once (`memo` maps id(original) to its copy)."""
    if memo is None:
        memo = {}
    key = id(x)
    found = memo.get(key, _nil)
    if found is not _nil:
        return found
    cls = type(x)
    if _is_atomic(x):
        return x
    if cls is list:
        result = []
        memo[key] = result
        result.extend(deepcopy(item, memo) for item in x)
    elif cls is dict:
        result = {}
        memo[key] = result
        for item_key, value in x.items():
            result[deepcopy(item_key, memo)] = deepcopy(value, memo)
    elif cls is tuple:
        items = [deepcopy(item, memo) for item in x]
        if key in memo:  # the tuple was reached again through its own items
            return memo[key]
        same = all(copied is original for copied, original in zip(items, x))
        result = x if same else tuple(items)
    elif cls in (set, frozenset):
        result = cls(deepcopy(item, memo) for item in x)
    elif hasattr(cls, "__deepcopy__"):
        result = cls.__deepcopy__(x, memo)
    else:
        new_arguments = getattr(x, "__getnewargs__", None)
        if new_arguments is None:
            result = cls.__new__(cls)
        else:
            result = cls.__new__(cls, *deepcopy(new_arguments(), memo))
        memo[key] = result
        if isinstance(x, list):
            list.extend(result, [deepcopy(item, memo) for item in x])
        elif isinstance(x, dict):
            for item_key, value in x.items():
                dict.__setitem__(result, deepcopy(item_key, memo), deepcopy(value, memo))
        elif isinstance(x, set):
            set.update(result, [deepcopy(item, memo) for item in x])
        state = getattr(x, "__dict__", None)
        if state:
            result.__dict__.update(deepcopy(state, memo))
    if result is not x:
        memo[key] = result
        memo.setdefault(id(memo), []).append(x)  # keep x alive while its id is a key
    return result
