"""collections: deque, defaultdict, Counter, namedtuple, OrderedDict and ChainMap.

Written in Python for awaitpad's interpreter. Design decision: every type here is an
ordinary class over the builtin types (deque over a list used as a ring buffer, the
mappings as dict subclasses, namedtuple as a tuple subclass made with type()), so the
interpreter needs no native code for them; the cost is speed — each operation runs
bytecode where CPython runs C. Reprs and error messages follow CPython 3.11.
"""

from _argument_binding import bind_arguments

__all__ = ["ChainMap", "Counter", "OrderedDict", "defaultdict", "deque", "namedtuple"]


def _index_of(value):
    """The int `value` stands for, or TypeError as CPython's __index__ conversion."""
    if isinstance(value, int):
        return int(value)
    if hasattr(type(value), "__index__"):
        return type(value).__index__(value)
    raise TypeError(f"'{type(value).__name__}' object cannot be interpreted as an integer")


class deque:
    """A double-ended queue: O(1) appends and pops at both ends over a ring buffer.

    _slots is the buffer (its length is the capacity, a power of two), _head the slot of
    the first item, _size the number of items; _changes counts mutations so iterators can
    report "deque mutated during iteration".
    """

    __hash__ = None

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError("an integer is required")
            if maxlen < 0:
                raise ValueError("maxlen must be non-negative")
        self._slots = [None] * 8
        self._head = 0
        self._size = 0
        self._maxlen = maxlen
        self._changes = 0
        self.extend(iterable)

    @property
    def maxlen(self):
        return self._maxlen

    def _slot(self, position):
        return (self._head + position) & (len(self._slots) - 1)

    def _grow(self):
        old = self._slots
        items = [old[(self._head + i) & (len(old) - 1)] for i in range(self._size)]
        self._slots = items + [None] * len(old)
        self._head = 0

    def _checked_position(self, index):
        index = _index_of(index)
        if index < 0:
            index += self._size
        if index < 0 or index >= self._size:
            raise IndexError("deque index out of range")
        return index

    def append(self, x):
        self._changes += 1
        if self._maxlen == 0:
            return
        if self._size == self._maxlen:
            self.popleft()
        if self._size == len(self._slots):
            self._grow()
        self._slots[self._slot(self._size)] = x
        self._size += 1

    def appendleft(self, x):
        self._changes += 1
        if self._maxlen == 0:
            return
        if self._size == self._maxlen:
            self.pop()
        if self._size == len(self._slots):
            self._grow()
        self._head = (self._head - 1) & (len(self._slots) - 1)
        self._slots[self._head] = x
        self._size += 1

    def pop(self):
        if self._size == 0:
            raise IndexError("pop from an empty deque")
        self._changes += 1
        self._size -= 1
        slot = self._slot(self._size)
        item = self._slots[slot]
        self._slots[slot] = None
        return item

    def popleft(self):
        if self._size == 0:
            raise IndexError("pop from an empty deque")
        self._changes += 1
        item = self._slots[self._head]
        self._slots[self._head] = None
        self._head = (self._head + 1) & (len(self._slots) - 1)
        self._size -= 1
        return item

    def extend(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for item in iterable:
            self.append(item)

    def extendleft(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for item in iterable:
            self.appendleft(item)

    def clear(self):
        self._changes += 1
        self._slots = [None] * 8
        self._head = 0
        self._size = 0

    def copy(self):
        return type(self)(self, self._maxlen)

    __copy__ = copy

    def rotate(self, n=1):
        n = _index_of(n)
        if self._size <= 1:
            return
        n %= self._size
        for _ in range(n if n <= self._size // 2 else 0):
            self.appendleft(self.pop())
        for _ in range(self._size - n if n > self._size // 2 else 0):
            self.append(self.popleft())

    def reverse(self):
        items = list(self)
        items.reverse()
        self.clear()
        self.extend(items)

    def count(self, x):
        total = 0
        for item in self:
            if item is x or item == x:
                total += 1
        return total

    def index(self, x, start=0, stop=None):
        start = _index_of(start)
        stop = self._size if stop is None else _index_of(stop)
        if start < 0:
            start = max(start + self._size, 0)
        if stop < 0:
            stop = max(stop + self._size, 0)
        for position in range(start, min(stop, self._size)):
            item = self._slots[self._slot(position)]
            if item is x or item == x:
                return position
        raise ValueError(f"{x!r} is not in deque")

    def insert(self, i, x):
        if self._maxlen is not None and self._size >= self._maxlen:
            raise IndexError("deque already at its maximum size")
        i = _index_of(i)
        items = list(self)
        items.insert(i, x)
        self.clear()
        self.extend(items)

    def remove(self, value):
        for position in range(self._size):
            item = self._slots[self._slot(position)]
            if item is value or item == value:
                del self[position]
                return
        raise ValueError(f"{value!r} is not in deque")

    def __len__(self):
        return self._size

    def __bool__(self):
        return self._size != 0

    def __iter__(self):
        changes = self._changes
        for position in range(self._size):
            if self._changes != changes:
                raise RuntimeError("deque mutated during iteration")
            yield self._slots[self._slot(position)]

    def __reversed__(self):
        changes = self._changes
        for position in range(self._size - 1, -1, -1):
            if self._changes != changes:
                raise RuntimeError("deque mutated during iteration")
            yield self._slots[self._slot(position)]

    def __contains__(self, x):
        for item in self:
            if item is x or item == x:
                return True
        return False

    def __getitem__(self, index):
        return self._slots[self._slot(self._checked_position(index))]

    def __setitem__(self, index, value):
        self._slots[self._slot(self._checked_position(index))] = value

    def __delitem__(self, index):
        position = self._checked_position(index)
        self.rotate(-position)
        self.popleft()
        self.rotate(position)

    def __repr__(self):
        name = type(self).__name__
        if id(self) in _repr_running:
            return "[...]"
        _repr_running.add(id(self))
        try:
            items = repr(list(self))
        finally:
            _repr_running.discard(id(self))
        if self._maxlen is None:
            return f"{name}({items})"
        return f"{name}({items}, maxlen={self._maxlen})"

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError(
                f'can only concatenate deque (not "{type(other).__name__}") to deque')
        result = self.copy()
        result.extend(other)
        return result

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, times):
        result = type(self)((), self._maxlen)
        items = list(self)
        for _ in range(times):
            result.extend(items)
        return result

    __rmul__ = __mul__

    def __imul__(self, times):
        items = list(self)
        self.clear()
        for _ in range(times):
            self.extend(items)
        return self

    def _compare(self, other, operation):
        if not isinstance(other, deque):
            return NotImplemented
        return operation(list(self), list(other))

    def __eq__(self, other):
        return self._compare(other, lambda a, b: a == b)

    def __ne__(self, other):
        return self._compare(other, lambda a, b: a != b)

    def __lt__(self, other):
        return self._compare(other, lambda a, b: a < b)

    def __le__(self, other):
        return self._compare(other, lambda a, b: a <= b)

    def __gt__(self, other):
        return self._compare(other, lambda a, b: a > b)

    def __ge__(self, other):
        return self._compare(other, lambda a, b: a >= b)


# Ids of the containers whose repr is being built, so a container holding itself
# prints "[...]" / "..." instead of recursing forever.
_repr_running = set()


class defaultdict(dict):
    """A dict that calls default_factory to make the value of a missing key."""

    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        dict.__init__(self, *args, **kwargs)
        self.default_factory = default_factory

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self[key] = value
        return value

    def __repr__(self):
        if id(self) in _repr_running:
            return "..."
        _repr_running.add(id(self))
        try:
            factory = repr(self.default_factory)
            return f"{type(self).__name__}({factory}, {dict.__repr__(self)})"
        finally:
            _repr_running.discard(id(self))

    def copy(self):
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        result = self.copy()
        result.update(other)
        return result

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        result = type(self)(self.default_factory, other)
        result.update(self)
        return result


class Counter(dict):
    """A dict of counts: missing keys count 0, with multiset arithmetic."""

    def __init__(self, iterable=None, **kwargs):
        dict.__init__(self)
        self.update(iterable, **kwargs)

    def __missing__(self, key):
        return 0

    def total(self):
        return sum(self.values())

    def most_common(self, n=None):
        ordered = sorted(self.items(), key=lambda item: item[1], reverse=True)
        return ordered if n is None else ordered[:max(n, 0)]

    def elements(self):
        for element, count in self.items():
            for _ in range(count):
                yield element

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            "Counter.fromkeys() is undefined.  Use Counter(iterable) instead.")

    def _add_counts(self, iterable, kwargs, sign):
        if iterable is not None:
            if isinstance(iterable, dict):
                for element, count in iterable.items():
                    self[element] = self[element] + sign * count
            else:
                for element in iterable:
                    self[element] = self[element] + sign
        for element, count in kwargs.items():
            self[element] = self[element] + sign * count

    def update(self, iterable=None, **kwargs):
        if iterable is not None and not self and isinstance(iterable, dict) \
                and not isinstance(iterable, Counter):
            dict.update(self, iterable)
            iterable = None
        self._add_counts(iterable, kwargs, 1)

    def subtract(self, iterable=None, **kwargs):
        self._add_counts(iterable, kwargs, -1)

    def copy(self):
        return type(self)(self)

    __copy__ = copy

    def __delitem__(self, element):
        if element in self:
            dict.__delitem__(self, element)

    def __repr__(self):
        if not self:
            return f"{type(self).__name__}()"
        try:
            counts = dict(self.most_common())
        except TypeError:
            counts = dict(self)
        return f"{type(self).__name__}({counts!r})"

    def _keys_with_zero(self, other):
        return list(self) + [element for element in other if element not in self]

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] == other[e] for e in self._keys_with_zero(other))

    def __ne__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    def __le__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] <= other[e] for e in self._keys_with_zero(other))

    def __lt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] >= other[e] for e in self._keys_with_zero(other))

    def __gt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    def _combine(self, other, combine):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for element in self._keys_with_zero(other):
            count = combine(self[element], other[element])
            if count > 0:
                result[element] = count
        return result

    def __add__(self, other):
        return self._combine(other, lambda a, b: a + b)

    def __sub__(self, other):
        return self._combine(other, lambda a, b: a - b)

    def __or__(self, other):
        return self._combine(other, lambda a, b: b if a < b else a)

    def __and__(self, other):
        return self._combine(other, lambda a, b: b if b < a else a)

    def __pos__(self):
        return Counter({e: count for e, count in self.items() if count > 0})

    def __neg__(self):
        return Counter({e: -count for e, count in self.items() if count < 0})

    def _keep_positive(self):
        for element in [e for e, count in self.items() if not count > 0]:
            dict.__delitem__(self, element)
        return self

    def __iadd__(self, other):
        for element, count in other.items():
            self[element] += count
        return self._keep_positive()

    def __isub__(self, other):
        for element, count in other.items():
            self[element] -= count
        return self._keep_positive()

    def __ior__(self, other):
        for element, count in other.items():
            if count > self[element]:
                self[element] = count
        return self._keep_positive()

    def __iand__(self, other):
        for element, count in list(self.items()):
            if other[element] < count:
                self[element] = other[element]
        return self._keep_positive()


class OrderedDict(dict):
    """A dict whose order can be changed (move_to_end) and matters for ==.

    The order is the dict's own insertion order: moving a key to the end re-inserts
    it (O(1)); moving it to the front rebuilds the dict (O(n), rarely used).
    """

    def move_to_end(self, key, last=True):
        value = dict.pop(self, key)
        if last:
            dict.__setitem__(self, key, value)
            return
        rest = list(self.items())
        dict.clear(self)
        dict.__setitem__(self, key, value)
        for other_key, other_value in rest:
            dict.__setitem__(self, other_key, other_value)

    def popitem(self, last=True):
        if not self:
            raise KeyError("dictionary is empty")
        key = next(reversed(self)) if last else next(iter(self))
        return key, dict.pop(self, key)

    def copy(self):
        return type(self)(self)

    __copy__ = copy

    def __repr__(self):
        if not self:
            return f"{type(self).__name__}()"
        if id(self) in _repr_running:
            return "..."
        _repr_running.add(id(self))
        try:
            return f"{type(self).__name__}({list(self.items())!r})"
        finally:
            _repr_running.discard(id(self))

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return dict.__eq__(self, other) and list(self) == list(other)
        return dict.__eq__(self, other)

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        result = self.copy()
        result.update(other)
        return result

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        result = type(self)(other)
        result.update(self)
        return result


class ChainMap:
    """Several mappings searched in order as one; writes go to the first."""

    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for mapping in self.maps:
            if key in mapping:
                return mapping[key]
        return self.__missing__(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __len__(self):
        return len(set().union(*self.maps))

    def __iter__(self):
        keys = {}
        for mapping in reversed(self.maps):
            keys.update(dict.fromkeys(mapping))
        return iter(keys)

    def __contains__(self, key):
        return any(key in mapping for mapping in self.maps)

    def __bool__(self):
        return any(self.maps)

    def keys(self):
        return list(self)

    def items(self):
        return [(key, self[key]) for key in self]

    def values(self):
        return [self[key] for key in self]

    def __repr__(self):
        return f"{type(self).__name__}({', '.join(map(repr, self.maps))})"

    def new_child(self, m=None, **kwargs):
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return type(self)(m, *self.maps)

    @property
    def parents(self):
        return type(self)(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError(f"Key not found in the first mapping: {key!r}") from None

    def pop(self, key, *default):
        try:
            return self.maps[0].pop(key, *default)
        except KeyError:
            raise KeyError(f"Key not found in the first mapping: {key!r}") from None

    def clear(self):
        self.maps[0].clear()

    def copy(self):
        return type(self)(self.maps[0].copy(), *self.maps[1:])

    __copy__ = copy


_KEYWORDS = frozenset((
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
    "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
    "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
    "return", "try", "while", "with", "yield"))


class _FieldGetter:
    """The descriptor for one namedtuple field: reads item `index`, refuses writes."""

    def __init__(self, index, doc):
        self.index = index
        self.__doc__ = doc

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return tuple.__getitem__(instance, self.index)

    def __set__(self, instance, value):
        raise AttributeError("can't set attribute")

    def __delete__(self, instance):
        raise AttributeError("can't delete attribute")

    def __repr__(self):
        return f"_tuplegetter({self.index}, {self.__doc__!r})"


def _checked_field_names(typename, field_names, rename):
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    field_names = tuple(map(str, field_names))
    if rename:
        seen = set()
        renamed = []
        for index, name in enumerate(field_names):
            if not name.isidentifier() or name in _KEYWORDS or name.startswith("_") \
                    or name in seen:
                name = f"_{index}"
            seen.add(name)
            renamed.append(name)
        field_names = tuple(renamed)
    for name in (typename,) + field_names:
        if not isinstance(name, str):
            raise TypeError("Type names and field names must be strings")
        if not name.isidentifier():
            raise ValueError(
                f"Type names and field names must be valid identifiers: {name!r}")
        if name in _KEYWORDS:
            raise ValueError(f"Type names and field names cannot be a keyword: {name!r}")
    seen = set()
    for name in field_names:
        if name.startswith("_") and not rename:
            raise ValueError(f"Field names cannot start with an underscore: {name!r}")
        if name in seen:
            raise ValueError(f"Encountered duplicate field name: {name!r}")
        seen.add(name)
    return field_names


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """A tuple subclass named `typename` whose items are also the named attributes."""
    typename = str(typename)
    fields = _checked_field_names(typename, field_names, rename)
    defaults = tuple(defaults) if defaults is not None else ()
    if len(defaults) > len(fields):
        raise TypeError("Got more default values than field names")
    field_defaults = dict(zip(fields[len(fields) - len(defaults):], defaults))

    def __new__(_cls, *args, **kwargs):
        values = bind_arguments(f"{typename}.__new__", fields, field_defaults, args,
                                kwargs, implicit_first=True)
        return tuple.__new__(_cls, values)

    def _make(cls, iterable):
        result = tuple.__new__(cls, iterable)
        if len(result) != len(fields):
            raise TypeError(f"Expected {len(fields)} arguments, got {len(result)}")
        return result

    def _replace(self, **kwargs):
        result = self._make([kwargs.pop(name, value) for name, value in zip(fields, self)])
        if kwargs:
            raise ValueError(f"Got unexpected field names: {list(kwargs)!r}")
        return result

    def __repr__(self):
        body = ", ".join(f"{name}={value!r}" for name, value in zip(fields, self))
        return f"{type(self).__name__}({body})"

    def _asdict(self):
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        return tuple(self)

    namespace = {
        "__doc__": f"{typename}({', '.join(fields)})",
        "__module__": "__main__" if module is None else module,
        "__new__": __new__,
        "__repr__": __repr__,
        "__getnewargs__": __getnewargs__,
        "__match_args__": fields,
        "_fields": fields,
        "_field_defaults": field_defaults,
        "_make": classmethod(_make),
        "_replace": _replace,
        "_asdict": _asdict,
    }
    for method in (__new__, _make, _replace, __repr__, _asdict, __getnewargs__):
        method.__qualname__ = f"{typename}.{method.__name__}"
    if defaults:
        __new__.__defaults__ = defaults
    for index, name in enumerate(fields):
        namespace[name] = _FieldGetter(index, f"Alias for field number {index}")
    return type(typename, (tuple,), namespace)
