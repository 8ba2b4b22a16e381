# Checks the SyntaxError for augmented assignment to a literal.
1 += 1
