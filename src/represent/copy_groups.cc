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
  // Every (5-gram, document) of the distinct documents, by 5-gram then
  // document: runs of one 5-gram, each run's documents in input order.
  std::vector<std::pair<uint64_t, uint32_t>> postings;
  for (uint32_t d : distinct) {
    for (uint64_t s : shingles[d]) postings.emplace_back(s, d);
  }
  std::sort(postings.begin(), postings.end());
  std::vector<uint32_t> run_of(postings.size());  // index of each posting's run's first posting
  for (size_t i = 0; i < postings.size(); ++i) {
    run_of[i] = i > 0 && postings[i - 1].first == postings[i].first ? run_of[i - 1]
                                                                    : static_cast<uint32_t>(i);
  }
  // Per document, the runs of its 5-grams (CSR: document d's at
  // [first_run[d], first_run[d + 1]) of `runs`).
  std::vector<uint32_t> first_run(n + 1, 0);
  for (const auto& [s, d] : postings) ++first_run[d + 1];
  for (size_t d = 0; d < n; ++d) first_run[d + 1] += first_run[d];
  std::vector<uint32_t> runs(postings.size());
  std::vector<uint32_t> fill(first_run.begin(), first_run.end() - 1);
  for (size_t i = 0; i < postings.size(); ++i) runs[fill[postings[i].second]++] = run_of[i];
  // Each document counts the 5-grams it shares with every earlier document
  // among the first kMaxPostings of each run, in one counter per document
  // reused throughout.
  std::vector<uint32_t> shared(n, 0);
  std::vector<uint32_t> met;
  for (uint32_t b : distinct) {
    for (uint32_t r = first_run[b]; r < first_run[b + 1]; ++r) {
      const size_t end = std::min(postings.size(), size_t{runs[r]} + kMaxPostings);
      for (size_t i = runs[r];
           i < end && postings[i].second < b && postings[i].first == postings[runs[r]].first; ++i) {
        if (shared[postings[i].second]++ == 0) met.push_back(postings[i].second);
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
