# Checks a multi-frame traceback from an exception raised three calls deep.
def parse(text):
    return int(text)
def load(lines):
    return [parse(line) for line in lines]
def main():
    print("loading")
    return load(["1", "2", "three"])
main()
