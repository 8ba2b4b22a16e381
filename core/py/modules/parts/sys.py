"""sys's Python part: the record-like values. The C++ part (sys_module.cpp) ran first in
this namespace and defined argv, exit, modules, the streams and the recursion limit."""

class version_info(tuple):
    """sys.version_info: a tuple whose fields are also attributes, as CPython's."""

    _fields = ("major", "minor", "micro", "releaselevel", "serial")
    n_fields = n_sequence_fields = 5
    major = property(lambda self: self[0])
    minor = property(lambda self: self[1])
    micro = property(lambda self: self[2])
    releaselevel = property(lambda self: self[3])
    serial = property(lambda self: self[4])

    def __repr__(self):
        fields = ", ".join(f"{name}={value!r}" for name, value in zip(self._fields, self))
        return f"sys.version_info({fields})"

version_info = version_info((3, 11, 7, "final", 0))

class _Namespace:
    """types.SimpleNamespace's behaviour for sys.implementation."""

    def __init__(self, **fields):
        self.__dict__.update(fields)

    def __repr__(self):
        fields = ", ".join(f"{name}={value!r}" for name, value in self.__dict__.items())
        return f"namespace({fields})"

implementation = _Namespace(name="awaitpad", cache_tag=None, version=version_info,
                            hexversion=hexversion)

class float_info(tuple):
    """sys.float_info: the IEEE double's limits."""

    _fields = ("max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig",
               "mant_dig", "epsilon", "radix", "rounds")

    def __getattr__(self, name):
        if name in float_info._fields:
            return self[float_info._fields.index(name)]
        raise AttributeError(f"'sys.float_info' object has no attribute '{name}'")

    def __repr__(self):
        fields = ", ".join(f"{name}={value!r}" for name, value in zip(self._fields, self))
        return f"sys.float_info({fields})"

float_info = float_info((1.7976931348623157e+308, 1024, 308, 2.2250738585072014e-308, -1021,
                         -307, 15, 53, 2.220446049250313e-16, 2, 1))
del _Namespace
