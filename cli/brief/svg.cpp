// The timeline as inline SVG. Printed briefs are often black and white and some readers
// do not tell red from green, so nothing is said by colour alone: gaps are cross-hatched
// and labelled GAP, phases hatched, the rollback deadline dashed, the point of no return
// dotted, and every line carries its words. Colours are the Okabe-Ito palette.
#include <algorithm>
#include <sstream>

#include <fmt/format.h>

#include "checks/engine/i18n.h"
#include "checks/engine/zone.h"
#include "cli/brief/brief.h"
#include "cli/report/support.h"
#include "cli/report/width.h"

namespace golive::brief {

namespace {

constexpr int kWidth = 760;
constexpr int kLeft = 190;   // where the time axis starts; band labels sit left of it
constexpr int kRight = 745;
constexpr int kRow = 18;

std::string x(std::string_view s) { return xml_escape(s, true); }

// A fixed text of the figure in the current language (`brief.svg.<key>`).
const std::string& t(std::string_view key) { return message_text(fmt::format("brief.svg.{}", key)); }

/// Maps instants of [from, to] onto [kLeft, kRight].
struct Scale {
  Instant from, to;
  double at(Instant t) const {
    const double span = static_cast<double>((to - from).count());
    const double pos = span <= 0 ? 0 : static_cast<double>((t - from).count()) / span;
    return kLeft + std::clamp(pos, 0.0, 1.0) * (kRight - kLeft);
  }
};

std::string num(double v) { return fmt::format("{:.1f}", v); }

// A tick step that gives at most about eight ticks.
Duration tick_step(Elapsed span) {
  using namespace std::chrono_literals;
  for (Duration d : {Duration{15min}, Duration{30min}, Duration{1h}, Duration{2h}, Duration{3h},
                     Duration{6h}, Duration{12h}, Duration{24h}, Duration{48h}, Duration{168h}})
    if (span / d <= 8) return d;
  return Duration{24h * 30};
}

// Ticks on round local wall-clock times of `zone`, so that 00:00 and 06:00 mean the plan's
// night; converted to instants one by one, so a daylight-saving change moves them right.
std::vector<Instant> ticks(const Scale& s, const Zone* zone) {
  const Duration step = tick_step(s.to - s.from);
  std::vector<Instant> out;
  using Local = date::local_time<Elapsed>;
  auto to_local = [&](Instant t) { return zone ? zone->to_local(t) : Local{t.time_since_epoch()}; };
  auto to_sys = [&](Local l) {
    return zone ? zone->to_sys(l, date::choose::earliest) : Instant{l.time_since_epoch()};
  };
  const Local first = to_local(s.from);
  const date::local_days day = date::floor<date::days>(first);
  Local l = day;
  while (l < first) l += step;
  for (int guard = 0; guard < 64; ++guard, l += step) {
    const Instant t = to_sys(l);
    if (t > s.to) break;
    if (t >= s.from && (out.empty() || t > out.back())) out.push_back(t);
  }
  return out;
}

std::string tick_label(Instant t, const Zone* zone, Duration step) {
  // Steps of a quarter day or more span several days: their ticks need the date.
  const char* f = step >= Duration{std::chrono::hours(24)}  ? "%m-%d"
                  : step >= Duration{std::chrono::hours(6)} ? "%m-%d %H:%M"
                                                            : "%H:%M";
  if (!zone) return date::format(f, t);
  return date::format(f, zone->to_local(t));
}

// Axis at `y`: local labels above, UTC labels below.
void axis(std::ostream& out, const Scale& s, const Brief& b, int y) {
  const Duration step = tick_step(s.to - s.from);
  out << fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#1f2933\"/>\n", kLeft, y, kRight, y);
  out << fmt::format("<text x=\"{}\" y=\"{}\" class=\"ax\" text-anchor=\"end\">{}</text>\n", kLeft - 20, y - 4,
                     x(b.zone_name));
  out << fmt::format("<text x=\"{}\" y=\"{}\" class=\"ax utc\" text-anchor=\"end\">UTC</text>\n", kLeft - 20, y + 13);
  for (Instant t : ticks(s, b.zone)) {
    const double px = s.at(t);
    out << fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#1f2933\"/>\n", num(px), y - 3, y + 3);
    out << fmt::format("<text x=\"{}\" y=\"{}\" class=\"ax\" text-anchor=\"middle\">{}</text>\n", num(px), y - 5,
                       tick_label(t, b.zone, step));
    out << fmt::format("<text x=\"{}\" y=\"{}\" class=\"ax utc\" text-anchor=\"middle\">{}</text>\n", num(px),
                       y + 13, tick_label(t, nullptr, step));
  }
}

void rect(std::ostream& out, double x0, double x1, int y, int h, std::string_view fill,
          std::string_view extra = "") {
  out << fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"{}/>\n", num(x0), y,
                     num(std::max(x1 - x0, 1.0)), h, fill, extra);
}

// Diagonal hatching inside a rectangle, drawn as lines rather than an SVG pattern: the
// HTML report forbids url() references, and lines print the same on any printer.
// `cross` adds the other diagonal.
void hatch(std::ostream& out, double x0, double x1, int y, int h, std::string_view colour, bool cross) {
  std::string d;
  for (double t = x0 - h; t < x1; t += 6) {
    const double s0 = std::max(0.0, x0 - t), s1 = std::min<double>(h, x1 - t);
    if (s1 <= s0) continue;
    d += fmt::format("M{} {}L{} {}", num(t + s0), num(y + h - s0), num(t + s1), num(y + h - s1));
    if (cross) d += fmt::format("M{} {}L{} {}", num(t + s0), num(y + s0), num(t + s1), num(y + s1));
  }
  if (!d.empty())
    out << fmt::format("<path d=\"{}\" stroke=\"{}\" stroke-width=\"0.8\" fill=\"none\"/>\n", d, colour);
}

// `text` cut to at most `cells` terminal cells, with an ellipsis when cut.
std::string fit(const std::string& text, int cells) {
  if (display_width(text) <= cells) return text;
  std::string out;
  for (size_t i = 0; i < text.size();) {
    size_t n = 1;
    while (i + n < text.size() && (static_cast<unsigned char>(text[i + n]) & 0xC0) == 0x80) ++n;
    if (display_width(out + text.substr(i, n)) > cells - 1) break;
    out += text.substr(i, n);
    i += n;
  }
  return out + "…";
}

// Writes `label` inside [x0, x1] when it fits (about 6.5 px per terminal cell).
void inside(std::ostream& out, double x0, double x1, int y, std::string_view label) {
  if (label.empty() || display_width(label) * 6.5 + 6 > x1 - x0) return;
  out << fmt::format("<text x=\"{}\" y=\"{}\" class=\"in\">{}</text>\n", num(x0 + 3), y, x(label));
}

std::string_view band_colour(Band::Kind k) {
  switch (k) {
    case Band::Primary: return "#0072B2";
    case Band::Backup: return "#56B4E9";
    case Band::Region: return "#009E73";
    case Band::Vendor: return "#E69F00";
  }
  return "#999999";
}

void window_panel(std::ostream& out, const Brief& b, int& y) {
  Instant from = b.window->start, to = b.window->end;
  for (const Event& e : b.events)
    if (e.kind != Event::HypercareEnd) from = std::min(from, e.at), to = std::max(to, e.at);
  const Scale s{from, to};
  out << fmt::format("<text x=\"4\" y=\"{}\" class=\"h\">{}</text>\n", y + 10, t("window_panel"));
  y += 30;
  axis(out, s, b, y);
  y += 22;
  // The window itself.
  const int window_y = y;
  rect(out, s.at(b.window->start), s.at(b.window->end), y, kRow, "#f5f7fa", " stroke=\"#1f2933\"");
  out << fmt::format("<text x=\"{}\" y=\"{}\" class=\"lbl\" text-anchor=\"end\">{}</text>\n", kLeft - 6, y + 14,
                     t("window"));
  inside(out, s.at(b.window->start), s.at(b.window->end), y + 14,
         message("brief.svg.span", fmt::arg("from", short_local(b.window->start, b.zone)),
                 fmt::arg("to", short_local(b.window->end, b.zone))));
  y += kRow + 4;
  // Upgrade phases, one row each.
  for (const Event& e : b.events) {
    if (e.kind != Event::PhaseStart) continue;
    Instant end = e.at;
    for (const Event& f : b.events)
      if (f.kind == Event::PhaseEnd && f.label == e.label && f.at >= e.at) {
        end = f.at;
        break;
      }
    rect(out, s.at(e.at), s.at(end), y, kRow - 4, "#CC79A7", " fill-opacity=\"0.25\" stroke=\"#1f2933\"");
    hatch(out, s.at(e.at), s.at(end), y, kRow - 4, "#1f2933", false);
    out << fmt::format("<text x=\"{}\" y=\"{}\" class=\"lbl\" text-anchor=\"end\">{}</text>\n", kLeft - 6,
                       y + 12, message("brief.svg.phase", fmt::arg("name", x(e.label))));
    y += kRow;
  }
  // Instants: checkpoints (solid), rollback deadline (dashed), point of no return (dotted),
  // each with its label on its own line so that none overlaps another.
  for (const Event& e : b.events) {
    std::string dash, label;
    switch (e.kind) {
      case Event::Checkpoint: label = message("brief.svg.checkpoint", fmt::arg("name", e.label)); break;
      case Event::RollbackDeadline:
        dash = " stroke-dasharray=\"6 3\" stroke-width=\"2\"";
        label = t("rollback_deadline");
        break;
      case Event::PointOfNoReturn:
        dash = " stroke-dasharray=\"2 2\" stroke-width=\"2\"";
        label = t("point_of_no_return");
        break;
      default: continue;
    }
    const double px = s.at(e.at);
    y += 16;
    out << fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#1f2933\"{3}/>\n", num(px),
                       window_y, y - 4, dash);
    const bool right = px < (kLeft + kRight) / 2.0;
    out << fmt::format("<text x=\"{}\" y=\"{}\" class=\"ev\" text-anchor=\"{}\">{} {}</text>\n",
                       num(right ? px + 4 : px - 4), y, right ? "start" : "end", x(label),
                       short_local(e.at, b.zone).substr(6));
  }
  y += 14;
}

void coverage_panel(std::ostream& out, const Brief& b, int& y) {
  const Scale s{b.period->start, b.period->end};
  out << fmt::format("<text x=\"4\" y=\"{}\" class=\"h\">{}</text>\n", y + 10, t("coverage_panel"));
  y += 30;
  axis(out, s, b, y);
  y += 20;
  rect(out, s.at(b.window->start), s.at(b.window->end), y - 4, 4, "#1f2933");
  for (const Band& band : b.bands) {
    out << fmt::format("<text x=\"{}\" y=\"{}\" class=\"lbl\" text-anchor=\"end\">{}</text>\n", kLeft - 6,
                       y + 13, x(fit(band.short_label, 28)));
    rect(out, kLeft, kRight, y, kRow - 2, "#ffffff", " stroke=\"#d9e2ec\"");
    if (band.kind == Band::Region)
      for (const TimeInterval& r : band.required) rect(out, s.at(r.start), s.at(r.end), y, kRow - 2, "#ffffff", " stroke=\"#1f2933\"");
    for (const Segment& seg : band.covered) {
      rect(out, s.at(seg.span.start), s.at(seg.span.end), y, kRow - 2, band_colour(band.kind),
           " fill-opacity=\"0.45\" stroke=\"#1f2933\" stroke-width=\"0.5\"");
      inside(out, s.at(seg.span.start), s.at(seg.span.end), y + 13, seg.who);
    }
    for (const TimeInterval& g : band.gaps) {
      rect(out, s.at(g.start), s.at(g.end), y, kRow - 2, "#ffffff", " stroke=\"#D55E00\" stroke-width=\"1.5\"");
      hatch(out, s.at(g.start), s.at(g.end), y, kRow - 2, "#D55E00", true);
      const double mid = (s.at(g.start) + s.at(g.end)) / 2;
      out << fmt::format("<text x=\"{}\" y=\"{}\" class=\"gap\" text-anchor=\"middle\">{}</text>\n", num(mid), y + 13,
                         t("gap"));
    }
    y += kRow + 2;
  }
  y += 6;
}

}  // namespace

std::string timeline_svg(const Brief& b) {
  if (!b.window || b.window->empty()) return "";
  std::ostringstream body;
  int y = 4;
  window_panel(body, b, y);
  if (b.period && !b.bands.empty()) coverage_panel(body, b, y);
  // Legend: every mark in words.
  y += 4;
  rect(body, 8, 28, y, 12, "#ffffff", " stroke=\"#D55E00\" stroke-width=\"1.5\"");
  hatch(body, 8, 28, y, 12, "#D55E00", true);
  body << fmt::format("<text x=\"32\" y=\"{}\" class=\"ev\">{}</text>\n", y + 10, t("legend_gap"));
  rect(body, 190, 210, y, 12, "#CC79A7", " fill-opacity=\"0.25\" stroke=\"#1f2933\"");
  hatch(body, 190, 210, y, 12, "#1f2933", false);
  body << fmt::format("<text x=\"214\" y=\"{}\" class=\"ev\">{}</text>\n", y + 10, t("legend_phase"));
  body << fmt::format("<line x1=\"310\" y1=\"{0}\" x2=\"330\" y2=\"{0}\" stroke=\"#1f2933\" stroke-width=\"2\" "
                      "stroke-dasharray=\"6 3\"/><text x=\"334\" y=\"{1}\" class=\"ev\">{2}</text>\n",
                      y + 6, y + 10, t("rollback_deadline"));
  body << fmt::format("<line x1=\"450\" y1=\"{0}\" x2=\"470\" y2=\"{0}\" stroke=\"#1f2933\" stroke-width=\"2\" "
                      "stroke-dasharray=\"2 2\"/><text x=\"474\" y=\"{1}\" class=\"ev\">{2}</text>\n",
                      y + 6, y + 10, t("point_of_no_return"));
  y += 18;

  std::ostringstream out;
  // The figure's text takes the language's faces first (Chinese in a Simplified Chinese
  // face), as the page around it does; the attribute, not the page's CSS, reaches inside.
  const std::string_view fonts = language_fonts(language());
  out << fmt::format(
      "<svg class=\"timeline\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" height=\"{1}\" role=\"img\" "
      "aria-label=\"{2}\" xmlns=\"http://www.w3.org/2000/svg\" font-family=\"{3}\">\n",
      kWidth, y, message("brief.svg.aria", fmt::arg("zone", x(b.zone_name))),
      fonts.empty() ? std::string("sans-serif") : x(fonts));
  out << "<style>.h{font-size:13px;font-weight:600;fill:#1f2933}.ax{font-size:10px;fill:#1f2933}"
         ".utc{fill:#52606d}.lbl{font-size:11px;fill:#1f2933}.in{font-size:10px;fill:#1f2933}"
         ".ev{font-size:10px;fill:#1f2933}.gap{font-size:10px;font-weight:700;fill:#1f2933}</style>\n";
  out << body.str() << "</svg>\n";
  return out.str();
}

void write_timeline_figure(std::ostream& out, const Plan& plan) {
  const std::string svg = timeline_svg(build(plan, kDefaultBusinessHours, nullptr));
  if (svg.empty()) return;
  out << "<h2>" << message_text("brief.figure") << "</h2>\n" << svg;
}

}  // namespace golive::brief
