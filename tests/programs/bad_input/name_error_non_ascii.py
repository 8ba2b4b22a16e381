# Checks the NameError for a misspelt non-ASCII name.
café = 1
print(cafe)
