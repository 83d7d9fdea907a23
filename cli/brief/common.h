#pragma once
/// What the three brief writers share: fixed wording and the rows of each section, so
/// text, Markdown and HTML show the same facts in the same order. Every fixed text is the
/// catalogue's `brief.*` in the current language (docs/i18n.md); plan values stay as written.

#include <string>
#include <vector>

#include "cli/brief/brief.h"

namespace golive::brief {

/// A table: header cells, then rows of the same width. Cells are plain text, unredacted.
struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

/// `READY`, `NOT READY: blocked by 2 findings (golive check)`, or, when evidence expires
/// before the window start, `READY only until 12-04 13:00: does not hold at window start
/// 12-05 02:00, …`: the banner line, never a plain READY that `golive check` contradicts.
std::string banner(const Brief& b);

/// One line per blocking finding: `check-id subject: message (file:line)`.
std::vector<std::string> blocking_lines(const Brief& b);

/// One line per piece of evidence that expires before the window start:
/// `check-id subject: expires 12-04 13:00 (12-04 05:00 UTC)`.
std::vector<std::string> expiring_lines(const Brief& b);

/// `times in Asia/Shanghai, UTC alongside`.
std::string time_note(const Brief& b);

/// Timeline rows: local time, UTC, event, owner.
Table timeline_table(const Brief& b);

/// The rollback sentence: deadline, start, end and margin; empty without a timing.
std::string rollback_sentence(const Brief& b);

/// Coverage rows: band, from, to (local), who, or `GAP` for a gap.
Table coverage_table(const Brief& b);

/// Command centre and roles: role, name, phone, email.
Table command_table(const Brief& b);

/// Escalation ladder: when, who, phone.
Table escalation_table(const Brief& b);

/// Department leads: department, lead, phone.
Table departments_table(const Brief& b);

/// Regions: region, responsible, phone, local time at window start, in working hours.
Table regions_table(const Brief& b);

/// Vendors: vendor, contract, support hours, SLA, restore, contacts with phones.
Table vendors_table(const Brief& b);

/// Comms: what, where.
Table comms_table(const Brief& b);

/// Checkpoints: time, name, owner, criteria joined with `; `.
Table checkpoints_table(const Brief& b);

/// The "who to call" tables after the command centre, titled, in the order every format
/// shows them: escalation, department leads, regions, vendor support, comms. Tables
/// without rows are left out.
std::vector<std::pair<std::string, Table>> call_sections(const Brief& b);

/// `Rollback decided by NAME (PHONE); strategy blue_green; runbook URL`, or empty.
std::string rollback_owner_sentence(const Brief& b);

/// Role words as shown: `commander` → `Commander`, `ops_lead` → `Ops lead`.
std::string role_title(std::string_view role);

}  // namespace golive::brief
