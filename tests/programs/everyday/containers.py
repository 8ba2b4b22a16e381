# Checks everyday lists, dicts, sets and tuples: building, indexing, sorting, counting and comprehensions.
numbers = [5, 3, 8, 1]
numbers.append(7)
numbers.extend([2, 9])
numbers.insert(0, 4)
numbers.remove(8)
print(numbers, numbers.pop(), numbers[1:4], numbers.index(7), len(numbers), sorted(numbers))
numbers.sort(reverse=True)
print(numbers, [n * 2 for n in numbers if n % 2], list(zip(numbers, "abc")))
counts = {}
for word in "a b a c b a".split():
    counts[word] = counts.get(word, 0) + 1
print(counts, sorted(counts, key=counts.get), list(counts.items()), "a" in counts)
counts.setdefault("d", 0)
counts.update({"e": 5})
print(counts.pop("e"), list(counts.keys()), sum(counts.values()), {k: v for k, v in counts.items() if v})
seen = {1, 2, 3}
seen.add(4)
print(seen & {2, 4, 6}, seen | {9}, seen - {1}, 3 in seen, len(seen))
point = (3, 4)
x, y = point
first, *rest = numbers
print(x * y, point[0], rest, tuple(range(3)), list(enumerate("ab", 1)), any(numbers), all(numbers))
matrix = [[i * j for j in range(3)] for i in range(3)]
print(matrix, max(matrix, key=sum), list(map(len, ["a", "bb"])), list(filter(None, [0, 1, 2])))
