# Checks __post_init__ and dataclasses.asdict / fields.
from dataclasses import dataclass, asdict, fields

@dataclass
class Rect:
    width: float
    height: float
    area: float = 0.0
    def __post_init__(self):
        self.area = self.width * self.height

r = Rect(2, 3.5)
print(r, asdict(r))
print([f.name for f in fields(r)])
