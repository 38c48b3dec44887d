#include "cluster/clustering_state.h"

#include "chorus/cleaner.h"

namespace chorus {
namespace {

// The text's first non-blank line, without surrounding spaces.
std::string_view OpeningLine(std::string_view text) {
  const size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  size_t end = text.find('\n', begin);
  if (end == std::string_view::npos) end = text.size();
  while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t' || text[end - 1] == '\r'))
    --end;
  return text.substr(begin, end - begin);
}

EventIndexOptions IndexOptions(const ClustererOptions& o) {
  EventIndexOptions index;
  index.centroid_terms = o.centroid_terms;
  index.index_terms = o.index_terms;
  index.query_terms = o.query_terms;
  index.window_days = o.window_days;
  // The cosine rule of earlier releases judged every event in the index.
  if (o.rule == SimilarityRule::kLearned) {
    index.retire_after = o.retire_after;
  } else {
    index.recent_members = 0;
  }
  return index;
}

}  // namespace

ClusteringState::ClusteringState(const ClustererOptions& options)
    : options_(options), index_(IndexOptions(options)) {}

ArticleRecord ClusteringState::Represent(const Document& article, bool* no_content) {
  const Cleaner& cleaner = options_.cleaner ? *options_.cleaner : Cleaner::Default();
  // The page's own story is the first cleaned document; pasted articles split
  // off after it ("Read more at ...") are other stories.
  std::vector<Removal> removals;
  std::vector<Document> cleaned = cleaner.Clean(article, &removals);
  Document content;
  content.title = article.title;
  if (!cleaned.empty()) content.text = std::move(cleaned.front().text);
  // The cleaner drops headline-like lines pasted into a body; an untitled
  // article's opening line is its own headline (a feed item may be nothing
  // else), so it is kept as the title.
  const bool headline = article.title.empty() && !removals.empty() &&
                        removals.front().rule == "headline" &&
                        OpeningLine(article.text) == removals.front().text;
  if (headline) content.title = removals.front().text;
  *no_content = content.text.empty() && !headline;
  if (*no_content) content.title.clear();
  FeatureWeights weights;
  weights.title = options_.title_weight;
  weights.name = options_.name_weight;
  weights.min_duplicate_shingles = options_.min_duplicate_shingles;
  ArticleFeatures features = ComputeArticleFeatures(content, weights, &dictionary_, &features_);
  ArticleRecord record;
  record.terms = std::move(features.terms);
  record.headline = std::move(features.headline);
  record.names = std::move(features.names);
  record.numbers = std::move(features.numbers);
  record.minhash = std::move(features.minhash);
  record.words = features.words;
  record.day = ParseDay(article.date);
  return record;
}

void ClusteringState::Judge(const ArticleRecord& record, std::string_view source, uint64_t arrival,
                            std::vector<uint32_t>* candidates,
                            std::vector<PairFeatures>* features) {
  const uint32_t limit = options_.rule == SimilarityRule::kLearned ? options_.candidates : 0;
  index_.Candidates(record, arrival, limit, candidates);
  features->clear();
  if (candidates->empty()) return;
  vectors_.Set(record, index_);
  for (uint32_t e : *candidates)
    features->push_back(vectors_.Compare(index_.event(e), source, index_));
}

}  // namespace chorus
