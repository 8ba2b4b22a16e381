// `match` statements (compiler.hpp), as CPython 3.10's compile.c compiles them: each case
// matches a copy of the subject; values captured on the way wait on the stack (rotated
// beneath the items still being matched) and are stored only when the whole pattern
// matched; a failure jumps to a chain of POP_TOPs that drops exactly what is on the stack.
#include <algorithm>

#include "core/py/compiler/compiler_unit.hpp"
#include "core/py/objects/message_format.hpp"
#include "core/py/objects/str.hpp"

namespace py {

using namespace ast;

// CPython's pattern_context.
struct Compiler::PatternContext {
  std::vector<std::string> stores;    // names captured so far, in order
  bool allow_irrefutable = false;     // false: a capture or wildcard here is an error
  std::vector<BasicBlock*> fail_pop;  // fail_pop[n] pops n items, then falls to fail_pop[0]
  size_t on_top = 0;                  // items above the captures that must stay on top
};

static bool is_wildcard(const Pattern* pattern) {
  return pattern->kind == PatternKind::MatchAs && !pattern->as<MatchAs>()->has_name &&
         !pattern->as<MatchAs>()->pattern;
}

static bool is_star_wildcard(const Pattern* pattern) {
  return pattern->kind == PatternKind::MatchStar && !pattern->as<MatchStar>()->has_name;
}

static ConstantValue int_constant(int64_t value) {
  ConstantValue constant;
  constant.kind = ConstantValue::Kind::Int;
  constant.int_value = value;
  return constant;
}

void Compiler::ensure_fail_pop(PatternContext& context, size_t count) {
  while (context.fail_pop.size() < count + 1) context.fail_pop.push_back(new_block());
}

// Jumps (with `opcode`) to the block that pops what this failure leaves on the stack.
void Compiler::jump_to_fail_pop(PatternContext& context, Opcode opcode) {
  size_t pops = context.on_top + context.stores.size();
  ensure_fail_pop(context, pops);
  emit_jump(opcode, context.fail_pop[pops]);
}

void Compiler::emit_and_reset_fail_pop(PatternContext& context) {
  if (context.fail_pop.empty()) return;
  for (size_t index = context.fail_pop.size() - 1; index > 0; --index) {
    use_next_block(context.fail_pop[index]);
    emit(Opcode::POP_TOP);
  }
  use_next_block(context.fail_pop[0]);
  context.fail_pop.clear();
}

// pattern_helper_store_name: a capture waits beneath the items still on top.
bool Compiler::pattern_helper_store_name(const std::string* name, const Location& location,
                                         PatternContext& context) {
  if (!name) {
    emit(Opcode::POP_TOP);
    return true;
  }
  if (std::find(context.stores.begin(), context.stores.end(), *name) != context.stores.end()) {
    return fail(format_message("multiple assignments to name {} in pattern", str_repr(*name)),
                location);
  }
  emit(Opcode::ROT_N, uint32_t(context.on_top + context.stores.size() + 1));
  context.stores.push_back(*name);
  return true;
}

bool Compiler::pattern_subpattern(const Pattern* pattern, PatternContext& context) {
  bool allow_irrefutable = context.allow_irrefutable;
  context.allow_irrefutable = true;
  bool ok = visit_pattern(pattern, context);
  context.allow_irrefutable = allow_irrefutable;
  return ok;
}

bool Compiler::visit_pattern(const Pattern* pattern, PatternContext& context) {
  if (!check_recursion(*pattern)) return false;
  set_position(*pattern);
  last_pattern_location_ = *pattern;
  bool ok = true;
  switch (pattern->kind) {
    case PatternKind::MatchValue:
      ok = pattern_value(pattern, context);
      break;
    case PatternKind::MatchSingleton:
      ok = pattern_singleton(pattern->as<MatchSingleton>(), context);
      break;
    case PatternKind::MatchSequence:
      ok = pattern_sequence(pattern->as<MatchSequence>(), context);
      break;
    case PatternKind::MatchMapping:
      ok = pattern_mapping(pattern->as<MatchMapping>(), context);
      break;
    case PatternKind::MatchClass:
      ok = pattern_class(pattern->as<MatchClass>(), context);
      break;
    case PatternKind::MatchStar: {
      auto* star = pattern->as<MatchStar>();
      ok = pattern_helper_store_name(star->has_name ? &star->name : nullptr, *pattern, context);
      break;
    }
    case PatternKind::MatchAs:
      ok = pattern_as(pattern->as<MatchAs>(), context);
      break;
    case PatternKind::MatchOr:
      ok = pattern_or(pattern->as<MatchOr>(), context);
      break;
  }
  --depth_;
  return ok;
}

// A literal, a signed number or a dotted name (CPython's AST optimizer has folded `-1`
// into a constant by the time its compiler checks; ours sees the UnaryOp).
static bool is_value_expression(const Expr* value) {
  switch (value->kind) {
    case ExprKind::Constant:
    case ExprKind::Attribute:
      return true;
    case ExprKind::UnaryOp:
      return value->as<UnaryOp>()->op == UnaryOperator::USub &&
             value->as<UnaryOp>()->operand->kind == ExprKind::Constant;
    default:
      return false;
  }
}

bool Compiler::pattern_value(const Pattern* pattern, PatternContext& context) {
  const Expr* value = pattern->as<MatchValue>()->value;
  if (!is_value_expression(value)) {
    return fail("patterns may only match literals and attribute lookups", *pattern);
  }
  if (!visit_expression(value)) return false;
  emit_compare_operator(CompareOperator::Eq);
  jump_to_fail_pop(context, Opcode::POP_JUMP_IF_FALSE);
  return true;
}

bool Compiler::pattern_singleton(const MatchSingleton* pattern, PatternContext& context) {
  load_constant(pattern->value);
  emit(Opcode::IS_OP, 0);
  jump_to_fail_pop(context, Opcode::POP_JUMP_IF_FALSE);
  return true;
}

bool Compiler::pattern_as(const MatchAs* pattern, PatternContext& context) {
  const std::string* name = pattern->has_name ? &pattern->name : nullptr;
  if (!pattern->pattern) {
    if (!context.allow_irrefutable) {
      if (name) {
        return fail(
            format_message("name capture {} makes remaining patterns unreachable", str_repr(*name)),
            *pattern);
      }
      return fail("wildcard makes remaining patterns unreachable", *pattern);
    }
    return pattern_helper_store_name(name, *pattern, context);
  }
  // Keep a copy to store if the inner pattern matches.
  context.on_top++;
  emit(Opcode::DUP_TOP);
  if (!visit_pattern(pattern->pattern, context)) return false;
  context.on_top--;
  set_position(*pattern);
  return pattern_helper_store_name(name, *pattern, context);
}

// pattern_unpack_helper + pattern_helper_sequence_unpack.
bool Compiler::pattern_helper_sequence_unpack(const std::vector<Pattern*>& patterns, int star,
                                              PatternContext& context) {
  size_t count = patterns.size();
  if (star >= 0) {
    size_t after = count - size_t(star) - 1;
    if (star >= (1 << 8) || after >= (1u << 16)) {
      Location here;
      here.lineno = unit_->position.line;
      return fail("too many expressions in star-unpacking sequence pattern", here);
    }
    emit(Opcode::UNPACK_EX, uint32_t(star) + uint32_t(after << 8));
  } else {
    emit(Opcode::UNPACK_SEQUENCE, uint32_t(count));
  }
  context.on_top += count;
  for (const Pattern* pattern : patterns) {
    context.on_top--;
    if (!pattern_subpattern(pattern, context)) return false;
  }
  return true;
}

// pattern_helper_sequence_subscr: `[a, *_, b]` indexes instead of unpacking everything.
bool Compiler::pattern_helper_sequence_subscript(const std::vector<Pattern*>& patterns,
                                                 int star, PatternContext& context) {
  context.on_top++;
  size_t count = patterns.size();
  for (size_t index = 0; index < count; ++index) {
    const Pattern* pattern = patterns[index];
    if (is_wildcard(pattern) || int(index) == star) continue;
    emit(Opcode::DUP_TOP);
    if (int(index) < star) {
      load_constant(int_constant(int64_t(index)));
    } else {
      // The subject may not support negative indexes: len(subject) - (count - index).
      emit(Opcode::GET_LEN);
      load_constant(int_constant(int64_t(count - index)));
      emit(Opcode::BINARY_OP, uint32_t(BinaryOp::subtract));
    }
    emit(Opcode::BINARY_SUBSCR);
    if (!pattern_subpattern(pattern, context)) return false;
  }
  context.on_top--;
  emit(Opcode::POP_TOP);
  return true;
}

bool Compiler::pattern_sequence(const MatchSequence* pattern, PatternContext& context) {
  const auto& patterns = pattern->patterns;
  int star = -1;
  bool only_wildcard = true;
  bool star_wildcard = false;
  for (size_t index = 0; index < patterns.size(); ++index) {
    const Pattern* element = patterns[index];
    if (element->kind == PatternKind::MatchStar) {
      if (star >= 0) return fail("multiple starred names in sequence pattern", *pattern);
      star_wildcard = is_star_wildcard(element);
      only_wildcard = only_wildcard && star_wildcard;
      star = int(index);
      continue;
    }
    only_wildcard = only_wildcard && is_wildcard(element);
  }
  context.on_top++;
  emit(Opcode::MATCH_SEQUENCE);
  jump_to_fail_pop(context, Opcode::POP_JUMP_IF_FALSE);
  if (star < 0) {
    emit(Opcode::GET_LEN);
    load_constant(int_constant(int64_t(patterns.size())));
    emit_compare_operator(CompareOperator::Eq);
    jump_to_fail_pop(context, Opcode::POP_JUMP_IF_FALSE);
  } else if (patterns.size() > 1) {
    emit(Opcode::GET_LEN);
    load_constant(int_constant(int64_t(patterns.size() - 1)));
    emit_compare_operator(CompareOperator::GtE);
    jump_to_fail_pop(context, Opcode::POP_JUMP_IF_FALSE);
  }
  context.on_top--;
  if (only_wildcard) {
    emit(Opcode::POP_TOP);
    return true;
  }
  if (star_wildcard) return pattern_helper_sequence_subscript(patterns, star, context);
  return pattern_helper_sequence_unpack(patterns, star, context);
}

bool Compiler::pattern_mapping(const MatchMapping* pattern, PatternContext& context) {
  size_t count = pattern->keys.size();
  context.on_top++;
  emit(Opcode::MATCH_MAPPING);
  jump_to_fail_pop(context, Opcode::POP_JUMP_IF_FALSE);
  if (!count && !pattern->has_rest) {
    context.on_top--;
    emit(Opcode::POP_TOP);
    return true;
  }
  if (count) {
    emit(Opcode::GET_LEN);
    load_constant(int_constant(int64_t(count)));
    emit_compare_operator(CompareOperator::GtE);
    jump_to_fail_pop(context, Opcode::POP_JUMP_IF_FALSE);
  }
  std::vector<std::string> seen;
  for (const Expr* key : pattern->keys) {
    if (is_value_expression(key) && key->kind != ExprKind::Attribute) {
      bool negative = key->kind == ExprKind::UnaryOp;
      const Expr* literal = negative ? key->as<UnaryOp>()->operand : key;
      const ConstantValue& value = literal->as<Constant>()->value;
      std::string constant_key;
      constant_object(value, &constant_key);
      if (negative) constant_key.insert(0, "-");
      if (std::find(seen.begin(), seen.end(), constant_key) != seen.end()) {
        std::string shown = "...";
        if (value.kind == ConstantValue::Kind::Str) shown = str_repr(value.text);
        if (value.kind == ConstantValue::Kind::Int) {
          shown = format_message("{}{}", negative ? "-" : "", value.int_value);
        }
        if (value.kind == ConstantValue::Kind::None) shown = "None";
        if (value.kind == ConstantValue::Kind::True) shown = "True";
        if (value.kind == ConstantValue::Kind::False) shown = "False";
        return fail(format_message("mapping pattern checks duplicate key ({})", shown), *pattern);
      }
      seen.push_back(constant_key);
    } else if (key->kind != ExprKind::Attribute) {
      return fail("mapping pattern keys may only match literals and attribute lookups", *key);
    }
    if (!visit_expression(key)) return false;
  }
  emit(Opcode::BUILD_TUPLE, uint32_t(count));
  emit(Opcode::MATCH_KEYS);
  context.on_top += 2;
  jump_to_fail_pop(context, Opcode::POP_JUMP_IF_FALSE);
  for (size_t index = 0; index < count; ++index) {
    const Pattern* value_pattern = pattern->patterns[index];
    if (is_wildcard(value_pattern)) continue;
    emit(Opcode::DUP_TOP);
    load_constant(int_constant(int64_t(index)));
    emit(Opcode::BINARY_SUBSCR);
    if (!pattern_subpattern(value_pattern, context)) return false;
  }
  context.on_top -= 2;
  set_position(*pattern);
  emit(Opcode::POP_TOP);
  if (pattern->has_rest) {
    emit(Opcode::COPY_DICT_WITHOUT_KEYS);
    if (!pattern_helper_store_name(&pattern->rest, *pattern, context)) return false;
  } else {
    emit(Opcode::POP_TOP);
  }
  context.on_top--;
  emit(Opcode::POP_TOP);
  return true;
}

bool Compiler::validate_kwd_attrs(const std::vector<std::string>& attrs,
                                  const std::vector<Pattern*>& patterns) {
  for (size_t index = 0; index < attrs.size(); ++index) {
    for (size_t other = index + 1; other < attrs.size(); ++other) {
      if (attrs[index] == attrs[other]) {
        return fail(format_message("attribute name repeated in class pattern: {}", attrs[index]),
                    *patterns[other]);
      }
    }
  }
  return true;
}

bool Compiler::pattern_class(const MatchClass* pattern, PatternContext& context) {
  size_t positional = pattern->patterns.size();
  size_t keywords = pattern->kwd_attrs.size();
  if (keywords && !validate_kwd_attrs(pattern->kwd_attrs, pattern->kwd_patterns)) return false;
  if (!visit_expression(pattern->cls)) return false;
  load_string_tuple(pattern->kwd_attrs);
  emit(Opcode::MATCH_CLASS, uint32_t(positional));
  context.on_top++;
  jump_to_fail_pop(context, Opcode::POP_JUMP_IF_FALSE);
  for (size_t index = 0; index < positional + keywords; ++index) {
    const Pattern* element = index < positional ? pattern->patterns[index]
                                                : pattern->kwd_patterns[index - positional];
    if (is_wildcard(element)) continue;
    emit(Opcode::DUP_TOP);
    load_constant(int_constant(int64_t(index)));
    emit(Opcode::BINARY_SUBSCR);
    if (!pattern_subpattern(element, context)) return false;
  }
  context.on_top--;
  set_position(*pattern);
  emit(Opcode::POP_TOP);
  return true;
}

// compiler_pattern_or: each alternative matches a copy of the subject; every alternative
// must bind the same names, reordered on the stack to the first alternative's order.
bool Compiler::pattern_or(const MatchOr* pattern, PatternContext& context) {
  BasicBlock* end = new_block();
  PatternContext outer = std::move(context);
  std::vector<std::string> control;
  size_t count = pattern->patterns.size();
  for (size_t index = 0; index < count; ++index) {
    const Pattern* alternative = pattern->patterns[index];
    set_position(*alternative);
    PatternContext inner;
    inner.allow_irrefutable = index + 1 == count && outer.allow_irrefutable;
    emit(Opcode::DUP_TOP);
    if (!visit_pattern(alternative, inner)) return false;
    if (index == 0) {
      control = inner.stores;
    } else if (inner.stores.size() != control.size()) {
      return fail("alternative patterns bind different names", last_pattern_location_);
    } else if (!inner.stores.empty()) {
      for (size_t control_index = control.size(); control_index-- > 0;) {
        auto found = std::find(inner.stores.begin(), inner.stores.end(), control[control_index]);
        if (found == inner.stores.end()) {
          return fail("alternative patterns bind different names", last_pattern_location_);
        }
        size_t store_index = size_t(found - inner.stores.begin());
        if (store_index == control_index) continue;
        // Rotate the first store_index + 1 names (and their stack values) into place.
        size_t rotations = store_index + 1;
        std::vector<std::string> rotated(inner.stores.begin(), inner.stores.begin() + rotations);
        inner.stores.erase(inner.stores.begin(), inner.stores.begin() + rotations);
        inner.stores.insert(inner.stores.begin() + (control_index - store_index), rotated.begin(),
                            rotated.end());
        while (rotations--) emit(Opcode::ROT_N, uint32_t(control_index + 1));
      }
    }
    emit_jump(Opcode::JUMP_FORWARD, end);
    emit_and_reset_fail_pop(inner);
  }
  context = std::move(outer);
  // No alternative matched: drop the subject and fail.
  emit(Opcode::POP_TOP);
  jump_to_fail_pop(context, Opcode::JUMP_FORWARD);
  use_next_block(end);
  size_t rotations = control.size() + 1 + context.on_top + context.stores.size();
  for (const std::string& name : control) {
    emit(Opcode::ROT_N, uint32_t(rotations));
    if (std::find(context.stores.begin(), context.stores.end(), name) != context.stores.end()) {
      return fail(format_message("multiple assignments to name {} in pattern", str_repr(name)),
                  *pattern);
    }
    context.stores.push_back(name);
  }
  emit(Opcode::POP_TOP);
  return true;
}

// compiler_match.
bool Compiler::visit_match(const Match* statement) {
  if (!visit_expression(statement->subject)) return false;
  BasicBlock* end = new_block();
  size_t cases = statement->cases.size();
  bool has_default = cases > 1 && is_wildcard(statement->cases.back()->pattern);
  for (size_t index = 0; index < cases - (has_default ? 1 : 0); ++index) {
    const match_case* item = statement->cases[index];
    set_position(*item->pattern);
    bool last = index == cases - (has_default ? 1 : 0) - 1;
    if (!last) emit(Opcode::DUP_TOP);
    PatternContext context;
    context.allow_irrefutable = item->guard != nullptr || index == cases - 1;
    if (!visit_pattern(item->pattern, context)) return false;
    for (const std::string& name : context.stores) {
      if (!name_operation(name, ExprContext::Store, *item->pattern)) return false;
    }
    if (item->guard) {
      ensure_fail_pop(context, 0);
      if (!jump_if(item->guard, context.fail_pop[0], false)) return false;
    }
    if (!last) emit(Opcode::POP_TOP);
    if (!visit_body(item->body)) return false;
    emit_jump(Opcode::JUMP_FORWARD, end);
    set_position(*item->pattern);
    emit_and_reset_fail_pop(context);
  }
  if (has_default) {
    const match_case* item = statement->cases.back();
    set_position(*item->pattern);
    if (item->guard && !jump_if(item->guard, end, false)) return false;
    if (!visit_body(item->body)) return false;
  }
  use_next_block(end);
  return true;
}

}  // namespace py
