#include "base/disjoint_sets.h"

#include <algorithm>
#include <numeric>

namespace chorus {

DisjointSets::DisjointSets(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }

size_t DisjointSets::Find(size_t x) {
  while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
  return x;
}

bool DisjointSets::Union(size_t a, size_t b) {
  a = Find(a);
  b = Find(b);
  if (a == b) return false;
  parent_[std::max(a, b)] = std::min(a, b);
  return true;
}

std::vector<uint32_t> DisjointSets::Labels() {
  std::vector<uint32_t> label(parent_.size());
  uint32_t next = 0;
  for (size_t x = 0; x < parent_.size(); ++x) {
    const size_t root = Find(x);
    // The root is the set's smallest member, so it was labelled first.
    label[x] = root == x ? next++ : label[root];
  }
  return label;
}

std::vector<std::vector<size_t>> DisjointSets::Sets() {
  const std::vector<uint32_t> label = Labels();
  std::vector<std::vector<size_t>> sets;
  for (size_t x = 0; x < label.size(); ++x) {
    if (label[x] == sets.size()) sets.emplace_back();
    sets[label[x]].push_back(x);
  }
  return sets;
}

}  // namespace chorus
