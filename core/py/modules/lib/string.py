"""string: character-class constants, capwords and Template, written in Python for
awaitpad's interpreter.

Design decision: Template scans its text by hand instead of with a regular expression
(awaitpad has no `re`); it accepts CPython's default syntax — $name, ${name}, $$ — and
raises the same errors. Not provided: Formatter, and Template subclasses that change
`delimiter` or `idpattern` (only `delimiter` is honoured).
"""

__all__ = ["Template", "ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation", "whitespace"]

whitespace = " \t\n\r\v\f"
ascii_lowercase = "abcdefghijklmnopqrstuvwxyz"
ascii_uppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ascii_letters = ascii_lowercase + ascii_uppercase
digits = "0123456789"
hexdigits = digits + "abcdef" + "ABCDEF"
octdigits = "01234567"
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Splits `s` on `sep`, capitalizes each word and joins them with `sep` (or a space)."""
    return (sep or " ").join(word.capitalize() for word in s.split(sep))


def _identifier_length(text, start):
    """Length of the ASCII identifier ([_a-z][_a-z0-9]*, any case) at text[start:]."""
    end = start
    while end < len(text) and (text[end] == "_" or text[end] in ascii_letters or
                               (end > start and text[end] in digits)):
        end += 1
    return end - start


class Template:
    """A string with $-placeholders: Template("$who likes $what").substitute(who=...)."""

    delimiter = "$"

    def __init__(self, template):
        self.template = template

    def _invalid(self, index):
        line = self.template.count("\n", 0, index) + 1
        column = index - self.template.rfind("\n", 0, index)
        raise ValueError(f"Invalid placeholder in string: line {line}, col {column}")

    def _render(self, mapping, safe):
        text = self.template
        delimiter = self.delimiter
        pieces = []
        index = 0
        while True:
            found = text.find(delimiter, index)
            if found < 0:
                pieces.append(text[index:])
                return "".join(pieces)
            pieces.append(text[index:found])
            start = found + len(delimiter)
            if text.startswith(delimiter, start):
                pieces.append(delimiter)
                index = start + len(delimiter)
                continue
            braced = text.startswith("{", start)
            name_start = start + 1 if braced else start
            length = _identifier_length(text, name_start)
            end = name_start + length
            if length == 0 or (braced and not text.startswith("}", end)):
                if not safe:
                    self._invalid(found)
                pieces.append(delimiter)
                index = start
                continue
            name = text[name_start:end]
            end += 1 if braced else 0
            if name in mapping:
                pieces.append(str(mapping[name]))
            elif safe:
                pieces.append(text[found:end])
            else:
                raise KeyError(name)
            index = end

    def substitute(self, mapping=None, **kws):
        """The text with every placeholder replaced; KeyError for a missing name."""
        return self._render(_merged(mapping, kws), False)

    def safe_substitute(self, mapping=None, **kws):
        """The text with the known placeholders replaced; the others left as they are."""
        return self._render(_merged(mapping, kws), True)

    def get_identifiers(self):
        """The names of the valid placeholders, in order of first appearance."""
        names = []
        collector = _Collector(names)
        self._render(collector, True)
        return names

    def is_valid(self):
        """Whether every delimiter starts a valid placeholder or an escape."""
        try:
            self._render(_Collector([]), False)
        except ValueError:
            return False
        return True


class _Collector:
    """A mapping that contains every name, recording the names asked for."""

    def __init__(self, names):
        self.names = names

    def __contains__(self, name):
        if name not in self.names:
            self.names.append(name)
        return True

    def __getitem__(self, name):
        return ""


def _merged(mapping, keywords):
    if mapping is None:
        return keywords
    if not keywords:
        return mapping
    merged = dict(mapping)
    merged.update(keywords)
    return merged
