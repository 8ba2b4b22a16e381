# Checks add_note (3.11): __notes__ holds notes; an uncaught exception's traceback ends with its note.
try:
    error = ValueError("bad input")
    error.add_note("while reading line 3")
    raise error
except ValueError as caught:
    print(caught.__notes__)
final = KeyError("final")
final.add_note("the note is the last line of the traceback")
raise final
