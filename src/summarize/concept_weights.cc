#include "summarize/concept_weights.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>

#include "base/dense_ids.h"

namespace chorus {
namespace {

constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();
// A concept's fate, decided when a candidate first holds it.
constexpr uint32_t kUndecided = kNone;
constexpr uint32_t kDropped = kNone - 1;
// Half of a concept's query relevance is its own words, half its company
// (see the header): no evidence favours either.
constexpr double kDirectShare = 0.5;

struct ConceptStat {
  uint32_t last_unit = kNone;          // the last unit (article or sentence) counted
  uint32_t units = 0;                  // distinct units holding the concept
  double weight = 0;                   // units plus position bonus
  double relevance_sum = 0;            // query relevance summed over the sentences holding it
  uint32_t sentences = 0;              // sentences holding it
  uint32_t weight_index = kUndecided;  // its place in WeightedRows::weights, or kDropped
};
// The concepts met, numbered in the order first met, and their counts.
struct ConceptStats {
  DenseIds ids;                    // concept key -> index into `stats`
  std::vector<ConceptStat> stats;  // per concept, in the order first met
};

// Counts, for every concept, the units holding it and its weight. Repeated
// articles (copies of an earlier one: original[d] != d) are skipped when
// articles are the units.
ConceptStats CountConcepts(const AnalyzedCluster& cluster,
                           const std::vector<std::vector<uint64_t>>& row_concepts,
                           const std::vector<uint32_t>& original, bool by_document,
                           const QueryFocus& query, double position_weight) {
  size_t occurrences = 0;
  for (size_t i = 0; i < cluster.sentences.size(); ++i) occurrences += row_concepts[i].size();
  ConceptStats out{DenseIds(occurrences / 2), {}};
  out.stats.reserve(occurrences / 2);
  for (size_t i = 0; i < cluster.sentences.size(); ++i) {
    const Sentence& s = cluster.sentences[i].sentence;
    if (by_document && s.doc < original.size() && original[s.doc] != s.doc) continue;
    const uint32_t unit = by_document ? s.doc : static_cast<uint32_t>(i);
    const double relevance = query.empty() ? 0.0 : query.row_relevance[i];
    const double unit_weight = 1.0 + position_weight / (1.0 + s.index);
    for (uint64_t key : row_concepts[i]) {
      bool added = false;
      const uint32_t id = out.ids.Insert(key, &added);
      if (added) out.stats.emplace_back();
      ConceptStat& st = out.stats[id];
      st.relevance_sum += relevance;
      ++st.sentences;
      if (st.last_unit == unit) continue;
      st.last_unit = unit;
      ++st.units;
      st.weight += unit_weight;
    }
  }
  return out;
}

// Units a concept needs: the share of units asked for (at least 2), lowered
// until at least `min_concepts` concepts remain; 1 if no concept repeats at all.
uint32_t PruningThreshold(const ConceptStats& stats, uint32_t n_units, bool by_document,
                          const ConceptWeightOptions& options) {
  uint32_t threshold =
      by_document ? std::max<uint32_t>(
                        2, static_cast<uint32_t>(std::ceil(options.min_doc_fraction * n_units)))
                  : 2;
  std::vector<uint32_t> at_least(threshold + 1, 0);  // concepts with >= t units
  for (const ConceptStat& st : stats.stats) at_least[std::min(st.units, threshold)]++;
  for (uint32_t t = threshold; t > 0; --t) at_least[t - 1] += at_least[t];
  while (threshold > 2 && at_least[threshold] < options.min_concepts) --threshold;
  return at_least[threshold] == 0 ? 1 : threshold;
}

// Share of a concept's words that are query words (0, 0.5 or 1).
double OwnRelevance(uint64_t key, const std::vector<uint32_t>& query_stems) {
  auto is_query = [&](uint64_t stem) {
    return std::binary_search(query_stems.begin(), query_stems.end(), static_cast<uint32_t>(stem));
  };
  if (key & kUnigramTag) return is_query(key & 0xffffffffu) ? 1.0 : 0.0;
  return 0.5 * (is_query(key >> 32) + is_query(key & 0xffffffffu));
}

// The mean, over the concepts the threshold keeps, of their sentences' mean
// relevance, summed in the order the concepts were first met.
double MeanCompanyRelevance(const ConceptStats& stats, uint32_t threshold) {
  double sum = 0, n = 0;
  for (const ConceptStat& st : stats.stats) {
    if (st.units < threshold || st.sentences == 0) continue;
    sum += st.relevance_sum / st.sentences;
    n += 1;
  }
  return n > 0 ? sum / n : 0.0;
}

// The weight index of concept `key` (statistics `st`) once kept: its weight
// and read share appended to `out`; kDropped if too few units hold it.
uint32_t KeepConcept(uint64_t key, const ConceptStat& st, uint32_t threshold, double mean_company,
                     const QueryFocus& query, const ReadConcepts* read,
                     const ConceptWeightOptions& options, WeightedRows* out) {
  double boost = 1.0;
  if (!query.empty()) {
    const double company =
        mean_company > 0 && st.sentences > 0 ? st.relevance_sum / st.sentences / mean_company : 0;
    boost += options.query_weight *
             (kDirectShare * OwnRelevance(key, query.stems) + (1 - kDirectShare) * company);
  }
  const uint32_t needed = std::min(
      threshold, std::max<uint32_t>(2, static_cast<uint32_t>(std::ceil(threshold / boost))));
  if (st.units < needed) return kDropped;
  out->weights.push_back(st.weight * boost * (key & kUnigramTag ? options.unigram_weight : 1.0));
  double read_share = 0;
  if (read != nullptr && read->n_articles > 0) {
    const auto r = read->articles.find(key);
    if (r != read->articles.end()) read_share = static_cast<double>(r->second) / read->n_articles;
  }
  out->read_shares.push_back(read_share);
  return static_cast<uint32_t>(out->weights.size() - 1);
}

}  // namespace

QueryFocus FocusOnQuery(const Tokenizer& tokenizer, std::string_view query,
                        const StemmedSentences& ss, const TermIndex& terms) {
  QueryFocus focus;
  {
    const TokenScope scope;  // the query's token views live until the lookups are done
    for (const Token& t : tokenizer.Tokenize(query)) {
      auto it = ss.ids.find(t.stem.empty() ? std::string_view(t.norm) : std::string_view(t.stem));
      if (!t.stopword && it != ss.ids.end()) focus.stems.push_back(it->second);
    }
  }
  std::sort(focus.stems.begin(), focus.stems.end());
  focus.stems.erase(std::unique(focus.stems.begin(), focus.stems.end()), focus.stems.end());
  if (focus.stems.empty()) return focus;
  // idf over the cluster's sentences: a query word every sentence holds tells nothing.
  const double n_sentences = static_cast<double>(terms.sentences());
  std::vector<double> idf(focus.stems.size(), 0.0);
  double total = 0;
  for (size_t q = 0; q < focus.stems.size(); ++q) {
    const uint32_t stem = focus.stems[q];
    const double sf = stem < terms.size() ? terms.sentence_frequency[stem] : 0;
    idf[q] = std::log(1.0 + n_sentences / std::max(1.0, sf));
    total += idf[q];
  }
  focus.row_relevance.assign(ss.rows(), 0.0);
  for (size_t r = 0; r < ss.rows(); ++r) {
    for (size_t q = 0; q < focus.stems.size(); ++q) {
      if (ss.Holds(r, focus.stems[q])) focus.row_relevance[r] += idf[q] / total;
    }
  }
  return focus;
}

ReadConcepts CountReadConcepts(const AnalyzedCluster& read, bool unigrams, StemmedSentences* ss) {
  ReadConcepts out;
  out.n_articles = static_cast<uint32_t>(read.documents.size());
  std::unordered_map<uint64_t, uint32_t> last_article;
  for (const AnalyzedSentence& s : read.sentences) {
    // A scratch row at the end of `ss`, removed again below.
    const uint32_t row = ss->AddRow(s.tokens);
    for (uint64_t key : ss->Concepts(row, unigrams)) {
      auto [it, inserted] = last_article.emplace(key, s.sentence.doc);
      if (inserted || it->second != s.sentence.doc) {
        it->second = s.sentence.doc;
        ++out.articles[key];
      }
    }
    for (const Token& t : s.tokens) {
      if (t.numeric)
        out.numbers.push_back(
            ss->Id(t.stem.empty() ? std::string_view(t.norm) : std::string_view(t.stem)));
    }
    const std::span<const uint32_t> content = ss->Content(row);
    out.sentences.emplace_back(content.begin(), content.end());
    ss->RemoveLastRow();
  }
  std::sort(out.numbers.begin(), out.numbers.end());
  out.numbers.erase(std::unique(out.numbers.begin(), out.numbers.end()), out.numbers.end());
  return out;
}

WeightedRows WeighConcepts(const AnalyzedCluster& cluster,
                           const std::vector<std::vector<uint64_t>>& row_concepts,
                           const std::vector<uint32_t>& candidate_rows, const QueryFocus& query,
                           const ReadConcepts* read, const ConceptWeightOptions& options) {
  const uint32_t n_groups = cluster.copies.group_count;
  // Articles are the units of evidence; with one or two articles, sentences.
  const bool by_document = n_groups >= 3;
  const uint32_t n_units = by_document ? n_groups : static_cast<uint32_t>(cluster.sentences.size());
  ConceptStats stats = CountConcepts(cluster, row_concepts, cluster.copies.original, by_document,
                                     query, options.position_weight);
  const uint32_t threshold = PruningThreshold(stats, n_units, by_document, options);
  const double mean_company = query.empty() ? 0.0 : MeanCompanyRelevance(stats, threshold);

  WeightedRows out;
  for (uint32_t row : candidate_rows) {
    WeightedRow weighted{row, 0, {}};
    weighted.concepts.reserve(row_concepts[row].size());
    for (uint64_t key : row_concepts[row]) {
      const uint32_t id = stats.ids.Find(key);
      if (id == DenseIds::kAbsent) continue;
      ConceptStat& st = stats.stats[id];
      if (st.weight_index == kUndecided)
        st.weight_index = KeepConcept(key, st, threshold, mean_company, query, read, options, &out);
      if (st.weight_index == kDropped) continue;
      weighted.concepts.push_back(st.weight_index);
      weighted.total += out.weights[st.weight_index];
    }
    if (!weighted.concepts.empty()) out.rows.push_back(std::move(weighted));
  }
  return out;
}

}  // namespace chorus
