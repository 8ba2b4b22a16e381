# Checks json.dumps escapes non-ASCII by default and keeps it with ensure_ascii=False.
import json
data = {"city": "Zürich", "emoji": "😀", "quote": "say \"hi\"\n"}
print(json.dumps(data))
print(json.dumps(data, ensure_ascii=False))
