"""random's Python part: the class Random and the module-level functions, which are the
bound methods of one hidden Random instance, as in CPython's random.py. The C++ part
(random_module.cpp) defined _Random, whose methods do the work; the instance is seeded by
the CLI's --seed when given, else by the OS."""


class Random(_Random):
    """Random number generator base class used by bound module functions.

    Used to instantiate instances of Random to get generators that don't share state.
    """


_inst = Random()
seed = _inst.seed
random = _inst.random
uniform = _inst.uniform
triangular = _inst.triangular
randint = _inst.randint
choice = _inst.choice
randrange = _inst.randrange
sample = _inst.sample
shuffle = _inst.shuffle
choices = _inst.choices
normalvariate = _inst.normalvariate
lognormvariate = _inst.lognormvariate
expovariate = _inst.expovariate
vonmisesvariate = _inst.vonmisesvariate
gammavariate = _inst.gammavariate
gauss = _inst.gauss
betavariate = _inst.betavariate
paretovariate = _inst.paretovariate
weibullvariate = _inst.weibullvariate
getstate = _inst.getstate
setstate = _inst.setstate
getrandbits = _inst.getrandbits
randbytes = _inst.randbytes
