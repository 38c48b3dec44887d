// NearDuplicateIndex: finds earlier articles whose word shingles overlap a new
// one's almost entirely (syndicated or re-published copies).
//
// Each article gets a MinHash signature of its 4-word shingles (64 hash
// functions); LSH banding (16 bands of 4 rows) puts signatures that agree on a
// whole band into one bucket, so candidates are found in constant time per
// article and only they are compared (share of equal signature slots ~
// Jaccard similarity). With 16x4 bands a pair at Jaccard 0.8 is found with
// probability 1-(1-0.8^4)^16 > 0.999.
//
// Thread safety: not thread-safe. Movable.
#ifndef CHORUS_CLUSTER_NEAR_DUPLICATES_H_
#define CHORUS_CLUSTER_NEAR_DUPLICATES_H_

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace chorus {

inline constexpr uint32_t kMinHashSize = 64;
inline constexpr uint32_t kLshBands = 16;
inline constexpr uint32_t kLshRows = kMinHashSize / kLshBands;

// MinHash signature (kMinHashSize values) of a set of shingle hashes; empty
// when there are none.
std::vector<uint32_t> MinHashSignature(std::span<const uint64_t> shingle_hashes);

// Share of equal slots of two signatures of equal size (estimates Jaccard).
double SignatureSimilarity(std::span<const uint32_t> a, std::span<const uint32_t> b);

class NearDuplicateIndex {
 public:
  // Index (arrival number) of the earliest indexed article whose signature
  // agrees with `signature` on at least `min_similarity` of its slots.
  std::optional<uint64_t> FindOriginal(std::span<const uint32_t> signature,
                                       double min_similarity) const;
  // Indexes `signature` (kMinHashSize values) as article `article`.
  void Insert(uint64_t article, std::vector<uint32_t> signature);

  size_t size() const { return articles_.size(); }

 private:
  static uint32_t BandKey(std::span<const uint32_t> signature, uint32_t band);
  void Grow();

  // Flat storage, ~0.5 KB per indexed article: signatures back to back, the
  // article number of each, and an open-addressing multimap from a band's
  // 32-bit key to the signature's slot (key collisions only add candidates,
  // which are checked against the signature anyway).
  struct Entry {
    uint32_t key = 0;
    uint32_t slot = UINT32_MAX;  // UINT32_MAX: empty
  };
  std::vector<uint32_t> signatures_;  // kMinHashSize per slot
  std::vector<uint64_t> articles_;    // by slot
  std::vector<Entry> buckets_;        // size a power of two, at most half full
  size_t used_ = 0;
};

}  // namespace chorus

#endif  // CHORUS_CLUSTER_NEAR_DUPLICATES_H_
