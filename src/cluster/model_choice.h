// How a learned model chooses among an article's candidate events: the
// ranker's best, joined when the decider's probability reaches the cut. One
// function for the clusterer and for training's on-policy pass.
#ifndef CHORUS_CLUSTER_MODEL_CHOICE_H_
#define CHORUS_CLUSTER_MODEL_CHOICE_H_

#include <span>

#include "chorus/event_model.h"
#include "cluster/pair_features.h"

namespace chorus {

struct ModelChoice {
  size_t best = 0;         // index of the best candidate
  double probability = 0;  // that the article belongs to it
};

// `features` holds one entry per candidate (at least one).
ModelChoice ChooseWithModel(const EventModel& model, std::span<const PairFeatures> features);

}  // namespace chorus

#endif  // CHORUS_CLUSTER_MODEL_CHOICE_H_
