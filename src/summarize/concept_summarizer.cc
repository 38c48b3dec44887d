#include "summarize/concept_summarizer.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>
#include <unordered_set>

#include "summarize/budget.h"
#include "summarize/candidates.h"
#include "summarize/loaded_terms.h"
#include "summarize/sentence_compressor.h"

namespace chorus {
namespace {

constexpr uint64_t kUnigramTag = uint64_t{1} << 63;
constexpr uint64_t kQueryTag = uint64_t{1} << 62;
constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();

// Interned stems of every sentence: small integers instead of strings, so
// concepts are 64-bit keys.
struct StemmedSentences {
  std::vector<std::vector<uint32_t>> stems;     // per sentence, per token
  std::vector<std::vector<char>> stopword;      // per sentence, per token
  std::vector<std::vector<uint32_t>> content;   // per sentence: content stems, sorted unique
  std::unordered_map<std::string_view, uint32_t> ids;  // stem -> id
};

StemmedSentences Intern(const AnalyzedCluster& cluster) {
  StemmedSentences out;
  auto& ids = out.ids;
  const size_t n = cluster.sentences.size();
  out.stems.resize(n);
  out.stopword.resize(n);
  out.content.resize(n);
  for (size_t i = 0; i < n; ++i) {
    for (const Token& t : cluster.sentences[i].tokens) {
      const std::string_view key = t.stem.empty() ? std::string_view(t.norm) : std::string_view(t.stem);
      const uint32_t id = ids.emplace(key, static_cast<uint32_t>(ids.size())).first->second;
      out.stems[i].push_back(id);
      out.stopword[i].push_back(t.stopword ? 1 : 0);
      if (!t.stopword) out.content[i].push_back(id);
    }
    auto& c = out.content[i];
    std::sort(c.begin(), c.end());
    c.erase(std::unique(c.begin(), c.end()), c.end());
  }
  return out;
}

// The rows of StemmedSentences: the cluster's sentences, then compressed
// variants of candidates, each standing for its original sentence.
struct Rows {
  struct Variant {
    uint32_t sentence = 0;  // index into cluster.sentences
    std::string text;
  };
  const AnalyzedCluster* cluster = nullptr;
  std::vector<Variant> variants;

  uint32_t Sentence(uint32_t row) const {
    const auto n = static_cast<uint32_t>(cluster->sentences.size());
    return row < n ? row : variants[row - n].sentence;
  }
  std::string_view Text(uint32_t row) const {
    const auto n = static_cast<uint32_t>(cluster->sentences.size());
    return row < n ? std::string_view(cluster->sentences[row].sentence.text) : variants[row - n].text;
  }
};

// Adds a compressed variant of each candidate that has one (a row of `ss`
// holding the tokens compression keeps) and returns the new rows.
std::vector<uint32_t> AddCompressedVariants(const AnalyzedCluster& cluster, const std::vector<uint32_t>& candidates,
                                            uint32_t min_words, StemmedSentences* ss, Rows* rows) {
  std::vector<uint32_t> added;
  for (uint32_t i : candidates) {
    CompressedSentence c = CompressSentence(cluster.sentences[i].sentence.text, min_words);
    if (c.text.empty()) continue;
    std::vector<uint32_t> stems;
    std::vector<char> stop;
    std::vector<uint32_t> content;
    const auto& tokens = cluster.sentences[i].tokens;
    for (size_t k = 0; k < tokens.size(); ++k) {
      if (IsRemoved(c.removed, tokens[k].begin)) continue;
      stems.push_back(ss->stems[i][k]);
      stop.push_back(ss->stopword[i][k]);
      if (!stop.back()) content.push_back(stems.back());
    }
    std::sort(content.begin(), content.end());
    content.erase(std::unique(content.begin(), content.end()), content.end());
    added.push_back(static_cast<uint32_t>(ss->stems.size()));
    ss->stems.push_back(std::move(stems));
    ss->stopword.push_back(std::move(stop));
    ss->content.push_back(std::move(content));
    rows->variants.push_back({i, std::move(c.text)});
  }
  return added;
}

// Concept keys of one sentence, unique: bigrams not made only of stopwords,
// and content unigrams when wanted.
std::vector<uint64_t> SentenceConcepts(const StemmedSentences& ss, size_t i, bool unigrams) {
  std::vector<uint64_t> keys;
  const auto& stems = ss.stems[i];
  const auto& stop = ss.stopword[i];
  for (size_t k = 0; k + 1 < stems.size(); ++k) {
    if (stop[k] && stop[k + 1]) continue;
    keys.push_back((uint64_t{stems[k]} << 32) | stems[k + 1]);
  }
  if (unigrams) {
    for (uint32_t id : ss.content[i]) keys.push_back(kUnigramTag | id);
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

// A candidate sentence with its kept concepts (indices into the problem's weights).
struct Scored {
  uint32_t sentence = 0;
  double total = 0;  // total weight of its concepts
  std::vector<uint32_t> concepts;
};

// Neutral mode: candidates holding a loaded term go, as long as at least two
// loaded-free ones stay (a summary of loaded sentences beats none).
void DropLoadedRows(const StemmedSentences& ss, const LoadedTerms& loaded, std::vector<Scored>* scored) {
  std::unordered_set<uint32_t> loaded_ids;
  for (const auto& [stem, id] : ss.ids) {
    if (loaded.Contains(stem)) loaded_ids.insert(id);
  }
  auto is_loaded = [&](const Scored& s) {
    const auto& stems = ss.stems[s.sentence];
    return std::any_of(stems.begin(), stems.end(), [&](uint32_t id) { return loaded_ids.count(id) > 0; });
  };
  const auto clean = std::count_if(scored->begin(), scored->end(), [&](const Scored& s) { return !is_loaded(s); });
  if (clean >= 2) std::erase_if(*scored, is_loaded);
}

// Cosine of two sets of `na` and `nb` words sharing `common`.
double CosineOfCounts(size_t common, size_t na, size_t nb) {
  if (na == 0 || nb == 0) return 0;
  return static_cast<double>(common) / std::sqrt(static_cast<double>(na) * static_cast<double>(nb));
}

double Cosine(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  if (a.empty() || b.empty()) return 0;
  size_t common = 0;
  for (size_t x = 0, y = 0; x < a.size() && y < b.size();) {
    if (a[x] == b[y]) {
      ++common, ++x, ++y;
    } else if (a[x] < b[y]) {
      ++x;
    } else {
      ++y;
    }
  }
  return CosineOfCounts(common, a.size(), b.size());
}

// For each row, the content words it shares with each later row, counted
// through the rows each word occurs in instead of by merging every pair.
class SharedWords {
 public:
  SharedWords(const StemmedSentences& ss, const std::vector<Scored>& scored) : ss_(ss), scored_(scored) {
    std::vector<std::pair<uint32_t, uint32_t>> occurrences;  // (stem, position in scored)
    for (uint32_t a = 0; a < scored.size(); ++a) {
      for (uint32_t stem : ss.content[scored[a].sentence]) occurrences.emplace_back(stem, a);
    }
    std::sort(occurrences.begin(), occurrences.end());
    for (size_t k = 0; k < occurrences.size(); ++k) {
      if (k == 0 || occurrences[k].first != occurrences[k - 1].first) {
        stems_.push_back(occurrences[k].first);
        starts_.push_back(static_cast<uint32_t>(rows_.size()));
      }
      rows_.push_back(occurrences[k].second);
    }
    starts_.push_back(static_cast<uint32_t>(rows_.size()));
    counts_.assign(scored.size(), 0);
  }

  // The content words row `a` shares with each row b > a, at [b] (entries <= a are 0).
  const std::vector<uint32_t>& CountFor(uint32_t a) {
    std::fill(counts_.begin(), counts_.end(), 0);
    for (uint32_t stem : ss_.content[scored_[a].sentence]) {
      const size_t k = std::lower_bound(stems_.begin(), stems_.end(), stem) - stems_.begin();
      for (uint32_t r = starts_[k]; r < starts_[k + 1]; ++r) {
        if (rows_[r] > a) ++counts_[rows_[r]];
      }
    }
    return counts_;
  }

 private:
  const StemmedSentences& ss_;
  const std::vector<Scored>& scored_;
  std::vector<uint32_t> stems_;   // distinct stems, ascending
  std::vector<uint32_t> starts_;  // per stem: its first entry in rows_
  std::vector<uint32_t> rows_;    // positions in scored, grouped by stem
  std::vector<uint32_t> counts_;
};

struct ConceptStat {
  uint32_t last_unit = kNone;  // the last unit (article or sentence) counted
  uint32_t units = 0;          // distinct units holding the concept
  double weight = 0;           // units plus position bonus
  double query_overlap = 0;    // best query overlap of a sentence holding it
};
using ConceptStats = std::unordered_map<uint64_t, ConceptStat>;

// The query's content stems that occur in the cluster, as interned ids.
std::vector<uint32_t> QueryStems(const Tokenizer& tokenizer, std::string_view query, const StemmedSentences& ss) {
  const TokenScope scope;  // the query's token views live until the lookups are done
  std::vector<uint32_t> stems;
  for (const Token& t : tokenizer.Tokenize(query)) {
    auto it = ss.ids.find(t.stem.empty() ? std::string_view(t.norm) : std::string_view(t.stem));
    if (!t.stopword && it != ss.ids.end()) stems.push_back(it->second);
  }
  std::sort(stems.begin(), stems.end());
  stems.erase(std::unique(stems.begin(), stems.end()), stems.end());
  return stems;
}

bool Holds(const StemmedSentences& ss, size_t sentence, uint32_t stem) {
  return std::binary_search(ss.content[sentence].begin(), ss.content[sentence].end(), stem);
}

// Counts, for every concept, the units holding it and its weight. Repeated
// articles (groups[d] != d) are skipped when articles are the units.
ConceptStats CountConcepts(const AnalyzedCluster& cluster, const StemmedSentences& ss,
                           const std::vector<std::vector<uint64_t>>& row_concepts,
                           const std::vector<uint32_t>& groups, bool by_document,
                           const std::vector<uint32_t>& query_stems, const ConceptSummarizerOptions& options) {
  ConceptStats stats;
  size_t occurrences = 0;
  for (size_t i = 0; i < cluster.sentences.size(); ++i) occurrences += row_concepts[i].size();
  stats.reserve(occurrences / 2);
  for (size_t i = 0; i < cluster.sentences.size(); ++i) {
    const Sentence& s = cluster.sentences[i].sentence;
    if (by_document && s.doc < groups.size() && groups[s.doc] != s.doc) continue;
    const uint32_t unit = by_document ? s.doc : static_cast<uint32_t>(i);
    double overlap = 0;
    for (uint32_t q : query_stems) overlap += Holds(ss, i, q);
    if (!query_stems.empty()) overlap /= static_cast<double>(query_stems.size());
    for (uint64_t key : row_concepts[i]) {
      ConceptStat& st = stats[key];
      st.query_overlap = std::max(st.query_overlap, overlap);
      if (st.last_unit == unit) continue;
      st.last_unit = unit;
      ++st.units;
      st.weight += 1.0 + options.position_weight / (1.0 + s.index);
    }
  }
  return stats;
}

// Units a concept needs: the share of units asked for (at least 2), lowered
// until at least `min_concepts` concepts remain; 1 if no concept repeats at all.
uint32_t PruningThreshold(const ConceptStats& stats, uint32_t n_units, bool by_document,
                          const ConceptSummarizerOptions& options) {
  uint32_t threshold =
      by_document ? std::max<uint32_t>(2, static_cast<uint32_t>(std::ceil(options.min_doc_fraction * n_units))) : 2;
  std::vector<uint32_t> at_least(threshold + 1, 0);  // concepts with >= t units
  for (const auto& [key, st] : stats) at_least[std::min(st.units, threshold)]++;
  for (uint32_t t = threshold; t > 0; --t) at_least[t - 1] += at_least[t];
  while (threshold > 2 && at_least[threshold] < options.min_concepts) --threshold;
  return at_least[threshold] == 0 ? 1 : threshold;
}

// The candidates holding at least one kept concept; fills `weights`.
std::vector<Scored> ScoreCandidates(const std::vector<uint32_t>& candidates, const StemmedSentences& ss,
                                    const std::vector<std::vector<uint64_t>>& row_concepts,
                                    const ConceptStats& stats, uint32_t threshold,
                                    const std::vector<uint32_t>& query_stems,
                                    const ConceptSummarizerOptions& options, std::vector<double>* weights) {
  std::unordered_map<uint64_t, uint32_t> index;
  auto concept_id = [&](uint64_t key, double w) {
    auto [it, inserted] = index.emplace(key, static_cast<uint32_t>(weights->size()));
    if (inserted) weights->push_back(w);
    return it->second;
  };
  std::vector<Scored> scored;
  for (uint32_t i : candidates) {
    Scored sc{i, 0, {}};
    for (uint64_t key : row_concepts[i]) {
      auto it = stats.find(key);
      if (it == stats.end() || it->second.units < threshold) continue;
      const double w = it->second.weight * (key & kUnigramTag ? options.unigram_weight : 1.0) *
                       (1.0 + options.query_weight * it->second.query_overlap);
      sc.concepts.push_back(concept_id(key, w));
      sc.total += w;
    }
    if (!sc.concepts.empty()) scored.push_back(std::move(sc));
  }
  if (query_stems.empty() || scored.empty()) return scored;
  // The query's words are concepts too, each worth a typical sentence's
  // content (times query_weight): what the reader asked about comes first.
  double mean_total = 0;
  for (const Scored& sc : scored) mean_total += sc.total;
  const double w = options.query_weight * mean_total / static_cast<double>(scored.size());
  for (Scored& sc : scored) {
    for (uint32_t q : query_stems) {
      if (!Holds(ss, sc.sentence, q)) continue;
      sc.concepts.push_back(concept_id(kQueryTag | q, w));
      sc.total += w;
    }
  }
  return scored;
}

// When no concept survives anywhere: the earliest sentences that fit.
std::vector<uint32_t> LeadSentences(const AnalyzedCluster& cluster, std::vector<uint32_t> candidates,
                                    const SummaryBudget& budget) {
  std::stable_sort(candidates.begin(), candidates.end(), [&](uint32_t a, uint32_t b) {
    return cluster.sentences[a].sentence.index < cluster.sentences[b].sentence.index;
  });
  std::vector<uint32_t> chosen;
  uint64_t used = 0;
  for (uint32_t i : candidates) {
    const uint32_t cost = SentenceCost(cluster.sentences[i].sentence.text, budget.unit);
    if (used + cost <= BudgetCapacity(budget)) chosen.push_back(i), used += cost;
  }
  return chosen;
}

// Fills what the program left of the budget (it stops once no kept concept
// is left to cover, which happens with few articles and long budgets) with
// the earliest candidates that fit and repeat no chosen sentence: news puts
// what matters first. `chosen` holds rows; candidates are sentences.
void FillBudget(const AnalyzedCluster& cluster, const StemmedSentences& ss, const Rows& rows,
                std::vector<uint32_t> candidates, const SummaryBudget& budget, double redundancy_cosine,
                std::vector<uint32_t>* chosen) {
  uint64_t used = 0;
  for (uint32_t r : *chosen) used += SentenceCost(rows.Text(r), budget.unit);
  std::stable_sort(candidates.begin(), candidates.end(), [&](uint32_t a, uint32_t b) {
    return cluster.sentences[a].sentence.index < cluster.sentences[b].sentence.index;
  });
  for (uint32_t i : candidates) {
    const uint32_t cost = SentenceCost(cluster.sentences[i].sentence.text, budget.unit);
    if (used + cost > BudgetCapacity(budget)) continue;
    bool repeats = false;
    for (uint32_t r : *chosen) {
      repeats |= rows.Sentence(r) == i || Cosine(ss.content[i], ss.content[r]) >= redundancy_cosine;
    }
    if (repeats) continue;
    chosen->push_back(i);
    used += cost;
  }
}

// Items, costs, tie-break bonuses and redundancy conflicts of the program.
// Two rows of one sentence (it and its compressed variant) always conflict.
void AddItems(const AnalyzedCluster& cluster, const StemmedSentences& ss, const Rows& rows,
              const std::vector<Scored>& scored, const SummaryBudget& budget, double redundancy_cosine,
              CoverageProblem* problem) {
  // Tie-break: at most 1e-3 of the lightest concept over a whole summary,
  // favouring early sentences and a fuller budget among equal coverages.
  const double min_weight = *std::min_element(problem->concept_weights.begin(), problem->concept_weights.end());
  const double epsilon = 1e-3 * min_weight / static_cast<double>(scored.size());
  for (const Scored& sc : scored) {
    const Sentence& s = cluster.sentences[rows.Sentence(sc.sentence)].sentence;
    const uint32_t cost = SentenceCost(rows.Text(sc.sentence), budget.unit);
    problem->item_concepts.push_back(sc.concepts);
    problem->item_costs.push_back(cost);
    problem->item_bonus.push_back(
        epsilon * (0.5 / (1.0 + s.index) + 0.5 * static_cast<double>(cost) / static_cast<double>(problem->capacity)));
  }
  SharedWords shared(ss, scored);
  for (uint32_t a = 0; a < scored.size(); ++a) {
    const std::vector<uint32_t>& common = shared.CountFor(a);
    const size_t na = ss.content[scored[a].sentence].size();
    for (uint32_t b = a + 1; b < scored.size(); ++b) {
      if (rows.Sentence(scored[a].sentence) == rows.Sentence(scored[b].sentence) ||
          CosineOfCounts(common[b], na, ss.content[scored[b].sentence].size()) >= redundancy_cosine) {
        problem->conflicts.emplace_back(a, b);
      }
    }
  }
}

// The summary of the chosen rows: built on the original sentences (so
// citations and order are theirs), with compressed wording where chosen.
Summary BuildFromRows(const AnalyzedCluster& cluster, const Rows& rows, const std::vector<uint32_t>& chosen,
                      std::string_view method, const SupportOptions& support) {
  std::vector<uint32_t> sentences;
  std::unordered_map<uint32_t, std::string_view> wording;  // sentence -> compressed text
  for (uint32_t r : chosen) {
    sentences.push_back(rows.Sentence(r));
    if (r >= cluster.sentences.size()) wording[rows.Sentence(r)] = rows.Text(r);
  }
  Summary summary = BuildSummary(cluster, sentences, method, support);
  if (wording.empty()) return summary;
  for (SummarySentence& s : summary.sentences) {
    const auto it = wording.find(cluster.doc_first_sentence[s.doc] + s.sentence);
    if (it != wording.end()) s.text = std::string(it->second);
  }
  return summary;
}

}  // namespace

ConceptSummarizer::ConceptSummarizer(ConceptSummarizerOptions options) : options_(options) {}

Result<Summary> ConceptSummarizer::Summarize(const AnalyzedCluster& cluster,
                                             const SummaryOptions& options) const {
  return Summarize(cluster, options, nullptr);
}

Result<Summary> ConceptSummarizer::Summarize(const AnalyzedCluster& cluster, const SummaryOptions& options,
                                             CoverageSolution* selection) const {
  if (options.budget.amount == 0) {
    return InvalidArgumentError("summary budget must be at least 1 (got 0)");
  }
  if (options.stop.stop_requested()) return CancelledError("summary stopped");
  const CandidateFilter filter{options_.min_words, options_.drop_questions, options_.drop_quotations,
                               options_.max_position, options_.drop_bare_quotes};
  const std::vector<uint32_t> candidates = CandidateSentences(cluster, filter, options.budget);
  if (candidates.empty()) return BuildSummary(cluster, {}, name());

  StemmedSentences ss = Intern(cluster);
  Rows rows{&cluster, {}};
  std::vector<uint32_t> candidate_rows = candidates;
  if (options_.compress) {
    const std::vector<uint32_t> variants =
        AddCompressedVariants(cluster, candidates, std::min<uint32_t>(options_.min_words, 6), &ss, &rows);
    candidate_rows.insert(candidate_rows.end(), variants.begin(), variants.end());
  }
  const std::vector<uint32_t> groups = DocumentGroups(cluster);
  uint32_t n_groups = 0;
  for (uint32_t d = 0; d < groups.size(); ++d) n_groups += groups[d] == d;
  // Articles are the units of evidence; with one or two articles, sentences.
  const bool by_document = n_groups >= 3;
  const uint32_t n_units = by_document ? n_groups : static_cast<uint32_t>(cluster.sentences.size());

  const std::vector<uint32_t> query_stems = QueryStems(tokenizer_, options.query, ss);
  // Concept keys of every row (sentences, then compressed variants), computed once.
  std::vector<std::vector<uint64_t>> row_concepts(ss.stems.size());
  for (size_t r = 0; r < row_concepts.size(); ++r) {
    row_concepts[r] = SentenceConcepts(ss, r, options_.unigram_weight > 0);
  }
  const ConceptStats stats =
      CountConcepts(cluster, ss, row_concepts, groups, by_document, query_stems, options_);
  const uint32_t threshold = PruningThreshold(stats, n_units, by_document, options_);

  CoverageProblem problem;
  problem.capacity = BudgetCapacity(options.budget);
  std::vector<Scored> scored = ScoreCandidates(candidate_rows, ss, row_concepts, stats, threshold,
                                               query_stems, options_, &problem.concept_weights);
  if (scored.empty()) {
    return BuildSummary(cluster, LeadSentences(cluster, candidates, options.budget), name(), options_.support);
  }
  if (scored.size() > options_.max_candidates) {
    std::stable_sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) { return a.total > b.total; });
    scored.resize(options_.max_candidates);
    std::sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) { return a.sentence < b.sentence; });
  }
  if (options.neutral) DropLoadedRows(ss, LoadedTerms::Default(), &scored);
  AddItems(cluster, ss, rows, scored, options.budget, options_.redundancy_cosine, &problem);
  if (options.stop.stop_requested()) return CancelledError("summary stopped");

  const CoverageSolution solution = SolveCoverage(problem, options_.solver);
  std::vector<uint32_t> chosen;
  for (uint32_t item : solution.items) chosen.push_back(scored[item].sentence);
  if (options_.fill_budget) {
    FillBudget(cluster, ss, rows, candidates, options.budget, options_.redundancy_cosine, &chosen);
  }
  Summary summary = BuildFromRows(cluster, rows, chosen, name(), options_.support);
  if (solution.time_limit_reached) {
    summary.warnings.push_back(fmt::format(
        "sentence selection stopped at its {} ms safety time limit before its work limit ({} nodes): "
        "this summary may differ between runs and machines",
        options_.solver.time_limit_ms, options_.solver.glpk_node_limit));
  }
  if (selection != nullptr) *selection = solution;
  return summary;
}

}  // namespace chorus
