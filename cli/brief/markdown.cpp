// The brief as GitHub-flavoured Markdown, for a wiki page or a pull request: the same
// sections and rows as the text brief, every cell escaped (and so redacted).
#include "checks/engine/i18n.h"
#include "cli/brief/common.h"
#include "cli/report/support.h"

namespace golive::brief {

namespace {

void table(std::ostream& out, const Table& t) {
  auto line = [&](const std::vector<std::string>& row) {
    out << '|';
    for (const std::string& c : row) out << ' ' << markdown_cell(c) << " |";
    out << '\n';
  };
  line(t.header);
  out << '|';
  for (size_t i = 0; i < t.header.size(); ++i) out << " --- |";
  out << '\n';
  for (const auto& r : t.rows) line(r);
}

void table_section(std::ostream& out, std::string_view title, const Table& t) {
  if (t.rows.empty()) return;
  out << "\n### " << title << "\n\n";
  table(out, t);
}

}  // namespace

void write_markdown(const Brief& b, std::ostream& out) {
  out << "# " << message("brief.title", fmt::arg("title", markdown_cell(b.title))) << "\n\n";
  out << message("brief.plan_sentence", fmt::arg("file", fmt::format("`{}`", markdown_cell(b.plan->file))),
                 fmt::arg("note", time_note(b)))
      << "\n\n";
  out << "**" << banner(b) << "**\n";
  if (!b.blocking.empty() || !b.expiring_before_window.empty()) {
    out << '\n';
    for (const std::string& l : blocking_lines(b)) out << "- " << markdown_cell(l) << '\n';
    for (const std::string& l : expiring_lines(b)) out << "- " << markdown_cell(l) << '\n';
  }

  Table timeline = timeline_table(b);
  if (!timeline.rows.empty()) {
    out << "\n## " << message_text("brief.section.timeline") << "\n\n";
    table(out, timeline);
    if (std::string s = rollback_sentence(b); !s.empty()) out << '\n' << markdown_cell(s) << '\n';
  }
  table_section(out, message_text("brief.section.coverage"), coverage_table(b));

  out << "\n## " << message_text("brief.section.who_to_call") << '\n';
  if (b.command.empty()) out << '\n' << message_text("brief.no_command") << '\n';
  else table_section(out, message_text("brief.section.command"), command_table(b));
  for (const auto& [title, table] : call_sections(b)) table_section(out, title, table);

  out << "\n## " << message_text("brief.section.decision_points") << '\n';
  Table cps = checkpoints_table(b);
  if (cps.rows.empty()) out << '\n' << message_text("brief.no_checkpoint") << '\n';
  else table_section(out, message_text("brief.section.checkpoints"), cps);
  if (b.rollback) {
    out << '\n' << markdown_cell(rollback_owner_sentence(b)) << '\n';
    if (!b.rollback->triggers.empty()) {
      out << '\n' << message_text("brief.rollback.when") << "\n\n";
      for (const std::string& t : b.rollback->triggers) out << "- " << markdown_cell(t) << '\n';
    }
  }
}

}  // namespace golive::brief
