#include "cluster/model_choice.h"

#include <vector>

namespace chorus {

ModelChoice ChooseWithModel(const EventModel& model, std::span<const PairFeatures> features) {
  std::vector<double> rank(features.size());
  for (size_t i = 0; i < features.size(); ++i) rank[i] = model.Rank(features[i]);
  const BestTwo top = FindBestTwo(rank);
  const bool has_second = top.second < rank.size();
  const DecisionFeatures decision = MakeDecisionFeatures(
      features[top.best], rank[top.best], has_second ? &features[top.second] : nullptr,
      has_second ? rank[top.second] : 0, features.size());
  return {top.best, model.JoinProbability(decision)};
}

}  // namespace chorus
