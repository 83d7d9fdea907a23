#pragma once
/// The published JSON Schemas (docs/*.schema.json), compiled in at build time (see
/// cmake/embed_files.cmake) so that `golive schema` prints exactly the files in docs/.

#include <string>
#include <vector>

namespace golive {

/// One schema file.
struct EmbeddedSchema {
  const char* name;  ///< file name up to its first dot: "plan", "report"
  const char* text;
};

/// Every schema file in docs/.
const std::vector<EmbeddedSchema>& embedded_schemas();

}  // namespace golive
