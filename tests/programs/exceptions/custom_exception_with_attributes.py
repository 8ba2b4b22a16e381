# Checks a custom exception with its own __init__, attributes and __str__.
class HTTPError(Exception):
    def __init__(self, status, reason):
        super().__init__(status, reason)
        self.status = status
        self.reason = reason
    def __str__(self):
        return f"{self.status} {self.reason}"
try:
    raise HTTPError(404, "Not Found")
except HTTPError as error:
    print(error, error.args, error.status)
    print(repr(error))
