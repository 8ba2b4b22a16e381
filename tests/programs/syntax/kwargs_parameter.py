# Checks **kwargs collects extra keyword arguments into a dict in call order.
def configure(name, **options):
    print(name, options)
    for key, value in options.items():
        print(" ", key, "=", value)

configure("server", port=8080, debug=True, host="localhost")
configure("empty")
def everything(a, b=2, *args, c, d=4, **kwargs):
    return a, b, args, c, d, kwargs
print(everything(1, 3, 5, 6, c=7, e=8))
