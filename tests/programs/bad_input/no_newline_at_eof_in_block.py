# Checks a file ending inside an indented block without a final newline.
for i in range(2):
    if i:
        print(i)