# Checks for/else as a search: else runs only when no break happened.
def find(items, wanted):
    for index, item in enumerate(items):
        if item == wanted:
            print("found", wanted, "at", index)
            break
    else:
        print(wanted, "not found")

find([4, 5, 6], 5)
find([4, 5, 6], 9)
find([], 1)
