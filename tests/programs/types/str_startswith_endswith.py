# Checks startswith/endswith with strings, tuples and start positions.
name = "report_2024.csv"
print(name.startswith("report"), name.endswith((".csv", ".txt")), name.endswith(".py"))
print(name.startswith("2024", 7), "".startswith(""))
