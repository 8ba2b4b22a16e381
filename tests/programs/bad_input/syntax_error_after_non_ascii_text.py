# Checks the caret column of a SyntaxError on a line with non-ASCII text before it.
greeting = "héllo wörld 日本" "x" 1
