// golive: parse the command line into options, run the command, map the outcome to an
// exit code. Nothing escapes as a crash: input problems exit 2, anything else exits 3.
#include <csignal>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "checks/engine/interrupt.h"
#include "cli/commands/commands.h"
#include "cli/commands/heap.h"
#include "cli/commands/parse.h"
#include "cli/commands/prefault.h"

/// Runs before golive's own static initialisers (a constructor priority runs before the
/// default one), which already allocate: the heap is tuned and mapped in before its first use.
__attribute__((constructor(101))) static void start_up() {
  golive::tune_heap();
  golive::prefault_startup();
}

int main(int argc, char** argv) {
  // A reader that closes the pipe early (`golive check … | head`) must not kill us with
  // SIGPIPE: writes fail instead, and the exit code still tells the verdict.
  std::signal(SIGPIPE, SIG_IGN);
  golive::install_interrupt_handlers();
  try {
    const golive::Io io = golive::Io::process();
    std::vector<std::string> args(argv + (argc > 0 ? 1 : 0), argv + argc);
    golive::Parsed parsed = golive::parse_command_line(args, io);
    if (!parsed.command) return parsed.exit_code;
    return golive::dispatch(*parsed.command, io);
  } catch (const golive::InputError& e) {
    std::cerr << e.formatted() << std::endl;
    return golive::kExitUsage;
  } catch (const std::exception& e) {
    std::cerr << "golive: internal error: " << e.what() << std::endl;
    return golive::kExitInternal;
  } catch (...) {
    std::cerr << "golive: internal error: unknown exception" << std::endl;
    return golive::kExitInternal;
  }
}
