// Fuzzes the loaders of the claim model's data files: the model (text
// trees), the word-vector table and the WordNet synonym list. Whatever the
// bytes, each returns a value or a ParseError; a model that parses must
// evaluate without reading out of bounds.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "represent/claim_model.h"
#include "represent/synonyms.h"
#include "represent/word_vectors.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  chorus::Result<chorus::represent::ClaimModel> model =
      chorus::represent::ClaimModel::Parse(text, "fuzz");
  if (model.ok()) {
    chorus::represent::ClaimFeatures features{};
    for (size_t k = 0; k < features.size(); ++k) features[k] = static_cast<float>(k % 3) * 0.5f;
    (void)model->Probability(features);
  }
  chorus::Result<chorus::represent::WordVectors> vectors =
      chorus::represent::WordVectors::Parse(text, "fuzz");
  if (vectors.ok() && vectors->size() > 0)
    (void)vectors->Cosine(0, static_cast<uint32_t>(vectors->size() - 1));
  (void)chorus::represent::Synonyms::Parse(text, "fuzz");
  return 0;
}
