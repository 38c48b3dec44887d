// DisjointSets: union-find over 0..n-1 where a set's representative is always
// its smallest member, so every result is independent of the order unions
// were made in (same input, same output).
//
//   DisjointSets sets(n);
//   sets.Union(2, 5);
//   sets.Find(5);   // 2
//   sets.Sets();    // {{0}, {1}, {2, 5}, {3}, {4}}
//
// Thread safety: not thread-safe (Find compresses paths). Copyable.
#ifndef CHORUS_BASE_DISJOINT_SETS_H_
#define CHORUS_BASE_DISJOINT_SETS_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace chorus {

class DisjointSets {
 public:
  explicit DisjointSets(size_t n);

  size_t size() const { return parent_.size(); }
  // The smallest member of x's set.
  size_t Find(size_t x);
  // Joins the sets of `a` and `b`; returns false when they were one already.
  bool Union(size_t a, size_t b);
  // Every set, members ascending, sets ordered by their smallest member.
  std::vector<std::vector<size_t>> Sets();
  // Each element's set numbered 0, 1, ... in order of the sets' smallest members.
  std::vector<uint32_t> Labels();

 private:
  std::vector<size_t> parent_;
};

}  // namespace chorus

#endif  // CHORUS_BASE_DISJOINT_SETS_H_
