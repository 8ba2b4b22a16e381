# Checks assert: passing asserts do nothing; failing ones raise AssertionError with the message.
assert 1 + 1 == 2
assert [1], "non-empty lists are true"
try:
    assert 1 > 2, "one is not greater than two"
except AssertionError as error:
    print("AssertionError:", error)
try:
    assert False
except AssertionError as error:
    print("no message:", repr(error.args))
