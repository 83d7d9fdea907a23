// Durations and instants as people read them in each language (checks/engine/i18n.h).
#include <doctest/doctest.h>

#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "checks/engine/i18n.h"
#include "checks/engine/values.h"
#include "tests/support/speaking.h"

namespace golive::test {

namespace {

using namespace std::chrono_literals;

Instant at(const char* rfc3339) { return *parse_instant(rfc3339, nullptr); }

}  // namespace

TEST_CASE("i18n.message_text_in: each message one string, the same from every thread, in each language") {
  // Callers keep references to the text; threads of check -j ask for messages at once.
  const std::vector<std::string> keys = {"validate.no_plan", "report.text.headline_waived", "cli.as_of_window"};
  std::vector<std::vector<const std::string*>> seen(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < seen.size(); ++t)
    threads.emplace_back([&, t] {
      for (const std::string& key : keys)
        for (const char* lang : {"en", "zh-CN"}) seen[t].push_back(&message_text_in(lang, key));
    });
  for (std::thread& t : threads) t.join();
  size_t i = 0;
  for (const std::string& key : keys)
    for (const char* lang : {"en", "zh-CN"}) {
      CAPTURE(key);
      CAPTURE(lang);
      const std::string& text = message_text_in(lang, key);
      CHECK(text == *find_message(lang, key));
      for (const auto& thread : seen) CHECK(thread[i] == &text);
      ++i;
    }
  CHECK(message_text_in("en", "validate.no_plan") != message_text_in("zh-CN", "validate.no_plan"));
  CHECK_THROWS_WITH_AS(message_text_in("en", "no.such.key"), "message catalogue en has no key no.such.key",
                       std::logic_error);
}

TEST_CASE("i18n.say_duration: English reads as a plan is written, Chinese in 天/小时/分钟/秒") {
  const std::chrono::microseconds cases[] = {0s, 15min, 30h, 3 * 24h, 90s, 1500ms, -2h};
  {
    Speaking en("en");
    for (auto d : cases) CHECK(say_duration(d) == format_duration(d));
  }
  Speaking zh("zh-CN");
  CHECK(say_duration(0s) == "0秒");
  CHECK(say_duration(15min) == "15分钟");
  CHECK(say_duration(30h) == "1天6小时");
  CHECK(say_duration(3 * 24h) == "3天");
  CHECK(say_duration(90s) == "1分钟30秒");
  CHECK(say_duration(1500ms) == "1.5秒");
  CHECK(say_duration(-2h) == "-2小时");
}

TEST_CASE("i18n.say_instant: the zone's offset at that instant, Chinese without zero seconds") {
  const Zone* shanghai = find_zone("Asia/Shanghai");
  const Zone* berlin = find_zone("Europe/Berlin");
  REQUIRE(shanghai);
  REQUIRE(berlin);
  {
    Speaking en("en");
    CHECK(say_instant(at("2026-12-04T18:00:00Z"), shanghai) == "2026-12-05T02:00:00+08:00");
    CHECK(say_instant(at("2026-12-04T18:00:00Z"), nullptr) == "2026-12-04T18:00:00Z");
    CHECK(say_instant(at("2026-12-04T18:00:00.25Z"), nullptr) == "2026-12-04T18:00:00.25Z");
  }
  Speaking zh("zh-CN");
  CHECK(say_instant(at("2026-12-04T18:00:00Z"), shanghai) == "2026-12-05 02:00 (UTC+08:00)");
  CHECK(say_instant(at("2026-12-04T18:00:30Z"), shanghai) == "2026-12-05 02:00:30 (UTC+08:00)");
  CHECK(say_instant(at("2026-12-04T18:00:00.5Z"), shanghai) ==
        "2026-12-05 02:00:00.5 (UTC+08:00)");
  CHECK(say_instant(at("2026-12-04T18:00:00Z"), nullptr) == "2026-12-04 18:00 (UTC+00:00)");
  // Summer time: the offset is the one in force at that instant.
  CHECK(say_instant(at("2026-07-01T10:00:00Z"), berlin) == "2026-07-01 12:00 (UTC+02:00)");
  CHECK(say_instant(at("2026-12-01T10:00:00Z"), berlin) == "2026-12-01 11:00 (UTC+01:00)");
}

}  // namespace golive::test
