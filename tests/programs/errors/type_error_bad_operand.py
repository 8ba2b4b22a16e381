# Checks an uncaught TypeError for unsupported operand types.
age = 30
message = "Age: " + age
