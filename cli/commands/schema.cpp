#include <string_view>

#include "cli/commands/commands.h"
#include "cli/commands/embedded_schemas.h"

namespace golive {

int run_schema(const SchemaOptions& options, const Io& io) {
  std::string_view wanted = options.report ? "report" : "plan";
  for (const EmbeddedSchema& s : embedded_schemas()) {
    if (s.name != wanted) continue;
    io.out << s.text;  // byte for byte the file in docs/: editors and tests compare it
    return kExitReady;
  }
  // CMakeLists.txt embeds both files; a missing one is a broken build.
  io.err << "golive: internal error: no embedded " << wanted << " schema\n";
  return kExitInternal;
}

}  // namespace golive
