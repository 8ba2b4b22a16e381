# Checks a SyntaxError for an if statement missing its colon (exit 1, no traceback frames).
print("this never runs")
if True
    print("yes")
