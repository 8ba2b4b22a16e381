"""typing: the names of type hints, importable and subscriptable, with no runtime effect
— written in Python for awaitpad's interpreter.

Design decision: a hint is data only. Every special form and generic alias is an
instance of one small class, _Alias, whose subscription makes another _Alias with the
same reprs as CPython ("typing.Optional[int]", "typing.Dict[str, typing.List[int]]").
Generic and Protocol return the class itself when subscripted, because a class
statement needs a real class as base (`class Box(Generic[T])`) and awaitpad's class
statement does not call __mro_entries__; the cost is that Box[int] prints as the plain
class. NamedTuple and TypedDict use a metaclass to turn the class body into a namedtuple
or a dict. isinstance works against unsubscripted aliases (isinstance([], List)).
"""

import collections
import collections.abc
import sys

TYPE_CHECKING = False


def _type_repr(obj):
    """How CPython's typing shows one argument of a hint."""
    if isinstance(obj, type):
        if obj.__module__ == "builtins":
            return obj.__qualname__
        return f"{obj.__module__}.{obj.__qualname__}"
    if obj is ...:
        return "..."
    if obj is None or obj is type(None):
        return "NoneType"
    if isinstance(obj, (list, tuple)):
        return "[" + ", ".join(_type_repr(item) for item in obj) + "]"
    if type(obj).__name__ == "function":
        return obj.__name__
    return repr(obj)


class _Alias:
    """A type hint: a special form (Any, Union, ...) or a generic alias (List[int])."""

    def __init__(self, name, origin=None, args=None, parameters=-1, instantiable=None):
        self._name = name                 # "List", "Union", ...
        self.__origin__ = origin          # the class it stands for, or the form it came from
        self.__args__ = args              # the subscript's arguments, or None if bare
        self._parameters = parameters     # how many arguments a subscript takes; -1: any
        self._instantiable = instantiable  # what to suggest calling instead, for bare aliases

    def __repr__(self):
        if self.__args__ is None:
            return f"typing.{self._name}"
        if self._name == "Optional":
            member = [arg for arg in self.__args__ if arg is not type(None)][0]
            return f"typing.Optional[{_type_repr(member)}]"
        if self._name == "Callable" and len(self.__args__) == 2:
            arguments, result = self.__args__
            shown = "..." if arguments is ... else _type_repr(list(arguments))
            return f"typing.Callable[{shown}, {_type_repr(result)}]"
        if self._name == "Tuple" and self.__args__ == ():
            return "typing.Tuple[()]"
        return f"typing.{self._name}[{', '.join(_type_repr(a) for a in self.__args__)}]"

    def __getitem__(self, parameters):
        if self.__args__ is not None:
            return self._substituted(_as_tuple(parameters))
        if self._parameters == 0:
            if self._name == "Any":
                raise TypeError("type 'Any' is not subscriptable")
            if isinstance(self.__origin__, type):
                raise TypeError(f"typing.{self._name} is not a generic class")
            raise TypeError(f"typing.{self._name} is not subscriptable")
        parameters = _as_tuple(parameters)
        if self._name == "Callable" and len(parameters) == 2 and \
                isinstance(parameters[0], list):
            parameters = (tuple(parameters[0]), parameters[1])
        if self._name == "Union":
            return _union(parameters)
        if self._name == "Optional":
            if len(parameters) != 1:
                raise TypeError(f"typing.Optional requires a single type. Got {parameters!r}.")
            return _union(parameters + (type(None),))
        if self._parameters == 1 and self.__origin__ is None and len(parameters) != 1:
            raise TypeError(f"typing.{self._name} accepts only single type. "
                            f"Got {parameters!r}.")
        if self._parameters > 0 and len(parameters) != self._parameters:
            many = "many" if len(parameters) > self._parameters else "few"
            raise TypeError(f"Too {many} arguments for typing.{self._name}; actual "
                            f"{len(parameters)}, expected {self._parameters}")
        return _Alias(self._name, self.__origin__ if self.__origin__ is not None else self,
                      parameters, instantiable=self._instantiable)

    def _substituted(self, parameters):
        """Dict[str, T][int]: the type variables of the arguments replaced, in order."""
        variables = []
        for argument in self.__args__:
            if isinstance(argument, TypeVar) and argument not in variables:
                variables.append(argument)
        if not variables:
            raise TypeError(f"{self!r} is not a generic class")
        if len(parameters) != len(variables):
            many = "many" if len(parameters) > len(variables) else "few"
            raise TypeError(f"Too {many} arguments for {self!r}; actual "
                            f"{len(parameters)}, expected {len(variables)}")
        replacements = dict(zip(variables, parameters))
        arguments = tuple(replacements.get(argument, argument) if isinstance(argument, TypeVar)
                          else argument for argument in self.__args__)
        if self._name in ("Union", "Optional"):
            return _union(arguments)
        return _Alias(self._name, self.__origin__, arguments)

    def __call__(self, *args, **kwargs):
        if self._instantiable is None or isinstance(self.__origin__, _Alias):
            raise TypeError(f"Cannot instantiate typing.{self._name}")
        raise TypeError(f"Type {self._name} cannot be instantiated; use "
                        f"{self._instantiable}() instead")

    def __eq__(self, other):
        if not isinstance(other, _Alias):
            return NotImplemented
        if self._is_union() and other._is_union():
            return set(self.__args__) == set(other.__args__)
        return (self._name, self.__origin__, self.__args__) == \
            (other._name, other.__origin__, other.__args__)

    def __hash__(self):
        if self._is_union():
            return hash(frozenset(self.__args__))
        return hash((self._name, self.__args__))

    def _is_union(self):
        return self._name in ("Union", "Optional") and self.__args__ is not None

    def __or__(self, other):
        return _union((self, other))

    def __ror__(self, other):
        return _union((other, self))

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        if self.__args__ is not None:
            raise TypeError("Subscripted generics cannot be used with class and "
                            "instance checks")
        if not isinstance(self.__origin__, type):
            raise TypeError(f"typing.{self._name} cannot be used with isinstance()")
        return issubclass(cls, self.__origin__)

    def __mro_entries__(self, bases):
        if isinstance(self.__origin__, type):
            return (self.__origin__,)
        raise TypeError(f"Cannot subclass {self!r}")


def _as_tuple(parameters):
    return parameters if isinstance(parameters, tuple) else (parameters,)


def _union(parameters):
    """Union[...]: nested unions flattened, duplicates dropped, one member unwrapped."""
    members = []
    for parameter in parameters:
        parameter = type(None) if parameter is None else parameter
        inner = parameter.__args__ if isinstance(parameter, _Alias) and \
            parameter._name in ("Union", "Optional") else (parameter,)
        for member in inner:
            if member not in members:
                members.append(member)
    if len(members) == 1:
        return members[0]
    if len(members) == 2 and type(None) in members:
        return _Alias("Optional", Union, tuple(members))
    return _Alias("Union", Union, tuple(members))


def _form(name, parameters=-1):
    return _Alias(name, None, None, parameters)


Any = _form("Any", 0)
NoReturn = _form("NoReturn", 0)
Never = _form("Never", 0)
Self = _form("Self", 0)
LiteralString = _form("LiteralString", 0)
TypeAlias = _form("TypeAlias", 0)
Union = _form("Union")
Optional = _form("Optional")
ClassVar = _form("ClassVar", 1)
Final = _form("Final", 1)
Literal = _form("Literal")
Annotated = _form("Annotated")
TypeGuard = _form("TypeGuard", 1)
Concatenate = _form("Concatenate")
Required = _form("Required", 1)
NotRequired = _form("NotRequired", 1)
Unpack = _form("Unpack", 1)


def _generic(name, origin, parameters=-1, instantiable=None):
    return _Alias(name, origin, None, parameters, instantiable)


_abc = collections.abc
List = _generic("List", list, 1, "list")
Dict = _generic("Dict", dict, 2, "dict")
Set = _generic("Set", set, 1, "set")
FrozenSet = _generic("FrozenSet", frozenset, 1, "frozenset")
Tuple = _generic("Tuple", tuple, -1, "tuple")
Type = _generic("Type", type, 1)
DefaultDict = _generic("DefaultDict", collections.defaultdict, 2, "collections.defaultdict")
OrderedDict = _generic("OrderedDict", collections.OrderedDict, 2, "collections.OrderedDict")
Counter = _generic("Counter", collections.Counter, 1, "collections.Counter")
Deque = _generic("Deque", collections.deque, 1, "collections.deque")
ChainMap = _generic("ChainMap", collections.ChainMap, 2, "collections.ChainMap")
Callable = _generic("Callable", _abc.Callable)
Iterable = _generic("Iterable", _abc.Iterable, 1)
Iterator = _generic("Iterator", _abc.Iterator, 1)
Reversible = _generic("Reversible", _abc.Reversible, 1)
Generator = _generic("Generator", _abc.Generator, 3)
Awaitable = _generic("Awaitable", _abc.Awaitable, 1)
Coroutine = _generic("Coroutine", _abc.Coroutine, 3)
AsyncIterable = _generic("AsyncIterable", _abc.AsyncIterable, 1)
AsyncIterator = _generic("AsyncIterator", _abc.AsyncIterator, 1)
AsyncGenerator = _generic("AsyncGenerator", _abc.AsyncGenerator, 2)
Hashable = _generic("Hashable", _abc.Hashable, 0)
Sized = _generic("Sized", _abc.Sized, 0)
Container = _generic("Container", _abc.Container, 1)
Collection = _generic("Collection", _abc.Collection, 1)
Sequence = _generic("Sequence", _abc.Sequence, 1)
MutableSequence = _generic("MutableSequence", _abc.MutableSequence, 1)
Mapping = _generic("Mapping", _abc.Mapping, 2)
MutableMapping = _generic("MutableMapping", _abc.MutableMapping, 2)
AbstractSet = _generic("AbstractSet", _abc.Set, 1)
MutableSet = _generic("MutableSet", _abc.MutableSet, 1)
KeysView = _generic("KeysView", _abc.KeysView, 1)
ItemsView = _generic("ItemsView", _abc.ItemsView, 2)
ValuesView = _generic("ValuesView", _abc.ValuesView, 1)
Text = str


class TypeVar:
    """A type variable: TypeVar("T"), shown as ~T (+T covariant, -T contravariant)."""

    def __init__(self, name, *constraints, bound=None, covariant=False,
                 contravariant=False):
        if covariant and contravariant:
            raise ValueError("Bivariant types are not supported.")
        if len(constraints) == 1:
            raise TypeError("A single constraint is not allowed")
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        prefix = "+" if self.__covariant__ else "-" if self.__contravariant__ else "~"
        return prefix + self.__name__

    def __or__(self, other):
        return _union((self, other))

    def __ror__(self, other):
        return _union((other, self))


class ParamSpec(TypeVar):
    """A parameter specification variable: ParamSpec("P"), shown as ~P."""

    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        TypeVar.__init__(self, name, bound=bound, covariant=covariant,
                         contravariant=contravariant)


AnyStr = TypeVar("AnyStr", bytes, str)


class Generic:
    """Base of user generic classes: class Box(Generic[T]) — Box[int] is Box itself."""

    def __class_getitem__(cls, parameters):
        return cls


class Protocol(Generic):
    """Base of structural interfaces; not checked at runtime."""


def runtime_checkable(cls):
    return cls


def final(f):
    return f


def no_type_check(arg):
    return arg


def cast(typ, val):
    """Returns `val` unchanged: cast only informs a type checker."""
    return val


def assert_type(val, typ):
    return val


def reveal_type(obj):
    print(f"Runtime type is {type(obj).__name__!r}", file=sys.stderr)
    return obj


def _overload_dummy(*args, **kwds):
    raise NotImplementedError(
        "You should not call an overloaded function. "
        "A series of @overload-decorated functions "
        "outside a stub module should always be followed "
        "by an implementation that is not @overload-ed.")


def overload(func):
    """Marks a signature-only definition; calling it raises NotImplementedError."""
    return _overload_dummy


def get_origin(tp):
    return tp.__origin__ if isinstance(tp, _Alias) else None


def get_args(tp):
    return tp.__args__ or () if isinstance(tp, _Alias) else ()


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """The annotations of `obj` (its class's and bases' for a class), unevaluated."""
    if isinstance(obj, type):
        hints = {}
        for base in reversed(obj.__mro__):
            hints.update(base.__dict__.get("__annotations__", {}))
        return hints
    return dict(getattr(obj, "__annotations__", {}))


class NewType:
    """NewType("UserId", int): a callable returning its argument, shown by name."""

    def __init__(self, name, tp):
        self.__name__ = name
        self.__qualname__ = name
        self.__supertype__ = tp
        self.__module__ = "__main__"

    def __repr__(self):
        return f"{self.__module__}.{self.__qualname__}"

    def __call__(self, x):
        return x


# Names a NamedTuple class body may define that do not become methods of the result.
_NAMEDTUPLE_SKIPPED = {"__module__", "__qualname__", "__annotations__", "__doc__",
                       "__dict__", "__weakref__", "_root"}


class _NamedTupleMeta(type):
    """Turns `class P(NamedTuple): x: int` into collections.namedtuple("P", ["x"])."""

    def __new__(mcls, typename, bases, namespace):
        if namespace.get("_root", False):
            return super().__new__(mcls, typename, bases, namespace)
        annotations = namespace.get("__annotations__", {})
        defaults = []
        for name in annotations:
            if name in namespace:
                defaults.append(namespace[name])
            elif defaults:
                raise TypeError(f"Non-default namedtuple field {name} cannot follow "
                                f"default field{'s' if len(defaults) > 1 else ''} "
                                f"{', '.join(n for n in annotations if n in namespace)}")
        result = collections.namedtuple(typename, list(annotations), defaults=defaults,
                                        module=namespace.get("__module__", "__main__"))
        result.__annotations__ = dict(annotations)
        for key, value in namespace.items():
            if key not in _NAMEDTUPLE_SKIPPED and key not in annotations:
                setattr(result, key, value)
        return result


class NamedTuple(metaclass=_NamedTupleMeta):
    """class P(NamedTuple): x: int — or NamedTuple("P", [("x", int)])."""

    _root = True

    def __new__(cls, typename, fields=None, **kwargs):
        fields = list(kwargs.items()) if fields is None else list(fields)
        result = collections.namedtuple(typename, [name for name, _ in fields])
        result.__annotations__ = dict(fields)
        return result


class _TypedDictMeta(type):
    """Makes `class Movie(TypedDict)` a class whose instances are plain dicts."""

    def __new__(mcls, name, bases, namespace, total=True):
        annotations = {}
        for base in bases:
            annotations.update(getattr(base, "__annotations__", {}))
        annotations.update(namespace.get("__annotations__", {}))
        namespace["__annotations__"] = annotations
        namespace["__total__"] = total
        return super().__new__(mcls, name, (dict,), namespace)

    def __init__(cls, name, bases, namespace, total=True):
        super().__init__(name, bases, namespace)

    def __call__(cls, *args, total=True, **kwargs):
        if cls is TypedDict:  # the functional form: TypedDict("Movie", {"name": str})
            name, fields = args
            return _TypedDictMeta(name, (), {"__annotations__": dict(fields),
                                             "__module__": "__main__"}, total=total)
        return dict(*args, **kwargs)


class TypedDict(dict, metaclass=_TypedDictMeta):
    """class Movie(TypedDict): name: str — Movie(name="x") is a dict."""
