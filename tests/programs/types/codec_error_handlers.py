# str.encode and bytes.decode under each error handler, the lone surrogates included:
# UTF-8 refuses to encode them; 'surrogateescape' (PEP 383, what aiohttp decodes header
# bytes with) carries undecodable bytes through str and back.
raw = b"caf\xe9 \xff\xfe ok \xc3\xa9"
for codec in ["utf-8", "ascii"]:
    for errors in ["replace", "ignore", "surrogateescape"]:
        text = raw.decode(codec, errors)
        print(codec, errors, ascii(text), len(text))
        if errors == "surrogateescape":
            print("  back:", text.encode(codec, errors) == raw)

def attempt(action):
    try:
        print(" ", ascii(action()))
    except (UnicodeEncodeError, UnicodeDecodeError) as error:
        print(" ", type(error).__name__, error)

print("lone surrogates")
attempt(lambda: "\udce9".encode())
attempt(lambda: "a\ud800\udc00b".encode("utf-8"))
attempt(lambda: "a\udce9b".encode("utf-8", "replace"))
attempt(lambda: "a\udce9b".encode("utf-8", "ignore"))
attempt(lambda: "a\udce9b".encode("latin-1", "surrogateescape"))
attempt(lambda: "a\ud800b".encode("utf-8", "surrogateescape"))
attempt(lambda: "é\udcffx".encode("ascii", "surrogateescape"))
attempt(lambda: b"a\x80".decode("ascii", "surrogateescape"))
attempt(lambda: b"\xf0\x9f\x98A".decode("utf-8", "surrogateescape"))
attempt(lambda: "\U0001f600 and \udcff".encode("utf-8", "surrogateescape"))
