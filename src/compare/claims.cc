#include "compare/claims.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

#include "represent/claim_matcher.h"

namespace chorus::compare {
namespace {

// Sentences shorter than this many content stems carry no claim of their own.
constexpr size_t kMinStems = 4;
// Sentences of two copies of one article at least this similar are one.
constexpr double kCopySimilarity = 0.8;
// Stems in more than half of a cluster's sentences (and at least this many)
// propose no candidate pairs: they would make candidate search quadratic and
// say nothing about which sentences state the same claim.
constexpr size_t kMinCommonDf = 64;
// Postings read to find candidates, each sentence reading its rarest stems
// first: the rare stems two sentences share decide their cosine, and a
// cluster of thousands of articles on one topic would otherwise read
// thousands of postings for each common stem of each sentence (quadratic).
// The cluster's budget is shared out among its sentences, each getting at
// least the minimum: news clusters of a few dozen articles never reach their
// share (no sentence of DUC 2004, DUC 2006 or Multi-News 200 reads 4,096).
constexpr size_t kPostingsPerCluster = 16'000'000;
constexpr size_t kMinPostingsPerSentence = 512;
// Candidates share at least this share of the shorter sentence's content
// stems: below it the claim matcher's own overlap screen would reject them
// anyway (counted there on all words), so they are not worth profiling.
constexpr double kMinSharedShare = 0.2;

struct SentenceVector {
  std::vector<uint32_t> terms;  // term ids, sorted, unique
  double norm = 0;
};

struct Edge {
  uint32_t other = 0;
  double similarity = 0;  // candidates: cosine; links: the model's probability
  bool strong = false;    // the model calls it the same claim on its own
};

// Two stars whose centres the model calls the same claim are one claim told
// at two levels of detail ("parliament voted to expel U.S. troops" and
// "parliament passed a resolution calling to expel foreign troops"): each
// source's sentences of both count for it. The earlier (better-connected)
// centre states the merged claim.
std::vector<Claim> MergeLinkedCentres(std::vector<Claim> claims,
                                      const std::vector<std::vector<Edge>>& edges) {
  std::unordered_map<uint32_t, size_t> claim_of_centre;
  for (size_t k = 0; k < claims.size(); ++k) claim_of_centre[claims[k].center] = k;
  std::vector<size_t> root(claims.size());
  std::iota(root.begin(), root.end(), 0);
  auto find = [&](size_t k) {
    while (root[k] != k) k = root[k] = root[root[k]];
    return k;
  };
  for (size_t k = 0; k < claims.size(); ++k) {
    for (const Edge& e : edges[claims[k].center]) {
      auto it = claim_of_centre.find(e.other);
      if (!e.strong || it == claim_of_centre.end()) continue;
      const size_t a = find(k), b = find(it->second);
      root[std::max(a, b)] = std::min(a, b);
    }
  }
  std::vector<Claim> merged;
  std::vector<size_t> merged_index(claims.size(), SIZE_MAX);
  for (size_t k = 0; k < claims.size(); ++k) {
    const size_t r = find(k);
    if (merged_index[r] == SIZE_MAX) {
      merged_index[r] = merged.size();
      merged.push_back(Claim{claims[k].center, {}});
    }
    Claim& into = merged[merged_index[r]];
    into.sentences.insert(into.sentences.end(), claims[k].sentences.begin(),
                          claims[k].sentences.end());
  }
  return merged;
}

// A source the claim lacks joins it through its sentence the model calls the
// same claim as any of the claim's sentences, not only as the centre: which
// member happens to be the centre (the best-connected) must not decide
// whether a paraphrase of another member counts. One step only (paraphrases
// of paraphrases drift), the strongest link per missing source.
void JoinParaphrasesOfMembers(const std::vector<std::vector<Edge>>& edges,
                              const std::vector<uint32_t>& group_of_sentence,
                              std::vector<bool>* assigned, std::vector<Claim>* claims) {
  for (Claim& claim : *claims) {
    std::unordered_set<uint32_t> groups;
    for (uint32_t s : claim.sentences) groups.insert(group_of_sentence[s]);
    std::map<uint32_t, Edge> best_of_group;  // ordered: same input, same claim
    for (uint32_t s : claim.sentences) {
      for (const Edge& e : edges[s]) {
        if (!e.strong || (*assigned)[e.other] || groups.count(group_of_sentence[e.other])) continue;
        auto [it, inserted] = best_of_group.emplace(group_of_sentence[e.other], e);
        if (!inserted && (e.similarity > it->second.similarity ||
                          (e.similarity == it->second.similarity && e.other < it->second.other))) {
          it->second = e;
        }
      }
    }
    for (const auto& [group, e] : best_of_group) {
      claim.sentences.push_back(e.other);
      (*assigned)[e.other] = true;
    }
  }
}

}  // namespace

std::vector<Claim> FindClaims(const AnalyzedCluster& cluster,
                              const std::vector<uint32_t>& doc_group,
                              const CompareOptions& options) {
  const size_t n = cluster.sentences.size();
  // Content stems (not bare terms) of two letters or more, as the cluster's term ids
  // (chorus/term_index.h); df is their sentence frequency.
  const TermIndex& index = cluster.terms;
  const std::vector<uint32_t>& df = index.sentence_frequency;
  std::vector<SentenceVector> vecs(n);
  for (size_t s = 0; s < n; ++s) {
    for (uint32_t id : index.Content(s)) {
      if (!index.bare[id] && index.text[id].size() >= 2) vecs[s].terms.push_back(id);
    }
  }
  std::vector<double> idf(df.size(), 0.0);
  for (size_t id = 0; id < df.size(); ++id) {
    if (df[id] > 0) idf[id] = std::log(static_cast<double>(n + 1) / static_cast<double>(df[id]));
  }
  std::vector<std::vector<uint32_t>> postings(df.size());
  for (size_t s = 0; s < n; ++s) {
    double sq = 0;
    for (uint32_t id : vecs[s].terms) sq += idf[id] * idf[id];
    vecs[s].norm = std::sqrt(sq);
    if (vecs[s].terms.size() < kMinStems) continue;
    for (uint32_t id : vecs[s].terms) postings[id].push_back(static_cast<uint32_t>(s));
  }
  std::vector<uint32_t> doc_of(n);  // compact: read for every posting
  for (size_t s = 0; s < n; ++s) doc_of[s] = cluster.sentences[s].sentence.doc;
  auto group_of = [&](size_t s) { return doc_group[doc_of[s]]; };

  // Links between sentences of different independent sources: candidates
  // from the stems they share (a stem in more than half of the sentences
  // proposes no pair), the closest few of each sentence by IDF cosine, each
  // pair judged by the claim model.
  const size_t common_df = std::max<size_t>(kMinCommonDf, n / 2);
  std::vector<std::vector<uint32_t>> copies(n);
  std::vector<std::pair<uint32_t, uint32_t>> pairs;  // (lower, higher) sentence index
  std::vector<double> dot(n, 0);
  std::vector<uint32_t> shared(n, 0);
  std::vector<uint32_t> touched;
  std::vector<Edge> candidates;
  std::vector<uint32_t> rarest_first;
  const size_t postings_per_sentence =
      std::max(kMinPostingsPerSentence, kPostingsPerCluster / std::max<size_t>(1, n));
  for (size_t s = 0; s < n; ++s) {
    if (vecs[s].terms.size() < kMinStems) continue;
    touched.clear();
    rarest_first = vecs[s].terms;
    std::sort(rarest_first.begin(), rarest_first.end(), [&](uint32_t a, uint32_t b) {
      return postings[a].size() != postings[b].size() ? postings[a].size() < postings[b].size()
                                                      : a < b;
    });
    size_t read = 0;
    for (uint32_t id : rarest_first) {
      read += postings[id].size();
      if (postings[id].size() > common_df || read > postings_per_sentence) break;
      for (uint32_t o : postings[id]) {
        if (doc_of[o] == doc_of[s]) continue;
        if (shared[o] == 0) touched.push_back(o);
        dot[o] += idf[id] * idf[id];
        ++shared[o];
      }
    }
    candidates.clear();
    for (uint32_t o : touched) {
      const double cosine = dot[o] / (vecs[s].norm * vecs[o].norm);
      if (group_of(o) == group_of(s)) {
        // A syndicated copy's version of the sentence: it joins whatever
        // claim its original joins, but never makes a claim "widely reported".
        if (cosine >= kCopySimilarity && o > s) {
          copies[s].push_back(o);
          copies[o].push_back(static_cast<uint32_t>(s));
        }
      } else if (cosine >= options.claim_similarity &&
                 shared[o] >= options.claim_min_shared_stems &&
                 shared[o] >= kMinSharedShare * static_cast<double>(std::min(
                                                    vecs[s].terms.size(), vecs[o].terms.size()))) {
        candidates.push_back({o, cosine});
      }
      dot[o] = 0;
      shared[o] = 0;
    }
    const size_t keep = std::min<size_t>(candidates.size(), options.claim_candidates);
    std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(keep),
                      candidates.end(), [](const Edge& a, const Edge& b) {
                        return a.similarity > b.similarity ||
                               (a.similarity == b.similarity && a.other < b.other);
                      });
    for (size_t k = 0; k < keep; ++k) {
      const auto o = candidates[k].other;
      pairs.emplace_back(std::min<uint32_t>(s, o), std::max<uint32_t>(s, o));
    }
  }
  // A pair among either sentence's closest is judged once.
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  const represent::ClaimMatcher matcher(represent::ClaimModel::Default(),
                                        options.claim_probability);
  // Profiles (for the claim model) of the sentences in some pair.
  std::vector<represent::ClaimProfile> profiles(n);
  std::vector<bool> profiled(n, false);
  const std::vector<float> term_weights = matcher.WeighTerms(index);
  for (const auto& [s, o] : pairs) {
    for (uint32_t x : {s, o}) {
      if (!profiled[x])
        profiles[x] = matcher.Profile(cluster.sentences[x].tokens, index.Terms(x), term_weights);
      profiled[x] = true;
    }
  }
  std::vector<std::vector<Edge>> edges(n);
  for (const auto& [s, o] : pairs) {
    const represent::ClaimMatch match = matcher.Match(profiles[s], profiles[o]);
    if (match.numbers_conflict || match.negation_differs) continue;
    if (!match.same && match.probability < options.claim_join_probability) continue;
    edges[s].push_back({o, match.probability, match.same});
    edges[o].push_back({s, match.probability, match.same});
  }

  // Stars around the best-connected sentences. A star needs one link the
  // model calls the same claim; then each other source joins with its
  // closest sentence, down to the weaker join probability (a sentence that
  // states the claim among other things is less than a paraphrase).
  std::vector<double> strength(n, 0);
  for (size_t s = 0; s < n; ++s) {
    for (const Edge& e : edges[s]) strength[s] += e.strong ? e.similarity : 0;
  }
  std::vector<uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](uint32_t a, uint32_t b) { return strength[a] > strength[b]; });
  std::vector<bool> assigned(n, false);
  std::vector<Claim> claims;
  for (uint32_t c : order) {
    if (assigned[c] || std::none_of(edges[c].begin(), edges[c].end(), [&](const Edge& e) {
          return e.strong && !assigned[e.other];
        })) {
      continue;
    }
    std::unordered_map<uint32_t, Edge> best_of_group;
    for (const Edge& e : edges[c]) {
      if (assigned[e.other]) continue;
      auto [it, inserted] = best_of_group.emplace(group_of(e.other), e);
      if (!inserted && e.similarity > it->second.similarity) it->second = e;
    }
    if (best_of_group.empty()) continue;
    Claim claim;
    claim.center = c;
    claim.sentences.push_back(c);
    assigned[c] = true;
    for (const auto& [group, e] : best_of_group) {
      claim.sentences.push_back(e.other);
      assigned[e.other] = true;
    }
    std::sort(claim.sentences.begin() + 1, claim.sentences.end());
    claims.push_back(std::move(claim));
  }
  claims = MergeLinkedCentres(std::move(claims), edges);
  std::vector<uint32_t> group_of_sentence(n);
  for (size_t s = 0; s < n; ++s) group_of_sentence[s] = group_of(s);
  JoinParaphrasesOfMembers(edges, group_of_sentence, &assigned, &claims);

  // Single-source claims: each document's sentences closest to the cluster's
  // overall content (sum of IDF x document frequency of their stems).
  if (options.single_source_claims > 0) {
    for (size_t d = 0; d < cluster.documents.size(); ++d) {
      std::vector<std::pair<double, uint32_t>> central;
      for (uint32_t s = cluster.doc_first_sentence[d]; s < cluster.doc_first_sentence[d + 1]; ++s) {
        if (assigned[s] || vecs[s].terms.size() < kMinStems) continue;
        // A copy of a sentence already in a claim is that claim's.
        if (std::any_of(copies[s].begin(), copies[s].end(),
                        [&](uint32_t c) { return assigned[c]; }))
          continue;
        double score = 0;
        for (uint32_t id : vecs[s].terms) score += idf[id] * static_cast<double>(df[id] - 1);
        central.emplace_back(score / vecs[s].norm, s);
      }
      const size_t keep = std::min<size_t>(options.single_source_claims, central.size());
      std::partial_sort(central.begin(), central.begin() + static_cast<std::ptrdiff_t>(keep),
                        central.end(),
                        [](const auto& a, const auto& b) { return a.first > b.first; });
      for (size_t k = 0; k < keep; ++k) {
        assigned[central[k].second] = true;
        claims.push_back(Claim{central[k].second, {central[k].second}});
      }
    }
  }
  // Copies join their original's claim.
  for (Claim& claim : claims) {
    const size_t originals = claim.sentences.size();
    for (size_t k = 0; k < originals; ++k) {
      for (uint32_t copy : copies[claim.sentences[k]]) {
        if (!assigned[copy]) {
          assigned[copy] = true;
          claim.sentences.push_back(copy);
        }
      }
    }
  }
  return claims;
}

}  // namespace chorus::compare
