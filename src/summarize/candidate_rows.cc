#include "summarize/candidate_rows.h"

#include <algorithm>

#include "summarize/budget.h"
#include "summarize/sentence_compressor.h"

namespace chorus {
namespace {

// For each row, the content words it shares with each later row, counted
// through the rows each word occurs in instead of by merging every pair.
class SharedWords {
 public:
  SharedWords(const StemmedSentences& ss, const std::vector<WeightedRow>& rows)
      : ss_(ss), rows_of_(rows) {
    std::vector<std::pair<uint32_t, uint32_t>> occurrences;  // (stem, position in rows)
    for (uint32_t a = 0; a < rows.size(); ++a) {
      for (uint32_t stem : ss.content[rows[a].row]) occurrences.emplace_back(stem, a);
    }
    std::sort(occurrences.begin(), occurrences.end());
    for (size_t k = 0; k < occurrences.size(); ++k) {
      if (k == 0 || occurrences[k].first != occurrences[k - 1].first) {
        stems_.push_back(occurrences[k].first);
        starts_.push_back(static_cast<uint32_t>(positions_.size()));
      }
      positions_.push_back(occurrences[k].second);
    }
    starts_.push_back(static_cast<uint32_t>(positions_.size()));
    counts_.assign(rows.size(), 0);
  }

  // The content words row `a` shares with each row b > a, at [b] (entries <= a are 0).
  const std::vector<uint32_t>& CountFor(uint32_t a) {
    std::fill(counts_.begin(), counts_.end(), 0);
    for (uint32_t stem : ss_.content[rows_of_[a].row]) {
      const size_t k = std::lower_bound(stems_.begin(), stems_.end(), stem) - stems_.begin();
      for (uint32_t r = starts_[k]; r < starts_[k + 1]; ++r) {
        if (positions_[r] > a) ++counts_[positions_[r]];
      }
    }
    return counts_;
  }

 private:
  const StemmedSentences& ss_;
  const std::vector<WeightedRow>& rows_of_;
  std::vector<uint32_t> stems_;      // distinct stems, ascending
  std::vector<uint32_t> starts_;     // per stem: its first entry in positions_
  std::vector<uint32_t> positions_;  // positions in rows_of_, grouped by stem
  std::vector<uint32_t> counts_;
};

}  // namespace

std::vector<uint32_t> AddCompressedVariants(const std::vector<uint32_t>& candidates,
                                            uint32_t min_words, StemmedSentences* ss,
                                            CandidateRows* rows) {
  std::vector<uint32_t> added;
  for (uint32_t i : candidates) {
    const AnalyzedSentence& sentence = rows->cluster->sentences[i];
    for (CompressedSentence& c : CompressSentence(sentence.sentence.text, min_words)) {
      std::vector<char> keep(sentence.tokens.size());
      for (size_t k = 0; k < keep.size(); ++k)
        keep[k] = !IsRemoved(c.removed, sentence.tokens[k].begin);
      added.push_back(ss->AddPartOf(i, keep));
      rows->variants.push_back({i, std::move(c.text)});
    }
  }
  return added;
}

CoverageProblem BuildCoverageProgram(const StemmedSentences& ss, const CandidateRows& rows,
                                     const WeightedRows& weighted, const SummaryBudget& budget,
                                     double redundancy_cosine) {
  CoverageProblem problem;
  problem.capacity = BudgetCapacity(budget);
  problem.concept_weights = weighted.weights;
  const std::vector<WeightedRow>& items = weighted.rows;
  // Tie-break: at most 1e-3 of the lightest concept over a whole summary,
  // favouring early sentences and a fuller budget among equal coverages.
  const double min_weight =
      *std::min_element(problem.concept_weights.begin(), problem.concept_weights.end());
  const double epsilon = 1e-3 * min_weight / static_cast<double>(items.size());
  for (const WeightedRow& item : items) {
    const Sentence& s = rows.cluster->sentences[rows.Sentence(item.row)].sentence;
    const uint32_t cost = SentenceCost(rows.Text(item.row), budget.unit);
    problem.item_concepts.push_back(item.concepts);
    problem.item_costs.push_back(cost);
    problem.item_bonus.push_back(
        epsilon * (0.5 / (1.0 + s.index) +
                   0.5 * static_cast<double>(cost) / static_cast<double>(problem.capacity)));
  }
  // Every pair of items is judged (a variant conflicts with its sentence, and
  // a cosine threshold of 0 makes every pair redundant), so the loop reads
  // flat per-item arrays and takes no square root for the many pairs that
  // share no word (their cosine is 0).
  std::vector<uint32_t> sentence_of(items.size());
  std::vector<size_t> words_of(items.size());
  for (uint32_t b = 0; b < items.size(); ++b) {
    sentence_of[b] = rows.Sentence(items[b].row);
    words_of[b] = ss.content[items[b].row].size();
  }
  const bool unrelated_are_redundant = 0.0 >= redundancy_cosine;
  SharedWords shared(ss, items);
  for (uint32_t a = 0; a < items.size(); ++a) {
    const std::vector<uint32_t>& common = shared.CountFor(a);
    for (uint32_t b = a + 1; b < items.size(); ++b) {
      const bool redundant =
          common[b] == 0 ? unrelated_are_redundant
                         : CosineOfCounts(common[b], words_of[a], words_of[b]) >= redundancy_cosine;
      if (sentence_of[a] == sentence_of[b] || redundant) problem.conflicts.emplace_back(a, b);
    }
  }
  return problem;
}

}  // namespace chorus
