# Checks ** unpacking of dicts into keyword arguments, mixed with explicit keywords.
def describe(name, age, city="nowhere"):
    print(f"{name} is {age} and lives in {city}")

person = {"name": "Ada", "age": 36}
describe(**person)
describe(**person, city="London")
describe(**{"name": "Alan"}, **{"age": 41})
def collect(**kwargs):
    return kwargs
print(collect(a=1, **{"b": 2}, c=3))
