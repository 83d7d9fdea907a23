// Compiles the message catalogues (i18n/<lang>.yaml) into C++ tables at build time, so that
// golive never parses them at run time: parsing the two catalogues with yaml-cpp at start-up
// was half of the time of a `check` run (bench/README.md).
//
//   compile_catalogues OUT.cpp i18n/en.yaml i18n/zh-CN.yaml …
//
// Each catalogue is a YAML mapping whose leaves are strings; nested keys are joined with dots
// (`list_checks.header.id`). OUT.cpp defines golive::compiled_catalogues()
// (checks/engine/i18n.h): per language, every key and its text, sorted by key. A catalogue
// that is not a mapping of strings, or that names one key twice, stops the build with
// `FILE:LINE:COL: error: …` (1-based), so a defect in a catalogue is never shipped.

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>

#include <yaml-cpp/yaml.h>

namespace {

struct CatalogueError {
  std::string message;
};

std::string where(const std::string& file, const YAML::Node& node) {
  const YAML::Mark mark = node.Mark();
  return file + ":" + std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1);
}

void flatten(const std::string& file, const YAML::Node& node, const std::string& prefix,
             std::map<std::string, std::string>& out) {
  for (const auto& kv : node) {
    if (!kv.first.IsScalar())
      throw CatalogueError{where(file, kv.first) + ": error: a key is not a string"};
    const std::string key = prefix + kv.first.Scalar();
    if (kv.second.IsMap()) {
      flatten(file, kv.second, key + ".", out);
      continue;
    }
    std::string text;
    if (kv.second.IsScalar()) {
      text = kv.second.Scalar();
    } else if (!kv.second.IsNull()) {
      throw CatalogueError{where(file, kv.second) + ": error: " + key + " is not a string"};
    }
    // yaml-cpp keeps both of two equal keys; the lookup would silently take one of them.
    if (!out.emplace(key, std::move(text)).second)
      throw CatalogueError{where(file, kv.first) + ": error: " + key + " is given twice"};
  }
}

// A C++ string literal of `text`: printable ASCII as is, UTF-8 bytes as is, every other byte
// as a three-digit octal escape (which, unlike \x, cannot run into the next character).
std::string literal(const std::string& text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c == 0x7f) {
      char escape[5];
      std::snprintf(escape, sizeof escape, "\\%03o", c);
      out += escape;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: compile_catalogues OUT.cpp CATALOGUE.yaml...\n";
    return 2;
  }
  std::ostringstream code;
  code << "// Generated from i18n/*.yaml by tools/compile_catalogues.cpp. Do not edit.\n"
       << "#include \"checks/engine/i18n.h\"\n\nnamespace golive {\nnamespace {\n";
  std::ostringstream table;
  for (int i = 2; i < argc; ++i) {
    const std::string file = argv[i];
    // The language is the file name up to its first dot: en.yaml → en, zh-CN.yaml → zh-CN.
    const std::string name = std::filesystem::path(file).filename().string();
    const std::string lang = name.substr(0, name.find('.'));
    std::map<std::string, std::string> messages;
    try {
      YAML::Node root = YAML::LoadFile(file);
      if (!root.IsMap()) throw CatalogueError{file + ":1:1: error: a catalogue is a mapping of strings"};
      flatten(file, root, "", messages);
    } catch (const CatalogueError& e) {
      std::cerr << e.message << "\n";
      return 1;
    } catch (const YAML::Exception& e) {
      std::cerr << file << ":" << e.mark.line + 1 << ":" << e.mark.column + 1 << ": error: " << e.msg << "\n";
      return 1;
    }
    // The keys and texts as one array of characters, and a table of where each lies in it:
    // a table of pointers would be relocated at every start-up.
    std::ostringstream pool;
    code << "constexpr CatalogueEntry catalogue_" << i << "[] = {\n";
    size_t at = 0;
    for (const auto& [key, text] : messages) {
      code << "    {" << at << ", " << key.size() << ", " << at + key.size() << ", " << text.size() << "},\n";
      pool << "    " << literal(key) << " " << literal(text) << "\n";
      at += key.size() + text.size();
    }
    code << "};\nconstexpr char pool_" << i << "[] =\n" << pool.str() << "    \"\";\n";
    table << "      {" << literal(lang) << ", catalogue_" << i << ", pool_" << i << "},\n";
  }
  code << "}  // namespace\n\nconst std::vector<CompiledCatalogue>& compiled_catalogues() {\n"
       << "  static const std::vector<CompiledCatalogue> all = {\n"
       << table.str() << "  };\n  return all;\n}\n\n}  // namespace golive\n";
  // Written only when it changed, so that a rebuild does not recompile the tables for nothing.
  const std::string out = argv[1];
  std::ifstream old(out, std::ios::binary);
  std::ostringstream before;
  before << old.rdbuf();
  if (old && before.str() == code.str()) return 0;
  old.close();
  std::ofstream write(out + ".tmp", std::ios::binary);
  write << code.str();
  write.close();
  if (!write) {
    std::cerr << out << ": error: cannot write\n";
    return 1;
  }
  std::filesystem::rename(out + ".tmp", out);
  return 0;
}
