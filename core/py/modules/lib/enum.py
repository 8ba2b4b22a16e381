"""enum: Enum, IntEnum, StrEnum, Flag, IntFlag, auto and unique, written in Python for
awaitpad's interpreter.

Design decision: a metaclass, EnumType, turns the class body's plain attributes into
members after the class is made; members are stored as ordinary class attributes
(as in CPython 3.12), lookups by value go through the metaclass's __call__, and the
metaclass refuses reassignment. CPython's _EnumDict (a __prepare__ namespace) is not
used, so duplicate names in one body are not detected and `_ignore_` is not supported;
auto() values are given in the order of the body. Flag keeps CPython's reprs for
combined members; its boundary options (STRICT, CONFORM, ...) are left out.
"""

__all__ = ["Enum", "EnumMeta", "EnumType", "Flag", "IntEnum", "IntFlag", "ReprEnum",
           "StrEnum", "auto", "unique"]


class auto:
    """A placeholder value: replaced by _generate_next_value_ when the enum is made."""

    def __init__(self):
        self.value = None

    def __repr__(self):
        return "auto(...)"


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == "__" and name[2] != "_" \
        and name[-3] != "_"


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == "_" and name[1] != "_" \
        and name[-2] != "_"


def _is_descriptor(obj):
    kind = type(obj)
    return hasattr(kind, "__get__") or hasattr(kind, "__set__") or \
        hasattr(kind, "__delete__")


def _is_member_name(cls_name, name, value):
    if _is_dunder(name) or _is_sunder(name) or _is_descriptor(value):
        return False
    return not name.startswith(f"_{cls_name}__")


def _data_type(bases):
    """The non-enum type members are made of (int for IntEnum), or object."""
    for base in bases:
        for klass in base.__mro__:
            if klass is object or isinstance(klass, EnumType):
                continue
            return klass
    return object


class EnumType(type):
    """The metaclass of enumerations: makes the members, looks them up, lists them."""

    def __new__(mcls, cls_name, bases, namespace, **kwargs):
        for base in bases:
            if isinstance(base, EnumType) and base._member_names_:
                raise TypeError(f"<enum {cls_name!r}> cannot extend {base!r}")
        members = [(name, value) for name, value in namespace.items()
                   if _is_member_name(cls_name, name, value)]
        body = {name: value for name, value in namespace.items()
                if not any(name == member for member, _ in members)}
        cls = super().__new__(mcls, cls_name, bases, body, **kwargs)
        member_type = _data_type(bases)
        cls._member_names_ = []          # names of the canonical members, in order
        cls._member_map_ = {}            # every name (aliases too) -> member
        cls._value2member_map_ = {}      # hashable value -> member
        cls._unhashable_members_ = []    # members whose value cannot be a dict key
        cls._member_type_ = member_type  # the data type members are made of
        if member_type is not object:
            cls._prefer_enum_methods(bases, namespace)
        last_values = []
        for name, value in members:
            if isinstance(value, auto):
                value = cls._generate_next_value_(name, 1, len(last_values), last_values[:])
            last_values.append(value)
            cls._add_member(name, value, namespace.get("__new__"))
        return cls

    def _prefer_enum_methods(cls, bases, namespace):
        """Gives a mixed-in enum (class N(int, Enum)) the enum's repr, str and format
        where the data type's would otherwise win by coming first in the MRO."""
        enum_base = [base for base in bases if isinstance(base, EnumType)][-1]
        for name in ("__repr__", "__str__", "__format__"):
            if name in namespace:
                continue
            owner = next(klass for klass in cls.__mro__ if name in klass.__dict__)
            if not isinstance(owner, EnumType):
                setattr(cls, name, getattr(enum_base, name))

    def _add_member(cls, name, value, custom_new):
        arguments = value if isinstance(value, tuple) else (value,)
        member_type = cls._member_type_
        if custom_new is not None:
            member = custom_new(cls, *arguments)
        elif member_type is object:
            member = object.__new__(cls)
        elif isinstance(value, tuple) and member_type is not tuple:
            member = member_type.__new__(cls, *arguments)
        else:
            member = member_type.__new__(cls, value)
        if not hasattr(member, "_value_"):
            member._value_ = value if member_type is object else member_type(*arguments)
        member._name_ = name
        member.__objclass__ = cls
        member.__init__(*arguments)
        for existing in cls._member_map_.values():
            if existing._value_ == member._value_:
                setattr(cls, name, existing)
                cls._member_map_[name] = existing
                return
        setattr(cls, name, member)
        cls._member_names_.append(name)
        cls._member_map_[name] = member
        try:
            cls._value2member_map_.setdefault(member._value_, member)
        except TypeError:
            cls._unhashable_members_.append(member)

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None,
                 start=1):
        if names is not None:
            return cls._create(value, names, module, type, start)
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:
            for member in cls._unhashable_members_:
                if member._value_ == value:
                    return member
        result = cls._missing_(value)
        if isinstance(result, cls):
            return result
        raise ValueError(f"{value!r} is not a valid {cls.__qualname__}")

    def _create(cls, class_name, names, module, data_type, start):
        """The functional API: Enum("Color", "RED GREEN") or with (name, value) pairs."""
        if isinstance(names, str):
            names = names.replace(",", " ").split()
        if isinstance(names, dict):
            names = list(names.items())
        namespace = {"__module__": module or "__main__"}
        for index, item in enumerate(names):
            if isinstance(item, str):
                namespace[item] = start + index if not issubclass(cls, Flag) \
                    else 1 << (start + index - 1)
            else:
                namespace[item[0]] = item[1]
        bases = (cls,) if data_type is None else (data_type, cls)
        return EnumType(class_name, bases, namespace)

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __bool__(cls):
        return True

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError(f"unsupported operand type(s) for 'in': "
                            f"'{type(member).__qualname__}' and '{type(cls).__qualname__}'")
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __getitem__(cls, name):
        return cls._member_map_[name]

    @property
    def __members__(cls):
        return dict(cls._member_map_)

    def __repr__(cls):
        kind = "flag" if getattr(cls, "_is_flag_", False) else "enum"
        return f"<{kind} {cls.__name__!r}>"

    def __setattr__(cls, name, value):
        if name in cls.__dict__.get("_member_map_", {}):
            raise AttributeError(f"cannot reassign member {name!r}")
        super().__setattr__(name, value)

    def __delattr__(cls, name):
        if name in cls.__dict__.get("_member_map_", {}):
            raise AttributeError(f"{cls.__name__!r} cannot delete member {name!r}.")
        super().__delattr__(name)


EnumMeta = EnumType


class Enum(metaclass=EnumType):
    """Base of enumerations: class Color(Enum): RED = 1 makes Color.RED, Color(1)."""

    def __init__(self, *args, **kwds):
        pass

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        try:
            return sorted(last_values)[-1] + 1
        except TypeError:
            for value in reversed(last_values):
                try:
                    return value + 1
                except TypeError:
                    pass
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    @property
    def name(self):
        """The name of the member."""
        return self._name_

    @property
    def value(self):
        """The value of the member."""
        return self._value_

    def __repr__(self):
        value_repr = repr(self._value_) if self._member_type_ is object \
            else self._member_type_.__repr__(self._value_)
        return f"<{type(self).__name__}.{self._name_}: {value_repr}>"

    def __str__(self):
        return f"{type(self).__name__}.{self._name_}"

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


class ReprEnum(Enum):
    """An enum whose str() and format() are its value's (IntEnum, StrEnum)."""

    def __str__(self):
        return self._member_type_.__str__(self._value_)

    def __format__(self, format_spec):
        return self._member_type_.__format__(self._value_, format_spec)


class IntEnum(int, ReprEnum):
    """An enum whose members are also ints."""


class StrEnum(str, ReprEnum):
    """An enum whose members are also strs; auto() gives the lower-cased name."""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


class Flag(Enum):
    """An enum of bit flags that combine with | & ^ ~; auto() gives 1, 2, 4, ..."""

    _is_flag_ = True

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        highest = max(last_values)
        return 1 << highest.bit_length() if highest > 0 else 1

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            return None
        all_bits = 0
        for member in cls:
            all_bits |= member._value_
        if value < 0:
            value &= all_bits
        if value & ~all_bits:
            return None
        names = [member._name_ for member in cls if member._value_ & value == member._value_
                 and member._value_ != 0]
        if cls._member_type_ is object:
            pseudo = object.__new__(cls)
        else:
            pseudo = cls._member_type_.__new__(cls, value)
        pseudo._value_ = value
        pseudo._name_ = "|".join(names) if value else None
        return cls._value2member_map_.setdefault(value, pseudo)

    def _members(self):
        return [member for member in type(self) if member._value_ != 0
                and member._value_ & self._value_ == member._value_]

    def __repr__(self):
        value_repr = repr(self._value_) if self._member_type_ is object \
            else self._member_type_.__repr__(self._value_)
        if self._name_ is None:
            return f"<{type(self).__name__}: {value_repr}>"
        return f"<{type(self).__name__}.{self._name_}: {value_repr}>"

    def __str__(self):
        if self._name_ is None:
            return f"{type(self).__name__}({self._value_!r})"
        return f"{type(self).__name__}.{self._name_}"

    def __contains__(self, other):
        if not isinstance(other, type(self)):
            raise TypeError(f"unsupported operand type(s) for 'in': "
                            f"'{type(other).__qualname__}' and '{type(self).__qualname__}'")
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        return iter(self._members())

    def __len__(self):
        return len(self._members())

    def __bool__(self):
        return bool(self._value_)

    def __or__(self, other):
        if not isinstance(other, type(self)):
            return NotImplemented
        return type(self)(self._value_ | other._value_)

    def __and__(self, other):
        if not isinstance(other, type(self)):
            return NotImplemented
        return type(self)(self._value_ & other._value_)

    def __xor__(self, other):
        if not isinstance(other, type(self)):
            return NotImplemented
        return type(self)(self._value_ ^ other._value_)

    def __invert__(self):
        all_bits = 0
        for member in type(self):
            all_bits |= member._value_
        return type(self)(all_bits & ~self._value_)


class IntFlag(int, ReprEnum, Flag):
    """A Flag whose members are also ints; they combine with plain ints too."""

    __str__ = ReprEnum.__str__
    __format__ = ReprEnum.__format__

    def _combine(self, other, operation):
        if not isinstance(other, int):
            return NotImplemented
        return type(self)(operation(self._value_, int(other)))

    def __or__(self, other):
        return self._combine(other, lambda a, b: a | b)

    def __and__(self, other):
        return self._combine(other, lambda a, b: a & b)

    def __xor__(self, other):
        return self._combine(other, lambda a, b: a ^ b)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__


def unique(enumeration):
    """Class decorator refusing an enumeration with aliases (two names, one value)."""
    duplicates = [(name, member._name_) for name, member in
                  enumeration.__members__.items() if name != member._name_]
    if duplicates:
        details = ", ".join(f"{alias} -> {name}" for alias, name in duplicates)
        raise ValueError(f"duplicate values found in {enumeration!r}: {details}")
    return enumeration
