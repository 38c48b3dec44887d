#include "summarize/concept_summarizer.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "summarize/budget.h"
#include "summarize/candidate_rows.h"
#include "summarize/candidates.h"
#include "summarize/claim_agreement.h"
#include "summarize/concept_weights.h"
#include "summarize/loaded_terms.h"
#include "summarize/summary_opening.h"

namespace chorus {
namespace {

// A candidate repeats what the reader has read when one read sentence holds
// this share of its content words and it states no number the read articles
// lacked ("the toll rose to 30" is news after "the toll was 12").
constexpr double kRepeatShare = 0.8;

bool RepeatsWhatWasRead(const AnalyzedCluster& cluster, const StemmedSentences& ss,
                        const CandidateRows& rows, uint32_t row, const ReadConcepts& read) {
  for (const Token& t : cluster.sentences[rows.Sentence(row)].tokens) {
    if (!t.numeric) continue;
    const auto it =
        ss.ids.find(t.stem.empty() ? std::string_view(t.norm) : std::string_view(t.stem));
    if (it == ss.ids.end() ||
        !std::binary_search(read.numbers.begin(), read.numbers.end(), it->second)) {
      return false;
    }
  }
  const std::span<const uint32_t> content = ss.Content(row);
  if (content.empty()) return false;
  for (const std::vector<uint32_t>& sentence : read.sentences) {
    if (static_cast<double>(CommonCount(content, sentence)) >=
        kRepeatShare * static_cast<double>(content.size())) {
      return true;
    }
  }
  return false;
}

// When no concept survives anywhere: the earliest sentences that fit.
std::vector<uint32_t> LeadSentences(const AnalyzedCluster& cluster,
                                    std::vector<uint32_t> candidates, const SummaryBudget& budget) {
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
void FillBudget(const AnalyzedCluster& cluster, const StemmedSentences& ss,
                const CandidateRows& rows, std::vector<uint32_t> candidates,
                const SummaryBudget& budget, double redundancy_cosine,
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
      repeats |= rows.Sentence(r) == i || Cosine(ss.Content(i), ss.Content(r)) >= redundancy_cosine;
    }
    if (repeats) continue;
    chosen->push_back(i);
    used += cost;
  }
}

// The loaded terms that frame this cluster: those at most half of its
// independent sources (copy groups) use. A loaded word most sources use is
// the story's own ("republican" in a story about Republicans), not one
// side's framing, and avoiding it only costs content.
std::unordered_set<uint32_t> FramingTerms(const AnalyzedCluster& cluster,
                                          const StemmedSentences& ss, const LoadedTerms& loaded) {
  std::unordered_set<uint32_t> loaded_ids;
  for (const auto& [stem, id] : ss.ids) {
    if (loaded.Contains(stem)) loaded_ids.insert(id);
  }
  std::unordered_map<uint32_t, std::unordered_set<uint32_t>>
      groups_using;  // loaded stem -> copy groups
  for (size_t i = 0; i < cluster.sentences.size(); ++i) {
    const uint32_t doc = cluster.sentences[i].sentence.doc;
    const uint32_t group = doc < cluster.copies.group.size() ? cluster.copies.group[doc] : doc;
    for (uint32_t id : ss.Content(i)) {
      if (loaded_ids.count(id) > 0) groups_using[id].insert(group);
    }
  }
  const size_t sources = std::max<size_t>(cluster.copies.group_count, 1);
  std::erase_if(loaded_ids, [&](uint32_t id) { return 2 * groups_using[id].size() > sources; });
  return loaded_ids;
}

// Neutral mode: a framing word is not a fact to cover, so concepts holding
// one earn nothing. Concept keys are stem pairs or tagged stems
// (stemmed_sentences.h).
void DropFramingConcepts(const std::unordered_set<uint32_t>& framing,
                         std::vector<std::vector<uint64_t>>* row_concepts) {
  if (framing.empty()) return;
  auto holds_framing = [&](uint64_t key) {
    const auto low = static_cast<uint32_t>(key & 0xffffffffu);
    if ((key & kUnigramTag) != 0) return framing.count(low) > 0;
    return framing.count(low) > 0 || framing.count(static_cast<uint32_t>(key >> 32)) > 0;
  };
  for (auto& keys : *row_concepts) std::erase_if(keys, holds_framing);
}

// The mean weight of `problem`'s concepts (0 when it has none): the unit of
// neutral mode's preferences.
double MeanConceptWeight(const CoverageProblem& problem) {
  if (problem.concept_weights.empty()) return 0;
  double sum = 0;
  for (double w : problem.concept_weights) sum += w;
  return sum / static_cast<double>(problem.concept_weights.size());
}

// Framing-term tokens row `row` holds.
size_t FramingHits(const StemmedSentences& ss, const std::unordered_set<uint32_t>& framing,
                   uint32_t row) {
  const std::span<const uint32_t> stems = ss.Stems(row);
  return static_cast<size_t>(std::count_if(stems.begin(), stems.end(),
                                           [&](uint32_t id) { return framing.count(id) > 0; }));
}

// ... and, when `penalty` > 0, a soft preference, not a filter: each
// framing-term token a row holds costs `penalty` x the mean concept weight,
// so a loaded sentence is chosen only when its facts outweigh its wording.
// Negative item gains keep the search's bound valid: coverage plus a
// per-item term is still submodular, and an item's gain still only shrinks
// as others are chosen.
void PenalizeFramingRows(const StemmedSentences& ss, const std::unordered_set<uint32_t>& framing,
                         const std::vector<WeightedRow>& rows, double penalty,
                         CoverageProblem* problem) {
  if (framing.empty() || penalty <= 0) return;
  const double mean_weight = MeanConceptWeight(*problem);
  for (size_t i = 0; i < rows.size(); ++i) {
    problem->item_bonus[i] -=
        penalty * mean_weight * static_cast<double>(FramingHits(ss, framing, rows[i].row));
  }
}

// Neutral mode's content choice: each item gains `weight` x the mean concept
// weight for every other source that states its claim (claim_agreement.h),
// so what the sides agree on is preferred over what one side alone tells.
// A bonus per item, like the penalty above, keeps the bound valid.
void FavourAgreedClaims(const CandidateRows& rows, const std::vector<WeightedRow>& items,
                        double weight, ClaimAgreement* agreement, CoverageProblem* problem) {
  if (weight <= 0) return;
  std::vector<uint32_t> sentences;
  for (const WeightedRow& w : items) sentences.push_back(rows.Sentence(w.row));
  std::vector<uint32_t> unique = sentences;
  std::sort(unique.begin(), unique.end());
  unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
  const std::vector<uint32_t> counts = agreement->OtherSourcesStating(unique);
  const double mean_weight = MeanConceptWeight(*problem);
  for (size_t i = 0; i < items.size(); ++i) {
    const auto at = std::lower_bound(unique.begin(), unique.end(), sentences[i]) - unique.begin();
    problem->item_bonus[i] +=
        weight * mean_weight * static_cast<double>(counts[static_cast<size_t>(at)]);
  }
}

// Neutral mode's wording: a chosen row holding framing terms gives way to a
// candidate row (items) of another sentence that states the same claim with
// fewer of them, keeps `keep_share` of its concept weight, fits the budget in
// its place and repeats no other chosen row; among several, the fewest
// framing terms, then the most concept weight. The claim stays in the
// summary, told in plainer words, instead of being dropped for them.
void ReplaceLoadedRows(const StemmedSentences& ss, const CandidateRows& rows,
                       const std::unordered_set<uint32_t>& framing,
                       const std::vector<WeightedRow>& items, const SummaryBudget& budget,
                       double redundancy_cosine, double keep_share, ClaimAgreement* agreement,
                       std::vector<uint32_t>* chosen) {
  uint64_t used = 0;
  for (uint32_t r : *chosen) used += SentenceCost(rows.Text(r), budget.unit);
  for (uint32_t& r : *chosen) {
    const size_t hits = FramingHits(ss, framing, r);
    if (hits == 0) continue;
    const uint64_t cost = SentenceCost(rows.Text(r), budget.unit);
    const WeightedRow* best = nullptr;
    size_t best_hits = hits;
    double own_total = 0;
    for (const WeightedRow& item : items) {
      if (item.row == r) own_total = item.total;
    }
    for (const WeightedRow& item : items) {
      const uint32_t a = item.row;
      if (rows.Sentence(a) == rows.Sentence(r) || item.total < keep_share * own_total) continue;
      const size_t a_hits = FramingHits(ss, framing, a);
      if (a_hits > best_hits ||
          (a_hits == best_hits && (best == nullptr || item.total <= best->total)))
        continue;
      if (used - cost + SentenceCost(rows.Text(a), budget.unit) > BudgetCapacity(budget)) continue;
      bool repeats = false;
      for (uint32_t other : *chosen) {
        if (other == r) continue;
        repeats |= rows.Sentence(other) == rows.Sentence(a) ||
                   Cosine(ss.Content(a), ss.Content(other)) >= redundancy_cosine;
      }
      if (repeats || !agreement->SameClaim(rows.Sentence(r), rows.Sentence(a))) continue;
      best = &item;
      best_hits = a_hits;
    }
    if (best == nullptr) continue;
    used = used - cost + SentenceCost(rows.Text(best->row), budget.unit);
    r = best->row;
  }
}

// What row `w` tells that the reader has not read: its concepts' weights
// times the share of the read articles that lack them.
double FreshWeight(const WeightedRows& weighted, const WeightedRow& w) {
  double fresh = 0;
  for (uint32_t c : w.concepts) fresh += weighted.weights[c] * (1.0 - weighted.read_shares[c]);
  return fresh;
}

// The row that opens the summary (summary_opening.h), or kNoOpener when no
// chosen row can. For a reader who has read earlier articles, the one that
// tells the most they have not read: the biggest new development first.
// Otherwise the first in reading order.
uint32_t ChooseOpener(const AnalyzedCluster& cluster, const CandidateRows& rows,
                      const std::vector<uint32_t>& chosen, const WeightedRows& weighted,
                      bool update) {
  std::vector<uint32_t> sentences;
  for (uint32_t r : chosen) sentences.push_back(rows.Sentence(r));
  uint32_t best = kNoOpener;
  double best_weight = -1;
  for (uint32_t sentence : ReadingOrder(cluster, sentences)) {
    const auto row = std::find_if(chosen.begin(), chosen.end(),
                                  [&](uint32_t r) { return rows.Sentence(r) == sentence; });
    if (!CanOpenSummary(rows.Text(*row))) continue;
    if (!update) return *row;
    const auto w = std::find_if(weighted.rows.begin(), weighted.rows.end(),
                                [&](const WeightedRow& x) { return x.row == *row; });
    const double weight = w == weighted.rows.end() ? 0.0 : FreshWeight(weighted, *w);
    if (weight > best_weight) best = *row, best_weight = weight;
  }
  return best;
}

// The heaviest item of `problem` whose row can open a summary and fits, if any.
std::optional<uint32_t> BestOpeningItem(const CandidateRows& rows, const WeightedRows& weighted,
                                        const CoverageProblem& problem) {
  std::optional<uint32_t> best;
  for (uint32_t k = 0; k < weighted.rows.size(); ++k) {
    if (problem.item_costs[k] > problem.capacity ||
        !CanOpenSummary(rows.Text(weighted.rows[k].row)))
      continue;
    if (!best || weighted.rows[k].total > weighted.rows[*best].total) best = k;
  }
  return best;
}

// The rows a summary is made of, and the one that opens it.
struct Selection {
  CoverageSolution solution;
  std::vector<uint32_t> rows;
  uint32_t opener = kNoOpener;
};

// Solves `problem` (item k is weighted.rows[k]), fills the budget it leaves,
// and finds an opener; when no chosen row can open, solves again around the
// heaviest candidate that can.
Selection SelectRows(const AnalyzedCluster& cluster, const StemmedSentences& ss,
                     const CandidateRows& rows, const WeightedRows& weighted,
                     const CoverageProblem& problem, const std::vector<uint32_t>& candidates,
                     const SummaryBudget& budget, bool update,
                     const ConceptSummarizerOptions& options) {
  Selection selection;
  auto take = [&](CoverageSolution solution) {
    selection.solution = std::move(solution);
    selection.rows.clear();
    for (uint32_t item : selection.solution.items)
      selection.rows.push_back(weighted.rows[item].row);
    if (options.fill_budget) {
      FillBudget(cluster, ss, rows, candidates, budget, options.redundancy_cosine, &selection.rows);
    }
  };
  take(SolveCoverage(problem, options.solver));
  selection.opener = ChooseOpener(cluster, rows, selection.rows, weighted, update);
  if (selection.opener != kNoOpener) return selection;
  if (const std::optional<uint32_t> item = BestOpeningItem(rows, weighted, problem)) {
    take(SolveCoverageWith(problem, *item, options.solver));
    selection.opener = weighted.rows[*item].row;
  }
  return selection;
}

// The summary of the chosen rows: built on the original sentences (so
// citations and order are theirs), with compressed wording where chosen.
Summary BuildFromRows(const AnalyzedCluster& cluster, const CandidateRows& rows,
                      const std::vector<uint32_t>& chosen, uint32_t opener, std::string_view method,
                      const SupportOptions& support) {
  std::vector<uint32_t> sentences;
  std::unordered_map<uint32_t, std::string_view> wording;  // sentence -> compressed text
  for (uint32_t r : chosen) {
    sentences.push_back(rows.Sentence(r));
    if (rows.IsVariant(r)) wording[rows.Sentence(r)] = rows.Text(r);
  }
  Summary summary = BuildSummary(cluster, sentences, method, support,
                                 opener == kNoOpener ? kNoOpener : rows.Sentence(opener));
  for (SummarySentence& s : summary.sentences) {
    const auto it = wording.find(cluster.doc_first_sentence[s.doc] + s.sentence);
    if (it == wording.end()) continue;
    s.compressed = true;
    s.original = std::move(s.text);
    s.text = std::string(it->second);
  }
  return summary;
}

}  // namespace

ConceptSummarizer::ConceptSummarizer(ConceptSummarizerOptions options) : options_(options) {}

Result<Summary> ConceptSummarizer::Summarize(const AnalyzedCluster& cluster,
                                             const SummaryOptions& options) const {
  return Summarize(cluster, options, nullptr);
}

Result<Summary> ConceptSummarizer::Summarize(const AnalyzedCluster& cluster,
                                             const SummaryOptions& options,
                                             CoverageSolution* report) const {
  if (options.budget.amount == 0) {
    return InvalidArgumentError("summary budget must be at least 1 (got 0)");
  }
  if (options.stop.stop_requested()) return CancelledError("summary stopped");
  const CandidateFilter filter{options_.min_words,        options_.drop_questions,
                               options_.drop_quotations,  options_.max_position,
                               options_.drop_bare_quotes, options_.drop_reporting_notes};
  std::vector<uint32_t> candidates = CandidateSentences(cluster, filter, options.budget);
  if (candidates.empty()) return BuildSummary(cluster, {}, name());

  // Only read articles, a query and neutral mode's framing terms look words
  // up by text.
  StemmedSentences ss =
      Intern(cluster, options.already_read != nullptr || !options.query.empty() || options.neutral);
  CandidateRows rows{&cluster, {}};
  const bool unigrams = options_.unigram_weight > 0;
  std::optional<ReadConcepts> read;
  if (options.already_read != nullptr) {
    read = CountReadConcepts(*options.already_read, unigrams, &ss);
    std::erase_if(candidates,
                  [&](uint32_t i) { return RepeatsWhatWasRead(cluster, ss, rows, i, *read); });
    if (candidates.empty()) return BuildSummary(cluster, {}, name());
  }
  std::vector<uint32_t> candidate_rows = candidates;
  if (options_.compress) {
    const std::vector<uint32_t> variants =
        AddCompressedVariants(candidates, std::min<uint32_t>(options_.min_words, 6), &ss, &rows);
    candidate_rows.insert(candidate_rows.end(), variants.begin(), variants.end());
  }
  const QueryFocus query = FocusOnQuery(tokenizer_, options.query, ss, cluster.terms);
  // Concept keys of every row (sentences, then compressed variants), computed once.
  std::vector<std::vector<uint64_t>> row_concepts(ss.rows());
  for (size_t r = 0; r < row_concepts.size(); ++r) row_concepts[r] = ss.Concepts(r, unigrams);
  std::unordered_set<uint32_t> framing;
  if (options.neutral) {
    framing = FramingTerms(cluster, ss, LoadedTerms::Default());
    DropFramingConcepts(framing, &row_concepts);
  }
  const ConceptWeightOptions weight_options{options_.position_weight, options_.min_doc_fraction,
                                            options_.min_concepts, options_.unigram_weight,
                                            options_.query_weight};
  WeightedRows weighted = WeighConcepts(cluster, row_concepts, candidate_rows, query,
                                        read ? &*read : nullptr, weight_options);
  if (weighted.rows.empty()) {
    return BuildSummary(cluster, LeadSentences(cluster, candidates, options.budget), name(),
                        options_.support);
  }
  if (weighted.rows.size() > options_.max_candidates) {
    auto& w = weighted.rows;
    std::stable_sort(w.begin(), w.end(),
                     [](const WeightedRow& a, const WeightedRow& b) { return a.total > b.total; });
    w.resize(options_.max_candidates);
    std::sort(w.begin(), w.end(),
              [](const WeightedRow& a, const WeightedRow& b) { return a.row < b.row; });
  }
  CoverageProblem problem =
      BuildCoverageProgram(ss, rows, weighted, options.budget, options_.redundancy_cosine);
  std::optional<ClaimAgreement> agreement;
  if (options.neutral) {
    agreement.emplace(cluster, options_.neutral_claim_pairs);
    FavourAgreedClaims(rows, weighted.rows, options_.neutral_agreement_weight, &*agreement,
                       &problem);
    PenalizeFramingRows(ss, framing, weighted.rows, options_.neutral_penalty, &problem);
  }
  if (options.stop.stop_requested()) return CancelledError("summary stopped");

  Selection selection = SelectRows(cluster, ss, rows, weighted, problem, candidates, options.budget,
                                   read.has_value(), options_);
  if (options.neutral) {
    // Plainer wording for the same claims; the budget a shorter wording
    // frees is filled as the program's was. Kept only if it can still open.
    std::vector<uint32_t> swapped = selection.rows;
    ReplaceLoadedRows(ss, rows, framing, weighted.rows, options.budget, options_.redundancy_cosine,
                      options_.neutral_replacement_keep, &*agreement, &swapped);
    if (options_.fill_budget) {
      FillBudget(cluster, ss, rows, candidates, options.budget, options_.redundancy_cosine,
                 &swapped);
    }
    const uint32_t opener = ChooseOpener(cluster, rows, swapped, weighted, read.has_value());
    if (opener != kNoOpener) selection.rows = std::move(swapped), selection.opener = opener;
  }
  const CoverageSolution& solution = selection.solution;
  Summary summary =
      BuildFromRows(cluster, rows, selection.rows, selection.opener, name(), options_.support);
  if (solution.time_limit_reached) {
    summary.warnings.push_back(
        fmt::format("sentence selection stopped at its {} ms safety time limit before its work "
                    "limit ({} nodes): "
                    "this summary may differ between runs and machines",
                    options_.solver.time_limit_ms, options_.solver.glpk_node_limit));
  }
  if (report != nullptr) *report = solution;
  return summary;
}

}  // namespace chorus
