# Checks a file of only comments and blank lines runs and prints nothing.

# second comment
   
	
# last
