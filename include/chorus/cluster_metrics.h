// Scores of a clustering against gold classes: B-cubed precision, recall and
// F1 (Bagga & Baldwin 1998; per item, then averaged) and the adjusted Rand
// index (Hubert & Arabie 1985; 0 for chance, 1 for identical partitions).
//
//   chorus::ClusteringScores s = chorus::ScoreClustering(gold, predicted);
//   fmt::print("B3 F1 {:.3f} ARI {:.3f}\n", s.bcubed_f1, s.adjusted_rand);
//
// Labels are arbitrary integers; item i has gold[i] and predicted[i].
// Thread safety: a pure function.
#ifndef CHORUS_CLUSTER_METRICS_H_
#define CHORUS_CLUSTER_METRICS_H_

#include <cstdint>
#include <span>

namespace chorus {

struct ClusteringScores {
  double bcubed_precision = 0;
  double bcubed_recall = 0;
  double bcubed_f1 = 0;
  double adjusted_rand = 0;
  uint64_t items = 0;
  uint64_t gold_clusters = 0;
  uint64_t predicted_clusters = 0;
};

// Scores `predicted` against `gold` (same length; all zeros when empty or the
// lengths differ).
ClusteringScores ScoreClustering(std::span<const int64_t> gold, std::span<const int64_t> predicted);

}  // namespace chorus

#endif  // CHORUS_CLUSTER_METRICS_H_
