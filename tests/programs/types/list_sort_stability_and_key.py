# Checks list.sort is stable, supports key and reverse, and sorts in place returning None.
people = [("bob", 25), ("alice", 30), ("carol", 25), ("dave", 30)]
people.sort(key=lambda p: p[1])
print(people)
people.sort(key=lambda p: p[1], reverse=True)
print(people)
words = ["banana", "Apple", "cherry"]
print(words.sort(key=str.lower), words)
try:
    [1, "a"].sort()
except TypeError as error:
    print("TypeError:", error)
