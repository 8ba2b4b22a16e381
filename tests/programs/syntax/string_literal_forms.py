# Checks string literal forms: quotes, triple quotes, escapes, raw strings, concatenation.
print('single', "double", 'it\'s', "say \"hi\"")
print("""triple
quoted""")
print("tab\there", "newline\\n shown", "\x41\u00e9\N{GREEK SMALL LETTER ALPHA}")
print(r"raw\n\t", len(r"\n"))
print("adjacent " "literals " 'join')
print(b"bytes", rb"raw\bytes", type(b"").__name__)
print("\101\060", "a\
b")
