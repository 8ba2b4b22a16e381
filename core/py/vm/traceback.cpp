// Traceback objects, exception chaining, and the text of an uncaught exception
// (traceback.hpp), ported from CPython 3.11.7's traceback.py (StackSummary.format,
// format_frame_summary, _extract_caret_anchors_from_line_segment) and
// TracebackException.format's chaining and exception groups.
#include "core/py/vm/traceback.hpp"

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/py/compiler/code.hpp"
#include "core/py/objects/abstract.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/getset.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/runtime.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/objects/type.hpp"
#include "core/py/syntax/parser.hpp"
#include "core/py/vm/eval.hpp"
#include "core/py/vm/frame.hpp"
#include "core/py/vm/suggestions.hpp"

namespace py {

Type traceback_type = builtin_type<Traceback>("traceback", 0);

namespace {

constexpr int kRecursiveCutoff = 3;  // traceback.py's _RECURSIVE_CUTOFF

// A long tb_next chain is released iteratively, so a deep recursion's traceback cannot
// overflow the C++ stack when it dies.
void traceback_destruct(Object* self) {
  Traceback* traceback = static_cast<Traceback*>(self);
  Ref<> next = std::move(traceback->next);
  while (next && next->refcount == 1 && next->type == &traceback_type) {
    Ref<> after = std::move(static_cast<Traceback*>(next.get())->next);
    next = std::move(after);
  }
  xdecref(traceback->frame);
  traceback->frame = nullptr;
  traceback->~Traceback();
}

Ref<> get_frame(Object* self) { return Ref<>::borrow(static_cast<Traceback*>(self)->frame); }
Ref<> get_line(Object* self) { return make_int(static_cast<Traceback*>(self)->line); }
Ref<> get_last_instruction(Object* self) {
  return make_int(int64_t(static_cast<Traceback*>(self)->instruction) * 2);
}
Ref<> get_next(Object* self) {
  Object* next = static_cast<Traceback*>(self)->next.get();
  return next ? Ref<>::borrow(next) : none();
}

const GetSetDefinition traceback_getsets[] = {
    {"tb_frame", get_frame, nullptr},
    {"tb_lineno", get_line, nullptr},
    {"tb_lasti", get_last_instruction, nullptr},
    {"tb_next", get_next, nullptr},
    {nullptr, nullptr, nullptr},
};

// --- source lines and carets -----------------------------------------------------------------

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r' || c == '\v'; }

std::string_view strip(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

// Code points in the first `bytes` bytes of UTF-8 `text`.
size_t characters(std::string_view text, size_t bytes) {
  if (bytes > text.size()) bytes = text.size();
  size_t count = 0;
  for (size_t i = 0; i < bytes; ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++count;
  return count;
}

// Byte offset of code point `index` in UTF-8 `text`.
size_t byte_offset(std::string_view text, size_t index) {
  size_t count = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (count == index) return i;
      ++count;
    }
  }
  return text.size();
}

struct Anchors {
  size_t left_end;     // characters of the segment before the secondary range
  size_t right_start;  // characters of the segment up to its end
  char primary;
  char secondary;
};

// _extract_caret_anchors_from_line_segment: the operator of a binary operation or the
// brackets of a subscript, when the segment parses as one such expression.
bool caret_anchors(std::string_view segment, Anchors* anchors) {
  ParseResult parsed = parse(segment, "<segment>");
  if (!parsed.ok() || parsed.module->body.size() != 1) return false;
  ast::Stmt* statement = parsed.module->body[0];
  if (statement->kind != ast::StmtKind::Expr) return false;
  ast::Expr* expression = static_cast<ast::ExprStmt*>(statement)->value;
  if (expression->lineno != 1 || expression->end_lineno != 1) return false;
  size_t length = characters(segment, segment.size());
  if (expression->kind == ast::ExprKind::BinOp) {
    auto* binary = static_cast<ast::BinOp*>(expression);
    if (binary->left->end_lineno != 1 || binary->right->lineno != 1) return false;
    size_t operator_start = characters(segment, binary->left->end_col_offset);
    size_t operator_end = characters(segment, binary->right->col_offset);
    std::string_view operator_text =
        segment.substr(byte_offset(segment, operator_start),
                       byte_offset(segment, operator_end) - byte_offset(segment, operator_start));
    size_t operator_offset = 0;
    while (operator_offset < operator_text.size() && is_space(operator_text[operator_offset]))
      ++operator_offset;
    size_t left = size_t(binary->left->end_col_offset) + operator_offset;
    size_t right = left + 1;
    if (operator_offset + 1 < operator_text.size() && !is_space(operator_text[operator_offset + 1]))
      ++right;
    while (left < segment.size() &&
           (is_space(segment[left]) || segment[left] == ')' || segment[left] == '#')) {
      ++left;
      ++right;
    }
    *anchors = {characters(segment, left), characters(segment, right), '~', '^'};
    return true;
  }
  if (expression->kind == ast::ExprKind::Subscript) {
    auto* subscript = static_cast<ast::Subscript*>(expression);
    if (subscript->value->end_lineno != 1 || subscript->slice->end_lineno != 1) return false;
    size_t left = characters(segment, subscript->value->end_col_offset);
    size_t right = characters(segment, subscript->slice->end_col_offset + 1);
    std::string_view chars = segment;  // ASCII-indexed below via byte_offset
    auto char_at = [&](size_t index) { return chars[byte_offset(segment, index)]; };
    while (left < length && (is_space(char_at(left)) || char_at(left) != '[')) ++left;
    while (right < length && (is_space(char_at(right)) || char_at(right) != ']')) ++right;
    if (right < length) ++right;
    *anchors = {left, right, '~', '^'};
    return true;
  }
  return false;
}

// One frame's lines (format_frame_summary).
std::string format_entry(const Traceback* entry) {
  Code* code = entry->frame->code;
  const SourcePosition& position = code_position(code, entry->instruction);
  std::string filename = code->filename ? code->filename->value : "<unknown>";
  std::string text = "  File \"" + filename + "\", line " + std::to_string(position.line) +
                     ", in " + code->name->value + "\n";
  std::string line;
  if (!source_line(filename, position.line, &line)) return text;
  std::string_view stripped = strip(line);
  if (stripped.empty()) return text;
  text += "    " + std::string(stripped) + "\n";
  size_t stripped_length = characters(stripped, stripped.size());
  // traceback.py measures the line with its newline: leading and trailing whitespace count.
  size_t stripped_characters = characters(line, line.size()) + 1 - stripped_length;
  size_t start = characters(line, position.column);
  size_t end = characters(line, position.end_column);
  std::string_view segment;
  Anchors anchors{};
  bool has_anchors = false;
  // Columns past the line would mean another line than the one compiled: no carets.
  if (position.column > line.size()) return text;
  if (position.line == position.end_line) {
    if (end < start || position.end_column > line.size()) return text;
    segment = std::string_view(line).substr(position.column, position.end_column - position.column);
    has_anchors = caret_anchors(segment, &anchors);
  } else {
    std::string_view right_stripped = line;
    while (!right_stripped.empty() && is_space(right_stripped.back())) right_stripped.remove_suffix(1);
    end = characters(line, right_stripped.size());
  }
  if (!(end - start < stripped_length ||
        (has_anchors && anchors.right_start > anchors.left_end)))
    return text;
  text += "    ";
  text += std::string(start + 1 > stripped_characters ? start + 1 - stripped_characters : 0, ' ');
  if (has_anchors) {
    text += std::string(anchors.left_end, anchors.primary);
    text += std::string(anchors.right_start - anchors.left_end, anchors.secondary);
    size_t rest = end - start > anchors.right_start ? end - start - anchors.right_start : 0;
    text += std::string(rest, anchors.primary);
  } else {
    text += std::string(end - start, '^');
  }
  text += "\n";
  return text;
}

// StackSummary.format: entries with runs of the same (file, line, name) beyond three
// collapsed into "[Previous line repeated N more times]".
std::string format_entries(Object* traceback) {
  std::string text;
  std::string last_file;
  int last_line = -1;
  std::string last_name;
  int count = 0;
  auto flush = [&] {
    if (count > kRecursiveCutoff) {
      int more = count - kRecursiveCutoff;
      text += "  [Previous line repeated " + std::to_string(more) + " more time" +
              (more > 1 ? "s" : "") + "]\n";
    }
  };
  for (Object* walk = traceback; walk && walk->type == &traceback_type;
       walk = static_cast<Traceback*>(walk)->next.get()) {
    Traceback* entry = static_cast<Traceback*>(walk);
    Code* code = entry->frame->code;
    std::string filename = code->filename ? code->filename->value : "<unknown>";
    int line = code_position(code, entry->instruction).line;
    const std::string& name = code->name->value;
    if (filename != last_file || line != last_line || name != last_name) {
      flush();
      last_file = filename;
      last_line = line;
      last_name = name;
      count = 0;
    }
    ++count;
    if (count > kRecursiveCutoff) continue;
    text += format_entry(entry);
  }
  flush();
  return text;
}

}  // namespace

bool source_line(const std::string& filename, int number, std::string* out) {
  const auto& sources = runtime().sources;
  auto found = sources.find(filename);
  if (found == sources.end() || number < 1) return false;
  std::string_view text = found->second;
  for (int line = 1;; ++line) {
    const size_t end = text.find_first_of("\r\n");
    if (line == number) {
      *out = std::string(text.substr(0, end));
      return true;
    }
    if (end == std::string_view::npos) return false;
    const bool crlf = text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n';
    text.remove_prefix(end + (crlf ? 2 : 1));
  }
}

Ref<Traceback> make_traceback(Object* next, Frame* frame, uint32_t instruction) {
  Ref<Traceback> traceback = make_object<Traceback>(&traceback_type);
  if (!traceback) return nullptr;
  traceback->next = Ref<>::borrow(next);
  incref(frame);
  traceback->frame = frame;
  traceback->instruction = instruction;
  traceback->line = code_position(frame->code, instruction).line;
  return traceback;
}

void add_traceback_entry(Object* exception, Frame* frame, uint32_t instruction) {
  // Held here: a MemoryError while recording replaces the current exception, which may
  // have been the only owner of `exception`.
  Ref<> kept = Ref<>::borrow(exception);
  BaseException* raised = as_exception(exception);
  Ref<Traceback> entry = make_traceback(raised->traceback.get(), frame, instruction);
  if (!entry) {
    clear_exception();  // MemoryError while recording: keep the original exception
    set_exception(std::move(kept));
    return;
  }
  raised->traceback = std::move(entry);
}

void chain_exception_context(Object* exception) {
  Object* handled = current_handled_exception();
  if (!handled || handled == exception) return;
  // Break a cycle: the new exception must not already be in the handled one's chain.
  Object* walk = handled;
  while (Object* context = as_exception(walk)->context.get()) {
    if (context == exception) {
      as_exception(walk)->context = nullptr;
      break;
    }
    walk = context;
  }
  as_exception(exception)->context = Ref<>::borrow(handled);
}

namespace {

constexpr size_t kMaxGroupWidth = 15;  // TracebackException's max_group_width
constexpr int kMaxGroupDepth = 10;     // and max_group_depth

// traceback.py's _ExceptionPrintContext: what is already printed, and the nesting of
// exception groups, which indents every line behind a "| " margin.
struct PrintContext {
  std::unordered_set<Object*> seen;  // exceptions already in the output (cycles, repeats)
  int group_depth = 0;               // nesting of exception groups being printed
  bool need_close = false;           // the last member's closing rule is still owed
  std::string text;                  // the output so far

  std::string indent() const { return std::string(size_t(2 * group_depth), ' '); }
  // textwrap.indent(text, prefix, lambda line: True): every line gets the margin.
  void emit(std::string_view lines, char margin = '|') {
    std::string prefix = indent();
    if (group_depth) {
      prefix += margin;
      prefix += ' ';
    }
    size_t start = 0;
    while (start < lines.size()) {
      size_t end = lines.find('\n', start);
      end = end == std::string_view::npos ? lines.size() : end + 1;
      text += prefix;
      text += lines.substr(start, end - start);
      start = end;
    }
  }
};

// An exception group's members (a tuple), or null for any other exception.
Ref<Tuple> group_members(Object* exception) {
  if (!is_instance(exception, base_exception_group_type)) return nullptr;
  Ref<> members = get_attribute(exception, "exceptions");
  if (!members || !is_tuple(members.get())) {
    clear_exception();  // printing an exception must not fail: show it as a plain one
    return nullptr;
  }
  return Ref<Tuple>::steal(static_cast<Tuple*>(members.release()));
}

std::string exception_line(Object* exception) {
  std::string suggestion = suggest_similar_name(exception);
  std::string last = format_exception_line(
      exception, suggestion.empty() ? "" : ". Did you mean: '" + suggestion + "'?");
  if (last.empty() || last.back() != '\n') last += "\n";
  return last;
}

void format_exception(Object* exception, PrintContext& context);

// The body of one exception group: its traceback, its line, then each member in a box.
void format_group(Object* group, Tuple* members, PrintContext& context) {
  bool top_level = context.group_depth == 0;
  if (top_level) ++context.group_depth;
  if (Object* traceback = as_exception(group)->traceback.get()) {
    context.emit("Exception Group Traceback (most recent call last):\n", top_level ? '+' : '|');
    context.emit(format_entries(traceback));
  }
  context.emit(exception_line(group));
  size_t count = members->items.size();
  size_t shown = count <= kMaxGroupWidth ? count : kMaxGroupWidth + 1;
  context.need_close = false;
  for (size_t i = 0; i < shown; ++i) {
    bool last = i + 1 == shown;
    if (last) context.need_close = true;  // a nested group may close the box instead
    bool truncated = i >= kMaxGroupWidth;
    std::string title = truncated ? "..." : std::to_string(i + 1);
    context.text += context.indent() + (i == 0 ? "+-" : "  ") + "+---------------- " + title +
                    " ----------------\n";
    ++context.group_depth;
    if (!truncated) {
      format_exception(members->items[i].get(), context);
    } else {
      size_t remaining = count - kMaxGroupWidth;
      context.emit("and " + std::to_string(remaining) + " more exception" +
                   (remaining > 1 ? "s" : "") + "\n");
    }
    if (last && context.need_close) {
      context.text += context.indent() + "+------------------------------------\n";
      context.need_close = false;
    }
    --context.group_depth;
  }
  if (top_level) context.group_depth = 0;
}

// TracebackException.format: the chain of causes and contexts, oldest first, each
// exception at most once; groups print their members nested.
void format_exception(Object* exception, PrintContext& context) {
  std::vector<std::pair<const char*, Object*>> chain;  // (text printed before it, exception)
  const char* joiner = nullptr;
  for (Object* walk = exception; walk;) {
    context.seen.insert(walk);
    chain.push_back({nullptr, walk});
    BaseException* current = as_exception(walk);
    Object* cause = current->cause.get();
    Object* cause_context = current->context.get();
    if (cause && !context.seen.count(cause)) {
      joiner = "\nThe above exception was the direct cause of the following exception:\n\n";
      walk = cause;
    } else if (cause_context && !current->suppress_context && !context.seen.count(cause_context)) {
      joiner = "\nDuring handling of the above exception, another exception occurred:\n\n";
      walk = cause_context;
    } else {
      walk = nullptr;
    }
    chain.back().first = walk ? joiner : nullptr;
  }
  for (size_t i = chain.size(); i-- > 0;) {
    Object* current = chain[i].second;
    if (chain[i].first) context.emit(chain[i].first);
    Ref<Tuple> members = group_members(current);
    if (!members) {
      if (Object* traceback = as_exception(current)->traceback.get()) {
        context.emit("Traceback (most recent call last):\n");
        context.emit(format_entries(traceback));
      }
      context.emit(exception_line(current));
    } else if (context.group_depth > kMaxGroupDepth) {
      context.emit("... (max_group_depth is " + std::to_string(kMaxGroupDepth) + ")\n");
    } else {
      format_group(current, members.get(), context);
    }
  }
}

}  // namespace

std::string format_traceback(Object* exception) {
  PrintContext context;
  format_exception(exception, context);
  return std::move(context.text);
}

int ready_traceback_type() {
  traceback_type.destruct = traceback_destruct;
  if (install_getsets(traceback_type, traceback_getsets) < 0) return -1;
  return ready_type(traceback_type);
}

}  // namespace py
