// Fuzzes the cleaning rule-file parser and, when the rules compile, applies
// them to a fixed article so every action runs on fuzzer-made patterns.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "chorus/cleaner.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view rules(reinterpret_cast<const char*>(data), size);
  chorus::Result<chorus::Cleaner> cleaner = chorus::Cleaner::FromRules(rules, "fuzz.rules");
  if (!cleaner.ok()) {
    if (cleaner.status().message().empty()) __builtin_trap();
    return 0;
  }
  chorus::Document doc;
  doc.id = "f";
  doc.text =
      "Fire Spreads Across The Docks\n\nCrews fought the blaze. by Ana Ruiz\n* * *\n"
      "Read more at https://x.test/a\n\nSecond article text with enough words to be kept as "
      "an article of its own after the split marker above, and a few more words.\nTags a b\nend";
  std::vector<chorus::Removal> removals;
  for (const chorus::Document& d : cleaner->Clean(doc, &removals)) {
    if (d.text.empty()) __builtin_trap();  // the contract: never an empty document
  }
  return 0;
}
