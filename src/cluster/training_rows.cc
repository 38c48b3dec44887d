#include "cluster/training_rows.h"

#include <algorithm>
#include <random>
#include <string>
#include <unordered_map>

#include "base/hashing.h"
#include "cluster/clustering_state.h"
#include "cluster/model_choice.h"

namespace chorus {

StreamFeed TimeOrderedFeed(const std::vector<LabelledArticle>& articles, uint32_t seed) {
  StreamFeed feed;
  for (const LabelledArticle& a : articles) feed.articles.push_back(&a);
  const bool dated = std::all_of(articles.begin(), articles.end(), [](const LabelledArticle& a) {
    return ParseDay(a.document.date) != ArticleRecord::kNoDay;
  });
  if (!dated) return feed;
  // Within a day, order by a seeded hash of the id: a fixed shuffle.
  auto key = [seed](const LabelledArticle* a) {
    return std::make_pair(ParseDay(a->document.date), Mix64(HashBytes(a->document.id) ^ seed));
  };
  std::stable_sort(
      feed.articles.begin(), feed.articles.end(),
      [&](const LabelledArticle* a, const LabelledArticle* b) { return key(a) < key(b); });
  return feed;
}

StreamFeed UndatedFeed(const std::vector<LabelledArticle>& articles, size_t count, uint32_t seed) {
  StreamFeed feed;
  feed.drop_dates_and_sources = true;
  for (size_t i = 0; i < std::min(count, articles.size()); ++i)
    feed.articles.push_back(&articles[i]);
  // A fixed generator and a hand-written Fisher-Yates: the same order with
  // every standard library.
  std::mt19937 rng(seed);
  for (size_t i = feed.articles.size(); i > 1; --i) {
    std::swap(feed.articles[i - 1], feed.articles[rng() % i]);
  }
  return feed;
}

namespace {

// The article as this feed shows it to the clusterer.
Document FeedDocument(const StreamFeed& feed, const LabelledArticle& a) {
  Document doc = a.document;
  if (feed.drop_dates_and_sources) {
    doc.date.clear();
    doc.source.clear();
  }
  return doc;
}

}  // namespace

void AppendTeacherForcedRows(const StreamFeed& feed, const ClustererOptions& options,
                             TrainingRows* rows, TrainingReport* report) {
  ClusteringState state(options);
  std::unordered_map<std::string, uint32_t> gold_event;  // gold label -> event index
  std::vector<uint32_t> candidates;
  std::vector<PairFeatures> features;
  uint64_t arrival = 0;
  for (const LabelledArticle* a : feed.articles) {
    const Document doc = FeedDocument(feed, *a);
    bool no_content = false;
    const ArticleRecord record = state.Represent(doc, &no_content);
    ++report->articles;
    if (no_content) continue;  // the clusterer gives it an event of its own, unjudged
    state.index().Count(record);
    state.Judge(record, doc.source, arrival, &candidates, &features);
    auto gold = gold_event.find(a->event);
    const bool exists = gold != gold_event.end();
    if (exists) {
      ++report->joining_articles;
      if (std::find(candidates.begin(), candidates.end(), gold->second) == candidates.end()) {
        ++report->missed_gold;
      }
    }
    if (!candidates.empty()) {
      for (size_t i = 0; i < candidates.size(); ++i) {
        const bool positive = exists && candidates[i] == gold->second;
        rows->features.push_back(features[i]);
        rows->label.push_back(positive ? 1.0f : 0.0f);
        rows->weight.push_back(static_cast<float>(feed.weight));
        report->positive_rows += positive;
      }
      rows->group_begin.push_back(static_cast<uint32_t>(rows->label.size()));
      rows->group_feed.push_back(feed.id);
    }
    if (!exists) gold = gold_event.emplace(a->event, state.index().Create()).first;
    state.index().Join(gold->second, record, doc.source, arrival);
    ++arrival;
  }
  report->ranker_rows = rows->label.size();
}

namespace {

// Which gold events an event's members come from, and the most common one.
struct GoldCounts {
  std::unordered_map<uint32_t, uint32_t> count;
  uint32_t majority = UINT32_MAX;
  uint32_t majority_count = 0;

  void Add(uint32_t gold) {
    const uint32_t c = ++count[gold];
    if (c > majority_count) majority = gold, majority_count = c;
  }
};

}  // namespace

void AppendOnPolicyRows(const StreamFeed& feed, const ClustererOptions& options,
                        TrainingRows* rows) {
  ClusteringState state(options);
  const EventModel& model = *options.model;
  const double cut = options.join_probability.value_or(model.join_probability());
  std::unordered_map<std::string, uint32_t> gold_ids;
  std::vector<GoldCounts> event_gold;  // by event index
  std::vector<uint32_t> candidates;
  std::vector<PairFeatures> features;
  uint64_t arrival = 0;
  for (const LabelledArticle* a : feed.articles) {
    const Document doc = FeedDocument(feed, *a);
    bool no_content = false;
    const ArticleRecord record = state.Represent(doc, &no_content);
    if (no_content) continue;
    const uint32_t gold =
        gold_ids.emplace(a->event, static_cast<uint32_t>(gold_ids.size())).first->second;
    state.index().Count(record);
    state.Judge(record, doc.source, arrival, &candidates, &features);
    int64_t event = -1;
    if (!candidates.empty()) {
      for (size_t i = 0; i < candidates.size(); ++i) {
        rows->features.push_back(features[i]);
        rows->label.push_back(event_gold[candidates[i]].majority == gold ? 1.0f : 0.0f);
        rows->weight.push_back(static_cast<float>(feed.weight));
      }
      rows->group_begin.push_back(static_cast<uint32_t>(rows->label.size()));
      rows->group_feed.push_back(feed.id);
      const ModelChoice choice = ChooseWithModel(model, features);
      if (choice.probability >= cut) event = candidates[choice.best];
    }
    if (event < 0) {
      event = state.index().Create();
      event_gold.emplace_back();
    }
    state.index().Join(static_cast<uint32_t>(event), record, doc.source, arrival);
    event_gold[event].Add(gold);
    ++arrival;
  }
}

}  // namespace chorus
