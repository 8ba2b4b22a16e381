# Checks AttributeError for a missing module attribute.
import math
print(math.squareroot(4))
