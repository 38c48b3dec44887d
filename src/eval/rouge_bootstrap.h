// ROUGE-1.5.5's averages and confidence intervals (computeAverages,
// bootstrapResampling), reproduced bit for bit.
//
// The script does not print the plain mean of the per-topic scores: it
// draws `resamples` bootstrap samples (resample i after srand(i)), averages
// each, sorts those means and prints their mean, plus the CF% interval read
// from the sorted means with linear interpolation. Perl's rand() is drand48
// (48-bit LCG, a = 0x5DEECE66D, c = 0xB, srand(s) -> state = s << 16 | 0x330E),
// reimplemented here so that averages and intervals match the script.
#ifndef CHORUS_SRC_EVAL_ROUGE_BOOTSTRAP_H_
#define CHORUS_SRC_EVAL_ROUGE_BOOTSTRAP_H_

#include <cstdint>
#include <span>
#include <vector>

#include "chorus/rouge.h"

namespace chorus::rouge {

// Perl's drand48 (as in Perl >= 5.20, and glibc's drand48 before it).
class PerlDrand48 {
 public:
  explicit PerlDrand48(uint32_t seed) : state_((static_cast<uint64_t>(seed) << 16) + 0x330E) {}
  // Uniform in [0, 1), exactly the double Perl computes.
  double Next();
  // Perl's int(rand(n)).
  size_t NextIndex(size_t n);

 private:
  uint64_t state_;
};

// x rounded as sprintf("%7.5f") prints it, read back as a number.
double RoundLikeRouge(double x);

struct BootstrapResult {
  RougeScore mean;  // the printed Average_R / _P / _F
  RougeScore lower;
  RougeScore upper;
};

// Runs the script's bootstrap for many systems and metrics. The draws of
// resample i depend only on the seed and the number of topics, so they are
// drawn once per topic count and replayed, in the script's order (summing
// in draw order keeps every floating-point addition identical).
// Not thread-safe (caches draws and buffers).
class BootstrapSampler {
 public:
  BootstrapSampler(int resamples, double confidence, uint32_t seed)
      : resamples_(resamples), confidence_(confidence), seed_(seed) {}

  // `scores` are one system's per-topic scores in the script's instance
  // order (testIDs "topic.system" sorted as byte strings). Empty input
  // gives zeros.
  BootstrapResult Run(std::span<const RougeScore> scores);

 private:
  // The draws of every resample for `n` topics, or nullptr when too many to keep.
  const std::vector<uint32_t>* Draws(size_t n);

  int resamples_;
  double confidence_;
  uint32_t seed_;
  size_t draws_for_ = SIZE_MAX;  // topic count of draws_
  std::vector<uint32_t> draws_;
  std::vector<double> recall_, precision_, f_;
  std::vector<uint64_t> keys_, buffer_;  // sort scratch
};

// One-off BootstrapSampler(resamples, confidence, seed).Run(scores).
BootstrapResult Bootstrap(std::span<const RougeScore> scores, int resamples, double confidence,
                          uint32_t seed);

}  // namespace chorus::rouge

#endif  // CHORUS_SRC_EVAL_ROUGE_BOOTSTRAP_H_
