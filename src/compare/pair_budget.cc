#include "compare/pair_budget.h"

namespace chorus::compare {

void PairBudget::Report(std::vector<std::string>* warnings) const {
  if (!spent_) return;
  warnings->push_back("the cluster has too many similar " + part_ +
                      " to match them all; some were not compared (a work limit)");
}

}  // namespace chorus::compare
