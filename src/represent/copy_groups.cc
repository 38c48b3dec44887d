#include "represent/copy_groups.h"

#include <algorithm>
#include <bit>
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

// The documents holding each 5-gram, in the order they were added: lists of
// nodes in one array, found through an open-addressing table of 5-gram
// hashes (already mixed, so their low bits index the table).
class PostingTable {
 public:
  static constexpr uint32_t kEnd = UINT32_MAX;
  struct List {
    uint64_t shingle = 0;
    uint32_t head = kEnd;
    uint32_t tail = kEnd;
    uint32_t count = 0;  // 0: an empty slot
  };

  PostingTable(const std::vector<uint32_t>& documents,
               const std::vector<std::vector<uint64_t>>& shingles) {
    size_t total = 0;
    for (uint32_t d : documents) total += shingles[d].size();
    size_t slots = 16;
    while (slots < 2 * total) slots *= 2;
    slots_.resize(slots);
    mask_ = slots - 1;
    nodes_.reserve(total);
  }

  // The list of `shingle`, empty when no document was added to it.
  List& Find(uint64_t shingle) {
    size_t i = shingle & mask_;
    while (slots_[i].count != 0 && slots_[i].shingle != shingle) i = (i + 1) & mask_;
    slots_[i].shingle = shingle;
    return slots_[i];
  }
  void Append(List* list, uint32_t document) {
    const auto node = static_cast<uint32_t>(nodes_.size());
    nodes_.push_back({document, kEnd});
    if (list->count++ == 0) {
      list->head = node;
    } else {
      nodes_[list->tail].next = node;
    }
    list->tail = node;
  }
  uint32_t Document(uint32_t node) const { return nodes_[node].document; }
  uint32_t Next(uint32_t node) const { return nodes_[node].next; }

 private:
  struct Node {
    uint32_t document;
    uint32_t next;
  };
  std::vector<List> slots_;
  size_t mask_ = 0;
  std::vector<Node> nodes_;
};

}  // namespace

std::vector<uint64_t> DocumentShingles(std::span<const AnalyzedSentence> sentences) {
  size_t n_words = 0;
  for (const AnalyzedSentence& s : sentences) n_words += s.tokens.size();
  // Each word mixed once; a 5-gram's hash combines its words' mixes, each
  // rotated by its place (so order counts), and mixes the result once, so
  // the low bits index PostingTable. Five chained mixes per 5-gram cost
  // twice as much; only equality of 5-grams matters downstream.
  std::vector<uint64_t> mixed;
  mixed.reserve(n_words);
  for (const AnalyzedSentence& s : sentences) {
    for (const Token& t : s.tokens) mixed.push_back(Mix64(t.norm_id));
  }
  static_assert(kCopyShingle == 5, "the 5-gram hash below combines five words");
  std::vector<uint64_t> shingles;
  shingles.reserve(n_words);
  for (size_t i = 0; i + kCopyShingle <= mixed.size(); ++i) {
    shingles.push_back(Mix64(mixed[i] ^ std::rotl(mixed[i + 1], 13) ^ std::rotl(mixed[i + 2], 26) ^
                             std::rotl(mixed[i + 3], 39) ^ std::rotl(mixed[i + 4], 52)));
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
  // Each document counts the 5-grams it shares with every earlier document
  // among the first kMaxPostings documents holding each 5-gram, in one
  // counter per document reused throughout. The documents holding a 5-gram
  // are a list (in input order) in an open-addressing table keyed by the
  // 5-gram's hash; a document joins a list after counting against it.
  PostingTable table(distinct, shingles);
  std::vector<uint32_t> shared(n, 0);
  std::vector<uint32_t> met;
  for (uint32_t b : distinct) {
    for (uint64_t s : shingles[b]) {
      PostingTable::List& list = table.Find(s);
      for (uint32_t node = list.head; node != PostingTable::kEnd; node = table.Next(node)) {
        const uint32_t a = table.Document(node);
        if (shared[a]++ == 0) met.push_back(a);
      }
      if (list.count < kMaxPostings) table.Append(&list, b);
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
