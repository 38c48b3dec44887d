// Fuzzes ROUGE's input side: clusters/peers JSONL parsing, then scoring and
// rendering whatever parsed, under flags chosen by the first byte.
//
// Input layout: [flags byte] clusters-jsonl [NUL peers-jsonl].
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string_view>

#include "chorus/rouge.h"

namespace {

chorus::RougeOptions OptionsFor(uint8_t flags) {
  chorus::RougeOptions o;
  o.max_ngram = 1 + (flags >> 1) % 4;
  o.stem = (flags & 8) != 0;
  o.remove_stopwords = (flags & 16) != 0;
  o.word_limit = (flags & 32) != 0 ? 20 : 0;
  o.byte_limit = (flags & 33) == 1 ? 60 : 0;
  o.skip_bigram = (flags & 64) != 0;
  o.skip_unigrams = o.skip_bigram && (flags & 128) != 0;
  o.formula =
      (flags & 4) != 0 ? chorus::RougeFormula::kBestModel : chorus::RougeFormula::kModelAverage;
  o.resamples = 20;
  return o;
}

// Scorers are reused per flag byte: creating one loads the embedded tables.
chorus::RougeScorer* ScorerFor(uint8_t flags) {
  static std::map<uint8_t, std::unique_ptr<chorus::RougeScorer>> scorers;
  auto& slot = scorers[flags];
  if (slot == nullptr) {
    auto created = chorus::RougeScorer::Create(OptionsFor(flags));
    if (!created.ok()) __builtin_trap();  // every flag byte maps to valid options
    slot = std::move(*created);
  }
  return slot.get();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t flags = data[0];
  const std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
  const size_t split = rest.find('\0');
  const std::string_view clusters = rest.substr(0, split);
  const std::string_view peers =
      split == std::string_view::npos ? std::string_view() : rest.substr(split + 1);

  chorus::RougeDatasetOptions dataset_options;
  dataset_options.strict = (flags & 2) != 0;
  chorus::RougeDataset dataset =
      chorus::ParseRougeDataset(clusters, "clusters", peers, "peers", dataset_options);
  if (dataset.topics.empty()) return 0;

  chorus::Result<chorus::RougeReport> report = ScorerFor(flags)->Score(dataset.topics);
  if (!report.ok()) return 0;
  for (const auto& row : report->per_topic) {
    if (!(row.score.recall >= 0 && row.score.recall <= 1 && row.score.precision >= 0 &&
          row.score.precision <= 1 && row.score.f >= 0 && row.score.f <= 1)) {
      __builtin_trap();  // scores are fractions
    }
  }
  for (auto format :
       {chorus::RougeFormat::kOfficial, chorus::RougeFormat::kTable, chorus::RougeFormat::kJson}) {
    (void)chorus::FormatRougeReport(*report, format, 95);
  }
  return 0;
}
