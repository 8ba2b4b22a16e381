# Checks non-ASCII and emoji text through len, upper, slicing, f-string padding and repr.
word = "straße"
print(word, len(word), word.upper())
emoji = "🐍🎉"
print(emoji, len(emoji), emoji[1])
print(f"[{'日本':>6}]", f"[{'é':*^5}]")
print(repr("é\u200b\x00"), ascii("é🐍"))
print("Å".encode(), b"\xc3\x85".decode())
