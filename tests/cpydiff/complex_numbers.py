"""Complex numbers are not supported.

Cause: the interpreter has no complex type; a literal like 4j is refused when the
program is compiled, naming the feature and its line.
Workaround: keep the real and imaginary parts as two floats, or use (re, im) tuples.
"""
z = 3 + 4j
print(abs(z))
