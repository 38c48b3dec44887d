#include "cluster/near_duplicates.h"

#include <algorithm>
#include <array>
#include <limits>

#include "cluster/hashing.h"

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
  static const std::array<uint64_t, kMinHashSize> kSeeds = MakeSeeds();
  std::vector<uint32_t> signature(kMinHashSize, std::numeric_limits<uint32_t>::max());
  for (uint64_t h : shingle_hashes) {
    for (uint32_t i = 0; i < kMinHashSize; ++i) {
      const auto v = static_cast<uint32_t>(Mix64(h ^ kSeeds[i]) >> 32);
      signature[i] = std::min(signature[i], v);
    }
  }
  return signature;
}

double SignatureSimilarity(std::span<const uint32_t> a, std::span<const uint32_t> b) {
  if (a.empty() || a.size() != b.size()) return 0;
  size_t equal = 0;
  for (size_t i = 0; i < a.size(); ++i) equal += a[i] == b[i];
  return static_cast<double>(equal) / static_cast<double>(a.size());
}

uint64_t NearDuplicateIndex::BandKey(std::span<const uint32_t> signature, uint32_t band) {
  uint64_t key = Mix64(band + 1);
  for (uint32_t r = 0; r < kLshRows; ++r) key = Mix64(key ^ signature[band * kLshRows + r]);
  return key;
}

std::optional<uint64_t> NearDuplicateIndex::FindOriginal(std::span<const uint32_t> signature,
                                                         double min_similarity) const {
  if (signature.size() != kMinHashSize) return std::nullopt;
  std::optional<uint64_t> best;
  for (uint32_t band = 0; band < kLshBands; ++band) {
    auto it = buckets_.find(BandKey(signature, band));
    if (it == buckets_.end()) continue;
    for (uint64_t candidate : it->second) {
      if (best && candidate >= *best) continue;
      if (SignatureSimilarity(signature, signatures_.at(candidate)) >= min_similarity) {
        best = candidate;
      }
    }
  }
  return best;
}

void NearDuplicateIndex::Insert(uint64_t article, std::vector<uint32_t> signature) {
  if (signature.size() != kMinHashSize) return;
  for (uint32_t band = 0; band < kLshBands; ++band) {
    buckets_[BandKey(signature, band)].push_back(article);
  }
  signatures_.emplace(article, std::move(signature));
}

}  // namespace chorus
