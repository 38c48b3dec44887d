#include "chorus/event_stream.h"

#include <set>
#include <unordered_set>
#include <vector>

#include "cluster/store_batches.h"
#include "fmt/format.h"

namespace chorus {

struct EventStream::State {
  EventStreamOptions options;
  std::unique_ptr<EventStore> store;
  EventClusterer clusterer;
  std::vector<std::string> ids;           // article id by seq
  std::unordered_set<std::string> known;  // ids stored or pending
  uint32_t stored_terms = 0;              // dictionary entries already in the store
  StoreBatch pending;
  std::set<int64_t> touched;                                // events changed by the pending batch
  std::vector<bool> pending_new_event;                      // per pending article
  std::vector<std::optional<int64_t>> pending_merged_into;  // per pending article
  uint64_t skipped = 0;
  Status broken;  // set when a commit failed

  explicit State(const EventStreamOptions& o) : options(o), clusterer(o.clusterer) {}
  Status Replay();
  Status ReplayDerivingFeatures();
  Status Restore(const StoredArticle& a);
};

Status EventStream::State::Restore(const StoredArticle& a) {
  if (a.seq != ids.size()) {
    return InternalError(fmt::format("{}: article sequence has a gap at {}", store->path(), a.seq));
  }
  RETURN_IF_ERROR(clusterer.Restore(a.record, a.event, a.duplicate_of, a.document.source));
  known.insert(a.document.id);
  ids.push_back(a.document.id);
  return Status::Ok();
}

// A store whose features an earlier featurizer computed (one written by an
// earlier release): each article is featurized again from its stored text,
// placed where it was, and the new features replace the old.
Status EventStream::State::ReplayDerivingFeatures() {
  std::vector<StoredArticle> articles;
  RETURN_IF_ERROR(store->ForEachArticle(
      [&](StoredArticle&& a) -> Status {
        a.record = clusterer.Represent(a.document);
        RETURN_IF_ERROR(Restore(a));
        a.document = Document();  // only the features are written back
        articles.push_back(std::move(a));
        return Status::Ok();
      },
      /*with_documents=*/true));
  RETURN_IF_ERROR(store->ReplaceFeatures(TermsFrom(clusterer, 0), articles));
  stored_terms = clusterer.TermCount();
  return Status::Ok();
}

Status EventStream::State::Replay() {
  if (store->features() != kArticleFeatures) return ReplayDerivingFeatures();
  RETURN_IF_ERROR(
      store->ForEachTerm([&](uint32_t id, std::string_view stem, std::string_view label) {
        return clusterer.RestoreTerm(id, stem, label);
      }));
  stored_terms = clusterer.TermCount();
  return store->ForEachArticle([&](StoredArticle&& a) { return Restore(a); });
}

EventStream::EventStream(std::unique_ptr<State> state) : state_(std::move(state)) {}
EventStream::~EventStream() = default;

Result<std::unique_ptr<EventStream>> EventStream::Open(const std::string& path,
                                                       EventStreamOptions options) {
  if (options.batch_size == 0) return InvalidArgumentError("batch size must be at least 1");
  auto state = std::make_unique<State>(options);
  ASSIGN_OR_RETURN(state->store, EventStore::Open(path, options.store));
  RETURN_IF_ERROR(state->Replay());
  return std::unique_ptr<EventStream>(new EventStream(std::move(state)));
}

Status EventStream::Add(Document article, const AssignmentSink& sink, bool* added) {
  State& s = *state_;
  if (added) *added = false;
  RETURN_IF_ERROR(s.broken);
  if (article.id.empty()) return InvalidArgumentError("article has no id");
  if (!s.known.insert(article.id).second) {
    ++s.skipped;
    return Status::Ok();
  }
  ArticleAssignment a = s.clusterer.Add(article);
  StoredArticle stored;
  stored.seq = s.ids.size();
  stored.event = a.event;
  stored.duplicate_of = a.duplicate_of;
  stored.record = std::move(a.record);
  s.ids.push_back(article.id);
  stored.document = std::move(article);
  s.pending.articles.push_back(std::move(stored));
  s.pending_new_event.push_back(a.new_event);
  s.pending_merged_into.push_back(a.merged_into);
  if (a.merged_into) s.touched.insert(*a.merged_into);
  s.touched.insert(a.event);
  if (added) *added = true;
  if (s.pending.articles.size() >= s.options.batch_size) return Flush(sink);
  return Status::Ok();
}

Status EventStream::Flush(const AssignmentSink& sink) {
  State& s = *state_;
  RETURN_IF_ERROR(s.broken);
  if (s.pending.articles.empty()) return Status::Ok();
  Status written = CommitBatch(s.clusterer, s.touched, &s.pending, &s.stored_terms, s.store.get());
  if (!written.ok()) {
    s.broken = written;
    return written;
  }
  for (size_t i = 0; i < s.pending.articles.size(); ++i) {
    const StoredArticle& a = s.pending.articles[i];
    StreamAssignment out;
    out.article = a.document.id;
    out.event = a.event;
    out.new_event = s.pending_new_event[i];
    out.merged_into = s.pending_merged_into[i];
    if (a.duplicate_of) out.duplicate_of = s.ids[*a.duplicate_of];
    if (sink) sink(out);
  }
  s.pending = StoreBatch();
  s.pending_new_event.clear();
  s.pending_merged_into.clear();
  s.touched.clear();
  return Status::Ok();
}

uint64_t EventStream::skipped() const { return state_->skipped; }
const EventClusterer& EventStream::clusterer() const { return state_->clusterer; }
const EventStore& EventStream::store() const { return *state_->store; }

}  // namespace chorus
