# Checks keyword-only parameters after * and after *args; passing them positionally fails.
def connect(host, *, port=80, secure):
    return f"{host}:{port} secure={secure}"

print(connect("example", secure=True))
print(connect("example", port=443, secure=True))
try:
    connect("example", 443, True)
except TypeError as error:
    print("TypeError:", error)
def log(*messages, sep):
    print(sep.join(messages))
log("a", "b", sep="+")
