// MakeSummarizer: a name -> constructor table. Each method adds one row.
#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <utility>

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
       [] {
         return std::make_unique<baselines::SumBasicSummarizer>(
             baselines::SumBasicOptions{.filter = {}, .update = false});
       }},
      {"klsum", [] { return std::make_unique<baselines::KLSumSummarizer>(); }},
  };
  return *methods;
}

// Every method, made by MakeSummarizer, says why its summary is empty when
// it is (an empty summary on its own reads like a failure).
class EmptySummaryExplained final : public Summarizer {
 public:
  explicit EmptySummaryExplained(std::unique_ptr<Summarizer> method) : method_(std::move(method)) {}
  std::string_view name() const override { return method_->name(); }
  Result<Summary> Summarize(const AnalyzedCluster& cluster,
                            const SummaryOptions& options) const override {
    ASSIGN_OR_RETURN(Summary summary, method_->Summarize(cluster, options));
    if (summary.sentences.empty()) summary.warnings.push_back(WhyEmpty(cluster, options));
    return summary;
  }

 private:
  static std::string WhyEmpty(const AnalyzedCluster& cluster, const SummaryOptions& options) {
    // A token is a run of letters or digits: punctuation makes none.
    const bool any_word = std::any_of(cluster.sentences.begin(), cluster.sentences.end(),
                                      [](const AnalyzedSentence& s) { return !s.tokens.empty(); });
    if (!any_word) return "the articles have no sentence with words: nothing to summarize";
    const std::string_view unit = options.budget.unit == BudgetUnit::kWords   ? "words"
                                  : options.budget.unit == BudgetUnit::kBytes ? "bytes"
                                                                              : "sentences";
    return fmt::format("no whole sentence fits in the budget of {} {}", options.budget.amount,
                       unit);
  }

  std::unique_ptr<Summarizer> method_;
};

}  // namespace

std::vector<std::string> SummarizerMethods() {
  std::vector<std::string> names;
  for (const auto& [name, make] : Methods()) names.push_back(name);
  return names;
}

Result<std::unique_ptr<Summarizer>> MakeSummarizer(std::string_view name) {
  for (const auto& [known, make] : Methods()) {
    if (known == name) return std::unique_ptr<Summarizer>(new EmptySummaryExplained(make()));
  }
  return InvalidArgumentError(fmt::format("unknown summarization method '{}' (known: {})", name,
                                          fmt::join(SummarizerMethods(), ", ")));
}

}  // namespace chorus
