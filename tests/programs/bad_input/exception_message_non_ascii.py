# Checks an uncaught exception whose message has non-ASCII text and emoji.
raise ValueError("naïve résumé 🐍")
