# Compile flags for chorus's own targets (never CMAKE_CXX_FLAGS, so embedding
# projects keep theirs).
add_library(chorus_flags INTERFACE)
target_compile_features(chorus_flags INTERFACE cxx_std_20)
target_compile_options(chorus_flags INTERFACE -Wall -Wextra -Werror)
if(CHORUS_THREAD_SAFETY)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "CHORUS_THREAD_SAFETY needs clang (configure with CC=clang CXX=clang++)")
  endif()
  target_compile_options(chorus_flags INTERFACE -Wthread-safety)
endif()
if(CHORUS_SANITIZE)
  target_compile_options(chorus_flags INTERFACE -fsanitize=address,undefined
                         -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(chorus_flags INTERFACE -fsanitize=address,undefined)
endif()

# chorus_embed_file(<target> <symbol> <file>): compiles <file> into <target> as
# `extern const std::string_view <symbol>;` (namespace chorus::embedded), so
# shipped data (cleaning rules, stopwords, the web page) needs no install path.
# The .cc is generated in the build tree at configure time (re-run when <file>
# changes), never committed.
function(chorus_embed_file target symbol file)
  set(out "${CMAKE_BINARY_DIR}/embedded/${symbol}.cc")
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${file}")
  file(READ "${file}" hex HEX)
  string(LENGTH "${hex}" hex_len)
  math(EXPR size "${hex_len} / 2")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
  set(content "// Generated from ${file} by chorus_embed_file. Do not edit.\n")
  string(APPEND content "#include <string_view>\nnamespace chorus::embedded {\n")
  string(APPEND content "static const char kData_${symbol}[] = {${bytes} '\\0'};\n")
  string(APPEND content "extern const std::string_view ${symbol};\n")
  string(APPEND content "const std::string_view ${symbol}(kData_${symbol}, ${size});\n")
  string(APPEND content "}  // namespace chorus::embedded\n")
  file(CONFIGURE OUTPUT "${out}" CONTENT "${content}" @ONLY)
  target_sources(${target} PRIVATE "${out}")
endfunction()

# chorus_add_test(<name> SOURCES <files...>): one GoogleTest binary under ctest.
function(chorus_add_test name)
  if(NOT CHORUS_BUILD_TESTS)
    return()
  endif()
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE chorus chorus_flags chorus_test_support
                        GTest::gtest GTest::gmock GTest::gtest_main ${ARG_LIBS})
  target_include_directories(${name} PRIVATE "${PROJECT_SOURCE_DIR}/src")
  add_test(NAME ${name} COMMAND ${name})
  set_tests_properties(${name} PROPERTIES TIMEOUT 600
      ENVIRONMENT "CHORUS_SHARED_DATA_DIR=${CHORUS_SHARED_DATA_DIR}")
endfunction()
