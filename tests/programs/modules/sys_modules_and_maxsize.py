# Checks sys.maxsize and that imported modules appear in sys.modules.
import sys
import json
print(sys.maxsize == 2 ** 63 - 1, "json" in sys.modules, sys.modules["json"] is json)
