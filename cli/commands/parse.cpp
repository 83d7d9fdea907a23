#include "cli/commands/parse.h"

#include <algorithm>
#include <map>
#include <memory>
#include <utility>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "checks/engine/check.h"
#include "checks/engine/input_messages.h"
#include "checks/engine/limits.h"
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

// "file-size, nodes, …": the names from the limits table, in its order.
std::string limit_names() {
  std::vector<std::string> names;
  for (const LimitSpec& spec : limit_specs()) names.push_back(spec.name);
  return fmt::format("{}", fmt::join(names, ", "));
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

// A `--lang VALUE` or `--lang=VALUE` at args[i]: how many arguments it takes (2, 1, or 0
// when args[i] is not one) and its value (none for a `--lang` with nothing after it).
struct LangArgument {
  size_t taken = 0;
  std::optional<std::string> value;
};
LangArgument lang_argument_at(const std::vector<std::string>& args, size_t i) {
  if (args[i] == "--lang") return i + 1 < args.size() ? LangArgument{2, args[i + 1]} : LangArgument{1, std::nullopt};
  if (args[i].rfind("--lang=", 0) == 0) return {1, args[i].substr(7)};
  return {};
}

// The problem with the first word, before CLI11 sees it, so that a typo gets a
// "did you mean" rather than CLI11's generic complaint. A `--lang` before the command is
// for golive's own --help only: before a command it would be a second, ignored --lang.
std::optional<std::string> first_word_problem(const std::vector<std::string>& args) {
  const std::string commands = say_list(command_names());
  size_t first = 0;
  std::optional<std::string> lang;
  while (first < args.size()) {
    const LangArgument given = lang_argument_at(args, first);
    if (given.taken == 0) break;
    lang = given.value.value_or("");
    first += given.taken;
  }
  if (first == args.size()) return message("cli.no_command", fmt::arg("commands", commands));
  const std::string& word = args[first];
  if (word.empty()) return message_text("cli.empty_command");
  if (word[0] == '-') {
    std::string name = word.substr(0, word.find('='));
    static const std::vector<std::string> options = {"--help", "-h", "--version", "--lang"};
    if (contains(options, name)) return std::nullopt;
    return message("cli.unknown_option", fmt::arg("option", name), fmt::arg("hint", hint(name, options)));
  }
  if (lang && (contains(command_names(), word) || word == "completion"))
    return message("cli.lang_before_command", fmt::arg("command", word), fmt::arg("lang", *lang));
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
// that they can never offer an option the parser does not know; in English (`app` built in English).
CliModel describe_cli(CLI::App& app) {
  CliModel m;
  for (auto [name, letter] : {std::pair{"help", "h"}, std::pair{"version", ""}}) {
    CliOption o;
    o.long_name = name;
    o.short_name = letter;
    o.help = message_text_in("en", fmt::format("help.completion.{}", name));
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
  m.check_ids = all_check_ids();
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

// A `help.*` text of the catalogue: --help speaks the run's language.
std::string help(const std::string& key) { return message_text("help." + key); }

// An option's description followed by its example on a line of its own.
std::string with_example(const std::string& description, const std::string& example) {
  return description + "\n" + message("help.example", fmt::arg("example", example));
}

// Every command and option golive declares, and where CLI11 puts what it reads. Built in
// the language set when it is made: its descriptions are --help's, and (built in English)
// the completion scripts'.
struct CommandLine {
  CLI::App app{help("golive"), "golive"};
  CLI::App* check = nullptr;
  CLI::App* validate = nullptr;
  CLI::App* list = nullptr;
  CLI::App* explain = nullptr;
  CLI::App* rulesets = nullptr;
  CLI::App* schema = nullptr;
  CLI::App* init = nullptr;
  CLI::App* brief = nullptr;
  std::vector<std::string> check_paths;
  std::map<std::string, std::vector<std::string>> values;
  std::map<std::string, CLI::Option*> check_opts;
  ValidateOptions validate_options;
  std::vector<std::string> validate_limits;
  std::vector<std::string> lang_arg;
  std::vector<std::string> top_lang;  // golive --lang L --help: the language of the help
  ListChecksOptions list_options;
  ExplainOptions explain_options;
  SchemaOptions schema_options;
  InitOptions init_options;
  BriefOptions brief_options;
  std::string brief_as_of;
  std::string only;

  /// `only`: the command whose options are declared, the one the command line names first;
  /// empty for all of them. Each command's options cost help texts built from the catalogue,
  /// a measurable part of a run's start-up (bench/README.md), for commands the run does not
  /// use; every command is still declared, with its summary, for the parser and `--help`.
  explicit CommandLine(std::string only_command = "");
  /// Whether `name`'s options are declared.
  bool declares(const std::string& name) const { return only.empty() || only == name; }
  CLI::App* command(const std::string& name, const std::string& summary_key, const std::string& footer);
  void add_lang(CLI::App* sub);
  void add_check_options();
};

// `footer`: the command's own exit codes (a command that never judges a plan never exits 1),
// and for check where else its options may be set.
CLI::App* CommandLine::command(const std::string& name, const std::string& summary_key, const std::string& footer) {
  CLI::App* sub = app.add_subcommand(name, help(summary_key));
  sub->footer(footer);
  sub->allow_extras();
  // CLI11 gives a command its help flag before the parent's option defaults: regroup it.
  sub->get_help_ptr()->group(help("label.options_group"));
  return sub;
}

// --lang of the commands other than check, resolved like check's own option.
void CommandLine::add_lang(CLI::App* sub) {
  sub->add_option("--lang", lang_arg, with_example(help("lang"), "--lang zh-CN"))
      ->type_name("en|zh-CN")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

CommandLine::CommandLine(std::string only_command) : only(std::move(only_command)) {
  // CLI11's own headings, relabelled (its error messages stay its own words). Not `TEXT`
  // and `REQUIRED`: they sit in the option column, which CLI11 pads by bytes, so Chinese
  // there would push the descriptions out of line.
  auto formatter = app.get_formatter();
  formatter->label("Usage", help("label.usage"));
  formatter->label("OPTIONS", help("label.options"));
  formatter->label("SUBCOMMAND", help("label.subcommand"));
  formatter->label("Positionals", help("label.positionals"));
  app.option_defaults()->group(help("label.options_group"));
  app.group(help("label.subcommands_group"));
  app.set_help_flag("-h,--help", help("flag.help"));
  app.set_version_flag("--version", std::string("golive ") + GOLIVE_VERSION, help("flag.version"));
  app.require_subcommand(1);
  // golive's own help: the exit codes of a run that judges plans, and where else check's
  // options may be set, as check's help says.
  const std::string check_footer = help("exit.verdict") + "\n" + help("check_settings");
  app.footer(check_footer);
  // Read before parsing (lang_on_command_line()); declared so that the parser accepts it
  // and the help lists it.
  app.add_option("--lang", top_lang, with_example(help("lang"), "--lang zh-CN"))
      ->type_name("en|zh-CN")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);

  check = command("check", "check.summary", check_footer);
  if (declares("check")) add_check_options();

  validate = command("validate", "validate.summary", help("exit.validate"));
  if (declares("validate")) {
    validate->add_option("PATH", validate_options.paths, help("paths"))->required();
    validate->add_flag("-q,--quiet", validate_options.quiet, help("validate.quiet"));
    validate->add_option("--limit", validate_limits, with_example(help("validate.limit"), "--limit file-size=16MiB"))
        ->type_name("NAME=N")
        ->expected(1)
        ->allow_extra_args(false)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    add_lang(validate);
  }

  list = command("list-checks", "list-checks.summary", help("exit.print"));
  if (declares("list-checks")) {
    list->add_option("-f,--format", list_options.format, help("list-checks.format"))->type_name("text|markdown|json");
    add_lang(list);
  }

  explain = command("explain", "explain.summary", help("exit.print"));
  if (declares("explain")) {
    explain->add_option("CHECK_ID", explain_options.check_id, help("explain.check_id"))->required();
    add_lang(explain);
  }

  rulesets = command("rulesets", "rulesets.summary", help("exit.print"));
  if (declares("rulesets")) add_lang(rulesets);

  schema = command("schema", "schema.summary", help("exit.print"));
  if (declares("schema")) {
    schema->add_flag("--report", schema_options.report, help("schema.report"));
    add_lang(schema);  // its output is a JSON Schema; --lang is for its help and its errors
  }

  init = command("init", "init.summary", help("exit.init"));
  if (declares("init")) {
    init->add_option("--scenario", init_options.scenarios,
                     with_example(message("help.init.scenario",
                                          fmt::arg("scenarios", fmt::format("{}", fmt::join(init_scenarios(), message_text("errors.list.comma"))))),
                                  "--scenario critical --scenario third-party"))
        ->type_name("S")
        ->expected(1)
        ->allow_extra_args(false)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    init->add_option("-o,--output", init_options.output, with_example(help("init.output"), "-o plans/pay.yaml"))
        ->type_name("FILE");
    init->add_flag("--force", init_options.force, help("init.force"));
    add_lang(init);
  }

  brief = command("brief", "brief.summary", help("exit.verdict"));
  if (declares("brief")) {
    brief->add_option("PLAN", brief_options.path, help("brief.plan"))->required();
    brief->add_option("-f,--format", brief_options.format, with_example(help("brief.format"), "-f html"))
        ->type_name("text|markdown|html");
    brief->add_option("-o,--output", brief_options.output, with_example(help("brief.output"), "-o brief.html"))
        ->type_name("FILE");
    brief->add_option("--as-of", brief_as_of, with_example(help("brief.as-of"), "--as-of 2026-12-04T20:00:00+08:00"))
        ->type_name("TIME|now|window");
    add_lang(brief);
  }
}

// check: CLI11 records what the command line gave, as raw strings; settings.cpp merges them
// with the environment and the config file and validates all three alike.
void CommandLine::add_check_options() {
  check->add_option("PATH", check_paths, help("paths"))->required();
  for (const OptionSpec& spec : check_option_specs()) {
    std::string names = (spec.short_name.empty() ? "" : "-" + spec.short_name + ",") + "--" + spec.name;
    CLI::Option* opt = nullptr;
    std::string description = message(fmt::format("help.check.{}", spec.name), fmt::arg("limits", limit_names()));
    if (spec.name == "format" || spec.name == "report")
      description += message("help.formats", fmt::arg("formats", fmt::format("{}", fmt::join(report_format_names(), ", "))));
    description += "\n" + message("help.example_env", fmt::arg("example", spec.example), fmt::arg("env", spec.env_name()));
    if (spec.kind == OptionSpec::Flag) {
      // A const description: with a non-const string CLI11 would take it as the flag's variable.
      const std::string& text = description;
      opt = check->add_flag(names, text);
    } else {
      opt = check->add_option(names, values[spec.name], description)
                ->type_name(spec.value_name)
                ->expected(1)
                ->allow_extra_args(false)
                ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    }
    check_opts[spec.name] = opt;
  }
}

// The command args[first] names, or nullptr.
CLI::App* command_at(CommandLine& cli, const std::vector<std::string>& args, size_t first) {
  CLI::App* sub = nullptr;
  for (CLI::App* c : {cli.check, cli.validate, cli.list, cli.explain, cli.rulesets, cli.schema, cli.init, cli.brief})
    if (first < args.size() && c->get_name() == args[first]) sub = c;
  return sub;
}

// How many arguments an option of `sub` takes after it: 0 for a flag or an unknown option.
int values_taken(const CLI::App& sub, const std::string& name) {
  const CLI::Option* opt = sub.get_option_no_throw(name);
  if (!opt) return 0;
  return std::max(0, std::min(opt->get_type_size_min(), opt->get_items_expected_min()));
}

// Each long option after the command `sub` (args[first]) as CLI11 will read it, without
// parsing for real: an option that takes a value takes the next argument whatever it looks
// like (`-o --lang` writes to a file named --lang), `--` ends the options, and a short
// option's value may follow it in the same argument (`-fjson`), as may flags bundled before
// it. `visit(i, name, value)`: args[i] is the option, `value` what follows its `=` or the
// argument it takes, if any.
template <typename Visit>
void each_long_option(const CLI::App& sub, const std::vector<std::string>& args, size_t first, Visit visit) {
  for (size_t i = first + 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--") break;
    if (a.rfind("--", 0) == 0) {
      const size_t eq = a.find('=');
      const std::string name = a.substr(0, eq);
      const size_t at = i;
      std::optional<std::string> value;
      if (eq != std::string::npos) {
        value = a.substr(eq + 1);
      } else if (values_taken(sub, name) > 0) {
        if (i + 1 >= args.size()) break;
        value = args[++i];
      }
      visit(at, name, value);
    } else if (a.size() > 1 && a[0] == '-') {
      for (size_t k = 1; k < a.size(); ++k) {
        if (values_taken(sub, std::string("-") + a[k]) == 0) continue;  // a flag, maybe bundled
        if (k + 1 == a.size()) ++i;                                      // its value is the next argument
        break;
      }
    }
  }
}

// `--only=` gives CLI11 an empty value, which it ignores, taking the next argument as the
// value instead (`--only= plan.yaml` ran with no PATH): written `--only ''`, the empty value
// reaches golive's own checks of it, as `--only ''` does.
std::vector<std::string> empty_values_apart(CommandLine& cli, std::vector<std::string> args) {
  const CLI::App* sub = command_at(cli, args, 0);
  if (!sub) return args;
  std::vector<size_t> empty;
  each_long_option(*sub, args, 0, [&](size_t i, const std::string& name, const std::optional<std::string>& value) {
    if (value && value->empty() && args[i] == name + "=" && values_taken(*sub, name) > 0) empty.push_back(i);
  });
  for (auto i = empty.rbegin(); i != empty.rend(); ++i) {
    args[*i].pop_back();
    args.insert(args.begin() + static_cast<std::ptrdiff_t>(*i) + 1, "");
  }
  return args;
}

// The last `--lang` value on the command line as CLI11 will read it (each_long_option()),
// without parsing for real: that may fail, and its errors should already speak the right
// language.
std::optional<std::string> lang_on_command_line(CommandLine& cli, const std::vector<std::string>& args,
                                                size_t first = 0) {
  CLI::App* sub = command_at(cli, args, first);
  if (!sub) {
    // Before a command: golive's own options, --help, -h, --version and --lang, until the
    // first other word. A command after --help (`golive --help check --lang zh-CN`) is the
    // one whose help CLI11 prints: its own --lang counts, as after the command.
    std::optional<std::string> lang;
    for (size_t i = first; i < args.size();) {
      const LangArgument given = lang_argument_at(args, i);
      if (given.taken > 0) {
        if (!given.value) break;
        lang = given.value;
        i += given.taken;
      } else if (args[i] == "--help" || args[i] == "-h" || args[i] == "--version") {
        ++i;
      } else {
        if (i > first && contains(command_names(), args[i])) {
          if (auto after = lang_on_command_line(cli, args, i)) lang = after;
        }
        break;
      }
    }
    return lang;
  }
  std::optional<std::string> lang;
  each_long_option(*sub, args, first, [&](size_t, const std::string& name, const std::optional<std::string>& value) {
    if (name == "--lang" && value) lang = value;
  });
  return lang;
}

}  // namespace

Parsed parse_command_line(const std::vector<std::string>& args, const Io& io,
                          const std::string& config_path) {
  // Usage errors and --help come before the language is resolved: they speak the
  // language the command line, GOLIVE_LANG, .golive.yaml or the locale ask for, as far as
  // it can be told. The command line is read by the declared options, so the command
  // line is declared twice: to read --lang, then in the language found.
  set_language("en");
  // The command named first is the one run, so only its options are declared; golive's own
  // options first (`golive --help check`) or `completion` need them all.
  const std::string only = !args.empty() && contains(command_names(), args[0]) ? args[0] : "";
  auto english = std::make_unique<CommandLine>(only);
  const std::optional<std::string> lang_arg = lang_on_command_line(*english, args);
  const std::string early = preliminary_language(lang_arg, io, config_path);
  set_language(early);
  // A --lang golive's own help or a command's --help would be printed in is judged here,
  // before the help: a value golive does not speak is the same usage error as without
  // --help, not English help. The other sources are read as for a command's --help
  // (preliminary_language()).
  const bool own_options = !args.empty() && !args[0].empty() && args[0][0] == '-';
  const auto dashes = std::find(args.begin(), args.end(), "--");
  const bool asks_for_help = std::find_if(args.begin(), dashes, [](const std::string& a) {
                               return a == "--help" || a == "-h";
                             }) != dashes;
  if (lang_arg && (own_options || asks_for_help)) {
    RawSettings given{{"lang", RawSetting{{*lang_arg}, "--lang", {"golive", 0, 0}}}};
    CheckOptions resolved;
    Diagnostics diags;
    resolve_check_options({&given}, resolved, diags);
    if (diags.has_errors()) {
      io.print(diags, false);
      return {std::nullopt, kExitUsage};
    }
  }
  if (auto problem = first_word_problem(args)) return usage(io, *problem);
  // The completion scripts are built once, at build or install time: English, whatever
  // the language of the shell that builds them.
  if (args[0] == "completion") return completion(english->app, args, io);

  auto cli = early == "en" ? std::move(english) : std::make_unique<CommandLine>(only);
  CLI::App& app = cli->app;
  CLI::App* check = cli->check;
  CLI::App* validate = cli->validate;
  CLI::App* list = cli->list;
  CLI::App* explain = cli->explain;
  CLI::App* rulesets = cli->rulesets;
  CLI::App* schema = cli->schema;
  CLI::App* init = cli->init;
  CLI::App* brief = cli->brief;
  ValidateOptions& validate_options = cli->validate_options;
  ListChecksOptions& list_options = cli->list_options;
  ExplainOptions& explain_options = cli->explain_options;
  SchemaOptions& schema_options = cli->schema_options;
  InitOptions& init_options = cli->init_options;
  BriefOptions& brief_options = cli->brief_options;

  const std::vector<std::string> given = empty_values_apart(*cli, args);
  std::vector<const char*> argv = {"golive"};
  for (const auto& a : given) argv.push_back(a.c_str());
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
    lang = resolve_language(cli->lang_arg, io, config_path, diags);
    io.print(diags, false);
    if (diags.has_errors()) return {std::nullopt, kExitUsage};
    // The rest of the command line is judged in the language it asks for.
    set_language(lang);
  }
  explain_options.lang = list_options.lang = init_options.lang = validate_options.lang = brief_options.lang = lang;
  if (validate->parsed()) {
    for (const std::string& text : cli->validate_limits) {
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
    if (init->get_option("--output")->count() > 0 && init_options.output.empty())
      return usage(io, message("cli.option_problem", fmt::arg("command", "init"), fmt::arg("option", "--output"),
                               fmt::arg("problem", message("cli.empty_output"))));
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
    if (brief->get_option("--output")->count() > 0 && brief_options.output.empty())
      return usage(io, message("cli.option_problem", fmt::arg("command", "brief"), fmt::arg("option", "--output"),
                               fmt::arg("problem", message("cli.empty_output"))));
    if (!cli->brief_as_of.empty()) {
      CheckOptions as_of;
      if (std::string problem = parse_as_of(cli->brief_as_of, as_of); !problem.empty())
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
    const CLI::Option* opt = cli->check_opts[spec.name];
    if (opt->count() == 0) continue;
    RawSetting s{{}, "--" + spec.name, {"golive", 0, 0}};
    s.values = spec.kind == OptionSpec::Flag ? std::vector<std::string>{"true"} : cli->values[spec.name];
    from_args.emplace(spec.name, std::move(s));
  }
  Diagnostics diags;
  RawSettings from_env = settings_from_env(io, diags);
  RawSettings from_file = settings_from_file(config_path, diags);
  RawSettings from_locale = settings_from_locale(io);
  CheckOptions options;
  options.paths = cli->check_paths;
  options.config_file = config_path;
  resolve_check_options({&from_args, &from_env, &from_file, &from_locale}, options, diags);
  io.print(diags, false);
  if (diags.has_errors()) return {std::nullopt, kExitUsage};
  return {options, kExitReady};
}

}  // namespace golive
