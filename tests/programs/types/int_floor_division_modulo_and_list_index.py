# Checks the signs of // and % for ints of every sign and size, and list indexing with ints in and out of range.
vals = [-7, -3, -1, 0, 1, 2, 3, 7, 2**62, -2**63, 2**63 - 1, -2**62]
for a in vals:
    for b in vals:
        if b == 0:
            continue
        print(a, b, a // b, a % b)
xs = [1, 2, 3]
print(xs[0], xs[-1], xs[-3], xs[True])
for i in (3, -4):
    try:
        xs[i]
    except IndexError as e:
        print(e)
