# Checks a 100,000-entry dict and a string built by join.
table = {n: str(n) for n in range(100_000)}
print(len(table), table[54321])
text = ",".join(table.values())
print(len(text), text[:20], text.count(","))
