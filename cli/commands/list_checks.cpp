#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "checks/engine/check.h"
#include "cli/commands/commands.h"
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
    io.out << "| id | category | default | live | passes when |\n"
           << "|---|---|---|---|---|\n";
    for (const CheckInfo* c : checks)
      io.out << fmt::format("| `{}` | {} | {} | {} | {} |\n", c->id, c->category,
                            to_string(c->severity), c->live ? "yes" : "no", cell(c->title));
  } else {
    int id_w = 2, cat_w = 8;
    for (const CheckInfo* c : checks) {
      id_w = std::max(id_w, display_width(c->id));
      cat_w = std::max(cat_w, display_width(c->category));
    }
    io.out << pad_right("ID", id_w) << "  " << pad_right("CATEGORY", cat_w) << "  SEVERITY  LIVE  TITLE\n";
    for (const CheckInfo* c : checks)
      io.out << pad_right(c->id, id_w) << "  " << pad_right(c->category, cat_w) << "  "
             << pad_right(to_string(c->severity), 8) << "  " << pad_right(c->live ? "yes" : "no", 4)
             << "  " << c->title << '\n';
  }
  return kExitReady;
}

}  // namespace golive
