// `except*` (PEP 654): the two steps CPython 3.11's CHECK_EG_MATCH and PREP_RERAISE_STAR
// perform, used by the VM's JUMP_IF_NOT_EG_MATCH and PREP_RERAISE_STAR instructions.
// Both work through the groups' Python-level `split` and `derive`, so user subclasses of
// ExceptionGroup that override derive behave as in CPython.
#pragma once

#include "core/py/objects/object.hpp"

namespace py {

// Splits the exception being handled by an `except* match_type` clause (CPython's
// exception_group_match): a full match gives the group itself (a naked exception is
// wrapped in ExceptionGroup("", [exc]) keeping its traceback) and rest None; a group
// partly matching gives its split; no match gives match None and rest the exception.
// Raises TypeError for a match_type that is not an exception class (or tuple of them) or
// is an exception group class. 0, or -1 with the exception set.
int exception_group_match(Object* exception, Object* match_type, Ref<>* match, Ref<>* rest);

// What an `except*` statement raises when its clauses are done (CPython's
// _PyExc_PrepReraiseStar): `results` holds what each clause raised or re-raised, and last
// the unmatched rest (None entries are skipped). Exceptions carrying the original's
// metadata were re-raised: they become the original group's projection on their leaves;
// the newly raised ones join it in ExceptionGroup("", [...]) when there are several.
// Returns None when nothing is left to raise; null with an exception set on error.
Ref<> prepare_reraise_star(Object* original, Object* results);

}  // namespace py
