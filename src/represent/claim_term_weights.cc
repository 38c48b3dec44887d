#include "represent/claim_term_weights.h"

#include <algorithm>
#include <cmath>

namespace chorus::represent {
namespace {

// How often a stem is shared by a pair, or in only one of its sentences,
// among same-claim pairs ([1]) and the others ([0]).
struct StemCounts {
  double both[2] = {0, 0};
  double one[2] = {0, 0};
};

double BernoulliKl(double p, double q) {
  return p * std::log(p / q) + (1 - p) * std::log((1 - p) / (1 - q));
}

}  // namespace

ClaimTermWeights ClaimTermWeights::Learn(std::span<const StemsPair> pairs, double alpha) {
  std::unordered_map<std::string_view, StemCounts> counts;
  for (const StemsPair& pair : pairs) {
    const int label = pair.same ? 1 : 0;
    auto a = pair.a.begin(), b = pair.b.begin();
    while (a != pair.a.end() || b != pair.b.end()) {
      if (b == pair.b.end() || (a != pair.a.end() && *a < *b)) {
        counts[*a++].one[label] += 1;
      } else if (a == pair.a.end() || *b < *a) {
        counts[*b++].one[label] += 1;
      } else {
        counts[*a].both[label] += 1;
        ++a, ++b;
      }
    }
  }
  // P(the other sentence has w | one has it), over both orders of the pair:
  // a shared stem counts twice, a stem of one sentence once.
  auto share = [alpha](const StemCounts& c, int label) {
    return (2 * c.both[label] + alpha) / (2 * c.both[label] + c.one[label] + 2 * alpha);
  };
  std::vector<std::pair<std::string, float>> weights;
  weights.reserve(counts.size());
  std::vector<float> values;
  for (const auto& [stem, c] : counts) {
    const auto w = static_cast<float>(BernoulliKl(share(c, 1), share(c, 0)));
    weights.emplace_back(std::string(stem), w);
    values.push_back(w);
  }
  float median = 0;
  if (!values.empty()) {
    std::nth_element(values.begin(), values.begin() + values.size() / 2, values.end());
    median = values[values.size() / 2];
  }
  return ClaimTermWeights(std::move(weights), median);
}

ClaimTermWeights::ClaimTermWeights(std::vector<std::pair<std::string, float>> weights, float unseen)
    : unseen_(unseen) {
  weights_.reserve(weights.size());
  for (auto& [stem, w] : weights) weights_.emplace(std::move(stem), w);
}

std::vector<std::pair<std::string, float>> ClaimTermWeights::Sorted() const {
  std::vector<std::pair<std::string, float>> out(weights_.begin(), weights_.end());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace chorus::represent
