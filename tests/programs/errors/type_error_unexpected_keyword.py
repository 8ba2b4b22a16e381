# Checks the TypeError for an unexpected keyword argument.
def connect(host, port=80):
    return host, port
connect("example", prt=8080)
