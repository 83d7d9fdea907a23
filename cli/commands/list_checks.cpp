#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "checks/engine/check.h"
#include "cli/commands/commands.h"
#include "checks/engine/i18n.h"
#include "cli/report/width.h"

namespace golive {

namespace {

// Pipes would end a markdown table cell.
std::string cell(const std::string& text) {
  std::string out;
  for (char c : text) out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out;
}

std::vector<ParamDoc> parameters_of(const CheckInfo& info) {
  Params params;
  (void)info.make(params);  // the constructor reads each parameter with its default
  return params.requested();
}

}  // namespace

int run_list_checks(const ListChecksOptions& options, const Io& io) {
  const auto checks = all_checks();
  // JSON is for programs: its titles stay the registrations' English whatever --lang says.
  if (options.format == "json") {
    auto list = nlohmann::ordered_json::array();
    for (const CheckInfo* c : checks) {
      auto params = nlohmann::ordered_json::array();
      for (const ParamDoc& p : parameters_of(*c))
        params.push_back({{"name", p.name}, {"kind", p.kind}, {"default", p.default_value}});
      list.push_back({{"id", c->id},
                      {"category", c->category},
                      {"severity", to_string(c->severity)},
                      {"title", c->title},
                      {"live", c->live},
                      {"reads", c->reads},
                      {"parameters", std::move(params)}});
    }
    io.out << list.dump(2) << '\n';
  } else if (options.format == "markdown") {
    io.out << message("list_checks.markdown_header") << "\n|---|---|---|---|---|\n";
    for (const CheckInfo* c : checks)
      io.out << fmt::format("| `{}` | {} | {} | {} | {} |\n", c->id, c->category,
                            to_string(c->severity),
                            message(c->live ? "list_checks.live_yes" : "list_checks.live_no"),
                            cell(check_text(*c, "title")));
  } else {
    // Headings are as wide as the widest of heading and values, in terminal cells, so that
    // Chinese headings line up too.
    auto heading = [](const char* key) { return message(fmt::format("list_checks.header.{}", key)); };
    const std::string yes = message("list_checks.live_yes"), no = message("list_checks.live_no");
    int id_w = display_width(heading("id")), cat_w = display_width(heading("category"));
    int sev_w = std::max(display_width(heading("severity")), 8);
    int live_w = std::max({display_width(heading("live")), display_width(yes), display_width(no)});
    for (const CheckInfo* c : checks) {
      id_w = std::max(id_w, display_width(c->id));
      cat_w = std::max(cat_w, display_width(c->category));
    }
    io.out << pad_right(heading("id"), id_w) << "  " << pad_right(heading("category"), cat_w) << "  "
           << pad_right(heading("severity"), sev_w) << "  " << pad_right(heading("live"), live_w) << "  "
           << heading("title") << '\n';
    for (const CheckInfo* c : checks)
      io.out << pad_right(c->id, id_w) << "  " << pad_right(c->category, cat_w) << "  "
             << pad_right(to_string(c->severity), sev_w) << "  " << pad_right(c->live ? yes : no, live_w)
             << "  " << check_text(*c, "title") << '\n';
  }
  return kExitReady;
}

}  // namespace golive
