# Checks strip/lstrip/rstrip with and without chars, replace with count, removeprefix/removesuffix.
print(repr("  hi  ".strip()), repr("  hi  ".lstrip()), repr("  hi  ".rstrip()))
print("xxhixx".strip("x"), "www.example.com".strip("cmowz."))
print("aaa".replace("a", "b", 2), "hello".replace("l", ""), "abc".replace("", "-"))
print("test_file.py".removesuffix(".py"), "test_file.py".removeprefix("test_"))
