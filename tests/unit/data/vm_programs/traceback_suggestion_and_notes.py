# The last line of an uncaught error: no __main__ prefix, CPython's "Did you mean" and the
# exception's notes after it.
class Inventory:
    def __init__(self):
        self.quantity = 3


def restock(inventory):
    try:
        return inventory.quantiy + 1
    except AttributeError as error:
        error.add_note("while restocking")
        error.add_note("second note\nwith two lines")
        raise


restock(Inventory())
