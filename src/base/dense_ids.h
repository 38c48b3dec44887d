// DenseIds: 64-bit keys numbered 0, 1, 2, ... in the order they are first
// seen, found through an open-addressing table in one array. For the hot
// per-cluster tables (vocabulary ids -> terms, concept keys -> counts), where
// a node-based map cost an allocation per key and tens of thousands of keys
// are met per cluster.
//
//   DenseIds ids(expected);
//   bool added = false;
//   uint32_t id = ids.Insert(key, &added);  // ids.size() - 1 when added
//   ids.Find(key);                          // DenseIds::kAbsent if never inserted
//
// Thread safety: a value type; const methods may be called concurrently.
#ifndef CHORUS_BASE_DENSE_IDS_H_
#define CHORUS_BASE_DENSE_IDS_H_

#include <bit>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

namespace chorus {

class DenseIds {
 public:
  static constexpr uint32_t kAbsent = std::numeric_limits<uint32_t>::max();

  // Sized so that `expected` keys fit without growing.
  explicit DenseIds(size_t expected = 0) {
    size_t slots = 16;
    while (slots < 2 * expected) slots *= 2;
    slots_.assign(slots, Slot{});
    shift_ = 64 - static_cast<int>(std::countr_zero(slots));
  }

  // The id of `key`, numbering it next if new (`*added` says which).
  uint32_t Insert(uint64_t key, bool* added) {
    if (2 * (size_ + 1) > slots_.size()) Grow();
    size_t i = Slot0(key);
    while (slots_[i].id_plus_1 != 0) {
      if (slots_[i].key == key) {
        *added = false;
        return slots_[i].id_plus_1 - 1;
      }
      i = (i + 1) & (slots_.size() - 1);
    }
    slots_[i] = {key, ++size_};
    *added = true;
    return size_ - 1;
  }

  // The id of `key`, or kAbsent.
  uint32_t Find(uint64_t key) const {
    size_t i = Slot0(key);
    while (slots_[i].id_plus_1 != 0) {
      if (slots_[i].key == key) return slots_[i].id_plus_1 - 1;
      i = (i + 1) & (slots_.size() - 1);
    }
    return kAbsent;
  }

  // Keys numbered so far.
  uint32_t size() const { return size_; }

 private:
  struct Slot {
    uint64_t key = 0;
    uint32_t id_plus_1 = 0;  // 0: an empty slot
  };
  // A key's first slot: the top bits of key x 2^64/phi (Fibonacci hashing,
  // one multiply where a full mix took five steps per look-up; the ids do
  // not depend on it, only the probe lengths do).
  size_t Slot0(uint64_t key) const {
    return static_cast<size_t>((key * 0x9E3779B97F4A7C15ULL) >> shift_);
  }
  void Grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    --shift_;
    for (const Slot& s : old) {
      if (s.id_plus_1 == 0) continue;
      size_t i = Slot0(s.key);
      while (slots_[i].id_plus_1 != 0) i = (i + 1) & (slots_.size() - 1);
      slots_[i] = s;
    }
  }
  std::vector<Slot> slots_;
  int shift_ = 60;  // 64 - log2(slots_.size())
  uint32_t size_ = 0;
};

}  // namespace chorus

#endif  // CHORUS_BASE_DENSE_IDS_H_
