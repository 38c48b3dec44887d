# Compile flags for chorus's own targets (never CMAKE_CXX_FLAGS, so embedding
# projects keep theirs).
add_library(chorus_flags INTERFACE)
target_compile_features(chorus_flags INTERFACE cxx_std_20)
target_compile_options(chorus_flags INTERFACE -Wall -Wextra -Werror)
if(CHORUS_SANITIZE)
  target_compile_options(chorus_flags INTERFACE -fsanitize=address,undefined
                         -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(chorus_flags INTERFACE -fsanitize=address,undefined)
endif()

# chorus_embed_file(<target> <symbol> <file>): compiles <file> into <target> as
# `extern const std::string_view <symbol>;` (namespace chorus::embedded), so
# shipped data (cleaning rules, stopwords, the web page) needs no install path.
# The .cc is generated in the build tree, never committed.
function(chorus_embed_file target symbol file)
  set(out "${CMAKE_CURRENT_BINARY_DIR}/embedded_${symbol}.cc")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DSYMBOL=${symbol} -DINPUT=${file} -DOUTPUT=${out}
            -P "${PROJECT_SOURCE_DIR}/cmake/EmbedFile.cmake"
    DEPENDS "${file}" "${PROJECT_SOURCE_DIR}/cmake/EmbedFile.cmake"
    COMMENT "Embedding ${file}")
  # An object library in the calling directory owns the generated file: a custom
  # command's output only builds for targets of its own directory, and stages
  # call this from src/<stage>/ for the target defined in src/.
  add_library(${target}_embed_${symbol} OBJECT "${out}")
  set_target_properties(${target}_embed_${symbol} PROPERTIES POSITION_INDEPENDENT_CODE ON)
  target_sources(${target} PRIVATE $<TARGET_OBJECTS:${target}_embed_${symbol}>)
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
