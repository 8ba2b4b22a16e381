# Checks the SyntaxError for an emoji used as a name.
🐍 = "python"
