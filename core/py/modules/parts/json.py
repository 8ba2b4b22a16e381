"""json's Python part: JSONDecodeError, the JSONEncoder/JSONDecoder classes (for cls=
and for subclassing; they call the C++ dumps/loads with their options) and the file-object
wrappers. The C++ part (json_module.cpp) defined dumps and loads, which raise
JSONDecodeError from here and hand a cls= call to the class given."""


class JSONDecodeError(ValueError):
    """Subclass of ValueError with the following additional properties:

    msg: The unformatted error message
    doc: The JSON document being parsed
    pos: The start index of doc where parsing failed
    lineno: The line corresponding to pos
    colno: The column corresponding to pos
    """

    def __init__(self, msg, doc, pos):
        lineno = doc.count("\n", 0, pos) + 1
        colno = pos - doc.rfind("\n", 0, pos)
        ValueError.__init__(self, f"{msg}: line {lineno} column {colno} (char {pos})")
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


JSONDecodeError.__module__ = "json.decoder"


class JSONEncoder:
    """Extensible JSON encoder: override default() to serialize other objects."""

    item_separator = ", "
    key_separator = ": "

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ","
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError(f"Object of type {o.__class__.__name__} is not JSON serializable")

    def encode(self, o):
        return dumps(o, skipkeys=self.skipkeys, ensure_ascii=self.ensure_ascii,
                     check_circular=self.check_circular, allow_nan=self.allow_nan,
                     sort_keys=self.sort_keys, indent=self.indent,
                     separators=(self.item_separator, self.key_separator),
                     default=self.default)

    def iterencode(self, o, _one_shot=False):
        yield self.encode(o)


JSONEncoder.__module__ = "json.encoder"


class JSONDecoder:
    """Simple JSON decoder with the hooks of json.loads."""

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float
        self.parse_int = parse_int
        self.parse_constant = parse_constant
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def decode(self, s):
        return loads(s, object_hook=self.object_hook, parse_float=self.parse_float,
                     parse_int=self.parse_int, parse_constant=self.parse_constant,
                     strict=self.strict, object_pairs_hook=self.object_pairs_hook)


JSONDecoder.__module__ = "json.decoder"


def dump(obj, fp, **kw):
    """Serialize ``obj`` as a JSON formatted stream to ``fp`` (a ``.write()``-supporting
    file-like object)."""
    fp.write(dumps(obj, **kw))


def load(fp, **kw):
    """Deserialize ``fp`` (a ``.read()``-supporting file-like object containing a JSON
    document) to a Python object."""
    return loads(fp.read(), **kw)
