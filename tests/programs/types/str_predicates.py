# Checks isdigit, isalpha, isalnum, isspace, isupper, islower, istitle, isidentifier, isdecimal, isnumeric.
for s in ("123", "abc", "abc123", "   ", "ABC", "abc", "Title Case", "", "½", "var_1", "1var"):
    print(repr(s), s.isdigit(), s.isalpha(), s.isalnum(), s.isspace(), s.isupper(),
          s.islower(), s.istitle(), s.isidentifier(), s.isdecimal(), s.isnumeric())
