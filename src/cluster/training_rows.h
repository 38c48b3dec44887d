// The rows event-model training learns from: a labelled stream fed with
// teacher forcing (each article placed in its gold event after it is
// judged), one row of pair features per (article, candidate event), grouped
// by article.
#ifndef CHORUS_CLUSTER_TRAINING_ROWS_H_
#define CHORUS_CLUSTER_TRAINING_ROWS_H_

#include <cstdint>
#include <vector>

#include "chorus/event_model_training.h"
#include "cluster/pair_features.h"

namespace chorus {

struct TrainingRows {
  std::vector<PairFeatures> features;
  std::vector<float> label;   // 1: the candidate is the article's gold event
  std::vector<float> weight;  // the article's weight (its stream's share)
  // Article g's rows are [group_begin[g], group_begin[g + 1]).
  std::vector<uint32_t> group_begin{0};
  std::vector<uint32_t> group_feed;  // by article: the StreamFeed::id it came from

  size_t groups() const { return group_begin.size() - 1; }
};

// How one stream is fed.
struct StreamFeed {
  std::vector<const LabelledArticle*> articles;  // in feeding order
  bool drop_dates_and_sources = false;
  double weight = 1;  // of each article
  uint32_t id = 0;    // names the feed in TrainingRows::group_feed
};

// `articles` by date, articles of one day shuffled with `seed`; their input
// order when some are undated.
StreamFeed TimeOrderedFeed(const std::vector<LabelledArticle>& articles, uint32_t seed);
// The first `count` of `articles`, shuffled with `seed`, undated and without
// outlets.
StreamFeed UndatedFeed(const std::vector<LabelledArticle>& articles, size_t count, uint32_t seed);

// Feeds `feed` with teacher forcing and appends its rows.
void AppendTeacherForcedRows(const StreamFeed& feed, const ClustererOptions& options,
                             TrainingRows* rows, TrainingReport* report);

// Feeds `feed` as the clusterer with `options` (and its model, which must be
// set) would cluster it, and appends rows judged against those events, its
// own and imperfect ones: a candidate is labelled 1 when most of its members
// are of the article's gold event. What the model will meet when it runs.
void AppendOnPolicyRows(const StreamFeed& feed, const ClustererOptions& options,
                        TrainingRows* rows);

}  // namespace chorus

#endif  // CHORUS_CLUSTER_TRAINING_ROWS_H_
