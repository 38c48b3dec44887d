#include <set>
#include <string>
#include <unordered_map>

#include "chorus/partitioned_clustering.h"
#include "cluster/store_batches.h"
#include "fmt/format.h"

namespace chorus {

struct StitchedStoreWriter::State {
  uint32_t batch_size = 0;
  std::unique_ptr<EventStore> store;
  // The stitched events, replayed: each article is featurized by it (its
  // terms enter its dictionary) and placed in the event it was given.
  EventClusterer merged;
  std::unordered_map<std::string, uint64_t> seq_of;  // article id -> seq
  uint32_t stored_terms = 0;
  StoreBatch pending;
  std::set<int64_t> touched;
  uint64_t skipped = 0;
  // Set when an article could not be replayed or a batch not written: the
  // merged clusterer is then ahead of the store, so the writer stops.
  Status broken;

  explicit State(const ClustererOptions& o) : merged(o) {}
};

StitchedStoreWriter::StitchedStoreWriter(std::unique_ptr<State> state) : state_(std::move(state)) {}
StitchedStoreWriter::~StitchedStoreWriter() = default;

Result<std::unique_ptr<StitchedStoreWriter>> StitchedStoreWriter::Open(const std::string& path,
                                                                       ClustererOptions options,
                                                                       uint32_t batch_size) {
  if (batch_size == 0) return InvalidArgumentError("batch size must be at least 1");
  auto state = std::make_unique<State>(options);
  state->batch_size = batch_size;
  ASSIGN_OR_RETURN(state->store, EventStore::Open(path, StoreOptions{}));
  ASSIGN_OR_RETURN(const uint64_t held, state->store->ArticleCount());
  if (held > 0) {
    return InvalidArgumentError(fmt::format(
        "{} already holds {} articles: write a stitched clustering into a new store", path, held));
  }
  return std::unique_ptr<StitchedStoreWriter>(new StitchedStoreWriter(std::move(state)));
}

Status StitchedStoreWriter::Append(Document article, int64_t event,
                                   const std::optional<std::string>& duplicate_of) {
  State& s = *state_;
  RETURN_IF_ERROR(s.broken);
  if (article.id.empty()) return InvalidArgumentError("article has no id");
  const uint64_t seq = s.seq_of.size();
  if (!s.seq_of.emplace(article.id, seq).second) {
    ++s.skipped;
    return Status::Ok();
  }
  std::optional<uint64_t> original;
  if (duplicate_of) {
    const auto it = s.seq_of.find(*duplicate_of);
    if (it == s.seq_of.end() || it->second == seq) {
      s.seq_of.erase(article.id);
      return InvalidArgumentError(fmt::format(
          "article {} copies {}, which was not written before it", article.id, *duplicate_of));
    }
    original = it->second;
  }
  if (!original && (event < 1 || event > s.merged.EventCount() + 1)) {
    s.seq_of.erase(article.id);
    return InvalidArgumentError(fmt::format(
        "article {} opens event {} but the last event is {}: events must appear in id order",
        article.id, event, s.merged.EventCount()));
  }
  ArticleRecord record = s.merged.Represent(article);
  Status placed = s.merged.Restore(record, event, original, article.source);
  if (!placed.ok()) {
    s.broken = InvalidArgumentError(fmt::format("article {}: {}", article.id, placed.message()));
    return s.broken;
  }
  StoredArticle stored;
  stored.seq = seq;
  stored.event = event;
  stored.duplicate_of = original;
  stored.record = std::move(record);
  stored.document = std::move(article);
  s.pending.articles.push_back(std::move(stored));
  s.touched.insert(event);
  // The replay may merge the event (Restore remakes merges): the event it
  // joined changed too.
  s.touched.insert(s.merged.CurrentEvent(event));
  return s.pending.articles.size() >= s.batch_size ? Flush() : Status::Ok();
}

Status StitchedStoreWriter::Flush() {
  State& s = *state_;
  RETURN_IF_ERROR(s.broken);
  if (s.pending.articles.empty()) return Status::Ok();
  Status written = CommitBatch(s.merged, s.touched, &s.pending, &s.stored_terms, s.store.get());
  if (!written.ok()) {
    s.broken = written;
    return written;
  }
  s.pending = StoreBatch();
  s.touched.clear();
  return Status::Ok();
}

uint64_t StitchedStoreWriter::articles() const { return state_->seq_of.size(); }
uint64_t StitchedStoreWriter::skipped() const { return state_->skipped; }

}  // namespace chorus
