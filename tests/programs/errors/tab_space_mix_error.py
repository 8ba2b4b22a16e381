# Checks the TabError for inconsistent tabs and spaces in indentation.
if True:
        x = 1
	y = 2
