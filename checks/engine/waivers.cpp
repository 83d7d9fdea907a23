#include "checks/engine/waivers.h"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

#include "checks/engine/digest.h"
#include "checks/engine/i18n.h"
#include "checks/engine/input_messages.h"
#include "checks/engine/runner.h"
#include "checks/engine/yaml_reader.h"

namespace golive {

namespace {

// A waiver file is an input like a plan: its own keys are few and fixed, so a misspelt
// key (`expire:`) must not silently drop a condition. MapReader only warns about unknown
// keys; here they become errors.
void keys_are_errors(const std::string& path, const YamlNode& node, const std::string& where,
                     const std::vector<std::string>& known, Diagnostics& diags) {
  if (!node.IsMap()) return;
  for (const auto& kv : node) {
    const std::string key = kv.first.Scalar();
    if (key.rfind("x-", 0) == 0 || std::find(known.begin(), known.end(), key) != known.end())
      continue;
    diags.error(loc_of(kv.first, path),
                message_at(where, "errors.yaml.unknown_key", fmt::arg("key", preview(key)),
                           fmt::arg("hint", did_you_mean_hint(did_you_mean(key, known)))));
  }
}

// The finding's subject: a machine field, English in every language.
std::string waiver_name(const Waiver& w) {
  return fmt::format("waiver for {} ({}:{})", w.check, w.loc.file, w.loc.line);
}

// The waiver as a message names it, in the run's language.
std::string waiver_said(const Waiver& w) {
  return message("findings.waivers.name", fmt::arg("check", w.check), fmt::arg("file", w.loc.file),
                 fmt::arg("line", w.loc.line));
}

// What a waiver with a subject covers, "backup.fresh for backups[db]": an expired one must not
// say the whole check is no longer waived.
std::string waived_scope(const Waiver& w) {
  return message("findings.waivers.check_for_subject", fmt::arg("check", w.check), fmt::arg("subject", w.subject));
}

Finding waiver_finding(const Waiver& w, Status status, Severity severity, std::string check,
                       std::string message) {
  Finding f;
  f.status = status;
  f.subject = waiver_name(w);
  f.location = w.expires_loc;
  f.message = std::move(message);
  f.check = std::move(check);
  f.category = "waivers";
  f.severity = severity;
  f.blocking = severity == Severity::Gate && status == Status::Fail;
  return f;
}

}  // namespace

std::optional<WaiverFile> load_waiver_file(const std::string& path,
                                           const std::vector<std::string>& known_checks,
                                           Diagnostics& diags, UnknownWaiverCheck unknown) {
  WaiverFile file;
  file.path = path;
  Diagnostics local;
  try {
    const std::string text = read_file(path);
    file.sha256 = sha256_hex(text);
    YamlNode root = parse_yaml(text, path);
    keys_are_errors(path, root, "", {"waivers"}, local);
    ReadContext ctx{path, local, nullptr};
    MapReader top(ctx, root, "");
    // Unknown keys are reported as errors above; marking every key known keeps the
    // reader from repeating them as warnings.
    if (root.IsMap())
      for (const auto& kv : root) top.has(kv.first.Scalar());
    if (!top.has("waivers")) {
      local.error(loc_of(root, path), message("errors.waivers.missing"));
    } else if (!top.node("waivers").IsSequence()) {
      local.error(loc_of(top.node("waivers"), path),
                  message("errors.yaml.expected.at", fmt::arg("path", "waivers"),
                          fmt::arg("expected", message_text("errors.expected.list")),
                          fmt::arg("got", describe_node(top.node("waivers")))));
    } else {
      size_t i = 0;
      for (const YamlNode& item : top.node("waivers")) {
        const std::string where = fmt::format("waivers[{}]", i++);
        if (!item.IsMap()) {
          local.error(loc_of(item, path), message("errors.yaml.expected.at", fmt::arg("path", where),
                                                  fmt::arg("expected", message_text("errors.expected.mapping")),
                                                  fmt::arg("got", describe_node(item))));
          continue;
        }
        keys_are_errors(path, item, where,
                        {"check", "plan", "subject", "reason", "approved_by", "ticket", "expires"}, local);
        MapReader r(ctx, item, where);
        for (const auto& kv : item) r.has(kv.first.Scalar());
        Text check = r.text("check", MapReader::Required);
        // Checked here, with the entry's other problems, so that a file's errors come in one
        // round rather than the unknown ids only once the rest is mended.
        if (check && std::find(known_checks.begin(), known_checks.end(), *check) == known_checks.end()) {
          const std::string hint = did_you_mean_hint(did_you_mean(*check, known_checks));
          if (unknown == UnknownWaiverCheck::Error)
            local.error(check.loc, message("errors.waivers.unknown_check", fmt::arg("path", where + ".check"),
                                           fmt::arg("id", *check), fmt::arg("hint", hint)));
          else
            local.warning(check.loc, message("errors.waivers.not_builtin", fmt::arg("path", where + ".check"),
                                             fmt::arg("id", *check), fmt::arg("hint", hint)));
        }
        Text plan = r.text("plan");
        Text subject = r.text("subject");
        Text reason = r.text("reason", MapReader::Required);
        Text approved_by = r.text("approved_by", MapReader::Required);
        Text ticket = r.text("ticket");
        Field<Instant> expires = r.instant("expires", MapReader::Required);
        if (reason && reason->find_first_not_of(" \t\r\n") == std::string::npos)
          local.error(reason.loc, message("errors.waivers.empty_reason", fmt::arg("path", where + ".reason")));
        Waiver w;
        w.path = where;
        w.loc = r.loc();
        w.check = check.value_or("");
        w.check_loc = check.loc;
        w.plan = plan.value_or("");
        w.plan_loc = plan.loc;
        w.subject = subject.value_or("");
        w.reason = reason.value_or("");
        w.approved_by = approved_by.value_or("");
        w.approved_by_loc = approved_by.loc;
        w.ticket = ticket.value_or("");
        w.expires_loc = expires.loc;
        if (expires) w.expires = *expires;
        file.waivers.push_back(std::move(w));
      }
    }
  } catch (const InputError& e) {
    local.add(e);
  }
  // In the file's line order, as the plan loader gives its own: an entry's unknown keys are
  // found before its values are read.
  std::vector<Diagnostic> sorted = local.all();
  std::stable_sort(sorted.begin(), sorted.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::pair(a.loc.line, a.loc.column) < std::pair(b.loc.line, b.loc.column);
  });
  for (const Diagnostic& d : sorted) {
    if (d.level == Diagnostic::Level::Warning)
      diags.warning(d.loc, d.message);
    else
      diags.error(d.loc, d.message);
  }
  if (local.has_errors()) return std::nullopt;
  return file;
}

void apply_waivers(PlanResult& result, const std::vector<WaiverFile>& files, Instant as_of,
                   std::vector<bool>& matched, Diagnostics& diags) {
  const Plan& plan = *result.plan;
  const std::string plan_id = plan.plan.id.value_or("");
  std::vector<std::string> approvers;
  if (plan.organization) {
    if (plan.organization->commander) approvers.push_back(*plan.organization->commander);
    if (plan.organization->deputy) approvers.push_back(*plan.organization->deputy);
  }
  std::vector<Finding> added;
  size_t index = 0;
  for (const WaiverFile& file : files) {
    for (const Waiver& w : file.waivers) {
      const size_t my = index++;
      if (!w.plan.empty() && w.plan != plan_id) continue;
      if (as_of >= w.expires) {
        // Fail closed: an expired acceptance of risk is no acceptance, and must be seen.
        Finding f = waiver_finding(w, Status::Fail, Severity::Gate, "waivers.expired",
                                   message("findings.waivers.expired", fmt::arg("waiver", waiver_said(w)),
                                           fmt::arg("at", say_instant(w.expires, plan.zone())),
                                           fmt::arg("check", w.subject.empty() ? w.check : waived_scope(w))));
        f.remediation = message_text("fixes.waivers.expired");
        added.push_back(std::move(f));
        matched[my] = true;
        continue;
      }
      // Only what fails can be waived: a waiver over a passing finding has nothing to accept.
      std::vector<Finding*> hits;
      for (Finding& f : result.findings)
        if (f.check == w.check && (w.subject.empty() || glob_match(w.subject, f.subject)) &&
            (f.status == Status::Fail || f.status == Status::Error))
          hits.push_back(&f);
      if (hits.empty()) continue;
      matched[my] = true;
      if (std::find(approvers.begin(), approvers.end(), w.approved_by) == approvers.end()) {
        diags.error(w.approved_by_loc,
                    message("errors.waivers.not_approver", fmt::arg("path", w.path + ".approved_by"),
                            fmt::arg("who", w.approved_by),
                            fmt::arg("plan", plan_id.empty() ? plan.file : plan_id),
                            fmt::arg("approvers", approvers.empty()
                                                      ? message_text("errors.waivers.names_neither")
                                                      : fmt::format("{}", fmt::join(approvers, message_text("errors.list.comma"))))));
        continue;
      }
      for (Finding* f : hits) {
        f->status = Status::Waived;
        f->blocking = false;
        f->waiver = AppliedWaiver{w.reason, w.approved_by, w.ticket, w.expires, w.loc};
      }
      if (w.expires - as_of <= kWaiverExpiringSoon) {
        Finding f = waiver_finding(w, Status::Fail, Severity::Warn, "waivers.expiring",
                                   message("findings.waivers.expiring", fmt::arg("waiver", waiver_said(w)),
                                           fmt::arg("at", say_instant(w.expires, plan.zone()))));
        f.remediation = message_text("fixes.waivers.expiring");
        added.push_back(std::move(f));
      }
    }
  }
  for (Finding& f : added) result.findings.push_back(std::move(f));
  int rules = result.summary.rules;
  result.summary = summarize(result.findings, rules);
  result.verdict = verdict_of(result.findings);
  // A waived finding holds only while its waiver does: its expiry bounds the verdict too.
  result.valid_until = valid_until_of(result.findings);
  if (result.plan && result.plan->go_live.window_start)
    result.expiring_before_window = expiring_before(result.findings, *result.plan->go_live.window_start);
}

}  // namespace golive
