#include "cli/commands/parse.h"

#include <algorithm>
#include <tuple>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "checks/engine/check.h"
#include "checks/engine/input_messages.h"
#include "checks/engine/ruleset.h"
#include "cli/commands/commands.h"
#include "cli/commands/completion.h"
#include "cli/commands/settings.h"
#include "cli/report/report.h"

namespace golive {

namespace {

const std::vector<std::string>& command_names() {
  static const std::vector<std::string> names = {"check",    "validate", "list-checks", "explain",
                                                 "rulesets", "schema",   "init",        "brief"};
  return names;
}

// Commands SPEC §1 promises that this version does not have yet.
bool contains(const std::vector<std::string>& list, const std::string& s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

std::string hint(const std::string& word, const std::vector<std::string>& candidates) {
  return did_you_mean_hint(did_you_mean(word, candidates));
}

Parsed usage(const Io& io, const std::string& message) {
  io.err << "golive: error: " << message << '\n';
  return {std::nullopt, kExitUsage};
}

// The problem with the first word, before CLI11 sees it, so that a typo gets a
// "did you mean" rather than CLI11's generic complaint.
std::optional<std::string> first_word_problem(const std::vector<std::string>& args) {
  const std::string commands = say_list(command_names());
  if (args.empty()) return message("cli.no_command", fmt::arg("commands", commands));
  const std::string& word = args[0];
  if (word.empty()) return message_text("cli.empty_command");
  if (word[0] == '-') {
    std::string name = word.substr(0, word.find('='));
    static const std::vector<std::string> options = {"--help", "-h", "--version"};
    if (contains(options, name)) return std::nullopt;
    return message("cli.unknown_option", fmt::arg("option", name), fmt::arg("hint", hint(name, options)));
  }
  if (contains(command_names(), word) || word == "completion") return std::nullopt;
  std::string near = did_you_mean(word, command_names());
  if (!near.empty()) return message("cli.unknown_command", fmt::arg("command", word), fmt::arg("hint", did_you_mean_hint(near)));
  return message("cli.unknown_command", fmt::arg("command", word),
                 fmt::arg("hint", message("cli.expected_commands", fmt::arg("commands", commands))));
}

// Arguments CLI11 could not place (subcommands allow extras so that we can name them).
std::optional<std::string> extras_problem(const CLI::App& sub) {
  std::vector<std::string> extras = sub.remaining();
  if (extras.empty()) return std::nullopt;
  const std::string& first = extras.front();
  if (first.size() > 1 && first[0] == '-') {
    std::string name = first.substr(0, first.find('='));
    std::vector<std::string> known;
    for (const CLI::Option* opt : sub.get_options()) {
      for (const auto& l : opt->get_lnames()) known.push_back("--" + l);
      for (const auto& s : opt->get_snames()) known.push_back("-" + s);
    }
    return message("cli.command_problem", fmt::arg("command", sub.get_name()),
                   fmt::arg("problem", message("cli.unknown_option", fmt::arg("option", name),
                                               fmt::arg("hint", hint(name, known)))));
  }
  return message("cli.command_problem", fmt::arg("command", sub.get_name()),
                 fmt::arg("problem", message("cli.unexpected_argument", fmt::arg("argument", first))));
}

// The command line as the completion scripts see it, read from the CLI11 app itself so
// that they can never offer an option the parser does not know.
CliModel describe_cli(CLI::App& app) {
  CliModel m;
  for (auto [name, letter, help] : {std::tuple{"help", "h", "Print help and exit"},
                                    std::tuple{"version", "", "Print the version and exit"}}) {
    CliOption o;
    o.long_name = name;
    o.short_name = letter;
    o.help = help;
    m.global.push_back(std::move(o));
  }
  std::vector<std::string> formats = report_format_names();
  for (const CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    CliCommand c{sub->get_name(), sub->get_description(), {}, ValueKind::None, {}};
    for (const CLI::Option* opt : sub->get_options()) {
      if (opt == sub->get_help_ptr()) continue;
      bool comma = false;
      if (opt->get_lnames().empty() && opt->get_snames().empty()) {  // the positional
        describe_value(opt->get_name(), formats, c.positional, c.positional_choices, comma);
        continue;
      }
      CliOption o;
      o.long_name = opt->get_lnames().front();
      if (!opt->get_snames().empty()) o.short_name = opt->get_snames().front();
      o.help = opt->get_description();
      // Every option that takes a value declares a type name (FORMAT, gate|warn…); flags none.
      o.takes_value = !opt->get_type_name().empty();
      o.repeatable = o.takes_value && opt->get_multi_option_policy() == CLI::MultiOptionPolicy::TakeAll;
      if (o.takes_value) {
        o.value_name = opt->get_type_name();
        describe_value(o.value_name, formats, o.value, o.choices, o.comma_list);
      }
      c.options.push_back(std::move(o));
    }
    m.commands.push_back(std::move(c));
  }
  for (const CheckInfo* info : all_checks()) m.check_ids.push_back(info->id);
  std::sort(m.check_ids.begin(), m.check_ids.end());
  m.ruleset_names = builtin_ruleset_names();
  std::sort(m.ruleset_names.begin(), m.ruleset_names.end());
  return m;
}

// `golive completion SHELL`: hidden from --help, run by the build to make the installed
// scripts (and by users who install by hand).
Parsed completion(CLI::App& app, const std::vector<std::string>& args, const Io& io) {
  const std::vector<std::string>& shells = completion_shells();
  if (args.size() != 2)
    return usage(io, message("cli.completion_one_shell", fmt::arg("shells", fmt::format("{}", fmt::join(shells, ", ")))));
  std::optional<std::string> script = completion_script(describe_cli(app), args[1]);
  if (!script)
    return usage(io, message("cli.completion_unknown_shell", fmt::arg("shell", args[1]),
                             fmt::arg("shells", fmt::format("{}", fmt::join(shells, ", "))), fmt::arg("hint", hint(args[1], shells))));
  io.out << *script;
  return {std::nullopt, kExitReady};
}

constexpr const char* kFooter =
    "Exit codes: 0 ready, 1 not ready, 2 usage error or invalid input, 3 internal error.\n"
    "check options may also be set as GOLIVE_<NAME> variables (GOLIVE_FORMAT, GOLIVE_AS_OF...)\n"
    "and in .golive.yaml in the working directory; the command line wins, then the variable.";

}  // namespace

Parsed parse_command_line(const std::vector<std::string>& args, const Io& io,
                          const std::string& config_path) {
  // Usage errors come before the language is resolved: they speak the language the
  // command line, GOLIVE_LANG, .golive.yaml or the locale ask for, as far as it can be told.
  set_language(preliminary_language(args, io, config_path));
  if (auto problem = first_word_problem(args)) return usage(io, *problem);

  CLI::App app{"golive: is this system ready to go live? Checks a YAML launch plan.", "golive"};
  app.set_version_flag("--version", std::string("golive ") + GOLIVE_VERSION);
  app.require_subcommand(1);
  app.footer(kFooter);

  // check: CLI11 records what the command line gave, as raw strings; settings.cpp merges
  // them with the environment and the config file and validates all three alike.
  CLI::App* check = app.add_subcommand("check", "Evaluate launch plans (files, or directories of *.yaml plans)");
  check->allow_extras();
  std::vector<std::string> check_paths;
  check->add_option("PATH", check_paths, "Plan files, or directories searched for plans")->required();
  std::map<std::string, std::vector<std::string>> values;
  std::map<std::string, CLI::Option*> check_opts;
  for (const OptionSpec& spec : check_option_specs()) {
    std::string names = (spec.short_name.empty() ? "" : "-" + spec.short_name + ",") + "--" + spec.name;
    CLI::Option* opt = nullptr;
    std::string help = spec.help;
    if (spec.name == "format" || spec.name == "report")
      help += fmt::format("; formats: {}", fmt::join(report_format_names(), ", "));
    help += fmt::format("\n  e.g. {}  (env {})", spec.example, spec.env_name());
    if (spec.kind == OptionSpec::Flag) {
      // A const description: with a non-const string CLI11 would take it as the flag's variable.
      const std::string& description = help;
      opt = check->add_flag(names, description);
    } else {
      opt = check->add_option(names, values[spec.name], help)
                ->type_name(spec.value_name)
                ->expected(1)
                ->allow_extra_args(false)
                ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    }
    check_opts[spec.name] = opt;
  }

  CLI::App* validate = app.add_subcommand("validate", "Check plan structure only: syntax, types, keys; no checks run");
  validate->allow_extras();
  ValidateOptions validate_options;
  validate->add_option("PATH", validate_options.paths, "Plan files, or directories searched for plans")->required();
  validate->add_flag("-q,--quiet", validate_options.quiet, "Hide warnings");
  std::vector<std::string> validate_limits;
  validate->add_option("--limit", validate_limits,
                       "Change an input limit (repeatable), as for check\n  e.g. --limit file-size=16MiB")
      ->type_name("NAME=N")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);

  // --lang of the commands other than check, resolved below like check's own option.
  std::vector<std::string> lang_arg;
  auto add_lang = [&](CLI::App* sub) {
    sub->add_option("--lang", lang_arg, "Language for people: en or zh-CN (default from LC_ALL, LC_MESSAGES, LANG)\n  e.g. --lang zh-CN")
        ->type_name("en|zh-CN")
        ->expected(1)
        ->allow_extra_args(false)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  };

  CLI::App* list = app.add_subcommand("list-checks", "List every registered check");
  list->allow_extras();
  ListChecksOptions list_options;
  list->add_option("-f,--format", list_options.format, "text (default), markdown or json")
      ->type_name("text|markdown|json");
  add_lang(list);

  CLI::App* explain = app.add_subcommand("explain", "Explain what a check verifies and why");
  explain->allow_extras();
  ExplainOptions explain_options;
  explain->add_option("CHECK_ID", explain_options.check_id, "A check id, e.g. backup.fresh")->required();
  add_lang(explain);

  CLI::App* rulesets = app.add_subcommand("rulesets", "List the built-in rulesets and when each applies");
  rulesets->allow_extras();
  add_lang(rulesets);

  CLI::App* schema = app.add_subcommand("schema", "Print the JSON Schema of the plan format, for editors");
  schema->allow_extras();
  SchemaOptions schema_options;
  schema->add_flag("--report", schema_options.report, "Print the JSON report's schema instead");

  CLI::App* init = app.add_subcommand("init", "Write a commented plan template for the chosen scenarios");
  init->allow_extras();
  InitOptions init_options;
  init->add_option("--scenario", init_options.scenarios,
                   "Scenario to include (repeatable): critical, large-upgrade, cross-border, "
                   "new-technology, third-party\n  e.g. --scenario critical --scenario third-party")
      ->type_name("S")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  init->add_option("-o,--output", init_options.output, "File to write (default: stdout)\n  e.g. -o plans/pay.yaml")
      ->type_name("FILE");
  init->add_flag("--force", init_options.force, "Overwrite the file if it exists");
  add_lang(init);

  add_lang(validate);

  CLI::App* brief = app.add_subcommand("brief", "The go-live night on one page: timeline, decision points, who to call");
  brief->allow_extras();
  BriefOptions brief_options;
  std::string brief_as_of;
  brief->add_option("PLAN", brief_options.path, "A plan file")->required();
  brief->add_option("-f,--format", brief_options.format, "text (default), markdown or html")
      ->type_name("text|markdown|html");
  brief->add_option("-o,--output", brief_options.output, "Write to FILE (atomically) instead of stdout")
      ->type_name("FILE");
  brief->add_option("--as-of", brief_as_of, "Evidence age reference for the checks: TIME, now or window")
      ->type_name("TIME|now|window");
  add_lang(brief);

  if (args[0] == "completion") return completion(app, args, io);

  std::vector<const char*> argv = {"golive"};
  for (const auto& a : args) argv.push_back(a.c_str());
  try {
    app.parse(static_cast<int>(argv.size()), argv.data());
  } catch (const CLI::Success& e) {  // --help, --version
    return {std::nullopt, app.exit(e, io.out, io.err)};
  } catch (const CLI::ParseError& e) {
    return usage(io, e.what());
  }

  for (const CLI::App* sub : {check, validate, list, explain, rulesets, schema, init, brief})
    if (sub->parsed())
      if (auto problem = extras_problem(*sub)) return usage(io, *problem);

  std::string lang = "en";
  if (validate->parsed() || list->parsed() || explain->parsed() || rulesets->parsed() || init->parsed() ||
      brief->parsed()) {
    Diagnostics diags;
    lang = resolve_language(lang_arg, io, config_path, diags);
    io.print(diags, false);
    if (diags.has_errors()) return {std::nullopt, kExitUsage};
    // The rest of the command line is judged in the language it asks for.
    set_language(lang);
  }
  explain_options.lang = list_options.lang = init_options.lang = validate_options.lang = brief_options.lang = lang;
  if (validate->parsed()) {
    for (const std::string& text : validate_limits) {
      LimitSetting l{};
      if (std::string problem = parse_limit_setting(text, l); !problem.empty())
        return usage(io, message("cli.option_problem", fmt::arg("command", "validate"), fmt::arg("option", "--limit"),
                                 fmt::arg("problem", problem)));
      validate_options.limits.push_back(l);
    }
    return {validate_options, kExitReady};
  }
  if (explain->parsed()) return {explain_options, kExitReady};
  if (rulesets->parsed()) return {RulesetsOptions{lang}, kExitReady};
  if (schema->parsed()) return {schema_options, kExitReady};
  if (init->parsed()) {
    for (const std::string& sc : init_options.scenarios)
      if (!contains(init_scenarios(), sc))
        return usage(io, message("cli.option_problem", fmt::arg("command", "init"), fmt::arg("option", "--scenario"),
                                 fmt::arg("problem", message("cli.not_one_of", fmt::arg("value", sc),
                                                             fmt::arg("allowed", say_list(init_scenarios())),
                                                             fmt::arg("hint", hint(sc, init_scenarios()))))));
    return {init_options, kExitReady};
  }
  if (brief->parsed()) {
    static const std::vector<std::string> formats = {"text", "markdown", "html"};
    if (!contains(formats, brief_options.format))
      return usage(io, message("cli.option_problem", fmt::arg("command", "brief"), fmt::arg("option", "--format"),
                               fmt::arg("problem", message("cli.not_one_of", fmt::arg("value", brief_options.format),
                                                           fmt::arg("allowed", message("cli.formats_three", fmt::arg("a", "text"),
                                                                                       fmt::arg("b", "markdown"), fmt::arg("c", "html"))),
                                                           fmt::arg("hint", hint(brief_options.format, formats))))));
    if (!brief_as_of.empty()) {
      CheckOptions as_of;
      if (std::string problem = parse_as_of(brief_as_of, as_of); !problem.empty())
        return usage(io, message("cli.option_problem", fmt::arg("command", "brief"), fmt::arg("option", "--as-of"),
                                 fmt::arg("problem", problem)));
      brief_options.as_of_mode = as_of.as_of_mode;
      brief_options.as_of = as_of.as_of;
    }
    return {brief_options, kExitReady};
  }
  if (list->parsed()) {
    static const std::vector<std::string> formats = {"text", "markdown", "json"};
    if (!contains(formats, list_options.format))
      return usage(io, message("cli.global_option_problem", fmt::arg("option", "--format"),
                               fmt::arg("problem", message("cli.not_one_of", fmt::arg("value", list_options.format),
                                                           fmt::arg("allowed", message("cli.formats_three", fmt::arg("a", "text"),
                                                                                       fmt::arg("b", "markdown"), fmt::arg("c", "json"))),
                                                           fmt::arg("hint", hint(list_options.format, formats))))));
    return {list_options, kExitReady};
  }

  RawSettings from_args;
  for (const OptionSpec& spec : check_option_specs()) {
    const CLI::Option* opt = check_opts[spec.name];
    if (opt->count() == 0) continue;
    RawSetting s{{}, "--" + spec.name, {"golive", 0, 0}};
    s.values = spec.kind == OptionSpec::Flag ? std::vector<std::string>{"true"} : values[spec.name];
    from_args.emplace(spec.name, std::move(s));
  }
  Diagnostics diags;
  RawSettings from_env = settings_from_env(io, diags);
  RawSettings from_file = settings_from_file(config_path, diags);
  RawSettings from_locale = settings_from_locale(io);
  CheckOptions options;
  options.paths = check_paths;
  resolve_check_options({&from_args, &from_env, &from_file, &from_locale}, options, diags);
  io.print(diags, false);
  if (diags.has_errors()) return {std::nullopt, kExitUsage};
  return {options, kExitReady};
}

}  // namespace golive
