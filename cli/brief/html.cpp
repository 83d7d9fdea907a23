// The brief as one self-contained HTML page for the command centre wall and for print:
// no script and nothing fetched (a Content-Security-Policy forbids it), CSS inline, the
// timeline inline SVG; sized to print on at most two A4 pages. Every text is escaped and
// redacted by xml_escape(); phones are tel: links.
#include <cctype>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "checks/engine/i18n.h"
#include "cli/brief/common.h"
#include "cli/report/support.h"

namespace golive::brief {

namespace {

std::string h(std::string_view text) { return xml_escape(text, true); }

constexpr std::string_view kStyle = R"css(
:root { --ink: #1f2933; --muted: #52606d; --line: #d9e2ec;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans",
    "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
body { margin: 0 auto; max-width: 56rem; padding: 1rem 1.5rem; color: var(--ink);
  font: 10.5pt/1.35 var(--sans); }
h1 { font-size: 15pt; margin: 0 0 0.2rem; }
h2 { font-size: 12pt; margin: 0.6rem 0 0.2rem; border-bottom: 1px solid var(--ink); }
h3 { font-size: 10pt; margin: 0.4rem 0 0.1rem; }
p { margin: 0.25rem 0; }
.meta { color: var(--muted); }
.banner { margin: 0.4rem 0; padding: 0.3rem 0.6rem; border: 2px solid var(--ink); font-weight: 700; }
.banner.notready { border-style: double; border-width: 4px; }
.banner.expires { border-style: dashed; }
.banner ul { margin: 0.2rem 0 0; padding-left: 1.2rem; font-weight: 400; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; margin: 0.2rem 0; }
th, td { text-align: left; vertical-align: top; padding: 1px 5px; border-bottom: 1px solid var(--line); }
th { font-weight: 600; border-bottom: 1px solid var(--ink); white-space: nowrap; }
td:nth-child(-n+2) { white-space: nowrap; }
a { color: inherit; }
svg.timeline { max-width: 100%; height: auto; display: block; }
.gaps { font-weight: 600; }
@page { size: A4; margin: 10mm; }
@media print { body { max-width: none; padding: 0; font-size: 9pt; } table { font-size: 8pt; }
  table, svg, .banner { break-inside: avoid; } h2, h3 { break-after: avoid; } }
)css";

// Cells that are E.164 phones become tel: links; everything else is escaped text.
std::string cell(const std::string& text) {
  if (!text.empty() && text[0] == '+' && is_e164(text))
    return fmt::format("<a href=\"tel:{0}\">{0}</a>", h(text));
  return h(text);
}

// Like cell(), but phones inside a longer cell ("Support desk +6560000000 (escalation 1)")
// are linked too.
std::string linked(const std::string& raw) {
  const std::string text = redact(raw);
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t plus = text.find('+', i);
    if (plus == std::string::npos) break;
    size_t end = plus + 1;
    while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
    std::string phone = text.substr(plus, end - plus);
    // A '+' right after a letter or digit is arithmetic, not a phone: the escalation
    // ladder's "T+15m" is fifteen minutes after T.
    const bool after_word = plus > 0 && std::isalnum(static_cast<unsigned char>(text[plus - 1]));
    out += h(text.substr(i, plus - i));
    out += !after_word && is_e164(phone) ? cell(phone) : h(phone);
    i = end;
  }
  return out + h(text.substr(i));
}

void table(std::ostream& out, const Table& t) {
  out << "<table><thead><tr>";
  for (const std::string& c : t.header) out << "<th>" << h(c) << "</th>";
  out << "</tr></thead><tbody>\n";
  for (const auto& r : t.rows) {
    out << "<tr>";
    for (const std::string& c : r) out << "<td>" << linked(c) << "</td>";
    out << "</tr>\n";
  }
  out << "</tbody></table>\n";
}

void table_section(std::ostream& out, std::string_view title, const Table& t) {
  if (t.rows.empty()) return;
  out << "<h3>" << h(title) << "</h3>\n";
  table(out, t);
}

// The gaps of every band in words: the SVG shows them, print readers get them as text.
void gaps(std::ostream& out, const Brief& b) {
  std::vector<std::string> listed;
  for (const Band& band : b.bands)
    for (const TimeInterval& g : band.gaps)
      listed.push_back(message("brief.gap_span", fmt::arg("band", band.label),
                               fmt::arg("from", short_local(g.start, b.zone)), fmt::arg("to", short_local(g.end, b.zone))));
  if (b.bands.empty()) return;
  if (listed.empty()) {
    out << "<p>" << message_text(b.regions.empty() ? "brief.no_gap" : "brief.no_gap_regions") << "</p>\n";
    return;
  }
  out << "<p class=\"gaps\">"
      << message("brief.gaps", fmt::arg("gaps", h(fmt::format("{}", fmt::join(listed, message_text("findings.join.clauses"))))))
      << "</p>\n";
}

}  // namespace

void write_html(const Brief& b, std::ostream& out) {
  // Catalogue texts are written as they are (like the report's); what comes from the plan is escaped.
  const std::string heading = message("brief.title", fmt::arg("title", h(b.title)));
  out << "<!DOCTYPE html>\n<html lang=\"" << h(language()) << "\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "style-src 'unsafe-inline'\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>" << heading << "</title>\n<style>" << kStyle << language_font_rule(language())
      << "</style>\n</head>\n<body>\n";
  out << "<h1>" << heading << "</h1>\n";
  out << "<p class=\"meta\">"
      << message("brief.plan_sentence", fmt::arg("file", fmt::format("<code>{}</code>", h(b.plan->file))),
                 fmt::arg("note", h(time_note(b))))
      << "</p>\n";
  // A verdict that stops holding before the window gets no tick: it is not a pass at go-live.
  const bool not_ready = b.verdict == Verdict::NotReady;
  const bool expires = !not_ready && !b.expiring_before_window.empty();
  out << "<div class=\"banner" << (not_ready ? " notready" : expires ? " expires" : "") << "\">"
      << (not_ready ? "&#x2717; " : expires ? "&#x26A0; " : "&#x2713; ") << h(banner(b));
  if (!b.blocking.empty() || !b.expiring_before_window.empty()) {
    out << "<ul>\n";
    for (const std::string& l : blocking_lines(b)) out << "<li>" << h(l) << "</li>\n";
    for (const std::string& l : expiring_lines(b)) out << "<li>" << h(l) << "</li>\n";
    out << "</ul>";
  }
  out << "</div>\n";

  Table timeline = timeline_table(b);
  if (!timeline.rows.empty()) {
    out << "<h2>" << message_text("brief.section.timeline") << "</h2>\n" << timeline_svg(b);
    if (std::string s = rollback_sentence(b); !s.empty()) out << "<p><strong>" << h(s) << "</strong></p>\n";
    gaps(out, b);
    table(out, timeline);
  }

  out << "<h2>" << message_text("brief.section.who_to_call") << "</h2>\n";
  if (b.command.empty()) out << "<p>" << message_text("brief.no_command") << "</p>\n";
  else table(out, command_table(b));
  for (const auto& [title, table] : call_sections(b)) table_section(out, title, table);

  out << "<h2>" << message_text("brief.section.decision_points") << "</h2>\n";
  Table cps = checkpoints_table(b);
  if (cps.rows.empty()) out << "<p>" << message_text("brief.no_checkpoint") << "</p>\n";
  else table(out, cps);
  if (b.rollback) {
    out << "<p>" << linked(rollback_owner_sentence(b)) << "</p>\n";
    if (!b.rollback->triggers.empty()) {
      out << "<p>" << message_text("brief.rollback.when") << "</p>\n<ul>\n";
      for (const std::string& t : b.rollback->triggers) out << "<li>" << h(t) << "</li>\n";
      out << "</ul>\n";
    }
  }
  out << "</body>\n</html>\n";
}

}  // namespace golive::brief
