# Checks a class decorator that registers and modifies the class.
registry = []
def register(cls):
    registry.append(cls.__name__)
    cls.registered = True
    return cls
@register
class Plugin:
    pass
print(registry, Plugin.registered)
