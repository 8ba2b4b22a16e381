# Checks building, summing, sorting and slicing a 100,000-element list.
numbers = list(range(100_000))
print(len(numbers), sum(numbers), numbers[-1])
squares = [n * n for n in numbers]
print(squares[99_999], sum(squares) % 1_000_007)
shuffled = numbers[::-1]
shuffled.sort()
print(shuffled == numbers, len(set(numbers)), max(numbers))
