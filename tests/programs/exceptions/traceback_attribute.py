# Checks caught exceptions carry a __traceback__ with the raising line numbers.
def fail():
    raise ValueError("x")
try:
    fail()
except ValueError as error:
    tb = error.__traceback__
    lines = []
    while tb is not None:
        lines.append(tb.tb_lineno)
        tb = tb.tb_next
    print(lines)
