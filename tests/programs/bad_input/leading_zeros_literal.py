# Checks the SyntaxError for a decimal literal with leading zeros.
month = 09
