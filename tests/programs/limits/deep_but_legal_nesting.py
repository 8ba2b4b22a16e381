# Checks deeply nested expressions, blocks and comprehensions within CPython's parser limits.
value = ((((((((((((((((((((1))))))))))))))))))))
print(value)
print([[[[[[[[[[0]]]]]]]]]])
x = 0
if True:
    if True:
        if True:
            if True:
                if True:
                    if True:
                        if True:
                            if True:
                                x = 8
print(x)
print(sum(a + b + c for a in range(3) for b in range(3) for c in range(3)))
print(-(-(-(-(-(-(-(-(1)))))))))
