# Checks input() on an empty stdin raises EOFError (caught here), after printing the prompt.
try:
    name = input("Your name? ")
except EOFError as error:
    print()
    print("EOFError:", repr(error))
