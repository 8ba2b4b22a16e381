# Checks an uncaught UnboundLocalError from assigning a global name inside a function.
count = 0
def increment():
    count += 1
increment()
