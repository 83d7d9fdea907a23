// libFuzzer target: one input is one plan file, taken through everything `golive check
// --offline` does (load, validate, built-in rulesets, offline checks) and then written in
// every report format. Exit codes 0, 1 and 2 are answers; an internal error (exit 3), an
// exception escaping a command, a sanitizer report, a hang or a raw hostile character in a
// report is a bug and stops the fuzzer with the input that caused it.
//
//   make fuzz                         60 s from the seed corpus (see Makefile)
//   build-fuzz/golive_fuzz -help=1    libFuzzer's own options
//   build/golive_fuzz_replay DIR...   the same oracle over every file, without libFuzzer
//                                     (fuzz/replay_main.cpp; ctest runs it on the seeds)
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "checks/engine/source_loc.h"
#include "cli/commands/commands.h"
#include "cli/commands/parse.h"
#include "cli/report/support.h"

namespace {

const std::string& plan_dir() {
  static const std::string dir =
      (std::filesystem::temp_directory_path() / ("golive-fuzz-" + std::to_string(::getpid()))).string();
  return dir;
}

const std::string& plan_path() {
  static const std::string path = [] {
    std::filesystem::create_directories(plan_dir());
    // Removed at a normal exit (the end of a run or of a replay); kept after a crash.
    std::atexit([] {
      std::error_code ignored;
      std::filesystem::remove_all(plan_dir(), ignored);
    });
    return plan_dir() + "/plan.yaml";
  }();
  return path;
}

[[noreturn]] void bug(const std::string& what, const std::string& format, const std::string& output) {
  std::fprintf(stderr, "golive_fuzz: %s (format %s)\n%.4000s\n", what.c_str(), format.c_str(), output.c_str());
  std::abort();
}

// The first raw hostile character (golive::hostile_char) of `text` other than LF and tab,
// or 0. Text goes out with colour off, so not even an ESC of golive's own is allowed.
char32_t first_raw_hostile(const std::string& text) {
  for (size_t i = 0; i < text.size();) {
    auto b = static_cast<unsigned char>(text[i]);
    size_t n = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    char32_t cp = n == 1 ? b : b & (0x3f >> (n - 1));
    for (size_t k = 1; k < n && i + k < text.size(); ++k) cp = (cp << 6) | (text[i + k] & 0x3f);
    if (cp != '\n' && cp != '\t' && golive::hostile_char(cp)) return cp;
    i += n;
  }
  return 0;
}

// Runs `golive check --offline` in-process on the plan file with `format` on stdout.
int run(const std::string& format, std::string& out) {
  std::ostringstream o, e;
  // Named fields, not positions: Io grows (err_is_tty, env_names), and a positional
  // initialiser here once went stale while only `make fuzz` compiled this file.
  golive::Io io{.out = o,
                .err = e,
                .env = [](const std::string&) -> std::optional<std::string> { return std::nullopt; },
                .now = [] { return golive::Instant{std::chrono::seconds{1796443200}}; }};
  int code = golive::kExitInternal;
  try {
    std::vector<std::string> args = {"check", "--offline", "--as-of", "2026-12-04T12:00:00+08:00",
                                     "--color", "never", "-f", format, plan_path()};
    golive::Parsed parsed = golive::parse_command_line(args, io, "/nonexistent/.golive.yaml");
    code = parsed.command ? golive::dispatch(*parsed.command, io) : parsed.exit_code;
  } catch (const golive::InputError&) {
    code = golive::kExitUsage;
  } catch (const std::exception& ex) {
    bug(std::string("exception escaped: ") + ex.what(), format, e.str());
  }
  if (code == golive::kExitInternal) bug("internal error (exit 3)", format, e.str());
  if (code < 0 || code > 2) bug("unexpected exit code " + std::to_string(code), format, e.str());
  out = o.str();
  if (char32_t cp = first_raw_hostile(out)) bug("raw hostile character U+" + std::to_string(cp), format, out);
  if (char32_t cp = first_raw_hostile(e.str())) bug("raw hostile character on stderr U+" + std::to_string(cp), format, e.str());
  return code;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  {
    std::ofstream f(plan_path(), std::ios::binary | std::ios::trunc);
    f.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  std::string out;
  int first = run("json", out);
  if (first == golive::kExitUsage) return 0;  // refused input: no report to write
  for (const char* format : {"text", "junit", "sarif", "markdown", "html", "github"})
    if (run(format, out) != first) bug("formats disagree on the exit code", format, out);
  return 0;
}
