# Checks the assignment expression (walrus) in a while condition and an if.
numbers = [3, 8, 1, 9, 4]
index = 0
while (value := numbers[index]) != 9:
    print("saw", value)
    index += 1
print("stopped at", value, "index", index)
if (length := len(numbers)) > 3:
    print("long list of", length)
print((y := 5) * 2, y)
