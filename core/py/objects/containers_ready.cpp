// ready_container_types() (ready.hpp): readies every container type of this directory.
#include "core/py/objects/ready.hpp"

#include "core/py/objects/iterators.hpp"
#include "core/py/objects/range.hpp"

namespace py {

int ready_tuple_type();
int ready_list_type();
int ready_dict_type();
int ready_slice_type();
int ready_set_types();
int ready_dict_view_types();

void ready_container_types() {
  ready_tuple_type();
  ready_list_type();
  ready_dict_type();
  ready_dict_view_types();
  ready_slice_type();
  ready_range_types();
  ready_set_types();
  ready_iterator_types();
}

}  // namespace py
