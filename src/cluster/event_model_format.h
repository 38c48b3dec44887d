// The text form of an EventModel (see chorus/event_model.h for the layout):
// written by training, read back through the one validating parser.
#ifndef CHORUS_CLUSTER_EVENT_MODEL_FORMAT_H_
#define CHORUS_CLUSTER_EVENT_MODEL_FORMAT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chorus/status.h"
#include "cluster/tree_ensemble.h"

namespace chorus {

struct EventModelParts {
  double join_probability = 0.5;            // the decider's cut
  std::optional<double> merge_probability;  // cut for merging a young event; unset: no merging
  std::vector<std::string> description;     // "trained" lines, without the keyword
  TreeEnsemble ranker;                      // reads the pair features
  TreeEnsemble decider;                     // reads the decision features
};

// The model file's text.
std::string FormatEventModel(const EventModelParts& parts);

// Parses and validates model text; errors name `name` and the line.
Result<EventModelParts> ParseEventModel(std::string_view text, std::string_view name);

}  // namespace chorus

#endif  // CHORUS_CLUSTER_EVENT_MODEL_FORMAT_H_
