# Checks bytes literals, indexing to ints, slicing, decode, hex and bytes().
data = b"hello"
print(data, data[0], data[1:3], list(data[:2]), len(data))
print(bytes([72, 105]), bytes(3), "hé".encode())
print(data.upper(), data.split(b"l"), data + b"!", b"l" in data)
print(data.hex(), bytes.fromhex("4869"), data.decode())
ba = bytearray(b"abc")
ba[0] = 65
print(ba, bytes(ba))
