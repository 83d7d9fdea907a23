// The vendor checks' findings in Chinese (docs/i18n.md): the same facts, the catalogue's words.
#include <doctest/doctest.h>

#include "tests/support/speaking.h"
#include "tests/support/fixtures.h"

using namespace golive;
using namespace golive::test;

namespace {
const Instant kAsOf = at("2026-12-04T12:00:00+08:00");
}  // namespace

TEST_CASE("vendor, zh-CN: contacts with a phone pass, none fails, in Chinese") {
  Speaking zh("zh-CN");
  auto phones = run_check("vendor.contacts", plan_from(R"(vendors:
  - id: acme-db
    contacts:
      - {name: Support desk, phone: "+6560000000"}
      - {name: Account manager, email: am@acme.example}
)"),
                          kAsOf);
  REQUIRE(phones.size() == 1);
  CHECK(phones[0].status == Status::Pass);
  CHECK(phones[0].message == "2 位联系人中有 1 位留有电话：Support desk +6560000000");

  auto none = run_check("vendor.contacts", plan_from("vendors:\n  - {id: acme-db, name: ACME}\n"), kAsOf);
  REQUIRE(none.size() == 1);
  CHECK(none[0].status == Status::Fail);
  CHECK(none[0].message == "供应商「acme-db」没有列出联系人（vendors[].contacts）");
  CHECK(none[0].remediation == "在「acme-db」的 vendors[].contacts 中添加供应商的支持热线或值班经理，并填写 E.164 电话");

  auto skipped = run_check("vendor.sla-defined", plan_from(""), kAsOf);
  REQUIRE(skipped.size() == 1);
  CHECK(skipped[0].message == "没有第三方供应商（vendors）");
}

TEST_CASE("vendor, zh-CN: who does what is said in Chinese, another party as the name it is") {
  Speaking zh("zh-CN");
  auto split = run_check("vendor.responsibilities", plan_from(R"(vendors:
  - id: acme-db
    responsibilities: {diagnose: vendor, patch: vendor, restore: us, failover: in-house DBA}
)"),
                         kAsOf);
  REQUIRE(split.size() == 1);
  CHECK(split[0].status == Status::Pass);
  CHECK(split[0].message == "供应商（vendor）：diagnose、patch；我方（us）：restore；「in-house DBA」：failover");
}

TEST_CASE("vendor, zh-CN: contract and support hours in Chinese") {
  Speaking zh("zh-CN");
  auto contract = run_check("vendor.contract-valid", plan_from(R"(vendors:
  - id: acme-db
    contract: {ref: C-1, end: 2026-12-10, notice: 30d}
)"),
                            kAsOf);
  REQUIRE(contract.size() == 1);
  CHECK(contract[0].status == Status::Fail);
  CHECK(contract[0].message ==
        "合同 C-1 于 2026-12-10 00:00 (UTC+08:00) 到期，比所需的 2027-01-04 06:00 (UTC+08:00) 早 25天6小时"
        "（上线窗口结束 + 保障期 0秒 + 通知期 30天）");

  auto sla = run_check("vendor.sla-defined", plan_from(R"(vendors:
  - id: acme-db
    support: {hours: "09:00-18:00", timezone: Asia/Shanghai, response: {SEV1: 15m}}
)"),
                       kAsOf);
  REQUIRE(sla.size() == 1);
  CHECK(sla[0].status == Status::Fail);
  CHECK(sla[0].message ==
        "供应商「acme-db」：支持时间 09:00-18:00（Asia/Shanghai）使上线窗口中有 4小时无人支持："
        "2026-12-05 02:00 (UTC+08:00) 至 2026-12-05 06:00 (UTC+08:00)");
}
