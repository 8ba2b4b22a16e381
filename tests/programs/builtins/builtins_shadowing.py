# Checks a user name can shadow a builtin and deleting it restores the builtin.
list = lambda *args: "shadowed"
print(list("abc"))
del list
print(list("abc"))
import builtins
print(builtins.len("four"))
