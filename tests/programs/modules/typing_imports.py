# Checks typing names import and annotations have no runtime effect.
from typing import Any, Optional, Union, List, Dict, Tuple, Callable, Iterable, Iterator, TypeVar, Generic, AsyncIterator, Awaitable
T = TypeVar("T")
class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item
def first(items: List[int], default: Optional[int] = None) -> Union[int, None]:
    return items[0] if items else default
handler: Callable[[int], str] = str
print(first([3, 4]), first([], 0), Box[int]("x").item, handler(5))
print(first(["not", "checked"]))
