// The brief as plain text for a terminal or a printout: compact tables aligned by
// display width, so Chinese names keep the columns straight. Every cell is redacted and
// its hostile characters made visible (terminal_text), as in the text report.
#include <algorithm>

#include "checks/engine/i18n.h"
#include "cli/brief/common.h"
#include "cli/report/support.h"
#include "cli/report/width.h"

namespace golive::brief {

namespace {

void section(std::ostream& out, std::string_view title) { out << '\n' << title << '\n'; }

// Section titles are capitals in text: `Department leads` → `DEPARTMENT LEADS`.
std::string upper(std::string text) {
  for (char& c : text)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return text;
}

void table(std::ostream& out, const Table& t) {
  std::vector<int> widths(t.header.size(), 0);
  auto measure = [&](const std::vector<std::string>& row) {
    for (size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], display_width(terminal_text(row[i])));
  };
  measure(t.header);
  for (const auto& r : t.rows) measure(r);
  auto line = [&](const std::vector<std::string>& row) {
    std::string text = "  ";
    for (size_t i = 0; i < row.size(); ++i)
      text += i + 1 == row.size() ? terminal_text(row[i]) : pad_right(terminal_text(row[i]), widths[i]) + "  ";
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out << text << '\n';
  };
  line(t.header);
  for (const auto& r : t.rows) line(r);
}

void table_section(std::ostream& out, std::string_view title, const Table& t) {
  if (t.rows.empty()) return;
  section(out, title);
  table(out, t);
}

}  // namespace

void write_text(const Brief& b, std::ostream& out) {
  out << message("brief.text_title", fmt::arg("title", terminal_text(b.title))) << '\n';
  out << message("brief.plan", fmt::arg("file", terminal_text(b.plan->file)), fmt::arg("note", time_note(b))) << '\n';
  out << banner(b) << '\n';
  for (const std::string& l : blocking_lines(b)) out << "  x " << terminal_text(l) << '\n';
  for (const std::string& l : expiring_lines(b)) out << "  ! " << terminal_text(l) << '\n';

  table_section(out, upper(message_text("brief.section.timeline")), timeline_table(b));
  if (std::string s = rollback_sentence(b); !s.empty()) out << "  " << s << '\n';
  table_section(out, message_text("brief.text_coverage"), coverage_table(b));

  section(out, upper(message_text("brief.section.who_to_call")));
  if (b.command.empty()) out << "  " << message_text("brief.no_command") << '\n';
  else table(out, command_table(b));
  for (const auto& [title, table] : call_sections(b)) table_section(out, upper(title), table);

  section(out, upper(message_text("brief.section.decision_points")));
  Table cps = checkpoints_table(b);
  if (cps.rows.empty()) out << "  " << message_text("brief.no_checkpoint") << '\n';
  else table(out, cps);
  if (b.rollback) {
    out << "  " << terminal_text(rollback_owner_sentence(b)) << '\n';
    if (!b.rollback->triggers.empty()) {
      out << "  " << message_text("brief.rollback.when") << '\n';
      for (const std::string& t : b.rollback->triggers) out << "    - " << terminal_text(t) << '\n';
    }
  }
}

}  // namespace golive::brief
