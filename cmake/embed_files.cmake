# Writes a C++ file holding the text of FILES, keyed by file name up to its first dot, in the
# order given: the definition of `const std::vector<TYPE>& FUNCTION()`, declared in HEADER.
# Used for the built-in rulesets and the published JSON Schemas, so that a lone `golive`
# needs no data files.
set(content "// Generated from ${LABEL} at build time. Do not edit.\n")
string(APPEND content "#include \"${HEADER}\"\n\nnamespace golive {\n")
string(APPEND content "const std::vector<${TYPE}>& ${FUNCTION}() {\n")
string(APPEND content "  static const std::vector<${TYPE}> all = {\n")
foreach(f IN LISTS FILES)
  get_filename_component(name ${f} NAME_WE)
  file(READ ${f} text)
  # The raw string takes any text (quotes, backslashes, `)`) except its own terminator.
  string(FIND "${text}" ")golive_text\"" terminator)
  if(NOT terminator EQUAL -1)
    message(FATAL_ERROR "${f} contains the sequence )golive_text\" and cannot be embedded")
  endif()
  string(APPEND content "    {\"${name}\", R\"golive_text(${text})golive_text\"},\n")
endforeach()
string(APPEND content "  };\n  return all;\n}\n}  // namespace golive\n")
file(WRITE ${OUT}.tmp "${content}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUT}.tmp)
