# Checks aliasing versus shallow and per-row copies of a nested list.
original = [[1, 2], [3]]
alias = original
shallow = original[:]
deep = [row[:] for row in original]
original[0].append(99)
original.append("new")
print(alias)
print(shallow)
print(deep)
print(list(original) is original, original.copy() == original)
