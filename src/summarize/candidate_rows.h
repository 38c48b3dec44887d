// Candidate rows and the coverage program built on them.
//
// The summarizer chooses among rows: the cluster's sentences (row i =
// cluster.sentences[i]), then compressed variants of candidate sentences
// (sentence_compressor.h), each standing for its original sentence. A row
// of each kind is a row of the StemmedSentences too, so concepts and
// overlaps are computed the same way for both.
//
// BuildCoverageProgram turns weighted rows into coverage_selector.h's
// integer program: an item per row, costing its words (or bytes, or 1 per
// sentence), a tie-break bonus favouring early sentences and a fuller budget,
// and a conflict between two rows of one sentence or two rows whose content
// words have a cosine of `redundancy_cosine` or more.
//
// Thread safety: value types and pure functions.
#ifndef CHORUS_SUMMARIZE_CANDIDATE_ROWS_H_
#define CHORUS_SUMMARIZE_CANDIDATE_ROWS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "chorus/analyzer.h"
#include "chorus/summarizer.h"
#include "summarize/concept_weights.h"
#include "summarize/coverage_selector.h"
#include "summarize/stemmed_sentences.h"

namespace chorus {

struct CandidateRows {
  struct Variant {
    uint32_t sentence = 0;  // index into cluster.sentences
    std::string text;
  };
  const AnalyzedCluster* cluster = nullptr;
  std::vector<Variant> variants;  // rows n, n+1, ... (n = cluster sentences)

  uint32_t Sentence(uint32_t row) const {
    const auto n = static_cast<uint32_t>(cluster->sentences.size());
    return row < n ? row : variants[row - n].sentence;
  }
  std::string_view Text(uint32_t row) const {
    const auto n = static_cast<uint32_t>(cluster->sentences.size());
    return row < n ? std::string_view(cluster->sentences[row].sentence.text)
                   : variants[row - n].text;
  }
  bool IsVariant(uint32_t row) const { return row >= cluster->sentences.size(); }
};

// Adds the compressed variants of each of `candidates` (rows of `ss` holding
// the tokens compression keeps) and returns the new rows.
std::vector<uint32_t> AddCompressedVariants(const std::vector<uint32_t>& candidates,
                                            uint32_t min_words, StemmedSentences* ss,
                                            CandidateRows* rows);

// The program choosing among `weighted.rows` within `budget` (see above);
// item k is weighted.rows[k].
CoverageProblem BuildCoverageProgram(const StemmedSentences& ss, const CandidateRows& rows,
                                     const WeightedRows& weighted, const SummaryBudget& budget,
                                     double redundancy_cosine);

}  // namespace chorus

#endif  // CHORUS_SUMMARIZE_CANDIDATE_ROWS_H_
