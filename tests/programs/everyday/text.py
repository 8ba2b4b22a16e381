# Checks everyday string work: split, join, strip, case, find, replace, slicing, formatting and building.
line = "  the quick brown fox jumps over the lazy dog  "
words = line.split()
print(len(words), words[0], words[-1], " ".join(reversed(words)))
print(line.strip().upper(), line.strip().title(), line.count("o"), line.find("fox"))
print(line.replace("dog", "cat").strip(), "fox" in line, line.strip().startswith("the"))
name = "Ada"
score = 97.456
print(f"{name}: {score:.1f} ({score:>8.2f}) {len(name):03d} {name!r}")
print("{} has {} letters".format(name, len(name)), "%s=%d" % ("x", 3))
text = ""
for i in range(5):
    text += str(i) + ","
print(text, text[:3], text[::-1], text[2:7:2], text.rstrip(","))
print(",".join(str(n) for n in range(4)), "a-b-c".split("-"), "ab" * 3, ord("A"), chr(66))
print("Hello"[1], "x".center(5, "*"), "7".zfill(3), "tab\there".expandtabs(4), repr("q'"))
