// ast.dump for our AST (core/py/syntax/ast_dump.hpp), after Lib/ast.py's dump().
#include "core/py/syntax/ast_dump.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/py/syntax/utf8.hpp"

namespace py::ast {

namespace {

void append_hex(std::string& out, char prefix, uint32_t value, int digits) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "\\%c%0*x", prefix, digits, value);
  out += buffer;
}

// Python's str.isprintable() for a non-ASCII code point, without the Unicode database:
// C1 controls, separators, format characters, surrogates, private use and noncharacters
// are not printable.
bool is_printable(char32_t c) {
  if (c < 0xA0) return false;
  if (c == 0xA0 || c == 0xAD || c == 0x1680) return false;
  if (c >= 0x2000 && c <= 0x200F) return false;
  if (c >= 0x2028 && c <= 0x202F) return false;
  if (c >= 0x205F && c <= 0x206F) return false;
  if (c == 0x3000 || c == 0xFEFF || c == 0x180E) return false;
  if (c >= 0xD800 && c <= 0xF8FF) return false;  // surrogates and private use
  if (c >= 0xFFF0 && c <= 0xFFFB) return false;
  if ((c & 0xFFFE) == 0xFFFE) return false;
  if (c >= 0xF0000) return false;
  return true;
}

// The code point at text[i] (generalized UTF-8: surrogates decode too); advances i.
char32_t next_code_point(const std::string& text, size_t& i) {
  auto byte = static_cast<unsigned char>(text[i]);
  if (byte < 0x80) {
    ++i;
    return byte;
  }
  int length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2;
  char32_t value = byte & (0xFF >> (length + 1));
  for (int k = 1; k < length && i + k < text.size(); ++k) {
    value = (value << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
  }
  i += length;
  return value;
}

std::string string_repr(const std::string& text) {
  bool has_single = text.find('\'') != std::string::npos;
  bool has_double = text.find('"') != std::string::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  std::string out(1, quote);
  for (size_t i = 0; i < text.size();) {
    char32_t c = next_code_point(text, i);
    if (c == static_cast<char32_t>(quote) || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7F) {
      append_hex(out, 'x', c, 2);
    } else if (c < 0x7F) {
      out += static_cast<char>(c);
    } else if (!is_printable(c)) {
      if (c <= 0xFF) append_hex(out, 'x', c, 2);
      else if (c <= 0xFFFF) append_hex(out, 'u', c, 4);
      else append_hex(out, 'U', c, 8);
    } else {
      size_t length = c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
      out.append(text, i - length, length);
    }
  }
  out += quote;
  return out;
}

std::string bytes_repr(const std::string& bytes) {
  bool has_single = bytes.find('\'') != std::string::npos;
  bool has_double = bytes.find('"') != std::string::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  std::string out = "b";
  out += quote;
  for (char raw : bytes) {
    auto c = static_cast<unsigned char>(raw);
    if (c == static_cast<unsigned char>(quote) || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c >= 0x7F) {
      append_hex(out, 'x', c, 2);
    } else {
      out += static_cast<char>(c);
    }
  }
  out += quote;
  return out;
}

// Decimal digits of `digits` written in `base`.
std::string to_decimal(const std::string& digits, int base) {
  std::vector<uint32_t> limbs;  // base 10^9, least significant first
  for (char c : digits) {
    uint32_t digit = c <= '9' ? static_cast<uint32_t>(c - '0')
                              : static_cast<uint32_t>((c | 0x20) - 'a' + 10);
    uint64_t carry = digit;
    for (uint32_t& limb : limbs) {
      uint64_t value = static_cast<uint64_t>(limb) * static_cast<uint64_t>(base) + carry;
      limb = static_cast<uint32_t>(value % 1000000000u);
      carry = value / 1000000000u;
    }
    while (carry != 0) {
      limbs.push_back(static_cast<uint32_t>(carry % 1000000000u));
      carry /= 1000000000u;
    }
  }
  if (limbs.empty()) return "0";
  std::string out = std::to_string(limbs.back());
  for (size_t i = limbs.size() - 1; i-- > 0;) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%09u", limbs[i]);
    out += buffer;
  }
  return out;
}

std::string constant_repr(const ConstantValue& value) {
  switch (value.kind) {
    case ConstantValue::Kind::None: return "None";
    case ConstantValue::Kind::True: return "True";
    case ConstantValue::Kind::False: return "False";
    case ConstantValue::Kind::Ellipsis: return "Ellipsis";
    case ConstantValue::Kind::Int: return std::to_string(value.int_value);
    case ConstantValue::Kind::BigInt: return to_decimal(value.text, value.int_base);
    case ConstantValue::Kind::Float: return float_repr(value.float_value);
    case ConstantValue::Kind::Str: return string_repr(value.text);
    case ConstantValue::Kind::Bytes: return bytes_repr(value.text);
  }
  return "None";
}

class Dumper {
public:
  explicit Dumper(bool include_attributes) : include_attributes_(include_attributes) {}

  std::string out;

  void module(const Module& module) {
    out += "Module(body=";
    statements(module.body);
    out += ", type_ignores=[])";
  }

private:
  // --- Field helpers ---
  void open(const char* name) {
    out += name;
    out += '(';
    first_field_.push_back(true);
  }
  void field(const char* name) {
    if (!first_field_.back()) out += ", ";
    first_field_.back() = false;
    out += name;
    out += '=';
  }
  void close(const Location* location) {
    if (include_attributes_ && location != nullptr) {
      field("lineno");
      out += std::to_string(location->lineno);
      field("col_offset");
      out += std::to_string(location->col_offset);
      field("end_lineno");
      out += std::to_string(location->end_lineno);
      field("end_col_offset");
      out += std::to_string(location->end_col_offset);
    }
    first_field_.pop_back();
    out += ')';
  }
  void name_field(const char* name, const std::string& value) {
    field(name);
    out += string_repr(value);
  }
  void optional_name(const char* name, bool present, const std::string& value) {
    if (present) name_field(name, value);
  }
  void expression_field(const char* name, const Expr* value) {
    field(name);
    expression(value);
  }
  void optional_expression(const char* name, const Expr* value) {
    if (value != nullptr) expression_field(name, value);
  }
  void expressions_field(const char* name, const std::vector<Expr*>& values) {
    field(name);
    out += '[';
    for (size_t i = 0; i < values.size(); ++i) {
      if (i) out += ", ";
      if (values[i] == nullptr) {
        out += "None";
      } else {
        expression(values[i]);
      }
    }
    out += ']';
  }
  void statements_field(const char* name, const std::vector<Stmt*>& body) {
    field(name);
    statements(body);
  }
  void statements(const std::vector<Stmt*>& body) {
    out += '[';
    for (size_t i = 0; i < body.size(); ++i) {
      if (i) out += ", ";
      statement(body[i]);
    }
    out += ']';
  }
  void context(ExprContext ctx) {
    field("ctx");
    out += name_of(ctx);
    out += "()";
  }
  void simple(const char* text) {
    out += text;
    out += "()";
  }
  void names_field(const char* name, const std::vector<std::string>& names) {
    field(name);
    out += '[';
    for (size_t i = 0; i < names.size(); ++i) {
      if (i) out += ", ";
      out += string_repr(names[i]);
    }
    out += ']';
  }

  // --- Helper nodes ---
  void argument(const arg* node) {
    open("arg");
    name_field("arg", node->arg);
    optional_expression("annotation", node->annotation);
    close(node);
  }
  void argument_list(const char* name, const std::vector<arg*>& list) {
    field(name);
    out += '[';
    for (size_t i = 0; i < list.size(); ++i) {
      if (i) out += ", ";
      argument(list[i]);
    }
    out += ']';
  }
  void parameters(const arguments* node) {
    open("arguments");
    argument_list("posonlyargs", node->posonlyargs);
    argument_list("args", node->args);
    if (node->vararg) {
      field("vararg");
      argument(node->vararg);
    }
    argument_list("kwonlyargs", node->kwonlyargs);
    expressions_field("kw_defaults", node->kw_defaults);
    if (node->kwarg) {
      field("kwarg");
      argument(node->kwarg);
    }
    expressions_field("defaults", node->defaults);
    close(nullptr);
  }
  void keywords_field(const std::vector<keyword*>& list) {
    field("keywords");
    out += '[';
    for (size_t i = 0; i < list.size(); ++i) {
      if (i) out += ", ";
      open("keyword");
      optional_name("arg", list[i]->has_arg, list[i]->arg);
      expression_field("value", list[i]->value);
      close(list[i]);
    }
    out += ']';
  }
  void aliases_field(const std::vector<alias*>& list) {
    field("names");
    out += '[';
    for (size_t i = 0; i < list.size(); ++i) {
      if (i) out += ", ";
      open("alias");
      name_field("name", list[i]->name);
      optional_name("asname", list[i]->has_asname, list[i]->asname);
      close(list[i]);
    }
    out += ']';
  }
  void generators_field(const std::vector<comprehension*>& list) {
    field("generators");
    out += '[';
    for (size_t i = 0; i < list.size(); ++i) {
      if (i) out += ", ";
      open("comprehension");
      expression_field("target", list[i]->target);
      expression_field("iter", list[i]->iter);
      expressions_field("ifs", list[i]->ifs);
      field("is_async");
      out += list[i]->is_async ? '1' : '0';
      close(nullptr);
    }
    out += ']';
  }

  // --- Expressions ---
  void expression(const Expr* e) {
    open(name_of(e->kind));
    switch (e->kind) {
      case ExprKind::BoolOp: {
        auto* node = e->as<BoolOp>();
        field("op");
        simple(name_of(node->op));
        expressions_field("values", node->values);
        break;
      }
      case ExprKind::NamedExpr: {
        auto* node = e->as<NamedExpr>();
        expression_field("target", node->target);
        expression_field("value", node->value);
        break;
      }
      case ExprKind::BinOp: {
        auto* node = e->as<BinOp>();
        expression_field("left", node->left);
        field("op");
        simple(name_of(node->op));
        expression_field("right", node->right);
        break;
      }
      case ExprKind::UnaryOp: {
        auto* node = e->as<UnaryOp>();
        field("op");
        simple(name_of(node->op));
        expression_field("operand", node->operand);
        break;
      }
      case ExprKind::Lambda: {
        auto* node = e->as<Lambda>();
        field("args");
        parameters(node->args);
        expression_field("body", node->body);
        break;
      }
      case ExprKind::IfExp: {
        auto* node = e->as<IfExp>();
        expression_field("test", node->test);
        expression_field("body", node->body);
        expression_field("orelse", node->orelse);
        break;
      }
      case ExprKind::Dict: {
        auto* node = e->as<Dict>();
        expressions_field("keys", node->keys);
        expressions_field("values", node->values);
        break;
      }
      case ExprKind::Set: expressions_field("elts", e->as<Set>()->elts); break;
      case ExprKind::ListComp: {
        auto* node = e->as<ListComp>();
        expression_field("elt", node->elt);
        generators_field(node->generators);
        break;
      }
      case ExprKind::SetComp: {
        auto* node = e->as<SetComp>();
        expression_field("elt", node->elt);
        generators_field(node->generators);
        break;
      }
      case ExprKind::DictComp: {
        auto* node = e->as<DictComp>();
        expression_field("key", node->key);
        expression_field("value", node->value);
        generators_field(node->generators);
        break;
      }
      case ExprKind::GeneratorExp: {
        auto* node = e->as<GeneratorExp>();
        expression_field("elt", node->elt);
        generators_field(node->generators);
        break;
      }
      case ExprKind::Await: expression_field("value", e->as<Await>()->value); break;
      case ExprKind::Yield: optional_expression("value", e->as<Yield>()->value); break;
      case ExprKind::YieldFrom: expression_field("value", e->as<YieldFrom>()->value); break;
      case ExprKind::Compare: {
        auto* node = e->as<Compare>();
        expression_field("left", node->left);
        field("ops");
        out += '[';
        for (size_t i = 0; i < node->ops.size(); ++i) {
          if (i) out += ", ";
          simple(name_of(node->ops[i]));
        }
        out += ']';
        expressions_field("comparators", node->comparators);
        break;
      }
      case ExprKind::Call: {
        auto* node = e->as<Call>();
        expression_field("func", node->func);
        expressions_field("args", node->args);
        keywords_field(node->keywords);
        break;
      }
      case ExprKind::FormattedValue: {
        auto* node = e->as<FormattedValue>();
        expression_field("value", node->value);
        field("conversion");
        out += std::to_string(node->conversion);
        optional_expression("format_spec", node->format_spec);
        break;
      }
      case ExprKind::JoinedStr: expressions_field("values", e->as<JoinedStr>()->values); break;
      case ExprKind::Constant: {
        auto* node = e->as<Constant>();
        field("value");
        out += constant_repr(node->value);
        if (node->u_prefix) {
          field("kind");
          out += "'u'";
        }
        break;
      }
      case ExprKind::Attribute: {
        auto* node = e->as<Attribute>();
        expression_field("value", node->value);
        name_field("attr", node->attr);
        context(node->ctx);
        break;
      }
      case ExprKind::Subscript: {
        auto* node = e->as<Subscript>();
        expression_field("value", node->value);
        expression_field("slice", node->slice);
        context(node->ctx);
        break;
      }
      case ExprKind::Starred: {
        auto* node = e->as<Starred>();
        expression_field("value", node->value);
        context(node->ctx);
        break;
      }
      case ExprKind::Name: {
        auto* node = e->as<Name>();
        name_field("id", node->id);
        context(node->ctx);
        break;
      }
      case ExprKind::List: {
        auto* node = e->as<List>();
        expressions_field("elts", node->elts);
        context(node->ctx);
        break;
      }
      case ExprKind::Tuple: {
        auto* node = e->as<Tuple>();
        expressions_field("elts", node->elts);
        context(node->ctx);
        break;
      }
      case ExprKind::Slice: {
        auto* node = e->as<Slice>();
        optional_expression("lower", node->lower);
        optional_expression("upper", node->upper);
        optional_expression("step", node->step);
        break;
      }
    }
    close(e);
  }

  // --- Statements ---
  void statement(const Stmt* s) {
    open(name_of(s->kind));
    switch (s->kind) {
      case StmtKind::FunctionDef: case StmtKind::AsyncFunctionDef: {
        auto* node = s->as<FunctionDef>();
        name_field("name", node->name);
        field("args");
        parameters(node->args);
        statements_field("body", node->body);
        expressions_field("decorator_list", node->decorator_list);
        optional_expression("returns", node->returns);
        break;
      }
      case StmtKind::ClassDef: {
        auto* node = s->as<ClassDef>();
        name_field("name", node->name);
        expressions_field("bases", node->bases);
        keywords_field(node->keywords);
        statements_field("body", node->body);
        expressions_field("decorator_list", node->decorator_list);
        break;
      }
      case StmtKind::Return: optional_expression("value", s->as<Return>()->value); break;
      case StmtKind::Delete: expressions_field("targets", s->as<Delete>()->targets); break;
      case StmtKind::Assign: {
        auto* node = s->as<Assign>();
        expressions_field("targets", node->targets);
        expression_field("value", node->value);
        break;
      }
      case StmtKind::AugAssign: {
        auto* node = s->as<AugAssign>();
        expression_field("target", node->target);
        field("op");
        simple(name_of(node->op));
        expression_field("value", node->value);
        break;
      }
      case StmtKind::AnnAssign: {
        auto* node = s->as<AnnAssign>();
        expression_field("target", node->target);
        expression_field("annotation", node->annotation);
        optional_expression("value", node->value);
        field("simple");
        out += node->simple ? '1' : '0';
        break;
      }
      case StmtKind::For: case StmtKind::AsyncFor: {
        auto* node = s->as<For>();
        expression_field("target", node->target);
        expression_field("iter", node->iter);
        statements_field("body", node->body);
        statements_field("orelse", node->orelse);
        break;
      }
      case StmtKind::While: {
        auto* node = s->as<While>();
        expression_field("test", node->test);
        statements_field("body", node->body);
        statements_field("orelse", node->orelse);
        break;
      }
      case StmtKind::If: {
        auto* node = s->as<If>();
        expression_field("test", node->test);
        statements_field("body", node->body);
        statements_field("orelse", node->orelse);
        break;
      }
      case StmtKind::With: case StmtKind::AsyncWith: {
        auto* node = s->as<With>();
        field("items");
        out += '[';
        for (size_t i = 0; i < node->items.size(); ++i) {
          if (i) out += ", ";
          open("withitem");
          expression_field("context_expr", node->items[i]->context_expr);
          optional_expression("optional_vars", node->items[i]->optional_vars);
          close(nullptr);
        }
        out += ']';
        statements_field("body", node->body);
        break;
      }
      case StmtKind::Match: {
        auto* node = s->as<Match>();
        expression_field("subject", node->subject);
        field("cases");
        out += '[';
        for (size_t i = 0; i < node->cases.size(); ++i) {
          if (i) out += ", ";
          open("match_case");
          field("pattern");
          pattern(node->cases[i]->pattern);
          optional_expression("guard", node->cases[i]->guard);
          statements_field("body", node->cases[i]->body);
          close(nullptr);
        }
        out += ']';
        break;
      }
      case StmtKind::Raise: {
        auto* node = s->as<Raise>();
        optional_expression("exc", node->exc);
        optional_expression("cause", node->cause);
        break;
      }
      case StmtKind::Try: case StmtKind::TryStar: {
        auto* node = s->as<Try>();
        statements_field("body", node->body);
        field("handlers");
        out += '[';
        for (size_t i = 0; i < node->handlers.size(); ++i) {
          if (i) out += ", ";
          const ExceptHandler* handler = node->handlers[i];
          open("ExceptHandler");
          optional_expression("type", handler->type);
          optional_name("name", handler->has_name, handler->name);
          statements_field("body", handler->body);
          close(handler);
        }
        out += ']';
        statements_field("orelse", node->orelse);
        statements_field("finalbody", node->finalbody);
        break;
      }
      case StmtKind::Assert: {
        auto* node = s->as<Assert>();
        expression_field("test", node->test);
        optional_expression("msg", node->msg);
        break;
      }
      case StmtKind::Import: aliases_field(s->as<Import>()->names); break;
      case StmtKind::ImportFrom: {
        auto* node = s->as<ImportFrom>();
        optional_name("module", node->has_module, node->module);
        aliases_field(node->names);
        field("level");
        out += std::to_string(node->level);
        break;
      }
      case StmtKind::Global: case StmtKind::Nonlocal:
        names_field("names", s->as<Global>()->names);
        break;
      case StmtKind::Expr: expression_field("value", s->as<ExprStmt>()->value); break;
      case StmtKind::Pass: case StmtKind::Break: case StmtKind::Continue: break;
    }
    close(s);
  }

  // --- Patterns ---
  void patterns_field(const char* name, const std::vector<Pattern*>& list) {
    field(name);
    out += '[';
    for (size_t i = 0; i < list.size(); ++i) {
      if (i) out += ", ";
      pattern(list[i]);
    }
    out += ']';
  }
  void pattern(const Pattern* p) {
    open(name_of(p->kind));
    switch (p->kind) {
      case PatternKind::MatchValue: expression_field("value", p->as<MatchValue>()->value); break;
      case PatternKind::MatchSingleton:
        field("value");
        out += constant_repr(p->as<MatchSingleton>()->value);
        break;
      case PatternKind::MatchSequence: patterns_field("patterns", p->as<MatchSequence>()->patterns); break;
      case PatternKind::MatchMapping: {
        auto* node = p->as<MatchMapping>();
        expressions_field("keys", node->keys);
        patterns_field("patterns", node->patterns);
        optional_name("rest", node->has_rest, node->rest);
        break;
      }
      case PatternKind::MatchClass: {
        auto* node = p->as<MatchClass>();
        expression_field("cls", node->cls);
        patterns_field("patterns", node->patterns);
        names_field("kwd_attrs", node->kwd_attrs);
        patterns_field("kwd_patterns", node->kwd_patterns);
        break;
      }
      case PatternKind::MatchStar: {
        auto* node = p->as<MatchStar>();
        optional_name("name", node->has_name, node->name);
        break;
      }
      case PatternKind::MatchAs: {
        auto* node = p->as<MatchAs>();
        if (node->pattern) {
          field("pattern");
          pattern(node->pattern);
        }
        optional_name("name", node->has_name, node->name);
        break;
      }
      case PatternKind::MatchOr: patterns_field("patterns", p->as<MatchOr>()->patterns); break;
    }
    close(p);
  }

  bool include_attributes_;        // append the four position attributes
  std::vector<bool> first_field_;  // per open node: no field written yet
};

}  // namespace

std::string float_repr(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value < 0 ? "-inf" : "inf";
  // The shortest of %.{0..16}e that reads back as the same double.
  char buffer[40];
  for (int precision = 0; precision <= 17; ++precision) {
    std::snprintf(buffer, sizeof buffer, "%.*e", precision, value);
    if (std::strtod(buffer, nullptr) == value) break;
  }
  std::string text = buffer;
  std::string sign;
  if (text[0] == '-') {
    sign = "-";
    text.erase(0, 1);
  }
  size_t e = text.find('e');
  int exponent = std::atoi(text.c_str() + e + 1);
  std::string digits;
  for (size_t i = 0; i < e; ++i) {
    if (text[i] != '.') digits += text[i];
  }
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  int point = exponent + 1;  // digits before the decimal point
  std::string out;
  if (value == 0) {
    out = "0.0";
  } else if (point > -4 && point <= 16) {
    if (point <= 0) {
      out = "0." + std::string(static_cast<size_t>(-point), '0') + digits;
    } else if (static_cast<size_t>(point) >= digits.size()) {
      out = digits + std::string(static_cast<size_t>(point) - digits.size(), '0') + ".0";
    } else {
      out = digits.substr(0, static_cast<size_t>(point)) + "." + digits.substr(static_cast<size_t>(point));
    }
  } else {
    out = digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    char exponent_text[16];
    std::snprintf(exponent_text, sizeof exponent_text, "e%c%02d", exponent < 0 ? '-' : '+',
                  exponent < 0 ? -exponent : exponent);
    out += exponent_text;
  }
  return sign + out;
}

std::string dump(const Module& module, bool include_attributes) {
  Dumper dumper(include_attributes);
  dumper.module(module);
  return std::move(dumper.out);
}

}  // namespace py::ast
