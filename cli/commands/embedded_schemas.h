#pragma once
/// The published JSON Schemas (docs/*.schema.json), compiled in at build time (see
/// cmake/embed_files.cmake) so that `golive schema` prints exactly the files in docs/.

#include <string>
#include <vector>

namespace golive {

/// One schema file.
struct EmbeddedSchema {
  const char* name;  ///< file name up to its first dot: "report"
  const char* text;
};

/// The report schema of docs/ (the plan schema is generated: plan_json_schema()).
const std::vector<EmbeddedSchema>& embedded_schemas();

}  // namespace golive
