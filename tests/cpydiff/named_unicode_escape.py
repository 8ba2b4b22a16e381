"""String escapes by Unicode character name (\\N{...}) are not supported.

Cause: the Unicode name database (about 1 MB) is not linked into the WebAssembly build.
Workaround: write the character itself, or its code point: "\\u2022" instead of
"\\N{BULLET}".
"""
print("\N{BULLET} first item")
