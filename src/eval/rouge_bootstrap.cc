#include "eval/rouge_bootstrap.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace chorus::rouge {

double PerlDrand48::Next() {
  state_ = (state_ * 0x5DEECE66DULL + 0xB) & ((uint64_t{1} << 48) - 1);
  // Perl's ldexp(state, -48); scaling by a power of two is exact either way.
  return static_cast<double>(state_) * 0x1p-48;
}

size_t PerlDrand48::NextIndex(size_t n) {
  return static_cast<size_t>(static_cast<double>(n) * Next());
}

double RoundLikeRouge(double x) {
  // Fast path: x * 1e5 is within 1e-11 of the exact product for scores in
  // [0, 1e4], so unless its fraction is near one half, rounding it agrees
  // with printf's exact decimal rounding, and q / 1e5 is the double nearest
  // to the printed decimal, i.e. what strtod reads back.
  if (x >= 0 && x <= 1e4) {
    const double scaled = x * 1e5;
    const double floor = std::floor(scaled);
    const double fraction = scaled - floor;
    if (std::fabs(fraction - 0.5) > 1e-7) return (fraction < 0.5 ? floor : floor + 1) / 1e5;
  }
  char buffer[64];
  std::snprintf(buffer, sizeof(buffer), "%7.5f", x);
  return std::strtod(buffer, nullptr);
}

namespace {

// Perl reads past the end of an array as undef, i.e. 0 (only reachable
// with -c 100 or tiny -r).
double At(const std::vector<double>& sorted, int64_t index) {
  if (index < 0 || index >= static_cast<int64_t>(sorted.size())) return 0.0;
  return sorted[static_cast<size_t>(index)];
}

struct Interval {
  double mean, lower, upper;
};

// Sorts non-negative doubles (their bit patterns order like the values) by
// LSD radix on 11-bit digits, skipping digits all values share: about three
// times faster than std::sort on the 1,000 bootstrap means, and the same order.
void SortNonNegative(std::vector<double>& values, std::vector<uint64_t>& keys,
                     std::vector<uint64_t>& buffer) {
  const size_t n = values.size();
  keys.resize(n);
  buffer.resize(n);
  uint64_t all_and = ~uint64_t{0};
  uint64_t all_or = 0;
  for (size_t k = 0; k < n; ++k) {
    std::memcpy(&keys[k], &values[k], sizeof(double));
    all_and &= keys[k];
    all_or |= keys[k];
  }
  const uint64_t varying = all_and ^ all_or;
  constexpr int kBits = 11;
  constexpr size_t kBuckets = size_t{1} << kBits;
  std::array<uint32_t, kBuckets> counts;
  for (int shift = 0; shift < 64; shift += kBits) {
    if (((varying >> shift) & (kBuckets - 1)) == 0) continue;  // a shared digit
    counts.fill(0);
    for (uint64_t key : keys) ++counts[(key >> shift) & (kBuckets - 1)];
    uint32_t total = 0;
    for (uint32_t& c : counts) {
      const uint32_t here = c;
      c = total;
      total += here;
    }
    for (uint64_t key : keys) buffer[counts[(key >> shift) & (kBuckets - 1)]++] = key;
    keys.swap(buffer);
  }
  for (size_t k = 0; k < n; ++k) std::memcpy(&values[k], &keys[k], sizeof(double));
}

Interval Summarize(std::vector<double>& means, double confidence, std::vector<uint64_t>& keys,
                   std::vector<uint64_t>& buffer) {
  SortNonNegative(means, keys, buffer);
  double total = 0;
  for (double m : means) total += m;
  const double count = static_cast<double>(means.size());
  const double delta = count * ((100 - confidence) / 2.0) / 100.0;
  const auto upper_a = static_cast<int64_t>(count - delta - 1);
  const auto lower_a = static_cast<int64_t>(delta);
  const double ratio = count - delta - 1 - static_cast<double>(upper_a);
  Interval interval;
  interval.mean = RoundLikeRouge(total / count);
  interval.lower =
      RoundLikeRouge(At(means, lower_a) + (At(means, lower_a + 1) - At(means, lower_a)) * ratio);
  interval.upper =
      RoundLikeRouge(At(means, upper_a) + (At(means, upper_a + 1) - At(means, upper_a)) * ratio);
  return interval;
}

}  // namespace

const std::vector<uint32_t>* BootstrapSampler::Draws(size_t n) {
  constexpr size_t kMaxCachedDraws = size_t{1} << 24;
  const size_t total = n * static_cast<size_t>(resamples_);
  if (total > kMaxCachedDraws) return nullptr;
  if (draws_for_ != n) {
    draws_.resize(total);
    for (int r = 0; r < resamples_; ++r) {
      PerlDrand48 random(seed_ + static_cast<uint32_t>(r));
      uint32_t* out = &draws_[static_cast<size_t>(r) * n];
      for (size_t k = 0; k < n; ++k) out[k] = static_cast<uint32_t>(random.NextIndex(n));
    }
    draws_for_ = n;
  }
  return &draws_;
}

BootstrapResult BootstrapSampler::Run(std::span<const RougeScore> scores) {
  BootstrapResult result;
  // No topics: the script's sample sums stay 0, and so does everything.
  if (resamples_ <= 0 || scores.empty()) return result;
  const size_t n = scores.size();
  const std::vector<uint32_t>* draws = Draws(n);
  recall_.resize(static_cast<size_t>(resamples_));
  precision_.resize(recall_.size());
  f_.resize(recall_.size());
  const double divisor = n > 0 ? static_cast<double>(n) : 1.0;
  int r = 0;
  if (draws != nullptr) {
    // Two resamples at a time: six independent addition chains keep the
    // FPU busy while each chain still adds in the script's draw order.
    for (; r + 1 < resamples_; r += 2) {
      const uint32_t* a = &(*draws)[static_cast<size_t>(r) * n];
      const uint32_t* b = a + n;
      double ar = 0, ap = 0, af = 0, br = 0, bp = 0, bf = 0;
      for (size_t k = 0; k < n; ++k) {
        const RougeScore& sa = scores[a[k]];
        const RougeScore& sb = scores[b[k]];
        ar += sa.recall;
        ap += sa.precision;
        af += sa.f;
        br += sb.recall;
        bp += sb.precision;
        bf += sb.f;
      }
      recall_[r] = ar / divisor;
      precision_[r] = ap / divisor;
      f_[r] = af / divisor;
      recall_[r + 1] = br / divisor;
      precision_[r + 1] = bp / divisor;
      f_[r + 1] = bf / divisor;
    }
  }
  for (; r < resamples_; ++r) {
    // Perl: the first draw initialises the sums, the others are added.
    double sum_r = 0;
    double sum_p = 0;
    double sum_f = 0;
    PerlDrand48 random(seed_ + static_cast<uint32_t>(r));
    const uint32_t* drawn = draws != nullptr ? &(*draws)[static_cast<size_t>(r) * n] : nullptr;
    for (size_t k = 0; k < n; ++k) {
      const RougeScore& s = scores[drawn != nullptr ? drawn[k] : random.NextIndex(n)];
      sum_r += s.recall;
      sum_p += s.precision;
      sum_f += s.f;
    }
    recall_[r] = sum_r / divisor;
    precision_[r] = sum_p / divisor;
    f_[r] = sum_f / divisor;
  }
  const Interval ir = Summarize(recall_, confidence_, keys_, buffer_);
  const Interval ip = Summarize(precision_, confidence_, keys_, buffer_);
  const Interval iff = Summarize(f_, confidence_, keys_, buffer_);
  result.mean = {ir.mean, ip.mean, iff.mean};
  result.lower = {ir.lower, ip.lower, iff.lower};
  result.upper = {ir.upper, ip.upper, iff.upper};
  return result;
}

BootstrapResult Bootstrap(std::span<const RougeScore> scores, int resamples, double confidence,
                          uint32_t seed) {
  return BootstrapSampler(resamples, confidence, seed).Run(scores);
}

}  // namespace chorus::rouge
