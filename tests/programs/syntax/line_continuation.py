# Checks explicit backslash continuation and implicit continuation inside brackets.
total = 1 + \
    2 + \
    3
print(total)
values = [
    1,
    2,  # a comment inside the list
    3,
]
print(values)
result = (10
          * 2)
print(result)
if (total > 1 and
        result > 1):
    print("both")
