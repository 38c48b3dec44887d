#include "represent/copy_groups.h"

#include <algorithm>
#include <unordered_map>

#include "base/disjoint_sets.h"
#include "base/hashing.h"

namespace chorus::represent {
namespace {

// A document too short to call a copy.
constexpr size_t kMinShingles = 3;

uint64_t HashOfSet(const std::vector<uint64_t>& shingles) {
  uint64_t h = shingles.size();
  for (uint64_t s : shingles) h = Mix64(h ^ s);
  return h;
}

}  // namespace

std::vector<uint64_t> DocumentShingles(std::span<const AnalyzedSentence> sentences) {
  std::vector<uint32_t> words;
  for (const AnalyzedSentence& s : sentences) {
    for (const Token& t : s.tokens) words.push_back(t.norm_id);
  }
  std::vector<uint64_t> shingles;
  for (size_t i = 0; i + kCopyShingle <= words.size(); ++i) {
    uint64_t h = 0;
    for (size_t k = 0; k < kCopyShingle; ++k) h = Mix64(h ^ words[i + k]);
    shingles.push_back(h);
  }
  std::sort(shingles.begin(), shingles.end());
  shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
  return shingles;
}

CopyGroups GroupCopies(const std::vector<std::vector<uint64_t>>& shingles,
                       const CopyGroupOptions& options) {
  const size_t n = shingles.size();
  DisjointSets sets(n);
  // Equal sets are copies outright; only the first of each goes on to the
  // shared 5-gram counts, so a cluster of many identical articles costs one.
  std::vector<uint32_t> distinct;
  std::unordered_map<uint64_t, uint32_t> first_with_set;
  for (uint32_t d = 0; d < n; ++d) {
    if (shingles[d].size() < kMinShingles) continue;
    const auto [it, added] = first_with_set.emplace(HashOfSet(shingles[d]), d);
    if (added || shingles[it->second] != shingles[d]) {
      distinct.push_back(d);
    } else {
      sets.Union(it->second, d);
    }
  }
  // The first kMaxPostings documents holding each 5-gram, in input order.
  std::vector<std::pair<uint64_t, uint32_t>> postings;  // (5-gram, document)
  for (uint32_t d : distinct) {
    for (uint64_t s : shingles[d]) postings.emplace_back(s, d);
  }
  std::sort(postings.begin(), postings.end());
  size_t kept = 0;
  for (size_t begin = 0, end = 0; begin < postings.size(); begin = end) {
    while (end < postings.size() && postings[end].first == postings[begin].first) ++end;
    for (size_t i = begin; i < std::min(end, begin + kMaxPostings); ++i) postings[kept++] = postings[i];
  }
  postings.resize(kept);
  // Each document counts the 5-grams it shares with every earlier document
  // met in those lists, in one counter per document reused throughout.
  std::vector<uint32_t> shared(n, 0);
  std::vector<uint32_t> met;
  for (uint32_t b : distinct) {
    for (uint64_t s : shingles[b]) {
      auto it = std::lower_bound(postings.begin(), postings.end(), std::pair<uint64_t, uint32_t>{s, 0});
      for (; it != postings.end() && it->first == s && it->second < b; ++it) {
        if (shared[it->second]++ == 0) met.push_back(it->second);
      }
    }
    // b, the later, copies a when a holds most of b's 5-grams.
    const double needed = options.min_shared * static_cast<double>(shingles[b].size());
    for (uint32_t a : met) {
      if (static_cast<double>(shared[a]) >= needed) sets.Union(a, b);
      shared[a] = 0;
    }
    met.clear();
  }
  CopyGroups out;
  out.group = sets.Labels();
  out.original.resize(n);
  for (uint32_t d = 0; d < n; ++d) {
    out.original[d] = static_cast<uint32_t>(sets.Find(d));
    out.group_count = std::max(out.group_count, out.group[d] + 1);
  }
  return out;
}

}  // namespace chorus::represent
