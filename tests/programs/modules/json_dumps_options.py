# Checks json.dumps with indent, sort_keys and separators.
import json
data = {"name": "Ada", "langs": ["en", "fr"], "age": 36, "admin": False, "manager": None, "score": 9.5}
print(json.dumps(data))
print(json.dumps(data, sort_keys=True))
print(json.dumps(data, indent=2))
print(json.dumps([1, [2, {}], []], indent=4))
print(json.dumps({"a": 1, "b": 2}, separators=(",", ":")))
