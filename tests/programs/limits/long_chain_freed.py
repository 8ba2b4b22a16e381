# Checks that dropping long chains of nested objects (tuples, lists, instances, dicts) frees them without running out of stack.
class Node:
    def __init__(self, next_node):
        self.next = next_node


def build(kind, length):
    chain = None
    for i in range(length):
        if kind == "tuple":
            chain = (chain, i)
        elif kind == "list":
            chain = [chain]
        elif kind == "instance":
            chain = Node(chain)
        else:
            chain = {"next": chain}
    return chain


for kind in ["tuple", "list", "instance", "dict"]:
    chain = build(kind, 100_000)
    chain = None
    print(kind, "chain freed")
