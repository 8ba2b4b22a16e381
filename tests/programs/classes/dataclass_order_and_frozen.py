# Checks @dataclass(order=True) comparisons and frozen=True rejecting assignment.
from dataclasses import dataclass, FrozenInstanceError

@dataclass(order=True)
class Version:
    major: int
    minor: int

print(sorted([Version(1, 2), Version(0, 9), Version(1, 0)]))
print(Version(1, 2) < Version(1, 3))

@dataclass(frozen=True)
class Key:
    name: str

k = Key("a")
try:
    k.name = "b"
except FrozenInstanceError as error:
    print("FrozenInstanceError:", error)
print(hash(k) == hash(Key("a")))
