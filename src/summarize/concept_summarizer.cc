#include "summarize/concept_summarizer.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>
#include <unordered_set>

#include "summarize/budget.h"
#include "summarize/candidates.h"

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
  return common / std::sqrt(static_cast<double>(a.size()) * static_cast<double>(b.size()));
}

struct ConceptStat {
  uint32_t last_unit = kNone;  // the last unit (article or sentence) counted
  uint32_t units = 0;          // distinct units holding the concept
  double weight = 0;           // units plus position bonus
  double query_overlap = 0;    // best query overlap of a sentence holding it
};

}  // namespace

ConceptSummarizer::ConceptSummarizer(ConceptSummarizerOptions options) : options_(options) {}

Result<Summary> ConceptSummarizer::Summarize(const AnalyzedCluster& cluster,
                                             const SummaryOptions& options) const {
  if (options.budget.amount == 0) {
    return InvalidArgumentError("summary budget must be at least 1 (got 0)");
  }
  const CandidateFilter filter{options_.min_words, options_.drop_questions, options_.drop_quotations};
  const std::vector<uint32_t> candidates = CandidateSentences(cluster, filter, options.budget);
  if (candidates.empty()) return BuildSummary(cluster, {}, name());

  const StemmedSentences ss = Intern(cluster);
  const std::vector<uint32_t> groups = DocumentGroups(cluster);
  uint32_t n_groups = 0;
  for (uint32_t d = 0; d < groups.size(); ++d) n_groups += groups[d] == d;
  // Articles are the units of evidence; with one or two articles, sentences.
  const bool by_document = n_groups >= 3;

  // Query overlap of each sentence: the share of the query's content stems it holds.
  std::vector<uint32_t> query_stems;
  if (!options.query.empty()) {
    for (const Token& t : tokenizer_.Tokenize(options.query)) {
      auto it = ss.ids.find(t.stem.empty() ? std::string_view(t.norm) : std::string_view(t.stem));
      if (!t.stopword && it != ss.ids.end()) query_stems.push_back(it->second);
    }
    std::sort(query_stems.begin(), query_stems.end());
    query_stems.erase(std::unique(query_stems.begin(), query_stems.end()), query_stems.end());
  }
  auto query_overlap = [&](size_t i) {
    if (query_stems.empty()) return 0.0;
    size_t hits = 0;
    for (uint32_t q : query_stems) hits += std::binary_search(ss.content[i].begin(), ss.content[i].end(), q);
    return static_cast<double>(hits) / static_cast<double>(query_stems.size());
  };

  const bool unigrams = options_.unigram_weight > 0;
  std::unordered_map<uint64_t, ConceptStat> stats;
  for (size_t i = 0; i < cluster.sentences.size(); ++i) {
    const Sentence& s = cluster.sentences[i].sentence;
    if (by_document && s.doc < groups.size() && groups[s.doc] != s.doc) continue;  // a repeat
    const uint32_t unit = by_document ? s.doc : static_cast<uint32_t>(i);
    const double overlap = query_overlap(i);
    for (uint64_t key : SentenceConcepts(ss, i, unigrams)) {
      ConceptStat& st = stats[key];
      st.query_overlap = std::max(st.query_overlap, overlap);
      if (st.last_unit == unit) continue;
      st.last_unit = unit;
      ++st.units;
      st.weight += 1.0 + options_.position_weight / (1.0 + s.index);
    }
  }

  // Pruning threshold: the share of units asked for, lowered until enough concepts remain.
  const uint32_t n_units = by_document ? n_groups : static_cast<uint32_t>(cluster.sentences.size());
  uint32_t threshold =
      by_document ? std::max<uint32_t>(2, static_cast<uint32_t>(std::ceil(options_.min_doc_fraction * n_units)))
                  : 2;
  std::vector<uint32_t> at_least(threshold + 1, 0);  // concepts with >= t units
  for (const auto& [key, st] : stats) at_least[std::min(st.units, threshold)]++;
  for (uint32_t t = threshold; t > 0; --t) at_least[t - 1] += at_least[t];
  while (threshold > 2 && at_least[threshold] < options_.min_concepts) --threshold;
  if (at_least[threshold] == 0) threshold = 1;

  std::unordered_map<uint64_t, uint32_t> concept_index;
  CoverageProblem problem;
  problem.capacity = BudgetCapacity(options.budget);
  std::vector<uint32_t> item_sentence;
  struct Scored {
    uint32_t sentence;
    double total;
    std::vector<uint32_t> concepts;
  };
  std::vector<Scored> scored;
  for (uint32_t i : candidates) {
    Scored sc{i, 0, {}};
    for (uint64_t key : SentenceConcepts(ss, i, unigrams)) {
      auto it = stats.find(key);
      if (it == stats.end() || it->second.units < threshold) continue;
      const double w = it->second.weight * (key & kUnigramTag ? options_.unigram_weight : 1.0) *
          (1.0 + options_.query_weight * it->second.query_overlap);
      auto [ci, inserted] = concept_index.emplace(key, static_cast<uint32_t>(problem.concept_weights.size()));
      if (inserted) problem.concept_weights.push_back(w);
      sc.concepts.push_back(ci->second);
      sc.total += w;
    }
    if (!sc.concepts.empty()) scored.push_back(std::move(sc));
  }
  if (!query_stems.empty() && !scored.empty()) {
    // The query's words are concepts too, each worth a typical sentence's
    // content (times query_weight): what the reader asked about comes first.
    double mean_total = 0;
    for (const Scored& sc : scored) mean_total += sc.total;
    const double w = options_.query_weight * mean_total / static_cast<double>(scored.size());
    for (Scored& sc : scored) {
      for (uint32_t q : query_stems) {
        if (!std::binary_search(ss.content[sc.sentence].begin(), ss.content[sc.sentence].end(), q)) continue;
        auto [ci, inserted] =
            concept_index.emplace(kQueryTag | q, static_cast<uint32_t>(problem.concept_weights.size()));
        if (inserted) problem.concept_weights.push_back(w);
        sc.concepts.push_back(ci->second);
        sc.total += w;
      }
    }
  }
  if (scored.empty()) {
    // Nothing repeats anywhere: fall back on the lead sentences, in order.
    std::vector<uint32_t> chosen;
    uint64_t used = 0;
    std::vector<uint32_t> by_position = candidates;
    std::stable_sort(by_position.begin(), by_position.end(), [&](uint32_t a, uint32_t b) {
      return cluster.sentences[a].sentence.index < cluster.sentences[b].sentence.index;
    });
    for (uint32_t i : by_position) {
      const uint32_t cost = SentenceCost(cluster.sentences[i].sentence.text, options.budget.unit);
      if (used + cost <= problem.capacity) chosen.push_back(i), used += cost;
    }
    return BuildSummary(cluster, chosen, name(), options_.support);
  }
  if (scored.size() > options_.max_candidates) {
    std::stable_sort(scored.begin(), scored.end(),
                     [](const Scored& a, const Scored& b) { return a.total > b.total; });
    scored.resize(options_.max_candidates);
    std::sort(scored.begin(), scored.end(),
              [](const Scored& a, const Scored& b) { return a.sentence < b.sentence; });
  }

  // Tie-break: at most 1e-3 of the lightest concept over a whole summary.
  const double min_weight = *std::min_element(problem.concept_weights.begin(), problem.concept_weights.end());
  const double epsilon = 1e-3 * min_weight / static_cast<double>(scored.size());
  for (const Scored& sc : scored) {
    const Sentence& s = cluster.sentences[sc.sentence].sentence;
    const uint32_t cost = SentenceCost(s.text, options.budget.unit);
    item_sentence.push_back(sc.sentence);
    problem.item_concepts.push_back(sc.concepts);
    problem.item_costs.push_back(cost);
    problem.item_bonus.push_back(epsilon * (0.5 / (1.0 + s.index) +
                                            0.5 * static_cast<double>(cost) / static_cast<double>(problem.capacity)));
  }
  for (uint32_t a = 0; a < item_sentence.size(); ++a) {
    for (uint32_t b = a + 1; b < item_sentence.size(); ++b) {
      if (Cosine(ss.content[item_sentence[a]], ss.content[item_sentence[b]]) >= options_.redundancy_cosine) {
        problem.conflicts.emplace_back(a, b);
      }
    }
  }

  const CoverageSolution solution = SolveCoverageIlp(problem, options_.solver);
  std::vector<uint32_t> chosen;
  for (uint32_t item : solution.items) chosen.push_back(item_sentence[item]);
  return BuildSummary(cluster, chosen, name(), options_.support);
}

}  // namespace chorus
