#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "chorus/clusterer.h"
#include "chorus/cleaner.h"
#include "chorus/tokenizer.h"
#include "cluster/article_features.h"
#include "cluster/near_duplicates.h"
#include "fmt/format.h"

namespace chorus {
namespace {

using TermWeights = std::vector<std::pair<uint32_t, float>>;

struct Event {
  TermWeights centroid;           // term -> sum of members' unit tf vectors, sorted by term
  std::vector<uint32_t> indexed;  // terms posted in the inverted index for this event
  int32_t min_day = ArticleRecord::kNoDay;
  int32_t max_day = ArticleRecord::kNoDay;
  uint32_t articles = 0;
  uint32_t duplicates = 0;
  uint32_t anonymous = 0;            // non-duplicate members without a source
  std::vector<std::string> sources;  // distinct sources of non-duplicate members, sorted
};

void ExtendSpan(Event& e, int32_t day) {
  if (day == ArticleRecord::kNoDay) return;
  if (e.min_day == ArticleRecord::kNoDay || day < e.min_day) e.min_day = day;
  if (e.max_day == ArticleRecord::kNoDay || day > e.max_day) e.max_day = day;
}

}  // namespace

struct EventClusterer::State {
  ClustererOptions options;
  TermDictionary dictionary;
  FeatureContext features;  // tokenizers and caches for featurizing
  std::vector<uint32_t> df;  // by term id, over non-duplicate articles
  uint64_t docs = 0;         // non-duplicate articles
  std::vector<Event> events;  // event id i is events[i - 1]
  std::unordered_map<uint32_t, std::vector<uint32_t>> postings;  // term -> event indices
  NearDuplicateIndex duplicates;
  std::vector<int64_t> article_event;      // by arrival index
  std::vector<uint64_t> article_original;  // by arrival index; itself unless a duplicate
  // Scratch for scoring: the current article's TF-IDF weight by term id, and
  // which events were already scored for it.
  std::vector<float> doc_weight;
  std::vector<uint64_t> event_stamp;
  uint64_t stamp = 0;

  double Idf(uint32_t term) const {
    return std::log((static_cast<double>(docs) + 1) / (static_cast<double>(df[term]) + 1)) + 1;
  }
  ArticleAssignment Place(ArticleRecord record, std::string_view source);
  void Count(const ArticleRecord& record);
  int64_t Best(const ArticleRecord& record, double* similarity);
  void Join(uint32_t event_index, const ArticleRecord& record, std::string_view source);
  void JoinAsDuplicate(uint64_t original, int32_t day);
};

void EventClusterer::State::Count(const ArticleRecord& record) {
  if (df.size() < dictionary.size()) df.resize(dictionary.size(), 0);
  for (const auto& [term, w] : record.terms) ++df[term];
  ++docs;
}

// The best candidate event (index) for `record`, or -1 when none reaches the
// threshold. Candidates share one of the record's top terms with an event's
// top terms.
int64_t EventClusterer::State::Best(const ArticleRecord& record, double* similarity) {
  if (doc_weight.size() < dictionary.size()) doc_weight.resize(dictionary.size(), 0);
  TermWeights weighted;
  weighted.reserve(record.terms.size());
  double norm2 = 0;
  for (const auto& [term, w] : record.terms) {
    const float v = static_cast<float>(w * Idf(term));
    doc_weight[term] = v;
    norm2 += static_cast<double>(v) * v;
    weighted.emplace_back(term, v);
  }
  const size_t query = std::min<size_t>(options.query_terms, weighted.size());
  std::partial_sort(weighted.begin(), weighted.begin() + query, weighted.end(),
                    [](const auto& a, const auto& b) {
                      return a.second > b.second || (a.second == b.second && a.first < b.first);
                    });
  if (event_stamp.size() < events.size()) event_stamp.resize(events.size(), 0);
  ++stamp;
  const double doc_norm = std::sqrt(norm2);
  int64_t best = -1;
  double best_sim = 0;
  for (size_t q = 0; q < query && doc_norm > 0; ++q) {
    auto it = postings.find(weighted[q].first);
    if (it == postings.end()) continue;
    for (uint32_t e : it->second) {
      if (event_stamp[e] == stamp) continue;
      event_stamp[e] = stamp;
      const Event& ev = events[e];
      double gap = 0;
      bool dated = false;
      if (record.day != ArticleRecord::kNoDay && ev.min_day != ArticleRecord::kNoDay) {
        dated = true;
        gap = std::max({0, ev.min_day - record.day, record.day - ev.max_day});
        if (options.window_days > 0 && gap > options.window_days) continue;
      }
      double dot = 0, cnorm2 = 0;
      for (const auto& [term, c] : ev.centroid) {
        const double cw = c * Idf(term);
        cnorm2 += cw * cw;
        dot += cw * doc_weight[term];
      }
      if (cnorm2 <= 0) continue;
      double sim = dot / (doc_norm * std::sqrt(cnorm2));
      if (options.decay_days > 0) sim *= std::exp(-gap / options.decay_days);
      if (dated) sim *= 1 + options.dated_boost;
      if (sim > best_sim) {
        best_sim = sim;
        best = e;
      }
    }
  }
  for (const auto& [term, w] : record.terms) doc_weight[term] = 0;
  *similarity = best_sim;
  return best_sim >= options.threshold ? best : -1;
}

void EventClusterer::State::Join(uint32_t event_index, const ArticleRecord& record,
                                 std::string_view source) {
  Event& ev = events[event_index];
  double norm2 = 0;
  for (const auto& [term, w] : record.terms) norm2 += static_cast<double>(w) * w;
  const double inv = norm2 > 0 ? 1 / std::sqrt(norm2) : 0;
  TermWeights merged;
  merged.reserve(ev.centroid.size() + record.terms.size());
  auto a = ev.centroid.begin();
  auto b = record.terms.begin();
  while (a != ev.centroid.end() || b != record.terms.end()) {
    if (b == record.terms.end() || (a != ev.centroid.end() && a->first < b->first)) {
      merged.push_back(*a++);
    } else if (a == ev.centroid.end() || b->first < a->first) {
      merged.emplace_back(b->first, static_cast<float>(b->second * inv));
      ++b;
    } else {
      merged.emplace_back(a->first, static_cast<float>(a->second + b->second * inv));
      ++a, ++b;
    }
  }
  // Keep the top terms by TF-IDF; ties broken by term id so replays match.
  std::vector<std::pair<float, uint32_t>> ranked;
  ranked.reserve(merged.size());
  for (const auto& [term, c] : merged) ranked.emplace_back(static_cast<float>(c * Idf(term)), term);
  auto by_weight = [](const auto& x, const auto& y) {
    return x.first > y.first || (x.first == y.first && x.second < y.second);
  };
  if (merged.size() > options.centroid_terms) {
    std::nth_element(ranked.begin(), ranked.begin() + options.centroid_terms, ranked.end(),
                     by_weight);
    ranked.resize(options.centroid_terms);
    std::vector<uint32_t> keep;
    keep.reserve(ranked.size());
    for (const auto& r : ranked) keep.push_back(r.second);
    std::sort(keep.begin(), keep.end());
    std::erase_if(merged, [&](const auto& m) {
      return !std::binary_search(keep.begin(), keep.end(), m.first);
    });
  }
  ev.centroid = std::move(merged);

  const size_t top = std::min<size_t>(options.index_terms, ranked.size());
  std::partial_sort(ranked.begin(), ranked.begin() + top, ranked.end(), by_weight);
  for (size_t i = 0; i < top; ++i) {
    const uint32_t term = ranked[i].second;
    if (std::find(ev.indexed.begin(), ev.indexed.end(), term) != ev.indexed.end()) continue;
    ev.indexed.push_back(term);
    postings[term].push_back(event_index);
  }

  ExtendSpan(ev, record.day);
  ++ev.articles;
  if (source.empty()) {
    ++ev.anonymous;
  } else {
    auto it = std::lower_bound(ev.sources.begin(), ev.sources.end(), source);
    if (it == ev.sources.end() || *it != source) ev.sources.emplace(it, source);
  }
}

void EventClusterer::State::JoinAsDuplicate(uint64_t original, int32_t day) {
  const uint64_t root = article_original[original];
  const int64_t event = article_event[root];
  Event& ev = events[event - 1];
  ++ev.articles;
  ++ev.duplicates;
  ExtendSpan(ev, day);
  article_event.push_back(event);
  article_original.push_back(root);
}

ArticleAssignment EventClusterer::State::Place(ArticleRecord record, std::string_view source) {
  ArticleAssignment out;
  if (!record.minhash.empty()) {
    if (auto original = duplicates.FindOriginal(record.minhash, options.duplicate_jaccard)) {
      JoinAsDuplicate(*original, record.day);
      out.event = article_event.back();
      out.duplicate_of = article_original.back();
      out.similarity = 1;
      out.record = std::move(record);
      return out;
    }
  }
  Count(record);
  int64_t best = Best(record, &out.similarity);
  if (best < 0) {
    events.emplace_back();
    best = static_cast<int64_t>(events.size()) - 1;
    out.new_event = true;
    out.similarity = 0;
  }
  Join(static_cast<uint32_t>(best), record, source);
  const uint64_t index = article_event.size();
  article_event.push_back(best + 1);
  article_original.push_back(index);
  if (!record.minhash.empty()) duplicates.Insert(index, record.minhash);
  out.event = best + 1;
  out.record = std::move(record);
  return out;
}

EventClusterer::EventClusterer(ClustererOptions options) : state_(std::make_unique<State>()) {
  state_->options = options;
}
EventClusterer::~EventClusterer() = default;
EventClusterer::EventClusterer(EventClusterer&&) noexcept = default;
EventClusterer& EventClusterer::operator=(EventClusterer&&) noexcept = default;

ArticleAssignment EventClusterer::Add(const Document& article) {
  const Cleaner& cleaner =
      state_->options.cleaner ? *state_->options.cleaner : Cleaner::Default();
  // The page's own story is the first cleaned document; pasted articles split
  // off after it ("Read more at ...") are other stories.
  std::vector<Document> cleaned = cleaner.Clean(article);
  Document content;
  content.title = article.title;
  if (!cleaned.empty()) content.text = std::move(cleaned.front().text);
  const bool no_content = content.text.empty();
  if (no_content) content.title.clear();
  FeatureWeights weights;
  weights.title = state_->options.title_weight;
  weights.name = state_->options.name_weight;
  weights.min_duplicate_shingles = state_->options.min_duplicate_shingles;
  ArticleFeatures features =
      ComputeArticleFeatures(content, weights, &state_->dictionary, &state_->features);
  ArticleRecord record;
  record.terms = std::move(features.terms);
  record.minhash = std::move(features.minhash);
  record.day = ParseDay(article.date);
  ArticleAssignment out = state_->Place(std::move(record), article.source);
  out.no_content = no_content;
  return out;
}

Status EventClusterer::Restore(const ArticleRecord& record, int64_t event,
                               std::optional<uint64_t> duplicate_of, std::string_view source) {
  State& s = *state_;
  const uint64_t index = s.article_event.size();
  for (const auto& [term, w] : record.terms) {
    if (term >= s.dictionary.size()) {
      return InternalError(fmt::format("stored article {} uses unknown term id {}", index, term));
    }
  }
  if (duplicate_of) {
    if (*duplicate_of >= index) {
      return InternalError(fmt::format("stored article {} copies a later article {}", index,
                                       *duplicate_of));
    }
    s.JoinAsDuplicate(*duplicate_of, record.day);
    if (s.article_event.back() != event) {
      return InternalError(fmt::format("stored article {} is in event {} but its original in {}",
                                       index, event, s.article_event.back()));
    }
    return Status::Ok();
  }
  const auto events = static_cast<int64_t>(s.events.size());
  if (event < 1 || event > events + 1) {
    return InternalError(fmt::format("stored article {} names event {} out of order", index, event));
  }
  s.Count(record);
  if (event == events + 1) s.events.emplace_back();
  s.Join(static_cast<uint32_t>(event - 1), record, source);
  s.article_event.push_back(event);
  s.article_original.push_back(index);
  if (!record.minhash.empty()) s.duplicates.Insert(index, record.minhash);
  return Status::Ok();
}

const std::string& EventClusterer::Term(uint32_t id) const { return state_->dictionary.Term(id); }
uint32_t EventClusterer::TermCount() const { return state_->dictionary.size(); }

const std::string& EventClusterer::TermLabel(uint32_t id) const {
  const std::vector<std::string>& labels = state_->features.term_label;
  return id < labels.size() && !labels[id].empty() ? labels[id] : Term(id);
}

Status EventClusterer::RestoreTerm(uint32_t id, std::string_view stem, std::string_view label) {
  if (id != state_->dictionary.size() || state_->dictionary.Intern(stem) != id) {
    return InternalError(fmt::format("stored term {} ('{}') is out of order or repeated", id, stem));
  }
  state_->features.term_label.resize(id + 1);
  state_->features.term_label[id] = label;
  return Status::Ok();
}

uint64_t EventClusterer::ArticleCount() const { return state_->article_event.size(); }
int64_t EventClusterer::EventCount() const { return static_cast<int64_t>(state_->events.size()); }
const ClustererOptions& EventClusterer::options() const { return state_->options; }

EventInfo EventClusterer::Describe(int64_t id, uint32_t terms) const {
  EventInfo info;
  if (id < 1 || id > EventCount()) return info;
  const Event& ev = state_->events[id - 1];
  info.id = id;
  std::vector<std::pair<double, uint32_t>> ranked;
  for (const auto& [term, c] : ev.centroid) ranked.emplace_back(-c * state_->Idf(term), term);
  const size_t top = std::min<size_t>(terms, ranked.size());
  std::partial_sort(ranked.begin(), ranked.begin() + top, ranked.end());
  for (size_t i = 0; i < top; ++i) info.top_terms.push_back(TermLabel(ranked[i].second));
  if (ev.min_day != ArticleRecord::kNoDay) {
    info.first_date = FormatDay(ev.min_day);
    info.last_date = FormatDay(ev.max_day);
  }
  info.articles = ev.articles;
  info.duplicates = ev.duplicates;
  info.independent_sources = static_cast<uint32_t>(ev.sources.size()) + ev.anonymous;
  return info;
}

// Howard Hinnant's days_from_civil / civil_from_days.
int32_t ParseDay(std::string_view date) {
  if (date.size() < 10 || date[4] != '-' || date[7] != '-') return ArticleRecord::kNoDay;
  auto digits = [&](size_t from, size_t n, int* out) {
    int v = 0;
    for (size_t i = from; i < from + n; ++i) {
      if (date[i] < '0' || date[i] > '9') return false;
      v = v * 10 + (date[i] - '0');
    }
    *out = v;
    return true;
  };
  int y = 0, m = 0, d = 0;
  if (!digits(0, 4, &y) || !digits(5, 2, &m) || !digits(8, 2, &d)) return ArticleRecord::kNoDay;
  if (m < 1 || m > 12 || d < 1 || d > 31) return ArticleRecord::kNoDay;
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string FormatDay(int32_t day) {
  const int z = day + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int d = doy - (153 * mp + 2) / 5 + 1;
  const int m = mp + (mp < 10 ? 3 : -9);
  const int y = yoe + era * 400 + (m <= 2);
  return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

}  // namespace chorus
