// EventStream: online event clustering backed by an EventStore, the engine of
// `chorus cluster`.
//
// Opening replays the store into an EventClusterer (from stored features, no
// re-tokenizing), so new articles continue the same events. Add() assigns an
// article at once but acknowledges it (calls the sink) only after the batch
// holding it is committed; an article id already stored, or already seen in
// this run, is skipped, so re-running a feed after a crash stores every
// article exactly once.
//
//   ASSIGN_OR_RETURN(auto stream, chorus::EventStream::Open("chorus.db", {}));
//   auto print = [](const chorus::StreamAssignment& a) { Print(a); };
//   for (auto& doc : docs) RETURN_IF_ERROR(stream->Add(std::move(doc), print));
//   RETURN_IF_ERROR(stream->Flush(print));
//
// Thread safety: not thread-safe. Not copyable; owned by unique_ptr. After a
// failed commit the stream refuses further work (its memory is ahead of the
// store); reopen it.
#ifndef CHORUS_EVENT_STREAM_H_
#define CHORUS_EVENT_STREAM_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "chorus/clusterer.h"
#include "chorus/document.h"
#include "chorus/status.h"
#include "chorus/store.h"

namespace chorus {

struct EventStreamOptions {
  ClustererOptions clusterer;  // how articles are grouped
  StoreOptions store;          // how the database is opened
  // Articles per transaction. Default 500: large enough that commits cost
  // little, small enough that a crash redoes little.
  uint32_t batch_size = 500;
};

// What `chorus cluster` reports per article, once it is committed.
struct StreamAssignment {
  std::string article;                      // article id
  int64_t event = 0;                        // event id
  bool new_event = false;                   // the article opened the event
  std::optional<std::string> duplicate_of;  // id of the article it copies
  // Set when the article's event, young, then merged into this older event
  // (the learned rule; ArticleAssignment::merged_into).
  std::optional<int64_t> merged_into;
};

using AssignmentSink = std::function<void(const StreamAssignment&)>;

class EventStream {
 public:
  static Result<std::unique_ptr<EventStream>> Open(const std::string& path,
                                                   EventStreamOptions options);
  ~EventStream();
  EventStream(const EventStream&) = delete;
  EventStream& operator=(const EventStream&) = delete;

  // Assigns `article`; commits when a batch is full and then reports the
  // batch's articles to `sink`. Returns false in *added (when given) for an
  // id seen before; an article without id is an InvalidArgument error.
  Status Add(Document article, const AssignmentSink& sink, bool* added = nullptr);
  // Commits and reports what is pending.
  Status Flush(const AssignmentSink& sink);

  uint64_t skipped() const;  // articles skipped as already stored
  const EventClusterer& clusterer() const;
  const EventStore& store() const;

 private:
  struct State;
  explicit EventStream(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace chorus

#endif  // CHORUS_EVENT_STREAM_H_
