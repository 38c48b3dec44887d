// PairBudget: how many pairwise comparisons one part of Compare may make.
//
// Matching numbers, quotes and names across a cluster compares pairs. Indexes
// keep the pairs compared near-linear on news, but input built to defeat them
// (thousands of near-identical quotes, one slot filled with thousands of
// values) would still make a part quadratic in the cluster. Each part takes
// its comparisons from a budget; once the budget is spent the part stops
// comparing and the comparison says so in its warnings. A budget counts work,
// not time, so the same input gives the same output on any machine and under
// any load.
//
//   PairBudget budget(kQuotePairs, "quotes");
//   for (...) {
//     if (!budget.Take(1)) break;
//     ...
//   }
//   budget.Report(&comparison.warnings);
//
// Thread safety: none (one part of one Compare uses it).
#ifndef CHORUS_COMPARE_PAIR_BUDGET_H_
#define CHORUS_COMPARE_PAIR_BUDGET_H_

#include <cstdint>
#include <string>
#include <vector>

namespace chorus::compare {

class PairBudget {
 public:
  // `part` names what is compared in the warning ("quotes").
  PairBudget(uint64_t pairs, std::string part) : left_(pairs), part_(std::move(part)) {}

  // Takes `n` comparisons; false, from then on, once they are not there.
  bool Take(uint64_t n) {
    if (spent_ || n > left_) {
      spent_ = true;
      return false;
    }
    left_ -= n;
    return true;
  }
  bool spent() const { return spent_; }

  // Adds the warning of a spent budget to `warnings`.
  void Report(std::vector<std::string>* warnings) const;

 private:
  uint64_t left_;
  std::string part_;
  bool spent_ = false;
};

}  // namespace chorus::compare

#endif  // CHORUS_COMPARE_PAIR_BUDGET_H_
