#include <string_view>

#include "checks/engine/plan_format.h"
#include "cli/commands/commands.h"
#include "cli/commands/embedded_schemas.h"

namespace golive {

int run_schema(const SchemaOptions& options, const Io& io) {
  if (!options.report) {
    // Generated from the plan format's definition, so it cannot drift from the loader;
    // docs/plan.schema.json is this output, kept in step by a test.
    io.out << plan_json_schema();
    return kExitReady;
  }
  for (const EmbeddedSchema& s : embedded_schemas()) {
    if (std::string_view(s.name) != "report") continue;
    io.out << s.text;  // byte for byte the file in docs/: editors and tests compare it
    return kExitReady;
  }
  // CMakeLists.txt embeds the file; a missing one is a broken build.
  io.err << "golive: internal error: no embedded report schema\n";
  return kExitInternal;
}

}  // namespace golive
