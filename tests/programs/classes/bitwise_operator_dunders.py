# Checks __and__, __or__, __xor__, __invert__, __lshift__, __rshift__ on a custom class.
class Flags:
    def __init__(self, bits):
        self.bits = bits
    def __repr__(self):
        return f"Flags({self.bits:04b})"
    def __and__(self, other): return Flags(self.bits & other.bits)
    def __or__(self, other): return Flags(self.bits | other.bits)
    def __xor__(self, other): return Flags(self.bits ^ other.bits)
    def __invert__(self): return Flags(~self.bits & 0b1111)
    def __lshift__(self, n): return Flags((self.bits << n) & 0b1111)
    def __rshift__(self, n): return Flags(self.bits >> n)
a, b = Flags(0b1100), Flags(0b1010)
print(a & b, a | b, a ^ b, ~a, b << 1, a >> 2)
