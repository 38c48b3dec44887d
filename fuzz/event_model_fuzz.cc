// Fuzzes the event model loader (chorus/event_model.h): whatever the bytes,
// EventModel::Parse returns a model or a ParseError naming the line, never
// crashes; a model that parses must evaluate (every tree walk ends inside the
// node array) on any feature values, missing ones included.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "chorus/event_model.h"
#include "cluster/pair_features.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto model = chorus::EventModel::Parse(text, "fuzz");
  if (!model.ok()) return 0;
  std::vector<float> features(chorus::kDecisionFeatureCount);
  for (size_t k = 0; k < features.size(); ++k) {
    features[k] = k % 4 == 3 ? std::nanf("") : static_cast<float>(k % 4) * 0.5f;
  }
  (void)(*model)->Rank(features);
  (void)(*model)->JoinProbability(features);
  return 0;
}
