# Checks capture patterns bind names and the wildcard _ matches without binding.
def handle(command):
    match command.split():
        case ["go", direction]:
            print("going", direction)
        case ["look"]:
            print("looking around")
        case [verb, _]:
            print("unknown verb", verb, "with an object")
        case _:
            print("cannot parse", repr(command))

handle("go north")
handle("look")
handle("eat apple")
handle("dance wildly now")
