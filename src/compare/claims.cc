#include "compare/claims.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string_view>
#include <unordered_map>

namespace chorus::compare {
namespace {

// Sentences shorter than this many content stems carry no claim of their own.
constexpr size_t kMinStems = 4;
// Sentences of two copies of one article at least this similar are one.
constexpr double kCopySimilarity = 0.8;

struct SentenceVector {
  std::vector<uint32_t> terms;  // term ids, sorted, unique
  double norm = 0;
};

struct Edge {
  uint32_t other = 0;
  double similarity = 0;
};

}  // namespace

std::vector<Claim> FindClaims(const AnalyzedCluster& cluster, const std::vector<uint32_t>& doc_group,
                              const CompareOptions& options) {
  const size_t n = cluster.sentences.size();
  std::unordered_map<std::string_view, uint32_t> term_id;
  std::vector<SentenceVector> vecs(n);
  std::vector<uint32_t> df;
  for (size_t s = 0; s < n; ++s) {
    for (const Token& t : cluster.sentences[s].tokens) {
      if (t.stopword || t.stem.size() < 2) continue;
      auto [it, inserted] = term_id.emplace(t.stem, static_cast<uint32_t>(df.size()));
      if (inserted) df.push_back(0);
      vecs[s].terms.push_back(it->second);
    }
    auto& terms = vecs[s].terms;
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    for (uint32_t id : terms) ++df[id];
  }
  std::vector<double> idf(df.size());
  for (size_t id = 0; id < df.size(); ++id) {
    idf[id] = std::log(static_cast<double>(n + 1) / static_cast<double>(df[id]));
  }
  std::vector<std::vector<uint32_t>> postings(df.size());
  for (size_t s = 0; s < n; ++s) {
    double sq = 0;
    for (uint32_t id : vecs[s].terms) sq += idf[id] * idf[id];
    vecs[s].norm = std::sqrt(sq);
    if (vecs[s].terms.size() < kMinStems) continue;
    for (uint32_t id : vecs[s].terms) postings[id].push_back(static_cast<uint32_t>(s));
  }
  auto group_of = [&](size_t s) { return doc_group[cluster.sentences[s].sentence.doc]; };

  // Links between sentences of different independent sources.
  std::vector<std::vector<Edge>> edges(n);
  std::vector<std::vector<uint32_t>> copies(n);
  std::vector<double> dot(n, 0);
  std::vector<uint32_t> shared(n, 0);
  std::vector<uint32_t> touched;
  for (size_t s = 0; s < n; ++s) {
    if (vecs[s].terms.size() < kMinStems) continue;
    touched.clear();
    for (uint32_t id : vecs[s].terms) {
      for (uint32_t o : postings[id]) {
        if (o <= s || cluster.sentences[o].sentence.doc == cluster.sentences[s].sentence.doc) continue;
        if (shared[o] == 0) touched.push_back(o);
        dot[o] += idf[id] * idf[id];
        ++shared[o];
      }
    }
    for (uint32_t o : touched) {
      const double cosine = dot[o] / (vecs[s].norm * vecs[o].norm);
      if (group_of(o) == group_of(s)) {
        // A syndicated copy's version of the sentence: it joins whatever
        // claim its original joins, but never makes a claim "widely reported".
        if (cosine >= kCopySimilarity) {
          copies[s].push_back(o);
          copies[o].push_back(static_cast<uint32_t>(s));
        }
      } else if (cosine >= options.claim_similarity && shared[o] >= options.claim_min_shared_stems) {
        edges[s].push_back({o, cosine});
        edges[o].push_back({static_cast<uint32_t>(s), cosine});
      }
      dot[o] = 0;
      shared[o] = 0;
    }
  }

  // Stars around the best-connected sentences.
  std::vector<double> strength(n, 0);
  for (size_t s = 0; s < n; ++s) {
    for (const Edge& e : edges[s]) strength[s] += e.similarity;
  }
  std::vector<uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](uint32_t a, uint32_t b) { return strength[a] > strength[b]; });
  std::vector<bool> assigned(n, false);
  std::vector<Claim> claims;
  for (uint32_t c : order) {
    if (assigned[c] || edges[c].empty()) continue;
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

  // Single-source claims: each document's sentences closest to the cluster's
  // overall content (sum of IDF x document frequency of their stems).
  if (options.single_source_claims > 0) {
    for (size_t d = 0; d < cluster.documents.size(); ++d) {
      std::vector<std::pair<double, uint32_t>> central;
      for (uint32_t s = cluster.doc_first_sentence[d]; s < cluster.doc_first_sentence[d + 1]; ++s) {
        if (assigned[s] || vecs[s].terms.size() < kMinStems) continue;
        // A copy of a sentence already in a claim is that claim's.
        if (std::any_of(copies[s].begin(), copies[s].end(), [&](uint32_t c) { return assigned[c]; })) continue;
        double score = 0;
        for (uint32_t id : vecs[s].terms) score += idf[id] * static_cast<double>(df[id] - 1);
        central.emplace_back(score / vecs[s].norm, s);
      }
      const size_t keep = std::min<size_t>(options.single_source_claims, central.size());
      std::partial_sort(central.begin(), central.begin() + static_cast<std::ptrdiff_t>(keep),
                        central.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
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
