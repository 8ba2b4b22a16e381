# Checks a runtime traceback that quotes a source line with non-ASCII text.
prices = {"café": 3}
print(prices["thé"], "☕")
