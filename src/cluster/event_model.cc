#include "chorus/event_model.h"

#include <cmath>
#include <fstream>
#include <sstream>

#include "chorus/clusterer.h"
#include "cluster/event_model_format.h"
#include "cluster/pair_features.h"
#include "fmt/format.h"

namespace chorus {
namespace embedded {
extern const std::string_view kEventModel;
}  // namespace embedded

struct EventModel::Ensembles {
  EventModelParts parts;
};

EventModel::EventModel(std::unique_ptr<Ensembles> ensembles) : ensembles_(std::move(ensembles)) {}
EventModel::~EventModel() = default;

Result<std::shared_ptr<const EventModel>> EventModel::Parse(std::string_view text,
                                                            std::string_view name) {
  ASSIGN_OR_RETURN(EventModelParts parts, ParseEventModel(text, name));
  auto ensembles = std::make_unique<Ensembles>();
  ensembles->parts = std::move(parts);
  return std::shared_ptr<const EventModel>(new EventModel(std::move(ensembles)));
}

Result<std::shared_ptr<const EventModel>> EventModel::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFoundError(fmt::format("cannot open event model {}", path));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return IoError(fmt::format("cannot read event model {}", path));
  return Parse(text.str(), path);
}

std::shared_ptr<const EventModel> EventModel::Default() {
  // The shipped file is checked by event_model_test; should it ever fail to
  // parse, callers get nullptr and the clusterer falls back to the cosine rule.
  static const std::shared_ptr<const EventModel> kDefault = [] {
    auto model = Parse(embedded::kEventModel, "data/event_model.txt");
    return model.ok() ? *model : nullptr;
  }();
  return kDefault;
}

double EventModel::Rank(std::span<const float> pair_features) const {
  if (pair_features.size() < kPairFeatureCount) return std::nan("");
  return ensembles_->parts.ranker.Predict(pair_features);
}

double EventModel::JoinProbability(std::span<const float> decision_features) const {
  if (decision_features.size() < kDecisionFeatureCount) return std::nan("");
  return 1 / (1 + std::exp(-ensembles_->parts.decider.Predict(decision_features)));
}

double EventModel::join_probability() const { return ensembles_->parts.join_probability; }
std::optional<double> EventModel::merge_probability() const {
  return ensembles_->parts.merge_probability;
}

const std::vector<std::string>& EventModel::description() const {
  return ensembles_->parts.description;
}
size_t EventModel::ranker_trees() const { return ensembles_->parts.ranker.roots.size(); }
size_t EventModel::decider_trees() const { return ensembles_->parts.decider.roots.size(); }

Status SelectSimilarityRule(const std::string& model, std::optional<double> threshold,
                            ClustererOptions* options) {
  if (threshold && !(*threshold >= 0 && *threshold <= 1)) {
    return InvalidArgumentError(
        fmt::format("threshold must be between 0 and 1, not {}", *threshold));
  }
  if (model == "cosine" || model.empty()) {
    options->rule = SimilarityRule::kCosine;
    if (threshold) options->threshold = *threshold;
    return Status::Ok();
  }
  if (threshold) {
    return InvalidArgumentError(
        "a threshold is the cosine rule's cut (model \"cosine\"); a learned model's is its join "
        "probability");
  }
  options->rule = SimilarityRule::kLearned;
  options->model = nullptr;
  if (model == "learned") return Status::Ok();
  ASSIGN_OR_RETURN(options->model, EventModel::Load(model));
  return Status::Ok();
}

}  // namespace chorus
