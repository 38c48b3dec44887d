# Finds the Debian packages chorus builds with (scripts/install-deps.sh installs them).
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(fmt REQUIRED)
find_package(simdjson REQUIRED)
find_package(nlohmann_json REQUIRED)
find_package(CLI11 REQUIRED)
find_package(SQLite3 REQUIRED)
# The chorus binary allocates through mimalloc: analysing and summarising make
# many small short-lived allocations (~230k for DUC 2004's 50 clusters), and
# glibc's malloc+free spent ~8% of the binary's instructions on them. Not under
# the sanitizers, which bring their own allocator.
if(NOT CHORUS_SANITIZE)
  find_package(mimalloc 2.0 REQUIRED)
endif()
pkg_check_modules(UTF8PROC REQUIRED IMPORTED_TARGET libutf8proc)
pkg_check_modules(GUMBO REQUIRED IMPORTED_TARGET gumbo)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
# PCRE2 with JIT runs the cleaning rules (std::regex is ~100x slower on them).
pkg_check_modules(PCRE2 REQUIRED IMPORTED_TARGET libpcre2-8)
# Training the event clusterer's model (chorus train-clusterer).
pkg_check_modules(XGBOOST REQUIRED IMPORTED_TARGET xgboost)

find_path(STEMMER_INCLUDE_DIR libstemmer.h REQUIRED)
find_library(STEMMER_LIBRARY stemmer REQUIRED)
add_library(chorus_stemmer INTERFACE)
target_include_directories(chorus_stemmer INTERFACE ${STEMMER_INCLUDE_DIR})
target_link_libraries(chorus_stemmer INTERFACE ${STEMMER_LIBRARY})

find_path(GLPK_INCLUDE_DIR glpk.h REQUIRED)
find_library(GLPK_LIBRARY glpk REQUIRED)
add_library(chorus_glpk INTERFACE)
target_include_directories(chorus_glpk INTERFACE ${GLPK_INCLUDE_DIR})
target_link_libraries(chorus_glpk INTERFACE ${GLPK_LIBRARY})

if(CHORUS_BUILD_TESTS)
  find_package(GTest REQUIRED)
endif()
if(CHORUS_BUILD_BENCHMARKS)
  find_package(benchmark REQUIRED)
endif()
