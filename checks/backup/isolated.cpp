// checks/backup/isolated.cpp
#include <cctype>
#include <string>
#include <vector>

#include <fmt/ranges.h>

#include "checks/engine/check.h"
#include "checks/engine/i18n.h"

namespace golive {
namespace {

/// Fails for each backup kept in fewer than min_copies copies, or neither offsite nor
/// immutable.
class BackupIsolated final : public Check {
 public:
  explicit BackupIsolated(const Params& p) : min_copies_(p.integer("min_copies", 2)) {}

  void run(const Plan& plan, Context& ctx) const override {
    for (size_t i = 0; i < plan.backups.size(); ++i) check(plan.backups[i], i, ctx);
    if (plan.backups.empty())
      ctx.add(Status::Skip, "backups", plan.loc, message("findings.backup.no_backups"));
  }

 private:
  void check(const Backup& b, size_t index, Context& ctx) const {
    const std::string subject = subject_of("backups", b.id, index);
    const std::string name = b.id.value_or(subject);
    const bool offsite = b.offsite.value_or(false);
    const bool immutable = b.immutable.value_or(false);

    std::vector<std::string> problems, fixes;
    SourceLoc loc;
    if (!b.copies) {
      problems.push_back(message("findings.backup.isolated.no_copies"));
      fixes.push_back(message("fixes.backup.isolated.copies", fmt::arg("backup", name)));
      loc = b.copies.loc;
    } else if (*b.copies < min_copies_) {
      problems.push_back(message(*b.copies == 1 ? "findings.backup.isolated.one_copy"
                                                : "findings.backup.isolated.too_few",
                                 fmt::arg("copies", *b.copies), fmt::arg("min", min_copies_)));
      fixes.push_back(message("fixes.backup.isolated.more", fmt::arg("min", min_copies_),
                              fmt::arg("backup", name)));
      loc = b.copies.loc;
    }
    if (!offsite && !immutable) {
      problems.push_back(message("findings.backup.isolated.exposed"));
      fixes.push_back(message("fixes.backup.isolated.isolate"));
      if (!loc.known()) loc = b.offsite ? b.offsite.loc : b.immutable ? b.immutable.loc : b.loc;
    }

    std::vector<std::string> kept;
    if (offsite) kept.push_back(message("findings.backup.isolated.offsite"));
    if (immutable) kept.push_back(message("findings.backup.isolated.immutable"));
    Finding& f =
        problems.empty()
            ? ctx.add(Status::Pass, subject, b.copies.loc,
                      message("findings.backup.isolated.kept", fmt::arg("copies", *b.copies),
                              fmt::arg("min", min_copies_),
                              fmt::arg("kept", fmt::join(kept, message_text("findings.backup.isolated.and")))))
            : ctx.add(Status::Fail, subject, loc,
                      message("findings.backup.isolated.problems", fmt::arg("backup", name),
                              fmt::arg("problems", fmt::join(problems, message_text("findings.join.clauses")))));
    if (b.copies) f.evidence.emplace_back("copies", int64_t{*b.copies});
    f.evidence.emplace_back("min_copies", int64_t{min_copies_});
    f.evidence.emplace_back("offsite", offsite);
    f.evidence.emplace_back("immutable", immutable);
    if (!fixes.empty()) {
      std::string text = fmt::format("{}", fmt::join(fixes, message_text("findings.join.clauses")));
      // A sentence of English starts with a capital; the Chinese texts start with a Chinese
      // word, which has no case.
      text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
      f.remediation = text;
    }
  }

  int64_t min_copies_;
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    BackupIsolated, .id = "backup.isolated", .severity = Severity::Warn,
    .title = "Backups are kept in several copies, offsite or immutable",
    .why = "Ransomware, a bad script or the loss of a data centre destroys every copy that "
           "lives next to the production data. Each backup must be kept in at least min_copies "
           "copies, and at least one must be offsite or immutable (object lock, WORM) so that "
           "whatever breaks production cannot also erase the way back. An unset offsite or "
           "immutable counts as false.",
    .fix = "Keep at least min_copies copies of each backup, one of them offsite or immutable.",
    .reads = {"backups[].id", "backups[].copies", "backups[].offsite", "backups[].immutable"},
    .live = false);

}  // namespace golive
