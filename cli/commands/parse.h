#pragma once
/// Turns the command line (plus `GOLIVE_*` variables and `.golive.yaml`) into the command
/// to run. The only file that includes CLI11, which is slow to compile.

#include <optional>
#include <string>
#include <vector>

#include "cli/commands/io.h"
#include "cli/commands/options.h"

namespace golive {

/// Either a command to run, or the exit code when parsing already answered: `--help`,
/// `--version` (0) or a usage error, already printed (2).
struct Parsed {
  std::optional<Invocation> command;
  int exit_code = kExitReady;
};

/// Parses `args` (without the program name). `config_path` is the config file read for
/// `check` options (`.golive.yaml` in the working directory).
Parsed parse_command_line(const std::vector<std::string>& args, const Io& io,
                          const std::string& config_path = ".golive.yaml");

}  // namespace golive
