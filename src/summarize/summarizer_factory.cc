// MakeSummarizer: a name -> constructor table. Each method adds one row.
#include <functional>
#include <utility>

#include <fmt/format.h>

#include "chorus/summarizer.h"
#include "summarize/baselines/centroid.h"
#include "summarize/baselines/klsum.h"
#include "summarize/baselines/lexrank.h"
#include "summarize/baselines/positional.h"
#include "summarize/baselines/sumbasic.h"
#include "summarize/baselines/textrank.h"
#include "summarize/concept_summarizer.h"

namespace chorus {
namespace {

using Constructor = std::function<std::unique_ptr<Summarizer>()>;

// Default method first.
const std::vector<std::pair<std::string, Constructor>>& Methods() {
  static const auto* methods = new std::vector<std::pair<std::string, Constructor>>{
      {"chorus", [] { return std::make_unique<ConceptSummarizer>(); }},
      {"lead", [] { return std::make_unique<baselines::LeadSummarizer>(); }},
      {"firstk", [] { return std::make_unique<baselines::FirstKSummarizer>(); }},
      {"centroid", [] { return std::make_unique<baselines::CentroidSummarizer>(); }},
      {"lexrank", [] { return std::make_unique<baselines::LexRankSummarizer>(); }},
      {"textrank", [] { return std::make_unique<baselines::TextRankSummarizer>(); }},
      {"sumbasic", [] { return std::make_unique<baselines::SumBasicSummarizer>(); }},
      {"freqsum",
       [] { return std::make_unique<baselines::SumBasicSummarizer>(
                baselines::SumBasicOptions{.filter = {}, .update = false}); }},
      {"klsum", [] { return std::make_unique<baselines::KLSumSummarizer>(); }},
  };
  return *methods;
}

}  // namespace

std::vector<std::string> SummarizerMethods() {
  std::vector<std::string> names;
  for (const auto& [name, make] : Methods()) names.push_back(name);
  return names;
}

Result<std::unique_ptr<Summarizer>> MakeSummarizer(std::string_view name) {
  for (const auto& [known, make] : Methods()) {
    if (known == name) return make();
  }
  return InvalidArgumentError(fmt::format("unknown summarization method '{}' (known: {})", name,
                                          fmt::join(SummarizerMethods(), ", ")));
}

}  // namespace chorus
