// EventModel: the learned "same story" judgement of the event clusterer.
//
// For an article and each of its candidate events the clusterer computes a
// fixed list of pair features (cosines of the article's term vectors with the
// event's centroids, the best match among the event's recent members, the
// time gap to the event's span, the event's size, whether the outlet already
// reports it, ...; src/cluster/pair_features.h names them). A model holds two
// ensembles of regression trees (gradient boosted, trained with XGBoost by
// `chorus train-clusterer`, evaluated here without XGBoost):
//   - the ranker scores each candidate: the best one is the article's choice;
//   - the decider gives the probability that the article belongs to that
//     best candidate (from its pair features and how it compares with the
//     runner-up); below the model's cut (its join probability, chosen in
//     training on held-out later articles, or ClustererOptions::
//     join_probability) the article opens a new event.
//
// A model is a text file: a "chorus-event-model 1" line, a "features" line
// naming the feature set, its version and every feature in order (a model for
// another feature set is refused with a message saying to retrain), a
// "join-probability" line (the cut), optionally a "merge-probability" line, free "trained" lines
// saying what it was trained on, then the trees, and an "end" line (so a truncated file is caught).
// Load() and Parse() validate everything (node links, feature numbers, finite values) and return a
// clear error naming the file and line; they never crash on a bad file.
//
//   ASSIGN_OR_RETURN(auto model, chorus::EventModel::Load("my_model.txt"));
//   chorus::ClustererOptions options;
//   options.model = model;
//
// Thread safety: immutable after loading; share it freely (shared_ptr).
#ifndef CHORUS_EVENT_MODEL_H_
#define CHORUS_EVENT_MODEL_H_

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "chorus/status.h"

namespace chorus {

struct ClustererOptions;

class EventModel {
 public:
  // Reads and validates the model file at `path`.
  static Result<std::shared_ptr<const EventModel>> Load(const std::string& path);
  // Validates a model given as text; errors name `name` (a file name) and the line.
  static Result<std::shared_ptr<const EventModel>> Parse(std::string_view text,
                                                         std::string_view name);
  // The model shipped with chorus (data/event_model.txt, compiled in).
  static std::shared_ptr<const EventModel> Default();

  ~EventModel();
  EventModel(const EventModel&) = delete;
  EventModel& operator=(const EventModel&) = delete;

  // The ranker's score of one candidate from its pair features (higher is
  // more alike; only the order matters). NaN when too few features are given.
  double Rank(std::span<const float> pair_features) const;
  // The probability that the article belongs to its best candidate, from the
  // decision features (pair features of the best, then the decision context).
  // NaN when too few features are given.
  double JoinProbability(std::span<const float> decision_features) const;

  // The probability at or above which an article joins its best candidate,
  // unless the clusterer's options say otherwise.
  double join_probability() const;
  // The probability at or above which a young event merges into the older
  // event the model would join it to (ClustererOptions::merge_members);
  // unset for a model trained without merging (then events never merge).
  std::optional<double> merge_probability() const;
  // The model's "trained" lines: what it was trained on, how, when.
  const std::vector<std::string>& description() const;
  // Trees in the ranker and the decider.
  size_t ranker_trees() const;
  size_t decider_trees() const;

 private:
  struct Ensembles;
  explicit EventModel(std::unique_ptr<Ensembles> ensembles);
  std::unique_ptr<Ensembles> ensembles_;
};

// Sets `options`' rule as the faces name it (`chorus cluster --model/
// --threshold`, Python's model=/threshold=): `model` is a model file,
// "learned" (the shipped model), or "cosine" or empty (the fixed cosine rule,
// still the default: the shipped model scores below it on DUC 2004 and
// Multi-News 200); a cosine `threshold` (0..1) is the cosine rule's cut, so
// giving one with a learned model is an error (kInvalidArgument), as is a bad
// model file (its Load error).
Status SelectSimilarityRule(const std::string& model, std::optional<double> threshold,
                            ClustererOptions* options);

}  // namespace chorus

#endif  // CHORUS_EVENT_MODEL_H_
