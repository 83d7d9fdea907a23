// The HTML report: one self-contained file an auditor can archive and print to PDF.
// No script, no external font, stylesheet or image: a Content-Security-Policy forbids
// every fetch, CSS is inline and the chart is inline SVG. Every text goes through
// xml_escape() (which also redacts credentials). Deterministic for the same input,
// as-of instant and generated_at.
#include <fmt/format.h>

#include <algorithm>

#include "checks/engine/i18n.h"
#include "checks/engine/values.h"
#include "cli/brief/brief.h"
#include "cli/report/report.h"
#include "cli/report/support.h"
#include "cli/report/width.h"

namespace golive {
namespace {

std::string h(std::string_view text) { return xml_escape(text, true); }

// A fixed text of this report in the current language (`report.html.<key>`).
std::string t(std::string_view key) { return message_text(fmt::format("report.html.{}", key)); }

constexpr std::string_view kStyle = R"css(
:root {
  --ink: #1f2933; --muted: #52606d; --line: #d9e2ec; --paper: #ffffff; --soft: #f5f7fa;
  --pass: #2f9e44; --fail: #c92a2a; --warn: #e67700; --error: #7048e8; --waived: #1971c2;
  --skip: #adb5bd;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans",
    "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB",
    "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono",
    "Noto Sans Mono CJK SC", monospace;
}
* { box-sizing: border-box; }
html { background: var(--soft); }
body { margin: 0 auto; max-width: 60rem; padding: 2rem 2.5rem 3rem; background: var(--paper);
  color: var(--ink); font: 14px/1.5 var(--sans); }
h1 { font-size: 1.9rem; line-height: 1.25; margin: 0.2rem 0 0.3rem; }
h2 { font-size: 1.25rem; margin: 2.2rem 0 0.8rem; padding-bottom: 0.3rem;
  border-bottom: 2px solid var(--ink); }
h3 { font-size: 1rem; margin: 0; }
code, .mono { font-family: var(--mono); font-size: 0.92em; overflow-wrap: anywhere; }
.hash { font-family: var(--mono); font-size: 0.85em; word-break: break-all; }
.nowrap { white-space: nowrap; }
table { width: 100%; border-collapse: collapse; margin: 0.5rem 0 1rem; }
th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.5rem;
  border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
th { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted);
  border-bottom: 2px solid var(--line); }
.cover { border: 1px solid var(--line); border-top: 8px solid var(--tone); border-radius: 6px;
  padding: 1.5rem 1.75rem; margin-bottom: 1.5rem; }
.brand { color: var(--muted); font-size: 0.8rem; letter-spacing: 0.08em; text-transform: uppercase; }
.plan-id { color: var(--muted); margin: 0 0 1rem; }
.headline { display: flex; gap: 2rem; align-items: center; flex-wrap: wrap; margin: 1rem 0; }
.verdict { font-size: 1.6rem; font-weight: 800; letter-spacing: 0.03em; color: var(--tone);
  border: 3px solid var(--tone); border-radius: 6px; padding: 0.35rem 1rem; }
.score { font-size: 2.2rem; font-weight: 700; line-height: 1; }
.score small { display: block; font-size: 0.75rem; font-weight: 400; color: var(--muted);
  text-transform: uppercase; letter-spacing: 0.06em; margin-top: 0.3rem; }
.tone-ready { --tone: var(--pass); }
.tone-warnings { --tone: var(--warn); }
.tone-not-ready { --tone: var(--fail); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1.25rem; margin: 0; }
dl.facts dt { color: var(--muted); }
.offline { border: 3px dashed var(--warn); border-radius: 6px; padding: 0.6rem 1rem; margin: 0.5rem 0 1rem;
  font-weight: 700; color: var(--warn); font-size: 1.15rem; }
dl.facts dd { margin: 0; }
.counts { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-top: 1rem; }
.count { border: 1px solid var(--line); border-left: 5px solid var(--c); border-radius: 4px;
  padding: 0.2rem 0.6rem; font-weight: 600; }
.count span { color: var(--muted); font-weight: 400; }
.c-pass { --c: var(--pass); } .c-fail { --c: var(--fail); } .c-warn { --c: var(--warn); }
.c-error { --c: var(--error); } .c-waived { --c: var(--waived); } .c-skip { --c: var(--skip); }
.chart { width: 100%; height: auto; font-family: var(--sans); }
.finding { border: 1px solid var(--line); border-left: 5px solid var(--c); border-radius: 4px;
  padding: 0.7rem 0.9rem; margin: 0 0 0.75rem; break-inside: avoid; }
.finding header { display: flex; gap: 0.6rem; align-items: baseline; flex-wrap: wrap; }
.badge { font-size: 0.72rem; font-weight: 700; letter-spacing: 0.05em; text-transform: uppercase;
  color: var(--c); border: 1.5px solid var(--c); border-radius: 3px; padding: 0 0.35rem; }
.finding .title { color: var(--muted); }
.finding p { margin: 0.4rem 0 0; }
.finding .where { color: var(--muted); font-size: 0.9em; }
.finding .fix { margin-top: 0.4rem; }
dl.evidence { display: grid; grid-template-columns: repeat(2, max-content minmax(0, 1fr));
  gap: 0.1rem 0.8rem; margin: 0.45rem 0 0; padding: 0.4rem 0.6rem; background: var(--soft);
  border-radius: 3px; font-size: 0.9em; }
dl.evidence dt { color: var(--muted); font-family: var(--mono); font-size: 0.92em; }
dl.evidence dd { margin: 0; overflow-wrap: anywhere; min-width: 0; }
dl.facts dd, .finding p, .cover h1, .plan-id { overflow-wrap: anywhere; min-width: 0; }
table.list td:first-child { width: 24%; }
table.list td:nth-child(2) { width: 20%; }
table.list td:last-child { width: 22%; }
details { margin: 0.5rem 0; border: 1px solid var(--line); border-radius: 4px; padding: 0.4rem 0.8rem; }
details > summary { cursor: pointer; font-weight: 600; }
.none { color: var(--muted); font-style: italic; }
.sign td { height: 3.2rem; }
.sign td.blank { width: 10rem; }
.attest { border: 1px solid var(--line); border-radius: 4px; padding: 0.6rem 0.9rem; margin: 0.5rem 0 1rem; }
.plan + .plan { margin-top: 3rem; }
footer { margin-top: 2.5rem; color: var(--muted); font-size: 0.85em; border-top: 1px solid var(--line);
  padding-top: 0.6rem; }
@page { size: A4; margin: 16mm 14mm 18mm; }
@media print {
  html, body { background: #fff; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .plan + .plan, .appendix, .signoff { break-before: page; }
  h2 { break-after: avoid; }
  tr, .finding, .cover, svg { break-inside: avoid; }
  details { border: 0; padding: 0; }
  details::details-content { content-visibility: visible; display: block; }
  details > summary { list-style: none; font-size: 1.05rem; margin: 1rem 0 0.4rem; }
}
)css";

// A CSS string: quotes and backslashes escaped, line breaks as \A, `<` as \3C so that
// no text can close the <style> element, other hostile characters made visible.
std::string css_string(std::string_view text) {
  std::string out = "\"";
  for (char c : make_visible(redact(text), "\n")) {
    if (c == '"' || c == '\\') (out += '\\') += c;
    else if (c == '\n') out += "\\A ";
    else if (c == '<') out += "\\3C ";
    else out += c;
  }
  return out + "\"";
}

// The printed page footer, in the page's bottom margin (CSS margin boxes, which Chromium
// prints since version 131): plan id and verdict on the left, the generated-at instant in
// the middle, "page N of M" on the right. Each plan is a named page, so that its pages name
// it; pages before the first plan (the cover of a multi-plan report) name the overall
// verdict.
std::string print_footer_style(const RunResult& result) {
  constexpr std::string_view kBox = "font-family: sans-serif; font-size: 8pt; color: #52606d;";
  // "page 2 of 5" in English; a language may add words after the total (第 2 页，共 5 页).
  std::string after = t("page.after");
  if (!after.empty()) after = fmt::format(" {}", css_string(after));
  std::string out = fmt::format(
      "@page {{\n"
      "  @bottom-left {{ content: {}; {} }}\n"
      "  @bottom-center {{ content: {}; {} }}\n"
      "  @bottom-right {{ content: {} counter(page) {} counter(pages){}; {} }}\n}}\n",
      css_string(fmt::format("golive \u00b7 {}", headline_verdict(result, result.verdict))), kBox,
      css_string(message("report.html.footer_generated", fmt::arg("at", say_instant(result.generated_at, run_zone(result))))),
      kBox, css_string(t("page.before")), css_string(t("page.middle")),
      after, kBox);
  for (size_t i = 0; i < result.plans.size(); ++i) {
    const PlanResult& p = result.plans[i];
    out += fmt::format("@page plan-{0} {{ @bottom-left {{ content: {1}; {2} }} }}\n"
                       ".plan.page-{0} {{ page: plan-{0}; }}\n",
                       i + 1,
                       css_string(fmt::format("{} \u00b7 {}", p.plan->plan.id.value_or(p.plan->file),
                                              headline_verdict(result, p.verdict))),
                       kBox);
  }
  return out;
}

struct Tone {
  std::string_view badge;  // catalogue key
  std::string_view css;    // c-… class
};

Tone tone_of(const Finding& f) {
  switch (f.status) {
    case Status::Pass: return {"report.html.badge.pass", "c-pass"};
    case Status::Skip: return {"report.html.badge.skipped", "c-skip"};
    case Status::Waived: return {"report.html.badge.waived", "c-waived"};
    case Status::Error: return {f.blocking ? "report.html.badge.blocking_error" : "report.html.badge.error", "c-error"};
    case Status::Fail: break;
  }
  if (f.blocking) return {"report.html.badge.blocking", "c-fail"};
  return {f.severity == Severity::Info ? "report.html.badge.info" : "report.html.badge.warning", "c-warn"};
}

std::string_view verdict_class(const RunResult& result, Verdict v) {
  if (warnings_fail(result, v)) return "tone-not-ready";
  switch (v) {
    case Verdict::Ready: return "tone-ready";
    case Verdict::ReadyWithWarnings: return "tone-warnings";
    case Verdict::NotReady: return "tone-not-ready";
  }
  return "tone-not-ready";
}

std::string contact_name(const Plan& plan, const std::string& id) {
  const Contact* c = plan.contact(id);
  return c && c->name ? *c->name : "";
}

std::string window_text(const Plan& plan) {
  const GoLive& g = plan.go_live;
  if (!g.window_start) return "";
  std::string out = say_instant(*g.window_start, plan.zone());
  if (g.window_end)
    out = message("report.html.window", fmt::arg("start", out), fmt::arg("end", say_instant(*g.window_end, plan.zone())));
  if (g.timezone) out += message("report.html.window_zone", fmt::arg("zone", *g.timezone));
  return out;
}

void fact(std::ostream& out, std::string_view name, std::string_view value_html) {
  out << "<dt>" << name << "</dt><dd>" << value_html << "</dd>\n";
}

void count_pill(std::ostream& out, std::string_view css, int n, std::string_view label) {
  out << "<span class=\"count " << css << "\">" << n << " <span>" << label << "</span></span>\n";
}

void write_cover(std::ostream& out, const RunResult& result, const PlanResult& p,
                 const std::vector<const Finding*>& blocking) {
  const Plan& plan = *p.plan;
  const Summary& s = p.summary;
  out << "<header class=\"cover " << verdict_class(result, p.verdict) << "\">\n"
      << "<div class=\"brand\">" << t("brand") << "</div>\n"
      << "<h1>" << h(plan.plan.name.value_or(plan.plan.id.value_or(plan.file))) << "</h1>\n"
      << "<p class=\"plan-id\"><code>" << h(plan.plan.id.value_or("")) << "</code> &middot; <code>"
      << h(plan.file) << "</code></p>\n"
      << "<div class=\"headline\"><div class=\"verdict\">" << headline_verdict(result, p.verdict)
      << (result.offline ? t("offline_badge") : "")
      << "</div><div class=\"score\">" << fmt::format("{:.1f}%", s.score)
      << "<small>" << t("score") << "</small></div></div>\n";
  // An offline verdict rests on what the plan declares: say so where nobody can miss it.
  if (std::string off = offline_warning(result); !off.empty())
    out << "<p class=\"offline\">" << h(off) << "</p>\n";
  out << "<dl class=\"facts\">\n";
  if (plan.plan.owner) {
    std::string name = contact_name(plan, *plan.plan.owner);
    fact(out, t("fact.owner"), name.empty() ? h(*plan.plan.owner)
                                    : h(name) + " (<code>" + h(*plan.plan.owner) + "</code>)");
  }
  fact(out, t("fact.window"), h(window_text(plan)));
  if (plan.go_live.hypercare) fact(out, t("fact.hypercare"), h(say_duration(*plan.go_live.hypercare)));
  fact(out, t("fact.as_of"),
       h(say_as_of(result, p)) + (result.as_of_mode == "window" ? h(t("as_of_window")) : "") +
           (result.offline ? " &middot; " + h(t("as_of_offline")) : ""));
  fact(out, t("fact.blocking"), std::to_string(blocking.size()));
  if (std::string until = valid_until_text(p); !until.empty()) fact(out, t("fact.holds"), h(until));
  if (std::string window = window_holds_text(result, p); !window.empty()) fact(out, t("fact.window_start"), h(window));
  std::string narrowed;
  for (const RecordLine& line : run_record(result))
    if ((line.label == "only" && !result.settings.only.empty()) ||
        (line.label == "skip" && !result.settings.skip.empty()) || line.label == "rule changed" ||
        (line.label == "waivers" && line.value != "none"))
      narrowed += (narrowed.empty() ? "" : "<br>") +
                  h(message("report.html.record_line", fmt::arg("label", record_label(line.label)),
                            fmt::arg("value", line.value)));
  fact(out, t("fact.narrowed"), narrowed.empty() ? h(t("nothing")) : narrowed);
  std::string rulesets;
  for (const AppliedRuleset& r : p.rulesets)
    rulesets += (rulesets.empty() ? "" : h(t("separator"))) + h(r.name) + " " + h(r.version);
  fact(out, t("fact.rulesets"), rulesets.empty() ? h(message_text("report.record.none")) : rulesets);
  out << "</dl>\n<div class=\"counts\">\n";
  count_pill(out, "c-fail", s.failed, t("count.failed"));
  count_pill(out, "c-warn", s.warnings, t("count.warnings"));
  count_pill(out, "c-skip", s.info, t("count.info"));
  count_pill(out, "c-error", s.errors, t("count.errors"));
  count_pill(out, "c-waived", s.waived, t("count.waived"));
  count_pill(out, "c-skip", s.skipped, t("count.skipped"));
  count_pill(out, "c-pass", s.passed, t("count.passed"));
  out << "</div>\n</header>\n";
}

// A horizontal stacked bar per category, scaled to the largest category.
void write_chart(std::ostream& out, const std::vector<Finding>& findings) {
  auto cats = count_by_category(findings);
  if (cats.empty()) {
    out << "<p class=\"none\">" << t("no_findings") << "</p>\n";
    return;
  }
  int most = 1;
  for (const auto& c : cats) most = std::max(most, c.total());
  auto tally_of = [](const CategoryCount& c) {
    std::string tally = message("report.html.tally.pass", fmt::arg("n", c.passed));
    auto more = [&](int n, std::string_view key) {
      if (n) tally += t("separator") + message(fmt::format("report.html.tally.{}", key), fmt::arg("n", n));
    };
    more(c.failed, "fail");
    more(c.warnings, "warn");
    more(c.errors, "error");
    more(c.waived, "waived");
    more(c.skipped, "skip");
    return tally;
  };
  // The tallies are at 12px: about 7px a terminal cell (a CJK character is two cells, 12px
  // wide). The chart is scaled to the page width, so a wider viewBox only makes it smaller,
  // never cut off.
  int longest = 0;
  for (const auto& c : cats) longest = std::max(longest, display_width(tally_of(c)));
  constexpr int kLabel = 130, kBar = 440, kRow = 26, kTop = 30;
  const int width = std::max(720, kLabel + kBar + 12 + longest * 7);
  const int height = kTop + kRow * static_cast<int>(cats.size()) + 8;
  out << fmt::format(
      "<svg class=\"chart\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" role=\"img\" "
      "aria-label=\"{}\" xmlns=\"http://www.w3.org/2000/svg\">\n",
      width, height, width, height, h(t("per_category")));
  struct Part {
    int CategoryCount::*count;
    std::string_view colour;
    std::string label;
  };
  const Part parts[] = {{&CategoryCount::passed, "#2f9e44", t("legend.pass")},
                        {&CategoryCount::failed, "#c92a2a", t("legend.fail")},
                        {&CategoryCount::warnings, "#e67700", t("legend.warn")},
                        {&CategoryCount::errors, "#7048e8", t("legend.error")},
                        {&CategoryCount::waived, "#1971c2", t("legend.waived")},
                        {&CategoryCount::skipped, "#adb5bd", t("legend.skip")}};
  int x = kLabel;
  for (const Part& part : parts) {
    out << fmt::format(
        "<rect x=\"{}\" y=\"6\" width=\"12\" height=\"12\" rx=\"2\" fill=\"{}\"/>"
        "<text x=\"{}\" y=\"16\" font-size=\"12\" fill=\"#52606d\">{}</text>\n",
        x, part.colour, x + 16, h(part.label));
    x += 78;
  }
  int y = kTop;
  for (const auto& c : cats) {
    out << fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"13\" text-anchor=\"end\" fill=\"#1f2933\">{}</text>\n",
                       kLabel - 10, y + 15, h(c.category));
    out << fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"18\" fill=\"#f0f2f5\"/>\n", kLabel,
                       y + 2, kBar);
    double at = kLabel;
    for (const Part& part : parts) {
      int n = c.*part.count;
      if (n == 0) continue;
      double w = static_cast<double>(kBar) * n / most;
      out << fmt::format(
          "<rect x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"18\" fill=\"{}\"><title>{}: {} "
          "{}</title></rect>\n",
          at, y + 2, w, part.colour, h(c.category), n, h(part.label));
      at += w;
    }
    out << fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"#52606d\">{}</text>\n",
                       kLabel + kBar + 8, y + 15, h(tally_of(c)));
    y += kRow;
  }
  out << "</svg>\n";
}

void write_finding(std::ostream& out, const Finding& f, const Zone* zone) {
  Tone tone = tone_of(f);
  out << "<article class=\"finding " << tone.css << "\">\n<header><span class=\"badge\">"
      << h(message_text(tone.badge)) << "</span><h3><code>" << h(f.check) << "</code></h3><span class=\"title\">"
      << h(check_title(f)) << "</span></header>\n";
  out << "<p><strong>" << h(f.subject) << "</strong>: " << h(f.message) << "</p>\n";
  out << "<p class=\"where\">" << h(message("report.html.rule", fmt::arg("severity", severity_said(f.severity))));
  if (!f.location.file.empty()) out << " &middot; " << h(t("plan_at")) << " <code>" << h(file_line(f.location)) << "</code>";
  if (f.expires_at)
    out << " &middot; " << h(message("report.html.evidence_until", fmt::arg("at", say_instant(*f.expires_at, zone))));
  out << "</p>\n";
  if (!f.evidence.empty()) {
    out << "<dl class=\"evidence\">\n";
    for (const auto& [key, value] : f.evidence)
      out << "<dt>" << h(key) << "</dt><dd>" << h(evidence_text(value)) << "</dd>\n";
    out << "</dl>\n";
  }
  if (f.waiver) {
    const AppliedWaiver& w = *f.waiver;
    out << "<p class=\"fix\">"
        << message("report.html.waived_by", fmt::arg("who", "<strong>" + h(w.approved_by) + "</strong>"),
                   fmt::arg("until", h(say_instant(w.expires, zone))), fmt::arg("reason", h(w.reason)),
                   fmt::arg("ticket", w.ticket.empty() ? "" : message("report.html.ticket", fmt::arg("ticket", h(w.ticket)))))
        << "</p>\n";
  } else if (f.status != Status::Pass && f.status != Status::Skip) {
    if (std::string fix = remediation_of(f); !fix.empty())
      out << "<p class=\"fix\">"
          << message("report.fix_line", fmt::arg("label", "<strong>" + h(message_text("report.fix")) + "</strong>"),
                     fmt::arg("fix", h(fix)))
          << "</p>\n";
  }
  out << "</article>\n";
}

void write_section(std::ostream& out, std::string_view title,
                   const std::vector<const Finding*>& items, bool collapsed, const Zone* zone) {
  if (collapsed) {
    if (items.empty()) return;
    out << "<details><summary>" << h(message(title, fmt::arg("count", items.size()))) << "</summary>\n";
    out << "<table class=\"list\"><thead><tr><th>" << t("head.check") << "</th><th>" << t("head.subject")
        << "</th><th>" << t("head.message") << "</th><th>" << t("head.plan") << "</th></tr></thead><tbody>\n";
    for (const Finding* f : items)
      out << "<tr><td><code>" << h(f->check) << "</code></td><td>" << h(f->subject) << "</td><td>"
          << h(f->message) << "</td><td><code>" << h(file_line(f->location)) << "</code></td></tr>\n";
    out << "</tbody></table>\n</details>\n";
    return;
  }
  out << "<h2>" << h(message(title, fmt::arg("count", items.size()))) << "</h2>\n";
  if (items.empty()) out << "<p class=\"none\">" << t("none") << "</p>\n";
  for (const Finding* f : items) write_finding(out, *f, zone);
}

void write_waivers(std::ostream& out, const std::vector<const Finding*>& waived, const Zone* zone) {
  out << "<h2>" << h(message("report.html.section.waivers", fmt::arg("count", waived.size()))) << "</h2>\n";
  if (waived.empty()) {
    out << "<p class=\"none\">" << t("no_waivers") << "</p>\n";
    return;
  }
  out << "<table><thead><tr>";
  for (std::string_view head : {"check", "subject", "approved_by", "until", "reason", "ticket", "waiver"})
    out << "<th>" << t(fmt::format("head.{}", head)) << "</th>";
  out << "</tr></thead><tbody>\n";
  for (const Finding* f : waived) {
    const AppliedWaiver& w = *f->waiver;
    out << "<tr><td><code>" << h(f->check) << "</code></td><td>" << h(f->subject) << "</td><td>"
        << h(w.approved_by) << "</td><td>" << h(say_instant(w.expires, zone)) << "</td><td>"
        << h(w.reason) << "</td><td>" << h(w.ticket) << "</td><td><code>" << h(file_line(w.loc))
        << "</code></td></tr>\n";
  }
  out << "</tbody></table>\n";
}

// `ops_lead` → `Ops lead`, or the role's name in the catalogue (`report.html.role.ops_lead`)
// when it has one: roles beyond the standard's are the plan's own words.
std::string role_title(std::string_view role) {
  const std::string key = fmt::format("report.html.role.{}", role);
  if (auto text = find_message(language(), key)) return std::string(*text);
  std::string out(role);
  std::replace(out.begin(), out.end(), '_', ' ');
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

void write_signoff(std::ostream& out, const RunResult& result, const PlanResult& p) {
  const Plan& plan = *p.plan;
  out << "<section class=\"signoff\">\n<h2>" << t("signoff") << "</h2>\n";
  // The signed page must stand on its own once printed: say what is being signed.
  out << "<p class=\"attest\">"
      << message("report.html.attest", fmt::arg("plan", h(plan_title(plan))), fmt::arg("file", h(plan.file)),
                 fmt::arg("sha256", h(plan.sha256)), fmt::arg("verdict", h(headline_verdict(result, p.verdict))),
                 fmt::arg("score", fmt::format("{:.1f}%", p.summary.score)),
                 fmt::arg("as_of", h(say_as_of(result, p))), fmt::arg("window", h(window_text(plan))))
      << "</p>\n";
  std::vector<std::pair<std::string, std::string>> seats;  // role, contact id
  if (plan.organization) {
    const Organization& o = *plan.organization;
    if (o.commander) seats.emplace_back(t("role.commander"), *o.commander);
    if (o.deputy) seats.emplace_back(t("role.deputy"), *o.deputy);
    for (const auto& [role, who] : o.roles)
      if (who) seats.emplace_back(role_title(role), *who);
  }
  if (plan.plan.owner) seats.emplace_back(t("role.plan_owner"), *plan.plan.owner);
  if (seats.empty()) {
    out << "<p class=\"none\">" << t("no_command_centre") << "</p>\n</section>\n";
    return;
  }
  out << "<p>" << t("by_signing") << "</p>\n";
  out << "<table class=\"sign\"><thead><tr>";
  for (std::string_view head : {"role", "name", "phone", "signature", "date"})
    out << "<th>" << t(fmt::format("head.{}", head)) << "</th>";
  out << "</tr></thead><tbody>\n";
  for (const auto& [role, id] : seats) {
    const Contact* c = plan.contact(id);
    out << "<tr><td>" << h(role) << "</td><td>" << h(c && c->name ? *c->name : id)
        << " <span class=\"mono\">(" << h(id) << ")</span></td><td class=\"mono nowrap\">"
        << h(c && c->phone ? *c->phone : "") << "</td><td class=\"blank\"></td><td class=\"blank\"></td></tr>\n";
  }
  out << "</tbody></table>\n</section>\n";
}

// The record of what was not checked or relaxed, every setting and where it came from,
// and the warnings about the input.
void write_record(std::ostream& out, const RunResult& result) {
  out << "<h3>" << t("record") << "</h3>\n<table><tbody>\n";
  for (const RecordLine& line : run_record(result))
    out << "<tr><th class=\"nowrap\">" << h(record_label(line.label)) << "</th><td>" << h(line.value) << "</td></tr>\n";
  out << "</tbody></table>\n<h3>" << t("settings") << "</h3>\n<table><thead><tr><th>" << t("head.option")
      << "</th><th>" << t("head.value") << "</th><th>" << t("head.from") << "</th></tr></thead><tbody>\n";
  // A flag's true/false and the `default` origin are words for people here; option values
  // (`gate`, `5s`) and origins (`--fail-on`, `GOLIVE_LANG`) are what a user types, kept as is.
  for (const SettingRecord& s : result.settings.settings) {
    std::string value = s.value == "true"    ? t("setting.flag_on")
                        : s.value == "false" ? t("setting.flag_off")
                                             : h(setting_value_said(result, s));
    std::string origin = s.origin == "default" ? t("setting.default_cell") : "<code>" + h(s.origin) + "</code>";
    out << "<tr><td class=\"nowrap\"><code>" << h(s.name) << "</code></td><td>" << value << "</td><td>" << origin
        << "</td></tr>\n";
  }
  out << "</tbody></table>\n<h3>" << h(message("report.html.diagnostics", fmt::arg("count", result.diagnostics.size())))
      << "</h3>\n";
  if (result.diagnostics.empty()) {
    out << "<p class=\"none\">" << t("no_diagnostics") << "</p>\n";
    return;
  }
  out << "<table><thead><tr><th>" << t("head.severity") << "</th><th>" << t("head.message") << "</th><th>"
      << t("head.location") << "</th></tr></thead><tbody>\n";
  for (const InputDiagnostic& d : result.diagnostics)
    out << "<tr><td>" << h(d.severity) << "</td><td>" << h(d.message) << "</td><td><code>" << h(d.loc.str())
        << "</code></td></tr>\n";
  out << "</tbody></table>\n";
}

void write_appendix(std::ostream& out, const RunResult& result, const PlanResult& p) {
  const Plan& plan = *p.plan;
  out << "<section class=\"appendix\">\n<h2>" << t("appendix") << "</h2>\n<dl class=\"facts\">\n";
  fact(out, t("fact.tool"), "golive " + h(result.tool_version));
  fact(out, t("fact.plan_file"), "<code>" + h(plan.file) + "</code>");
  fact(out, t("fact.plan_sha256"), "<span class=\"hash\">" + h(plan.sha256) + "</span>");
  fact(out, t("fact.appendix_as_of"),
       h(message("report.html.as_of_mode", fmt::arg("at", say_as_of(result, p)),
                 fmt::arg("mode", t("as_of_mode_word." + result.as_of_mode)))));
  fact(out, t("fact.generated"), h(say_instant(result.generated_at, run_zone(result))));
  fact(out, t("fact.probes"), h(result.offline ? t("probes_skipped") : t("probes_run")));
  fact(out, t("fact.fails_on"), h(result.fail_on_warn ? t("fails_on_warn") : t("fails_on_gate")));
  out << "</dl>\n<table><thead><tr>";
  for (std::string_view head : {"ruleset", "version", "why_applied", "source", "sha256"})
    out << "<th>" << t(fmt::format("head.{}", head)) << "</th>";
  out << "</tr></thead><tbody>\n";
  for (const AppliedRuleset& r : p.rulesets)
    out << "<tr><td class=\"nowrap\">" << h(r.name) << "</td><td class=\"nowrap\">" << h(r.version)
        << "</td><td>" << h(r.said) << "</td><td class=\"nowrap\"><code>"
        << h(r.source == "built-in" ? t("source_builtin") : r.source)
        << "</code></td><td class=\"hash\">" << h(r.sha256) << "</td></tr>\n";
  out << "</tbody></table>\n";
  write_record(out, result);
  out << "</section>\n";
}

void write_plan(std::ostream& out, const RunResult& result, const PlanResult& p, size_t number) {
  std::vector<const Finding*> blocking, warnings, errors, waived, skipped, passed;
  for (const Finding& f : p.findings) {
    switch (standing_of(f)) {
      case Standing::Blocking: blocking.push_back(&f); break;
      case Standing::Warning:
      case Standing::Notice: (f.status == Status::Error ? errors : warnings).push_back(&f); break;
      case Standing::Waived: waived.push_back(&f); break;
      case Standing::Skipped: skipped.push_back(&f); break;
      case Standing::Passed: passed.push_back(&f); break;
    }
  }
  out << "<section class=\"plan page-" << number << "\">\n";
  write_cover(out, result, p, blocking);
  out << "<h2>" << t("per_category") << "</h2>\n";
  write_chart(out, p.findings);
  brief::write_timeline_figure(out, *p.plan);
  write_section(out, "report.html.section.blocking", blocking, false, p.plan->zone());
  write_section(out, "report.html.section.warnings", warnings, false, p.plan->zone());
  if (!errors.empty()) write_section(out, "report.html.section.errors", errors, false, p.plan->zone());
  if (!skipped.empty() || !passed.empty()) {
    out << "<h2>" << t("other_results") << "</h2>\n";
    write_section(out, "report.html.section.skipped", skipped, true, p.plan->zone());
    write_section(out, "report.html.section.passed", passed, true, p.plan->zone());
  }
  write_waivers(out, waived, p.plan->zone());
  write_signoff(out, result, p);
  write_appendix(out, result, p);
  out << "</section>\n";
}

void write_html(const RunResult& result, std::ostream& out, const ReportOptions& options) {
  std::string title = t("title");
  if (result.plans.size() == 1) title = message("report.html.title_plan", fmt::arg("plan", plan_title(*result.plans[0].plan)));
  out << "<!DOCTYPE html>\n<html lang=\"" << h(options.lang) << "\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "style-src 'unsafe-inline'\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<meta name=\"generator\" content=\"golive " << h(result.tool_version) << "\">\n"
      << "<title>" << h(title) << "</title>\n<style>" << kStyle << print_footer_style(result)
      << language_font_rule(options.lang) << "</style>\n</head>\n<body>\n";
  if (result.plans.size() > 1) {
    out << "<header class=\"cover " << verdict_class(result, result.verdict) << "\">\n"
        << "<div class=\"brand\">" << t("brand") << "</div>\n<h1>"
        << message("report.html.plans", fmt::arg("count", result.plans.size()))
        << "</h1>\n<div class=\"headline\"><div class=\"verdict\">" << headline_verdict(result, result.verdict)
        << (result.offline ? t("offline_badge") : "")
        << "</div><div class=\"score\">" << fmt::format("{:.1f}%", result.summary.score) << "<small>" << t("score")
        << "</small></div></div>\n<table><thead><tr>";
    for (std::string_view head : {"plan", "file", "verdict", "score", "blocking", "warnings"})
      out << "<th>" << t(fmt::format("head.{}", head)) << "</th>";
    out << "</tr></thead><tbody>\n";
    for (const auto& p : result.plans) {
      const StandingCounts c = count_standings(p);
      out << "<tr><td>" << h(plan_title(*p.plan)) << "</td><td><code>" << h(p.plan->file)
          << "</code></td><td>" << verdict_title(p.verdict) << "</td><td>"
          << fmt::format("{:.1f}%", p.summary.score) << "</td><td>" << c.blocking << "</td><td>" << c.warnings
          << "</td></tr>\n";
    }
    out << "</tbody></table>\n</header>\n";
  }
  for (size_t i = 0; i < result.plans.size(); ++i) write_plan(out, result, result.plans[i], i + 1);
  out << "<footer>"
      << h(message("report.html.footer", fmt::arg("version", result.tool_version),
                   fmt::arg("at", say_instant(result.generated_at, run_zone(result))),
                   fmt::arg("as_of", say_instant(result.as_of, run_zone(result)))))
      << "</footer>\n</body>\n</html>\n";
}

}  // namespace

GOLIVE_REGISTER_REPORT(html, "Self-contained HTML for auditors; prints to PDF", write_html);

}  // namespace golive
