# Checks JSONDecodeError messages with line and column, and that it is a ValueError.
import json
for text in ('{"a": 1,}', "[1, 2", "", '{"a" 1}', "nul", '{"a": 1}\n  x', "[1]\n[2]"):
    try:
        json.loads(text)
    except json.JSONDecodeError as error:
        print(repr(text), "->", error, "|", error.lineno, error.colno, error.pos)
print(issubclass(json.JSONDecodeError, ValueError))
