// Sets kept as ascending vectors without repeats (term ids, source ids,
// words): the two questions compare asks of a pair, answered in one merge.
//
//   SharedCount(std::vector<int>{1, 3, 5}, std::vector<int>{3, 4, 5});  // 2
//   ShareAny(a, b);  // SharedCount(a, b) > 0, stopping at the first match
//
// Thread safety: pure functions.
#ifndef CHORUS_BASE_SORTED_SETS_H_
#define CHORUS_BASE_SORTED_SETS_H_

#include <cstddef>
#include <vector>

namespace chorus {

// Elements of `a` also in `b` (both ascending, unique); `stop_at_first` ends
// the merge at the first.
template <typename T>
size_t SharedCount(const std::vector<T>& a, const std::vector<T>& b, bool stop_at_first = false) {
  size_t i = 0, j = 0, n = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++n, ++i, ++j;
      if (stop_at_first) break;
    }
  }
  return n;
}

// Whether `a` and `b` (both ascending) share an element.
template <typename T>
bool ShareAny(const std::vector<T>& a, const std::vector<T>& b) {
  return SharedCount(a, b, /*stop_at_first=*/true) > 0;
}

}  // namespace chorus

#endif  // CHORUS_BASE_SORTED_SETS_H_
