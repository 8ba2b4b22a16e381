# Checks finally runs when break and continue leave a try inside a loop.
for i in range(3):
    try:
        if i == 0:
            continue
        if i == 2:
            break
        print("body", i)
    finally:
        print("finally", i)
print("done")
