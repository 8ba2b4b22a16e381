# Checks json.loads of objects, arrays, numbers, strings with escapes, true/false/null.
import json
text = '{"a": [1, 2.5, -3e2], "b": {"c": null, "d": true, "e": false}, "s": "line\\nnext \\u00e9"}'
value = json.loads(text)
print(value)
print(type(value["a"][0]).__name__, type(value["a"][1]).__name__, value["s"])
print(json.loads("[]"), json.loads('"plain"'), json.loads("12345678901234567890"))
