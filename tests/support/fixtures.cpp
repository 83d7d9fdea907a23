#include "tests/support/fixtures.h"

#include <doctest/doctest.h>

#include "checks/engine/plan_loader.h"

namespace golive::test {

const char* const kMinimalPlan = R"(golive: 1
plan:
  id: test-plan
  name: Test plan
  owner: li.wei
  revised_at: 2026-11-01
go_live:
  window: {start: 2026-12-05T02:00:00+08:00, end: 2026-12-05T06:00:00+08:00}
  timezone: Asia/Shanghai
contacts:
  - {id: li.wei, name: Li Wei, phone: "+8613800000003", email: li.wei@example.com, timezone: Asia/Shanghai}
)";

Plan plan_from(const std::string& yaml) {
  bool whole = yaml.rfind("golive:", 0) == 0 || yaml.find("\ngolive:") != std::string::npos;
  std::string text = whole ? yaml : std::string(kMinimalPlan) + yaml;
  Diagnostics diags;
  auto plan = load_plan_text(text, "plan.yaml", diags);
  std::string messages;
  for (const auto& d : diags.all()) messages += d.formatted() + "\n";
  if (!plan) FAIL("plan did not load:\n" << messages << "---\n" << text);
  return std::move(*plan);
}

std::string diagnostics_of(const std::string& yaml, const std::string& file) {
  Diagnostics diags;
  (void)load_plan_text(yaml, file, diags);
  std::string out;
  for (const auto& d : diags.all()) out += d.formatted() + "\n";
  return out;
}

Instant at(const std::string& rfc3339) {
  auto t = parse_instant(rfc3339, nullptr);
  if (!t) FAIL("bad instant in test: " << rfc3339);
  return *t;
}

std::vector<Finding> run_check(const std::string& id, const Plan& plan, Instant as_of,
                               const std::vector<std::pair<std::string, std::string>>& params,
                               bool offline) {
  const CheckInfo* info = find_check(id);
  if (!info) FAIL("no such check: " << id);
  std::vector<std::pair<std::string, ParamValue>> values;
  for (const auto& [k, v] : params) {
    ParamValue pv{{"ruleset.yaml", 1, 1}, {}, false};
    if (!v.empty() && v.front() == '[' && v.back() == ']') {
      pv.is_list = true;
      std::string inner = v.substr(1, v.size() - 2);
      size_t start = 0;
      while (start < inner.size()) {
        size_t comma = inner.find(',', start);
        std::string item = inner.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        while (!item.empty() && item.front() == ' ') item.erase(0, 1);
        while (!item.empty() && item.back() == ' ') item.pop_back();
        if (!item.empty()) pv.items.push_back(item);
        if (comma == std::string::npos) break;
        start = comma + 1;
      }
    } else {
      pv.items.push_back(v);
    }
    values.emplace_back(k, std::move(pv));
  }
  Params p(std::move(values));
  auto check = info->make(p);
  for (const auto& [k, v] : p.values()) {
    bool known = false;
    for (const auto& d : p.requested()) known = known || d.name == k;
    if (!known) FAIL("check " << id << " has no parameter " << k);
  }
  Context ctx(plan, as_of, offline);
  check->run(plan, ctx);
  auto findings = ctx.take();
  for (auto& f : findings) {
    f.check = info->id;
    f.category = info->category;
    f.severity = info->severity;
  }
  return findings;
}

std::vector<Finding> with_status(const std::vector<Finding>& findings, Status status) {
  std::vector<Finding> out;
  for (const auto& f : findings)
    if (f.status == status) out.push_back(f);
  return out;
}

}  // namespace golive::test
