// checks/backup/isolated.cpp
#include <cctype>
#include <string>
#include <vector>

#include <fmt/ranges.h>

#include "checks/engine/check.h"

namespace golive {
namespace {

/// Fails for each backup kept in fewer than min_copies copies, or neither offsite nor
/// immutable.
class BackupIsolated final : public Check {
 public:
  explicit BackupIsolated(const Params& p) : min_copies_(p.integer("min_copies", 2)) {}

  void run(const Plan& plan, Context& ctx) const override {
    for (size_t i = 0; i < plan.backups.size(); ++i) check(plan.backups[i], i, ctx);
    if (plan.backups.empty()) ctx.skip("backups", plan.loc, "no backups declared (backups)");
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
      problems.push_back("no copies count (backups[].copies)");
      fixes.push_back(fmt::format("state how many copies of {} are kept in backups[].copies", name));
      loc = b.copies.loc;
    } else if (*b.copies < min_copies_) {
      problems.push_back(fmt::format("{} {}, minimum {} (min_copies)", *b.copies,
                                     *b.copies == 1 ? "copy" : "copies", min_copies_));
      fixes.push_back(fmt::format("keep at least {} copies of {}", min_copies_, name));
      loc = b.copies.loc;
    }
    if (!offsite && !immutable) {
      problems.push_back("neither offsite nor immutable");
      fixes.push_back("ship a copy offsite or write it to immutable (object-lock) storage");
      if (!loc.known()) loc = b.offsite ? b.offsite.loc : b.immutable ? b.immutable.loc : b.loc;
    }

    std::vector<std::string> kept;
    if (offsite) kept.push_back("offsite");
    if (immutable) kept.push_back("immutable");
    Finding& f =
        problems.empty()
            ? ctx.pass(subject, b.copies.loc, "{} copies (minimum {}), {}", *b.copies, min_copies_,
                       fmt::join(kept, " and "))
            : ctx.fail(subject, loc, "backup {}: {}", name, fmt::join(problems, "; "));
    if (b.copies) f.evidence.emplace_back("copies", int64_t{*b.copies});
    f.evidence.emplace_back("min_copies", int64_t{min_copies_});
    f.evidence.emplace_back("offsite", offsite);
    f.evidence.emplace_back("immutable", immutable);
    if (!fixes.empty()) {
      std::string text = fmt::format("{}", fmt::join(fixes, "; "));
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
