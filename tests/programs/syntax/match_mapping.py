# Checks mapping patterns: required keys, extra keys allowed, **rest capture.
def route(event):
    match event:
        case {"type": "click", "x": x, "y": y}:
            return f"click at {x},{y}"
        case {"type": "key", **rest}:
            return f"key event with {rest}"
        case {}:
            return "some mapping"
    return "not a mapping"

print(route({"type": "click", "x": 1, "y": 2, "button": "left"}))
print(route({"type": "key", "code": 13, "shift": False}))
print(route({"type": "scroll"}))
print(route([1, 2]))
