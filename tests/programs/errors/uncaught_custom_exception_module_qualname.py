# Checks the last traceback line names a __main__ exception class without the module prefix.
class ValidationError(ValueError):
    pass
raise ValidationError("field 'email' is required")
