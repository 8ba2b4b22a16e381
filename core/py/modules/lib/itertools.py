"""itertools: iterator building blocks, written in Python for awaitpad's interpreter.

Design decision: each tool is a function that checks its arguments at once (as
CPython's constructors do) and returns a generator doing the work, or a small class
where CPython's type has visible behaviour of its own (count's repr, chain.from_iterable,
tee's copies, groupby's shared state). The cost: the objects are generators, so
type(islice(...)).__name__ is "generator" where CPython says "islice".
"""

__all__ = ["accumulate", "chain", "combinations", "combinations_with_replacement",
           "compress", "count", "cycle", "dropwhile", "filterfalse", "groupby", "islice",
           "pairwise", "permutations", "product", "repeat", "starmap", "takewhile", "tee",
           "zip_longest"]


def _is_number(value):
    return isinstance(value, (int, float)) or hasattr(value, "__add__")


class count:
    """count(start=0, step=1): start, start + step, start + 2 * step, ..."""

    def __init__(self, start=0, step=1):
        if not _is_number(start) or not _is_number(step) or isinstance(start, str) \
                or isinstance(step, str):
            raise TypeError("a number is required")
        self._next = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        value = self._next
        self._next = value + self._step
        return value

    def __repr__(self):
        if isinstance(self._step, int) and self._step == 1:
            return f"{type(self).__name__}({self._next!r})"
        return f"{type(self).__name__}({self._next!r}, {self._step!r})"


def cycle(iterable):
    """The items of `iterable`, then the same items again, forever."""
    iterator = iter(iterable)

    def generate():
        saved = []
        for item in iterator:
            yield item
            saved.append(item)
        while saved:
            for item in saved:
                yield item

    return generate()


class repeat:
    """repeat(object[, times]): `object` forever, or `times` times."""

    def __init__(self, object, times=None):
        if times is not None and not isinstance(times, int):
            raise TypeError(
                f"'{type(times).__name__}' object cannot be interpreted as an integer")
        self._object = object
        self._remaining = None if times is None else max(times, 0)

    def __iter__(self):
        return self

    def __next__(self):
        if self._remaining is not None:
            if self._remaining == 0:
                raise StopIteration
            self._remaining -= 1
        return self._object

    def __length_hint__(self):
        if self._remaining is None:
            raise TypeError("len() of unsized object")
        return self._remaining

    def __repr__(self):
        if self._remaining is None:
            return f"{type(self).__name__}({self._object!r})"
        return f"{type(self).__name__}({self._object!r}, {self._remaining})"


def accumulate(iterable, func=None, *, initial=None):
    """Running totals of `iterable` (or running results of the two-argument `func`)."""
    iterator = iter(iterable)

    def generate():
        total = initial
        if initial is None:
            for total in iterator:
                break
            else:
                return
        yield total
        for item in iterator:
            total = total + item if func is None else func(total, item)
            yield total

    return generate()


class chain:
    """chain(*iterables): the items of the first iterable, then of the next, ..."""

    def __init__(self, *iterables):
        self._items = self._generate(iter(iterables))

    @classmethod
    def from_iterable(cls, iterables):
        result = cls()
        result._items = result._generate(iter(iterables))
        return result

    @staticmethod
    def _generate(iterables):
        for iterable in iterables:
            yield from iterable

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._items)


def compress(data, selectors):
    """The items of `data` whose matching item of `selectors` is true."""
    return (item for item, selected in zip(data, selectors) if selected)


def dropwhile(predicate, iterable):
    """The items of `iterable` from the first for which `predicate` is false."""
    iterator = iter(iterable)

    def generate():
        for item in iterator:
            if not predicate(item):
                yield item
                break
        yield from iterator

    return generate()


def takewhile(predicate, iterable):
    """The items of `iterable` up to the first for which `predicate` is false."""
    iterator = iter(iterable)

    def generate():
        for item in iterator:
            if not predicate(item):
                return
            yield item

    return generate()


def filterfalse(predicate, iterable):
    """The items of `iterable` for which `predicate` (or, if None, the item) is false."""
    iterator = iter(iterable)
    if predicate is None:
        return (item for item in iterator if not item)
    return (item for item in iterator if not predicate(item))


def starmap(function, iterable):
    """function(*arguments) for each tuple of arguments in `iterable`."""
    iterator = iter(iterable)
    return (function(*arguments) for arguments in iterator)


def pairwise(iterable):
    """Overlapping pairs of consecutive items: (s0, s1), (s1, s2), ..."""
    iterator = iter(iterable)

    def generate():
        for previous in iterator:
            for item in iterator:
                yield previous, item
                previous = item
            return

    return generate()


def _islice_index(value, message):
    if value is None:
        return None
    if hasattr(type(value), "__index__"):
        value = type(value).__index__(value)
        if value >= 0:
            return value
    raise ValueError(message)


def islice(iterable, *arguments):
    """islice(iterable, stop) or islice(iterable, start, stop[, step]): a slice of items."""
    if not 1 <= len(arguments) <= 3:
        given = len(arguments) + 1
        if given < 2:
            raise TypeError(f"islice expected at least 2 arguments, got {given}")
        raise TypeError(f"islice expected at most 4 arguments, got {given}")
    if len(arguments) == 1:
        start, stop, step = None, arguments[0], None
    else:
        start, stop, step = (tuple(arguments) + (None,))[:3]
    stop = _islice_index(stop, "Stop argument for islice() must be None or an integer: "
                               "0 <= x <= sys.maxsize.")
    start = _islice_index(start, "Indices for islice() must be None or an integer: "
                                 "0 <= x <= sys.maxsize.") or 0
    if step is not None:
        if not hasattr(type(step), "__index__") or type(step).__index__(step) <= 0:
            raise ValueError("Step for islice() must be a positive integer or None.")
        step = type(step).__index__(step)
    step = step or 1
    iterator = iter(iterable)

    def generate():
        # CPython's order of reads: skip up to the wanted position, stop there if it
        # reached `stop`, else read one item; the last wanted position is `stop`.
        position = 0
        wanted = start
        while True:
            while position < wanted:
                for _ in iterator:
                    break
                else:
                    return
                position += 1
            if stop is not None and position >= stop:
                return
            for item in iterator:
                break
            else:
                return
            position += 1
            yield item
            wanted += step
            if stop is not None and wanted > stop:
                wanted = stop

    return generate()


def zip_longest(*iterables, fillvalue=None):
    """Tuples of the i-th items, padding the exhausted iterables with `fillvalue`."""
    iterators = [iter(iterable) for iterable in iterables]

    def generate():
        if not iterators:
            return
        active = len(iterators)
        while True:
            row = []
            for index, iterator in enumerate(iterators):
                if iterator is None:
                    row.append(fillvalue)
                    continue
                for item in iterator:
                    row.append(item)
                    break
                else:
                    active -= 1
                    if active == 0:
                        return
                    iterators[index] = None
                    row.append(fillvalue)
            yield tuple(row)

    return generate()


def product(*iterables, repeat=1):
    """The cartesian product: tuples of one item of each iterable, rightmost fastest."""
    if not isinstance(repeat, int):
        raise TypeError(
            f"'{type(repeat).__name__}' object cannot be interpreted as an integer")
    if repeat < 0:
        raise ValueError("repeat argument cannot be negative")
    pools = [tuple(iterable) for iterable in iterables] * repeat

    def generate():
        if not all(pools):
            return
        positions = [0] * len(pools)  # an odometer: the rightmost position turns fastest
        while True:
            yield tuple(pool[position] for pool, position in zip(pools, positions))
            for index in range(len(pools) - 1, -1, -1):
                positions[index] += 1
                if positions[index] < len(pools[index]):
                    break
                positions[index] = 0
            else:
                return

    return generate()


def _checked_r(r, size):
    if r is None:
        return size
    if not isinstance(r, int):
        raise TypeError("Expected int as r")
    if r < 0:
        raise ValueError("r must be non-negative")
    return r


def permutations(iterable, r=None):
    """Every ordering of r distinct items of `iterable` (all of them by default)."""
    pool = tuple(iterable)
    r = _checked_r(r, len(pool))

    def generate(chosen, remaining):
        if len(chosen) == r:
            yield tuple(pool[index] for index in chosen)
            return
        for position, index in enumerate(remaining):
            yield from generate(chosen + [index],
                                remaining[:position] + remaining[position + 1:])

    if r > len(pool):
        return iter(())
    return generate([], list(range(len(pool))))


def combinations(iterable, r):
    """The r-item subsequences of `iterable`, in lexicographic order of positions."""
    pool = tuple(iterable)
    r = _checked_r(r, len(pool))

    def generate(start, chosen):
        if len(chosen) == r:
            yield tuple(pool[index] for index in chosen)
            return
        for index in range(start, len(pool) - (r - len(chosen)) + 1):
            yield from generate(index + 1, chosen + [index])

    return generate(0, [])


def combinations_with_replacement(iterable, r):
    """The r-item combinations of `iterable` where an item may repeat."""
    pool = tuple(iterable)
    r = _checked_r(r, len(pool))

    def generate(start, chosen):
        if len(chosen) == r:
            yield tuple(pool[index] for index in chosen)
            return
        for index in range(start, len(pool)):
            yield from generate(index, chosen + [index])

    if not pool and r:
        return iter(())
    return generate(0, [])


class groupby:
    """groupby(iterable, key=None): (key, group) for each run of items with equal keys.

    A group reads from the shared iterator, so advancing to the next key makes the
    previous group empty, as in CPython.
    """

    def __init__(self, iterable, key=None):
        self._iterator = iter(iterable)
        self._key = key
        self._exhausted = False
        self._current_item = None   # the item read last from the iterator
        self._current_key = None    # its key
        self._has_current = False   # whether an item has been read yet
        self._group_key = None      # key of the newest group handed out
        self._group_id = None       # identity token of that group

    def __iter__(self):
        return self

    def _advance(self):
        for item in self._iterator:
            self._current_item = item
            self._current_key = item if self._key is None else self._key(item)
            self._has_current = True
            return True
        self._exhausted = True
        return False

    def __next__(self):
        if not self._has_current:
            if not self._advance():
                raise StopIteration
        elif self._group_id is not None:
            while self._current_key == self._group_key:
                if not self._advance():
                    raise StopIteration
        if self._exhausted:
            raise StopIteration
        self._group_key = self._current_key
        self._group_id = object()
        return self._group_key, self._group(self._group_id)

    def _group(self, group_id):
        while self._group_id is group_id and not self._exhausted \
                and self._current_key == self._group_key:
            yield self._current_item
            if self._group_id is not group_id or not self._advance():
                return


class _TeeLink:
    """One item of a tee's shared buffer: the item and the link after it."""

    def __init__(self):
        self.value = None   # the item, once read
        self.next = None    # the following link, once this one is filled


class _Tee:
    """One of the iterators tee() returns; all read the same source through links."""

    def __init__(self, iterator, link):
        self._iterator = iterator   # the shared source iterator
        self._link = link           # the next link this copy will read

    def __iter__(self):
        return self

    def __next__(self):
        link = self._link
        if link.next is None:
            link.value = next(self._iterator)
            link.next = _TeeLink()
        self._link = link.next
        return link.value

    def __copy__(self):
        return _Tee(self._iterator, self._link)


def tee(iterable, n=2):
    """n independent iterators over the items of `iterable`."""
    if not isinstance(n, int):
        raise TypeError(f"'{type(n).__name__}' object cannot be interpreted as an integer")
    if n < 0:
        raise ValueError("n must be >= 0")
    iterator = iter(iterable)
    if isinstance(iterator, _Tee):
        first = iterator.__copy__()
    else:
        first = _Tee(iterator, _TeeLink())
    return tuple([first] + [first.__copy__() for _ in range(n - 1)]) if n else ()
