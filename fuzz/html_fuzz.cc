// Fuzzes HTML main-text extraction (gumbo + chorus's walk over its tree).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "chorus/ingest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view html(reinterpret_cast<const char*>(data), size);
  chorus::Document doc = chorus::ParseArticleText(html, "fuzz.html", true);
  (void)doc;
  return 0;
}
