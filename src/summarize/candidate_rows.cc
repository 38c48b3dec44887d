#include "summarize/candidate_rows.h"

#include <algorithm>

#include "summarize/budget.h"
#include "summarize/sentence_compressor.h"

namespace chorus {
namespace {

// For each row, the content words it shares with each later row. The
// words most rows hold (the story's own) are bits of a mask per row, so a
// pair's share of them is one popcount; the rest are counted through the rows
// each occurs in. Rows are asked about in order (a = 0, 1, ...), so each
// word's list of rows (ascending) is read only past the row asking.
class SharedWords {
 public:
  SharedWords(const StemmedSentences& ss, const std::vector<WeightedRow>& rows)
      : masks_(rows.size(), 0), counts_(rows.size(), 0) {
    // (stem, position in rows), sorted: placed by a counting sort on the
    // stem (ids are dense), positions ascending within a stem as visited.
    uint32_t max_stem = 0;
    size_t total = 0;
    for (const WeightedRow& row : rows) {
      for (uint32_t stem : ss.Content(row.row)) max_stem = std::max(max_stem, stem);
      total += ss.Content(row.row).size();
    }
    std::vector<uint32_t> place(size_t{max_stem} + 2, 0);
    for (const WeightedRow& row : rows) {
      for (uint32_t stem : ss.Content(row.row)) ++place[stem + 1];
    }
    for (size_t w = 1; w < place.size(); ++w) place[w] += place[w - 1];
    std::vector<std::pair<uint32_t, uint32_t>> occurrences(total);
    for (uint32_t a = 0; a < rows.size(); ++a) {
      for (uint32_t stem : ss.Content(rows[a].row)) occurrences[place[stem]++] = {stem, a};
    }
    std::vector<uint32_t> starts;  // per word: its first entry in occurrences
    for (size_t k = 0; k < occurrences.size(); ++k) {
      if (k == 0 || occurrences[k].first != occurrences[k - 1].first) {
        starts.push_back(static_cast<uint32_t>(k));
      }
    }
    starts.push_back(static_cast<uint32_t>(occurrences.size()));
    const size_t n_words = starts.size() - 1;
    // The kMaskBits words held by the most rows get a bit each.
    std::vector<uint32_t> by_rows(n_words);
    for (uint32_t w = 0; w < n_words; ++w) by_rows[w] = w;
    const size_t n_masked = std::min(n_words, kMaskBits);
    auto rows_of = [&](uint32_t w) { return starts[w + 1] - starts[w]; };
    std::partial_sort(by_rows.begin(), by_rows.begin() + static_cast<std::ptrdiff_t>(n_masked),
                      by_rows.end(), [&](uint32_t x, uint32_t y) {
                        return rows_of(x) != rows_of(y) ? rows_of(x) > rows_of(y) : x < y;
                      });
    std::vector<char> masked(n_words, 0);
    for (size_t bit = 0; bit < n_masked; ++bit) {
      const uint32_t w = by_rows[bit];
      masked[w] = 1;
      for (uint32_t k = starts[w]; k < starts[w + 1]; ++k) {
        masks_[occurrences[k].second] |= uint64_t{1} << bit;
      }
    }
    // The other words: row a's at [row_start_[a], row_start_[a + 1]) of
    // row_words_ (as indices into starts_), each word's rows in positions_.
    row_start_.assign(rows.size() + 1, 0);
    for (uint32_t w = 0; w < n_words; ++w) {
      if (masked[w]) continue;
      for (uint32_t k = starts[w]; k < starts[w + 1]; ++k) ++row_start_[occurrences[k].second + 1];
    }
    for (size_t a = 0; a < rows.size(); ++a) row_start_[a + 1] += row_start_[a];
    row_words_.resize(row_start_.back());
    std::vector<uint32_t> fill(row_start_.begin(), row_start_.end() - 1);
    for (uint32_t w = 0; w < n_words; ++w) {
      if (masked[w]) continue;
      starts_.push_back(static_cast<uint32_t>(positions_.size()));
      for (uint32_t k = starts[w]; k < starts[w + 1]; ++k) {
        row_words_[fill[occurrences[k].second]++] = static_cast<uint32_t>(starts_.size() - 1);
        positions_.push_back(occurrences[k].second);
      }
    }
    starts_.push_back(static_cast<uint32_t>(positions_.size()));
    next_.assign(starts_.begin(), starts_.end() - 1);
    masked_counts_.resize(rows.size());
    for (size_t a = 0; a < rows.size(); ++a) masked_counts_[a] = BitCount(masks_[a]);
  }

  // Counts what row `a` shares with each later row, for Common(a, b) until
  // the next call. Call for a = 0, 1, ...
  void CountFor(uint32_t a) {
    std::fill(counts_.begin() + a, counts_.end(), 0);
    for (uint32_t k = row_start_[a]; k < row_start_[a + 1]; ++k) {
      const uint32_t word = row_words_[k];
      // next_[word] is row a's own entry: every earlier row has passed it.
      for (uint32_t r = ++next_[word]; r < starts_[word + 1]; ++r) ++counts_[positions_[r]];
    }
  }
  // What rows a and b share: at most Rare(b) + min(MaskedCount(a), MaskedCount(b)).
  uint32_t Rare(uint32_t b) const { return counts_[b]; }
  uint32_t MaskedCount(uint32_t a) const { return masked_counts_[a]; }
  uint32_t Common(uint32_t a, uint32_t b) const {
    return counts_[b] + BitCount(masks_[a] & masks_[b]);
  }

 private:
  static constexpr size_t kMaskBits = 64;
  // Bits set in x (std::popcount is a library call without -mpopcnt).
  static uint32_t BitCount(uint64_t x) {
    x -= (x >> 1) & 0x5555555555555555u;
    x = (x & 0x3333333333333333u) + ((x >> 2) & 0x3333333333333333u);
    x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fu;
    return static_cast<uint32_t>((x * 0x0101010101010101u) >> 56);
  }

  std::vector<uint64_t> masks_;          // per row: its masked words
  std::vector<uint32_t> masked_counts_;  // per row: how many
  std::vector<uint32_t> starts_;         // per other word: its first entry in positions_
  std::vector<uint32_t> positions_;      // positions in rows, grouped by word, ascending
  std::vector<uint32_t> next_;           // per other word: its entry of the row asking
  std::vector<uint32_t> row_start_;      // per row: its first entry in row_words_
  std::vector<uint32_t> row_words_;      // other words of each row
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
  // Fixed point, so the search's gains are exact (coverage_selector.h).
  problem.concept_weights.reserve(weighted.weights.size());
  for (double w : weighted.weights) problem.concept_weights.push_back(QuantizeWeight(w));
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
  // Every pair of items is judged: a variant conflicts with its sentence,
  // and a cosine threshold of 0 or less makes every pair redundant.
  const auto n = static_cast<uint32_t>(items.size());
  if (0.0 >= redundancy_cosine) {
    for (uint32_t a = 0; a < n; ++a) {
      for (uint32_t b = a + 1; b < n; ++b) problem.conflicts.emplace_back(a, b);
    }
    return problem;
  }
  std::vector<uint32_t> sentence_of(n);
  std::vector<size_t> words_of(n);
  std::vector<double> near_of(n);    // just below threshold^2 x words: a bound's limit
  std::vector<double> weight_of(n);  // words, as a double
  for (uint32_t b = 0; b < n; ++b) {
    sentence_of[b] = rows.Sentence(items[b].row);
    words_of[b] = ss.Content(items[b].row).size();
    weight_of[b] = static_cast<double>(words_of[b]);
    near_of[b] = 0.999 * redundancy_cosine * redundancy_cosine * weight_of[b];
  }
  // Most pairs fall short of the threshold on a bound of their shared words
  // (cos^2 = common^2 / (na nb)), which takes no popcount or square root; the
  // rest get CosineOfCounts itself, so the decisions are the same.
  SharedWords shared(ss, items);
  for (uint32_t a = 0; a < n; ++a) {
    shared.CountFor(a);
    const uint32_t masked_a = shared.MaskedCount(a);
    const double near_a = near_of[a];
    for (uint32_t b = a + 1; b < n; ++b) {
      if (sentence_of[a] != sentence_of[b]) {
        const auto most =
            static_cast<double>(shared.Rare(b) + std::min(masked_a, shared.MaskedCount(b)));
        if (most * most < near_a * weight_of[b]) continue;
        const uint32_t common = shared.Common(a, b);
        if (common == 0 ||
            !(CosineOfCounts(common, words_of[a], words_of[b]) >= redundancy_cosine)) {
          continue;
        }
      }
      problem.conflicts.emplace_back(a, b);
    }
  }
  return problem;
}

}  // namespace chorus
