#include "compare/syndication.h"

#include <algorithm>
#include <functional>
#include <string_view>
#include <unordered_map>

#include "base/disjoint_sets.h"

namespace chorus::compare {
namespace {

constexpr size_t kShingle = 5;

std::vector<uint64_t> Shingles(const AnalyzedCluster& cluster, size_t doc) {
  std::vector<uint64_t> words;
  for (uint32_t s = cluster.doc_first_sentence[doc]; s < cluster.doc_first_sentence[doc + 1]; ++s) {
    for (const Token& t : cluster.sentences[s].tokens) {
      words.push_back(std::hash<std::string_view>()(t.norm));
    }
  }
  std::vector<uint64_t> shingles;
  for (size_t i = 0; i + kShingle <= words.size(); ++i) {
    uint64_t h = 1469598103934665603ull;
    for (size_t k = 0; k < kShingle; ++k) h = (h ^ words[i + k]) * 1099511628211ull;
    shingles.push_back(h);
  }
  std::sort(shingles.begin(), shingles.end());
  shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
  return shingles;
}

}  // namespace

std::vector<uint32_t> SyndicationGroups(const AnalyzedCluster& cluster, double min_containment) {
  const size_t n = cluster.documents.size();
  std::vector<std::vector<uint64_t>> shingles(n);
  for (size_t d = 0; d < n; ++d) shingles[d] = Shingles(cluster, d);
  // Shared shingles per pair through an inverted index: most shingles occur
  // in one document only, so this is far cheaper than n^2 set intersections.
  std::unordered_map<uint64_t, std::vector<uint32_t>> docs_of;
  for (uint32_t d = 0; d < n; ++d) {
    for (uint64_t sh : shingles[d]) docs_of[sh].push_back(d);
  }
  std::vector<uint32_t> shared(n * n, 0);
  for (const auto& [sh, docs] : docs_of) {
    if (docs.size() < 2 || docs.size() > 64) continue;  // boilerplate shared by all is no signal
    for (size_t a = 0; a < docs.size(); ++a) {
      for (size_t b = a + 1; b < docs.size(); ++b) ++shared[docs[a] * n + docs[b]];
    }
  }
  DisjointSets sets(n);
  for (size_t a = 0; a < n; ++a) {
    for (size_t b = a + 1; b < n; ++b) {
      const size_t smaller = std::min(shingles[a].size(), shingles[b].size());
      if (smaller < 3 || shared[a * n + b] == 0) continue;  // too short to call a copy
      const double containment = static_cast<double>(shared[a * n + b]) / static_cast<double>(smaller);
      if (containment >= min_containment) sets.Union(a, b);
    }
  }
  return sets.Labels();
}

}  // namespace chorus::compare
