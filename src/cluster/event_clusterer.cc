#include <algorithm>
#include <cmath>

#include "chorus/clusterer.h"
#include "chorus/event_model.h"
#include "cluster/clustering_state.h"
#include "cluster/model_choice.h"
#include "cluster/near_duplicates.h"
#include "fmt/format.h"

namespace chorus {

struct EventClusterer::State {
  ClusteringState stream;
  std::shared_ptr<const EventModel> model;  // null under the cosine rule
  NearDuplicateIndex duplicates;
  std::vector<int64_t> article_event;      // by arrival index, as assigned
  std::vector<uint32_t> merged_into;       // by event index: itself, or the event it merged into
  std::vector<uint64_t> article_original;  // by arrival index; itself unless a duplicate
  std::vector<uint32_t> candidates;        // scratch
  std::vector<PairFeatures> features;      // scratch, by candidate

  explicit State(const ClustererOptions& options) : stream(options) {
    if (options.rule == SimilarityRule::kLearned) {
      model = options.model ? options.model : EventModel::Default();
    }
  }
  const ClustererOptions& options() const { return stream.options(); }
  ArticleAssignment Place(ArticleRecord record, std::string_view source);
  int64_t Choose(const ArticleRecord& record, std::string_view source, double* similarity);
  int64_t ChooseByCosine(const ArticleRecord& record, double* similarity) const;
  int64_t ChooseByModel(double* similarity) const;
  std::optional<double> MergeProbability() const;
  int64_t OlderTwin(uint32_t event, double cut);
  void MergeIfSplit(uint32_t event, ArticleAssignment* out);
  uint32_t Current(uint32_t event) const;
  void Join(uint32_t event, const ArticleRecord& record, std::string_view source);
  void JoinAsDuplicate(uint64_t original, int32_t day);
  uint32_t CreateEvent() {
    const uint32_t event = stream.index().Create();
    merged_into.push_back(event);
    return event;
  }
};

// The best candidate event (index) for `record`, or -1 when it should open a
// new event.
int64_t EventClusterer::State::Choose(const ArticleRecord& record, std::string_view source,
                                      double* similarity) {
  *similarity = 0;
  stream.Judge(record, source, article_event.size(), &candidates, &features);
  if (candidates.empty()) return -1;
  return model ? ChooseByModel(similarity) : ChooseByCosine(record, similarity);
}

// Earlier releases' rule: the time-adjusted cosine must reach the threshold.
int64_t EventClusterer::State::ChooseByCosine(const ArticleRecord& record,
                                              double* similarity) const {
  const ClustererOptions& o = options();
  int64_t best = -1;
  double best_sim = 0;
  for (size_t i = 0; i < candidates.size(); ++i) {
    const int32_t gap = DaysOutside(record.day, stream.index().event(candidates[i]));
    double sim = features[i][kCosineTerms];
    if (gap >= 0) {
      if (o.decay_days > 0) sim *= std::exp(-gap / o.decay_days);
      sim *= 1 + o.dated_boost;
    }
    if (sim > best_sim) {
      best_sim = sim;
      best = candidates[i];
    }
  }
  *similarity = best_sim;
  return best_sim >= o.threshold ? best : -1;
}

// The learned rule: the ranker picks the best candidate, the decider says
// whether the article belongs to it.
int64_t EventClusterer::State::ChooseByModel(double* similarity) const {
  const ModelChoice choice = ChooseWithModel(*model, features);
  *similarity = choice.probability;
  if (choice.probability < options().join_probability.value_or(model->join_probability())) {
    return -1;
  }
  return candidates[choice.best];
}

std::optional<double> EventClusterer::State::MergeProbability() const {
  if (!model || options().merge_members == 0) return std::nullopt;
  return options().merge_probability ? options().merge_probability : model->merge_probability();
}

// A story that split early: the older live event that young event `event`
// belongs to, judged by the model as if the event (its centroids, mean date
// and length) were an article, at the merge cut; -1 when there is none.
// Bounded like an article's judgement: candidates come from the index.
int64_t EventClusterer::State::OlderTwin(uint32_t event, double cut) {
  const Event& ev = stream.index().event(event);
  ArticleRecord pseudo;
  pseudo.terms = ev.centroid;
  pseudo.headline = ev.headline;
  pseudo.names = ev.names;
  pseudo.numbers = ev.numbers;
  pseudo.words = static_cast<uint32_t>(ev.words / std::max(1u, ev.members()));
  if (ev.dated > 0) pseudo.day = static_cast<int32_t>(ev.day_sum / ev.dated);
  stream.Judge(pseudo, "", article_event.size(), &candidates, &features);
  size_t kept = 0;
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (candidates[i] >= event) continue;  // itself, or younger
    candidates[kept] = candidates[i];
    features[kept++] = features[i];
  }
  if (kept == 0) return -1;
  candidates.resize(kept);
  features.resize(kept);
  const ModelChoice choice = ChooseWithModel(*model, features);
  if (choice.probability < cut) return -1;
  return candidates[choice.best];
}

// After a join: a young event (2..merge_members members) that the model
// places in an older one folds into it, which keeps its id.
void EventClusterer::State::MergeIfSplit(uint32_t event, ArticleAssignment* out) {
  const std::optional<double> cut = MergeProbability();
  if (!cut) return;
  const uint32_t members = stream.index().event(event).members();
  if (members < 2 || members > options().merge_members) return;
  const int64_t into = OlderTwin(event, *cut);
  if (into < 0) return;
  stream.index().Merge(event, static_cast<uint32_t>(into), article_event.size());
  merged_into[event] = static_cast<uint32_t>(into);
  if (out) out->merged_into = into + 1;
}

uint32_t EventClusterer::State::Current(uint32_t event) const {
  while (merged_into[event] != event) event = merged_into[event];
  return event;
}

void EventClusterer::State::Join(uint32_t event, const ArticleRecord& record,
                                 std::string_view source) {
  const uint64_t index = article_event.size();
  stream.index().Join(event, record, source, index);
  article_event.push_back(event + 1);
  article_original.push_back(index);
  if (!record.minhash.empty()) duplicates.Insert(index, record.minhash);
}

void EventClusterer::State::JoinAsDuplicate(uint64_t original, int32_t day) {
  const uint64_t root = article_original[original];
  const int64_t event = Current(static_cast<uint32_t>(article_event[root] - 1)) + 1;
  stream.index().JoinAsDuplicate(static_cast<uint32_t>(event - 1), day);
  article_event.push_back(event);
  article_original.push_back(root);
}

ArticleAssignment EventClusterer::State::Place(ArticleRecord record, std::string_view source) {
  ArticleAssignment out;
  if (!record.minhash.empty()) {
    if (auto original = duplicates.FindOriginal(record.minhash, options().duplicate_jaccard)) {
      JoinAsDuplicate(*original, record.day);
      out.event = article_event.back();
      out.duplicate_of = article_original.back();
      out.similarity = 1;
      out.record = std::move(record);
      return out;
    }
  }
  stream.index().Count(record);
  int64_t best = Choose(record, source, &out.similarity);
  if (best < 0) {
    best = CreateEvent();
    out.new_event = true;
    out.similarity = 0;
  }
  Join(static_cast<uint32_t>(best), record, source);
  MergeIfSplit(static_cast<uint32_t>(best), &out);
  out.event = best + 1;
  out.record = std::move(record);
  return out;
}

EventClusterer::EventClusterer(ClustererOptions options)
    : state_(std::make_unique<State>(options)) {}
EventClusterer::~EventClusterer() = default;
EventClusterer::EventClusterer(EventClusterer&&) noexcept = default;
EventClusterer& EventClusterer::operator=(EventClusterer&&) noexcept = default;

ArticleRecord EventClusterer::Represent(const Document& article) {
  bool no_content = false;
  return state_->stream.Represent(article, &no_content);
}

ArticleRecord EventClusterer::Represent(const Document& article, bool* no_content) {
  return state_->stream.Represent(article, no_content);
}

ArticleAssignment EventClusterer::Add(const Document& article) {
  bool no_content = false;
  ArticleRecord record = state_->stream.Represent(article, &no_content);
  ArticleAssignment out = state_->Place(std::move(record), article.source);
  out.no_content = no_content;
  return out;
}

ArticleAssignment EventClusterer::Add(ArticleRecord record, std::string_view source) {
  return state_->Place(std::move(record), source);
}

Status EventClusterer::SeedTermCounts(const TermCounts& counts) {
  if (counts.labels.size() != counts.terms.size() || counts.df.size() != counts.terms.size()) {
    return InvalidArgumentError(fmt::format("term counts: {} terms, {} labels and {} frequencies",
                                            counts.terms.size(), counts.labels.size(),
                                            counts.df.size()));
  }
  ClusteringState& s = state_->stream;
  for (size_t i = 0; i < counts.terms.size(); ++i) {
    s.index().CountTerm(InternTerm(counts.terms[i], counts.labels[i]), counts.df[i]);
  }
  s.index().CountDocs(counts.docs);
  return Status::Ok();
}

Status EventClusterer::Restore(const ArticleRecord& record, int64_t event,
                               std::optional<uint64_t> duplicate_of, std::string_view source) {
  State& s = *state_;
  const uint64_t index = s.article_event.size();
  const uint32_t terms = s.stream.dictionary().size();
  for (const auto* v : {&record.terms, &record.headline, &record.names, &record.numbers}) {
    for (const auto& [term, w] : *v) {
      if (term >= terms) {
        return InternalError(fmt::format("stored article {} uses unknown term id {}", index, term));
      }
    }
  }
  if (duplicate_of) {
    if (*duplicate_of >= index) {
      return InternalError(
          fmt::format("stored article {} copies a later article {}", index, *duplicate_of));
    }
    s.JoinAsDuplicate(*duplicate_of, record.day);
    if (s.article_event.back() != event) {
      return InternalError(fmt::format("stored article {} is in event {} but its original in {}",
                                       index, event, s.article_event.back()));
    }
    return Status::Ok();
  }
  const auto events = static_cast<int64_t>(s.stream.index().size());
  if (event < 1 || event > events + 1) {
    return InternalError(
        fmt::format("stored article {} names event {} out of order", index, event));
  }
  s.stream.index().Count(record);
  if (event == events + 1) s.CreateEvent();
  // Under the model that stored it, no article joins a merged event; under
  // another, the replay's own merges are followed.
  const uint32_t joined = s.Current(static_cast<uint32_t>(event - 1));
  s.Join(joined, record, source);
  // The merge Add made after this join, made again from the same state.
  s.MergeIfSplit(joined, nullptr);
  return Status::Ok();
}

const std::string& EventClusterer::Term(uint32_t id) const {
  return state_->stream.dictionary().Term(id);
}
uint32_t EventClusterer::TermCount() const { return state_->stream.dictionary().size(); }

const std::string& EventClusterer::TermLabel(uint32_t id) const {
  const std::vector<std::string>& labels = state_->stream.features().term_label;
  return id < labels.size() && !labels[id].empty() ? labels[id] : Term(id);
}

Status EventClusterer::RestoreTerm(uint32_t id, std::string_view stem, std::string_view label) {
  TermDictionary& dictionary = state_->stream.dictionary();
  if (id != dictionary.size() || dictionary.Intern(stem) != id) {
    return InternalError(
        fmt::format("stored term {} ('{}') is out of order or repeated", id, stem));
  }
  std::vector<std::string>& labels = state_->stream.features().term_label;
  labels.resize(id + 1);
  labels[id] = label;
  return Status::Ok();
}

uint32_t EventClusterer::InternTerm(std::string_view stem, std::string_view label) {
  const uint32_t id = state_->stream.dictionary().Intern(stem);
  std::vector<std::string>& labels = state_->stream.features().term_label;
  if (id >= labels.size()) {
    labels.resize(id + 1);
    labels[id] = label;
  }
  return id;
}

int64_t EventClusterer::CurrentEvent(int64_t id) const {
  if (id < 1 || id > EventCount()) return id;
  return state_->Current(static_cast<uint32_t>(id - 1)) + 1;
}

uint64_t EventClusterer::ArticleCount() const { return state_->article_event.size(); }
int64_t EventClusterer::EventCount() const { return state_->stream.index().size(); }
const ClustererOptions& EventClusterer::options() const { return state_->options(); }

EventInfo EventClusterer::Describe(int64_t id, uint32_t terms) const {
  EventInfo info;
  if (id < 1 || id > EventCount()) return info;
  const EventIndex& index = state_->stream.index();
  const Event& ev = index.event(static_cast<uint32_t>(id - 1));
  info.id = id;
  std::vector<std::pair<double, uint32_t>> ranked;
  for (const auto& [term, c] : ev.centroid) ranked.emplace_back(-c * index.Idf(term), term);
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
  const uint32_t into = state_->merged_into[static_cast<uint32_t>(id - 1)];
  if (into != static_cast<uint32_t>(id - 1)) info.merged_into = into + 1;
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
