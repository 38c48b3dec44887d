#include "cluster/near_duplicates.h"

#include <algorithm>
#include <array>
#include <limits>

#include "base/hashing.h"

namespace chorus {
namespace {

// Fixed seeds so signatures stored in one run compare with the next run's.
std::array<uint64_t, kMinHashSize> MakeSeeds() {
  std::array<uint64_t, kMinHashSize> seeds{};
  uint64_t x = 0x5eed5eed12345678ULL;
  for (uint64_t& s : seeds) s = x = Mix64(x + 0x9e3779b97f4a7c15ULL);
  return seeds;
}

}  // namespace

std::vector<uint32_t> MinHashSignature(std::span<const uint64_t> shingle_hashes) {
  if (shingle_hashes.empty()) return {};
  // Shingle hashes are already well mixed, so each of the kMinHashSize
  // functions can be a cheap multiply-shift (a random odd multiplier and
  // offset, top 32 bits), a universal family.
  static const std::array<uint64_t, kMinHashSize> kMultipliers = MakeSeeds();
  static const std::array<uint64_t, kMinHashSize> kOffsets = [] {
    std::array<uint64_t, kMinHashSize> offsets{};
    for (uint32_t i = 0; i < kMinHashSize; ++i) offsets[i] = Mix64(kMultipliers[i]);
    return offsets;
  }();
  std::array<uint32_t, kMinHashSize> signature;
  signature.fill(std::numeric_limits<uint32_t>::max());
  for (uint64_t h : shingle_hashes) {
    for (uint32_t i = 0; i < kMinHashSize; ++i) {
      const auto v = static_cast<uint32_t>(((kMultipliers[i] | 1) * h + kOffsets[i]) >> 32);
      signature[i] = std::min(signature[i], v);
    }
  }
  return std::vector<uint32_t>(signature.begin(), signature.end());
}

double SignatureSimilarity(std::span<const uint32_t> a, std::span<const uint32_t> b) {
  if (a.empty() || a.size() != b.size()) return 0;
  size_t equal = 0;
  for (size_t i = 0; i < a.size(); ++i) equal += a[i] == b[i];
  return static_cast<double>(equal) / static_cast<double>(a.size());
}

uint32_t NearDuplicateIndex::BandKey(std::span<const uint32_t> signature, uint32_t band) {
  uint64_t key = Mix64(band + 1);
  for (uint32_t r = 0; r < kLshRows; ++r) key = Mix64(key ^ signature[band * kLshRows + r]);
  return static_cast<uint32_t>(key >> 32);
}

std::optional<uint64_t> NearDuplicateIndex::FindOriginal(std::span<const uint32_t> signature,
                                                         double min_similarity) const {
  if (signature.size() != kMinHashSize || buckets_.empty()) return std::nullopt;
  std::optional<uint64_t> best;
  const size_t mask = buckets_.size() - 1;
  for (uint32_t band = 0; band < kLshBands; ++band) {
    const uint32_t key = BandKey(signature, band);
    for (size_t i = Mix64(key) & mask; buckets_[i].slot != UINT32_MAX; i = (i + 1) & mask) {
      if (buckets_[i].key != key) continue;
      const uint32_t slot = buckets_[i].slot;
      if (best && articles_[slot] >= *best) continue;
      const std::span<const uint32_t> other(signatures_.data() + size_t{slot} * kMinHashSize,
                                            kMinHashSize);
      if (SignatureSimilarity(signature, other) >= min_similarity) best = articles_[slot];
    }
  }
  return best;
}

void NearDuplicateIndex::Insert(uint64_t article, std::vector<uint32_t> signature) {
  if (signature.size() != kMinHashSize) return;
  if ((used_ + kLshBands) * 2 > buckets_.size()) Grow();
  const auto slot = static_cast<uint32_t>(articles_.size());
  articles_.push_back(article);
  signatures_.insert(signatures_.end(), signature.begin(), signature.end());
  const size_t mask = buckets_.size() - 1;
  for (uint32_t band = 0; band < kLshBands; ++band) {
    const uint32_t key = BandKey(signature, band);
    size_t i = Mix64(key) & mask;
    while (buckets_[i].slot != UINT32_MAX) i = (i + 1) & mask;
    buckets_[i] = {key, slot};
  }
  used_ += kLshBands;
}

void NearDuplicateIndex::Grow() {
  std::vector<Entry> buckets(std::max<size_t>(1024, buckets_.size() * 2));
  const size_t mask = buckets.size() - 1;
  for (const Entry& e : buckets_) {
    if (e.slot == UINT32_MAX) continue;
    size_t i = Mix64(e.key) & mask;
    while (buckets[i].slot != UINT32_MAX) i = (i + 1) & mask;
    buckets[i] = e;
  }
  buckets_ = std::move(buckets);
}

}  // namespace chorus
