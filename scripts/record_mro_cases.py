#!/usr/bin/env python3
"""Records CPython's answers for the object model's tests (tests/unit/test_object_model.cpp).

Writes tests/unit/data/mro_cases.txt, one tab-separated record per line:
  class <case> <Name> <Base,Base|-> <answer>
      answer: "mro A B object" (the names of __mro__), or "error <TypeError text>"
      with newlines escaped as \\n. A case's classes are made in order; a class whose
      creation fails is not defined for the later lines of its case.
  message <key> <text>
      the text of an exception CPython raised for the snippet named <key>.
  value <key> <text>
      repr() of the expression named <key> (none of them shows an address).
  prefix <key> <text>
      repr() of the expression named <key> up to its address ("<__main__.C object at 0x").
Hand-made hierarchies (diamonds, CPython's documented MRO examples, inconsistent orders,
duplicate bases) come first, then deterministic random hierarchies.

Run: python3 scripts/record_mro_cases.py   (CPython 3.11)
"""
import os
import random
import sys

HAND_MADE = {
    "single": [("A", []), ("B", ["A"]), ("C", ["B"])],
    "diamond": [("A", []), ("B", ["A"]), ("C", ["A"]), ("D", ["B", "C"])],
    "diamond_reversed": [("A", []), ("B", ["A"]), ("C", ["A"]), ("D", ["C", "B"])],
    # The example from "The Python 2.3 Method Resolution Order".
    "python23_example": [("O", []), ("F", ["O"]), ("E", ["O"]), ("D", ["O"]),
                         ("C", ["D", "F"]), ("B", ["D", "E"]), ("A", ["B", "C"])],
    "python23_example_2": [("O", []), ("F", ["O"]), ("E", ["O"]), ("D", ["O"]),
                           ("C", ["D", "F"]), ("B", ["E", "D"]), ("A", ["B", "C"])],
    "inconsistent": [("X", []), ("Y", []), ("A", ["X", "Y"]), ("B", ["Y", "X"]),
                     ("C", ["A", "B"])],
    "base_before_subclass": [("A", []), ("B", ["A"]), ("C", ["A", "B"])],
    "duplicate_base": [("A", []), ("B", ["A", "A"])],
    "object_explicit": [("A", ["object"]), ("B", ["object", "A"]), ("C", ["A", "object"])],
    "wide": [("A", []), ("B", []), ("C", []), ("D", []), ("E", ["A", "B", "C", "D"]),
             ("F", ["D", "C", "B", "A"]), ("G", ["E", "F"])],
}


def make_class(name, base_names, namespace):
    bases = tuple(namespace[b] if b != "object" else object for b in base_names)
    try:
        cls = type(name, bases, {})
    except TypeError as error:
        return "error " + str(error).replace("\n", "\\n")
    namespace[name] = cls
    return "mro " + " ".join(c.__name__ for c in cls.__mro__)


def random_cases(count, seed):
    """Random hierarchies whose classes derive only from earlier classes that CPython
    managed to create (a failed class is skipped by the later ones)."""
    generator = random.Random(seed)
    cases = {}
    for number in range(count):
        classes = []
        namespace = {}
        for index in range(generator.randint(3, 8)):
            name = chr(ord("A") + index)
            previous = [c for c, _ in classes if c in namespace]
            base_count = min(len(previous), generator.choice([0, 1, 1, 2, 2, 3]))
            bases = generator.sample(previous, base_count)
            classes.append((name, bases))
            make_class(name, bases, namespace)
        cases[f"random_{number}"] = classes
    return cases


# Messages of attribute and call errors the tests compare (the snippet runs in a fresh
# namespace holding `C`, an empty class, and `c = C()`).
MESSAGES = {
    "instance_no_attribute": "c.missing",
    "class_no_attribute": "C.missing",
    "int_no_attribute": "(1).missing",
    "none_no_attribute": "None.missing",
    "object_set_attribute": "object().x = 1",
    "class_takes_no_arguments": "C(1)",
    "object_init_extra": "object.__init__(c, 1)",
    "immutable_type": "int.x = 1",
    "unhashable_class": "class E:\n    def __eq__(self, other): return True\nhash(E())",
    "unhashable_list": "hash([])",
    "not_callable": "c()",
    "not_iterable": "iter(c)",
    "not_container": "1 in c",
    "not_subscriptable": "c[0]",
    "no_len": "len(c)",
    "unsupported_add": "c + 1",
    "unsupported_less": "c < 1",
    "unary_minus": "-c",
    "format_spec": "format(c, 'x')",
    "descriptor_wrong_self": "int.__add__('a', 1)",
    "super_bad_object": "super(int, 'x')",
    "super_no_arguments": "super()",
    "property_no_getter": "class P:\n    p = property()\nP().p",
    "property_no_setter": "class P:\n    p = property(lambda self: 1)\nP().p = 2",
    "module_no_attribute": "import math\nmath.missing",
    "bad_base": "class B(bool): pass",
    "layout_conflict": "class L(int, str): pass",
}


# Reprs the tests compare, evaluated in the same namespace as MESSAGES.
VALUES = {
    "class_repr": "C",
    "builtin_class_repr": "int",
    "super_repr": "super(C, c)",
    "unbound_super_repr": "super(C)",
    "slot_wrapper_repr": "int.__add__",
    "object_init_repr": "object.__init__",
    "method_descriptor_repr": "list.append",
    "builtin_function_repr": "len",
    "module_repr": "__import__('sys')",
    "none_repr": "None",
    "not_implemented_repr": "NotImplemented",
    "ellipsis_repr": "...",
}


# Reprs that end in an address: only the text before it is recorded.
PREFIXES = {
    "object_repr": "c",
    "bound_slot_wrapper_repr": "(1).__add__",
    "bound_builtin_method_repr": "[].append",
    "class_method_repr": "dict.fromkeys",
}


def fresh_namespace():
    """`C`, an empty class of module __main__, and `c = C()`."""
    namespace = {"__name__": "__main__"}
    exec("class C:\n    pass\nc = C()", namespace)
    return namespace


def record_message(code):
    namespace = fresh_namespace()
    try:
        exec(code, namespace)
    except (TypeError, AttributeError, RuntimeError) as error:
        return str(error).replace("\n", "\\n")
    raise SystemExit(f"no exception for {code!r}")


def main():
    if sys.version_info[:2] != (3, 11):
        raise SystemExit("record with CPython 3.11")
    lines = []
    cases = dict(HAND_MADE)
    cases.update(random_cases(60, seed=20261126))
    for case, classes in cases.items():
        namespace = {}
        for name, bases in classes:
            answer = make_class(name, bases, namespace)
            lines.append("\t".join(["class", case, name, ",".join(bases) or "-", answer]))
    for key, code in MESSAGES.items():
        lines.append("\t".join(["message", key, record_message(code)]))
    for key, expression in VALUES.items():
        text = repr(eval(expression, fresh_namespace()))
        if "0x" in text:
            raise SystemExit(f"{key} shows an address: {text}")
        lines.append("\t".join(["value", key, text]))
    for key, expression in PREFIXES.items():
        text = repr(eval(expression, fresh_namespace()))
        lines.append("\t".join(["prefix", key, text[: text.index(" at 0x") + 6]]))
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    path = os.path.join(root, "tests", "unit", "data", "mro_cases.txt")
    with open(path, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    print(f"wrote {len(lines)} records to {path}")


if __name__ == "__main__":
    main()
