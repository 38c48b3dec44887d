// Summarizer: picks sentences of an analyzed cluster into a summary within a
// budget, with citations.
//
// Several methods stand behind one interface, made by name with
// MakeSummarizer(): "chorus" (the default: the strong method) and the
// published baselines used as yardsticks ("lead", "firstk", "centroid",
// "lexrank", "textrank", "sumbasic", "freqsum", "klsum"). Every method honours the budget
// exactly and never cuts a sentence; each output sentence names the document
// and sentence it came from and the documents that support it.
//
//   auto s = chorus::MakeSummarizer("chorus");
//   if (!s.ok()) return s.status();
//   chorus::SummaryOptions opt;  opt.budget = {chorus::BudgetUnit::kWords, 100};
//   chorus::Result<chorus::Summary> sum = (*s)->Summarize(analyzed, opt);
//
// Thread safety: Summarize is const and may be called concurrently on one
// instance. Summarizers are not copyable; own them by unique_ptr.
#ifndef CHORUS_SUMMARIZER_H_
#define CHORUS_SUMMARIZER_H_

#include <cstdint>
#include <memory>
#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

#include "chorus/analyzer.h"
#include "chorus/status.h"

namespace chorus {

enum class BudgetUnit { kWords, kBytes, kSentences };

struct SummaryBudget {
  BudgetUnit unit = BudgetUnit::kWords;
  // Words count whitespace-separated pieces (as ROUGE's -l does); bytes count
  // the sentences' bytes plus one separator between sentences.
  uint32_t amount = 100;
};

struct SummaryOptions {
  SummaryBudget budget;  // default: 100 words
  // Query-focused mode: when non-empty, favour content about this text.
  std::string query;
  // Once a stop is requested, Summarize returns kCancelled as soon as it
  // next checks (a server past a request's deadline). The summary, when one
  // is returned, never depends on it. Default: never stopped.
  std::stop_token stop;
  // Neutral mode (the chorus method): prefer what several sources state (the
  // same claim in any words), and tell a claim in the words of a source free
  // of loaded terms (words outlets' headlines use and AllSides editors'
  // neutral headlines avoid, data/loaded_terms.txt) when one states it
  // (ConceptSummarizerOptions::neutral_*). Default off.
  bool neutral = false;
  // Update mode: when set, the articles the reader has already read,
  // analyzed; the summary tells what the cluster adds to them. Not owned:
  // must outlive the Summarize call. Methods other than "chorus" ignore it.
  const AnalyzedCluster* already_read = nullptr;
};

struct SummarySentence {
  std::string text;
  uint32_t doc = 0;       // index into AnalyzedCluster::documents
  std::string doc_id;     // that document's id
  uint32_t sentence = 0;  // index of the sentence within its document
  // Documents (indices) whose content supports this sentence, including its
  // own, ascending.
  std::vector<uint32_t> support;
  // Parallel to `support`: the sentence (index within that document) that
  // backs this one; this sentence's own index for its own document.
  std::vector<uint32_t> support_sentences;
  // The sentence was shortened (a dateline, connective, attribution or
  // aside removed): `text` is the shorter form, `original` as written.
  bool compressed = false;
  std::string original;
};

struct Summary {
  std::string cluster_id;
  std::string method;
  std::vector<SummarySentence> sentences;  // in reading order
  // Problems the reader of this summary should know about, e.g. a safety
  // limit that made the result depend on the machine; usually empty.
  std::vector<std::string> warnings;
};

class Summarizer {
 public:
  virtual ~Summarizer() = default;
  virtual std::string_view name() const = 0;
  virtual Result<Summary> Summarize(const AnalyzedCluster& cluster,
                                    const SummaryOptions& options) const = 0;
};

// Methods MakeSummarizer knows, default first.
std::vector<std::string> SummarizerMethods();

// Creates the method `name`; kInvalidArgument naming the known methods if unknown.
Result<std::unique_ptr<Summarizer>> MakeSummarizer(std::string_view name);

}  // namespace chorus

#endif  // CHORUS_SUMMARIZER_H_
