# Checks how Python types map through json: tuples become lists, int keys become strings.
import json
original = {1: (1, 2), "nested": {"x": [True, None]}}
text = json.dumps(original)
print(text)
print(json.loads(text))
try:
    json.dumps({"s": {1, 2}})
except TypeError as error:
    print("TypeError:", error)
print(json.dumps(float("inf")), json.dumps("é"))
