// Fuzzes the featurized-partition codec (chorus/featurized_partition.h): any
// bytes decode to a partition or an error naming the byte, never a crash or
// an allocation the bytes cannot pay for; a partition that decodes is placed
// by a clusterer (its terms mapped, every article decided) without crashing.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "chorus/featurized_partition.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto partition = chorus::DecodeFeaturized(bytes);
  if (!partition.ok()) return 0;
  chorus::EventClusterer clusterer(chorus::ClustererOptions{});
  std::vector<chorus::ArticleAssignment> assignments;
  (void)chorus::PlaceFeaturized(std::move(*partition), &clusterer, &assignments);
  return 0;
}
