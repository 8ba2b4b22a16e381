"""abc: abstract base classes (ABCMeta, ABC, abstractmethod), written in Python for
awaitpad's interpreter.

Design decision: the refusal to instantiate a class with abstract methods lives in
ABCMeta.__call__, not in object.__new__ as in CPython, so the object model needs no
abstract flag; the cost is that a class with its own __new__ that skips
object.__new__ is refused too (CPython would let it through), and instantiation of an
ABC runs one Python-level call more. isinstance/issubclass consult register()ed classes
and __subclasshook__, with a per-class cache dropped whenever anything is registered.
"""

__all__ = ["ABC", "ABCMeta", "abstractclassmethod", "abstractmethod", "abstractproperty",
           "abstractstaticmethod", "get_cache_token"]


def abstractmethod(funcobj):
    """Marks a method abstract: a class that has it cannot be instantiated."""
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    __isabstractmethod__ = True


class abstractstaticmethod(staticmethod):
    __isabstractmethod__ = True


class abstractproperty(property):
    __isabstractmethod__ = True


def _is_abstract(value):
    if getattr(value, "__isabstractmethod__", False):
        return True
    if isinstance(value, property):
        return any(getattr(function, "__isabstractmethod__", False)
                   for function in (value.fget, value.fset, value.fdel))
    if isinstance(value, (classmethod, staticmethod)):
        return getattr(value.__func__, "__isabstractmethod__", False)
    return False


# Bumped by every register(): the subclass caches built before it are stale.
_invalidation_counter = [0]


def get_cache_token():
    """A token that changes whenever a class is registered with any ABC."""
    return _invalidation_counter[0]


class ABCMeta(type):
    """The metaclass of abstract base classes."""

    def __new__(mcls, name, bases, namespace, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        abstracts = {key for key, value in namespace.items() if _is_abstract(value)}
        for base in bases:
            for key in getattr(base, "__abstractmethods__", ()):
                if _is_abstract(getattr(cls, key, None)):
                    abstracts.add(key)
        cls.__abstractmethods__ = frozenset(abstracts)
        cls._abc_registry = []          # classes register()ed as virtual subclasses
        cls._abc_subclasses = []        # ABCs deriving from this one
        cls._abc_cache = set()          # classes known to be subclasses
        cls._abc_negative_cache = set() # classes known not to be subclasses
        cls._abc_cache_version = _invalidation_counter[0]  # counter value of the caches
        for base in bases:
            if isinstance(base, ABCMeta):
                base._abc_subclasses.append(cls)
        return cls

    def __call__(cls, *args, **kwargs):
        abstracts = getattr(cls, "__abstractmethods__", ())
        if abstracts:
            names = sorted(abstracts)
            plural = "s" if len(names) > 1 else ""
            raise TypeError(f"Can't instantiate abstract class {cls.__name__} with "
                            f"abstract method{plural} {', '.join(names)}")
        return super().__call__(*args, **kwargs)

    def register(cls, subclass):
        """Makes `subclass` a virtual subclass of this ABC; returns it (a decorator)."""
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        cls._abc_registry.append(subclass)
        _invalidation_counter[0] += 1
        return subclass

    def __instancecheck__(cls, instance):
        subclass = instance.__class__
        if subclass in cls._abc_cache:
            return True
        subtype = type(instance)
        if subtype is subclass:
            return cls.__subclasscheck__(subclass)
        return cls.__subclasscheck__(subclass) or cls.__subclasscheck__(subtype)

    def __subclasscheck__(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError("issubclass() arg 1 must be a class")
        if cls._abc_cache_version != _invalidation_counter[0]:
            cls._abc_negative_cache = set()
            cls._abc_cache_version = _invalidation_counter[0]
        if subclass in cls._abc_cache:
            return True
        if subclass in cls._abc_negative_cache:
            return False
        result = cls._compute_subclass(subclass)
        (cls._abc_cache if result else cls._abc_negative_cache).add(subclass)
        return result

    def _compute_subclass(cls, subclass):
        hook = getattr(cls, "__subclasshook__", None)
        hook = NotImplemented if hook is None else hook(subclass)
        if hook is not NotImplemented:
            return bool(hook)
        if cls in subclass.__mro__:
            return True
        for registered in cls._abc_registry:
            if issubclass(subclass, registered):
                return True
        for derived in cls._abc_subclasses:
            if issubclass(subclass, derived):
                return True
        return False


class ABC(metaclass=ABCMeta):
    """A helper base class: `class C(ABC)` makes C an abstract base class."""
