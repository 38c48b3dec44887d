// Fuzzes the default Cleaner on arbitrary article text.
#include <cstddef>
#include <cstdint>
#include <string>

#include "chorus/cleaner.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  chorus::Document doc;
  doc.id = "f";
  doc.text.assign(reinterpret_cast<const char*>(data), size);
  std::vector<chorus::Removal> removals;
  for (const chorus::Document& d : chorus::Cleaner::Default().Clean(doc, &removals)) {
    if (d.text.empty() || d.text.size() > size * 3 + 16) __builtin_trap();
  }
  return 0;
}
