"""dataclasses: @dataclass, field, fields, asdict, astuple, replace — written in Python
for awaitpad's interpreter.

Design decision: CPython writes each generated method as source text and exec()s it;
awaitpad has no exec, so every generated method here is a closure over the class's
field list (__init__ takes *args/**kwargs and binds them with CPython's messages, see
_argument_binding). The behaviour, reprs and error messages are CPython 3.11's; the
cost is speed (a generic loop per call) and that help() shows (*args, **kwargs).
"""

import copy
import sys
from _argument_binding import bind_arguments

__all__ = ["FrozenInstanceError", "Field", "InitVar", "KW_ONLY", "MISSING", "asdict",
           "astuple", "dataclass", "field", "fields", "is_dataclass", "make_dataclass",
           "replace"]


class FrozenInstanceError(AttributeError):
    """Raised when assigning to or deleting a field of a frozen dataclass instance."""


class _MISSING_TYPE:
    """The type of MISSING, which marks a field with no default."""


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    """The type of KW_ONLY: annotating `_: KW_ONLY` makes the later fields keyword-only."""


KW_ONLY = _KW_ONLY_TYPE()


class InitVar:
    """InitVar[T]: a pseudo-field passed to __init__ and __post_init__, never stored."""

    def __init__(self, type):
        self.type = type

    def __class_getitem__(cls, type):
        return InitVar(type)

    def __repr__(self):
        name = self.type.__name__ if isinstance(self.type, type) else repr(self.type)
        return f"dataclasses.InitVar[{name}]"


# What a Field stands for: a real field, a ClassVar (ignored) or an InitVar.
_FIELD = "_FIELD"
_FIELD_CLASSVAR = "_FIELD_CLASSVAR"
_FIELD_INITVAR = "_FIELD_INITVAR"


class Field:
    """One field of a dataclass: its name, type, default and what it takes part in."""

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata,
                 kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return (f"Field(name={self.name!r},type={self.type!r},default={self.default!r},"
                f"default_factory={self.default_factory!r},init={self.init!r},"
                f"repr={self.repr!r},hash={self.hash!r},compare={self.compare!r},"
                f"metadata={self.metadata!r},kw_only={self.kw_only!r},"
                f"_field_type={self._field_type})")

    def __set_name__(self, owner, name):
        handler = getattr(type(self.default), "__set_name__", None)
        if handler is not None:
            handler(self.default, owner, name)


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None,
          compare=True, metadata=None, kw_only=MISSING):
    """Describes a field beyond its default: default_factory, init=, repr=, compare=..."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


class _DataclassParams:
    """The arguments @dataclass was given, kept as cls.__dataclass_params__."""

    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init, self.repr, self.eq = init, repr, eq
        self.order, self.unsafe_hash, self.frozen = order, unsafe_hash, frozen

    def __repr__(self):
        return (f"_DataclassParams(init={self.init!r},repr={self.repr!r},eq={self.eq!r},"
                f"order={self.order!r},unsafe_hash={self.unsafe_hash!r},"
                f"frozen={self.frozen!r})")


def _is_classvar(annotation):
    if isinstance(annotation, str):
        return annotation.startswith(("ClassVar", "typing.ClassVar"))
    typing = sys.modules.get("typing")
    if typing is None:
        return False
    return annotation is typing.ClassVar or \
        getattr(annotation, "__origin__", None) is typing.ClassVar


def _is_initvar(annotation):
    if isinstance(annotation, str):
        return annotation.startswith(("InitVar", "dataclasses.InitVar"))
    return annotation is InitVar or isinstance(annotation, InitVar)


def _make_field(cls, name, annotation, kw_only):
    default = cls.__dict__.get(name, MISSING)
    if isinstance(default, Field):
        result = default
    else:
        result = field(default=default)
    result.name = name
    result.type = annotation
    result._field_type = _FIELD
    if _is_classvar(annotation):
        result._field_type = _FIELD_CLASSVAR
    elif _is_initvar(annotation):
        result._field_type = _FIELD_INITVAR
    if result._field_type != _FIELD and result.default_factory is not MISSING:
        raise TypeError(f"field {name} cannot have a default factory")
    if result._field_type in (_FIELD, _FIELD_INITVAR) and result.kw_only is MISSING:
        result.kw_only = kw_only
    if result._field_type == _FIELD and result.default is not MISSING \
            and type(result.default).__hash__ is None:
        raise ValueError(f"mutable default {type(result.default)} for field {name} "
                         "is not allowed: use default_factory")
    return result


def _set_new_attribute(cls, name, value):
    """Sets cls.name unless the class body defined it; True when it was defined."""
    if name in cls.__dict__:
        return True
    if callable(value) and hasattr(value, "__qualname__"):
        value.__qualname__ = f"{cls.__qualname__}.{value.__name__}"
    setattr(cls, name, value)
    return False


def _make_init(cls, fields, frozen):
    init_fields = [f for f in fields if f.init and f._field_type != _FIELD_CLASSVAR]
    positional = [f.name for f in init_fields if not f.kw_only]
    keyword_only = [f.name for f in init_fields if f.kw_only]
    seen_default = None
    for f in init_fields:
        if f.kw_only:
            continue
        if f.default is not MISSING or f.default_factory is not MISSING:
            seen_default = f
        elif seen_default is not None:
            raise TypeError(f"non-default argument {f.name!r} follows default argument")
    # A default_factory shows up in the binding as this marker, called per instance.
    factory_marker = object()
    defaults = {}
    for f in init_fields:
        if f.default is not MISSING:
            defaults[f.name] = f.default
        elif f.default_factory is not MISSING:
            defaults[f.name] = factory_marker
    later_fields = [f for f in fields if not f.init and f._field_type == _FIELD
                    and f.default_factory is not MISSING]
    assign = object.__setattr__ if frozen else setattr
    qualname = f"{cls.__qualname__}.__init__"

    def __init__(self, *args, **kwargs):
        values = bind_arguments(qualname, positional, defaults, args, kwargs,
                                implicit_first=True, keyword_only=keyword_only)
        init_values = []
        for f, value in zip(init_fields, values):
            if value is factory_marker:
                value = f.default_factory()
            if f._field_type == _FIELD_INITVAR:
                init_values.append(value)
            else:
                assign(self, f.name, value)
        for f in later_fields:
            assign(self, f.name, f.default_factory())
        post_init = getattr(self, "__post_init__", None)
        if post_init is not None:
            post_init(*init_values)

    return __init__


def _make_repr(fields):
    shown = [f.name for f in fields if f.repr and f._field_type == _FIELD]
    running = set()  # ids of the instances whose repr is being built

    def __repr__(self):
        key = id(self)
        if key in running:
            return "..."
        running.add(key)
        try:
            body = ", ".join(f"{name}={getattr(self, name)!r}" for name in shown)
        finally:
            running.discard(key)
        return f"{type(self).__qualname__}({body})"

    return __repr__


def _field_values(names):
    return lambda instance: tuple(getattr(instance, name) for name in names)


def _make_comparison(name, compared, operation):
    values = _field_values(compared)

    def method(self, other):
        if other.__class__ is self.__class__:
            return operation(values(self), values(other))
        return NotImplemented

    method.__name__ = name
    return method


def _make_hash(hashed):
    values = _field_values(hashed)

    def __hash__(self):
        return hash(values(self))

    return __hash__


def _frozen_guards(cls, field_names):
    def __setattr__(self, name, value):
        if type(self) is cls or name in field_names:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in field_names:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    return __setattr__, __delattr__


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only):
    all_fields = {}
    has_dataclass_bases = False
    any_frozen_base = False
    all_frozen_bases = None
    for base in cls.__mro__[-1:0:-1]:
        base_fields = base.__dict__.get("__dataclass_fields__")
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                all_fields[f.name] = f
            base_frozen = base.__dict__["__dataclass_params__"].frozen
            any_frozen_base = any_frozen_base or base_frozen
            all_frozen_bases = base_frozen if all_frozen_bases is None \
                else all_frozen_bases and base_frozen

    own_fields = []
    annotations = cls.__dict__.get("__annotations__", {})
    for name, annotation in annotations.items():
        if annotation is KW_ONLY or annotation == "KW_ONLY" or \
                annotation == "dataclasses.KW_ONLY":
            kw_only = True
            continue
        own_fields.append(_make_field(cls, name, annotation, kw_only))
    for f in own_fields:
        all_fields[f.name] = f
        if isinstance(cls.__dict__.get(f.name), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)
    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in annotations:
            raise TypeError(f"{name!r} is a field but has no type annotation")

    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError("cannot inherit non-frozen dataclass from a frozen one")
        if all_frozen_bases is False and frozen:
            raise TypeError("cannot inherit frozen dataclass from a non-frozen one")

    cls.__dataclass_fields__ = all_fields
    cls.__dataclass_params__ = _DataclassParams(init, repr, eq, order, unsafe_hash, frozen)
    fields = list(all_fields.values())
    real_fields = [f for f in fields if f._field_type == _FIELD]
    compared = [f.name for f in real_fields if f.compare]

    class_hash = cls.__dict__.get("__hash__", MISSING)
    has_explicit_hash = not (class_hash is MISSING or
                             (class_hash is None and "__eq__" in cls.__dict__))

    if init:
        _set_new_attribute(cls, "__init__", _make_init(cls, fields, frozen))
    if repr:
        _set_new_attribute(cls, "__repr__", _make_repr(fields))
    if eq:
        _set_new_attribute(cls, "__eq__",
                           _make_comparison("__eq__", compared, lambda a, b: a == b))
    if order:
        if not eq:
            raise ValueError("eq must be true if order is true")
        for name, operation in (("__lt__", lambda a, b: a < b),
                                ("__le__", lambda a, b: a <= b),
                                ("__gt__", lambda a, b: a > b),
                                ("__ge__", lambda a, b: a >= b)):
            if _set_new_attribute(cls, name, _make_comparison(name, compared, operation)):
                raise TypeError(f"Cannot overwrite attribute {name} in class "
                                f"{cls.__name__}. Consider using functools.total_ordering")
    if frozen:
        field_names = tuple(f.name for f in real_fields)
        for method in _frozen_guards(cls, field_names):
            if _set_new_attribute(cls, method.__name__, method):
                raise TypeError(f"Cannot overwrite attribute {method.__name__} in class "
                                f"{cls.__name__}")

    hashed = [f.name for f in real_fields if (f.compare if f.hash is None else f.hash)]
    if unsafe_hash:
        if has_explicit_hash:
            raise TypeError(f"Cannot overwrite attribute __hash__ in class {cls.__name__}")
        cls.__hash__ = _make_hash(hashed)
    elif eq and frozen and not has_explicit_hash:
        cls.__hash__ = _make_hash(hashed)
    elif eq and not frozen and not has_explicit_hash:
        cls.__hash__ = None

    if match_args:
        _set_new_attribute(cls, "__match_args__",
                           tuple(f.name for f in fields if f.init and not f.kw_only
                                 and f._field_type == _FIELD))
    return cls


def dataclass(cls=None, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,
              frozen=False, match_args=True, kw_only=False, slots=False):
    """Adds __init__, __repr__ and __eq__ (and more on request) made from the annotated
    class attributes. Usable as @dataclass and @dataclass(...)."""

    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args,
                              kw_only)

    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    """The Field objects of a dataclass or of one of its instances, in order."""
    try:
        all_fields = class_or_instance.__dataclass_fields__
    except AttributeError:
        raise TypeError("must be called with a dataclass type or instance") from None
    return tuple(f for f in all_fields.values() if f._field_type == _FIELD)


def is_dataclass(obj):
    """Whether `obj` is a dataclass or an instance of one."""
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, "__dataclass_fields__")


def _is_dataclass_instance(obj):
    return hasattr(type(obj), "__dataclass_fields__")


def _convert(obj, dict_factory, make_container):
    """asdict/astuple's recursion: dataclasses become containers, containers are copied."""
    if _is_dataclass_instance(obj):
        return make_container(obj)
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return type(obj)(*[_convert(v, dict_factory, make_container) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_convert(v, dict_factory, make_container) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_convert(k, dict_factory, make_container),
                          _convert(v, dict_factory, make_container)) for k, v in obj.items())
    return copy.deepcopy(obj)


def asdict(obj, *, dict_factory=dict):
    """The fields of a dataclass instance as a dict, recursing into fields' values."""
    if not _is_dataclass_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")

    def make_dict(instance):
        return dict_factory([(f.name, _convert(getattr(instance, f.name), dict_factory,
                                               make_dict)) for f in fields(instance)])

    return make_dict(obj)


def astuple(obj, *, tuple_factory=tuple):
    """The field values of a dataclass instance as a tuple, recursing into them."""
    if not _is_dataclass_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")

    def make_tuple(instance):
        return tuple_factory([_convert(getattr(instance, f.name), dict, make_tuple)
                              for f in fields(instance)])

    return make_tuple(obj)


def replace(obj, **changes):
    """A new instance like `obj` with the given fields changed."""
    if not _is_dataclass_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")
    for f in obj.__dataclass_fields__.values():
        if f._field_type == _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError(f"field {f.name} is declared with init=False, it cannot "
                                 "be specified with replace()")
            continue
        if f.name not in changes:
            if f._field_type == _FIELD_INITVAR and f.default is MISSING:
                raise ValueError(f"InitVar {f.name!r} must be specified with replace()")
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, **options):
    """A new dataclass named `cls_name`; each field is a name, (name, type) or
    (name, type, Field)."""
    namespace = dict(namespace or {})
    annotations = {}
    for item in fields:
        if isinstance(item, str):
            name, annotation = item, "typing.Any"
        elif len(item) == 2:
            name, annotation = item
        else:
            name, annotation, namespace[item[0]] = item
        annotations[name] = annotation
    namespace["__annotations__"] = annotations
    namespace.setdefault("__module__", "__main__")
    return dataclass(type(cls_name, tuple(bases), namespace), **options)
