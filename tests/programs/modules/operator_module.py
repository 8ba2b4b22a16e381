# Checks the operator module's function forms and itemgetter/attrgetter.
import operator
print(operator.add(2, 3), operator.mul(4, 5), operator.neg(3), operator.not_(0))
rows = [("b", 2), ("a", 3), ("c", 1)]
print(sorted(rows, key=operator.itemgetter(1)), operator.itemgetter(0, 1)(rows[0]))
print(operator.attrgetter("real")(5))
