#include "serve/event_service.h"

#include <fmt/format.h>

#include <utility>

namespace chorus::serve {

EventService::EventService(std::unique_ptr<EventStream> stream, EventSample view)
    : stream_(std::move(stream)), view_(view) {
  UpdateCounts();
}

Result<std::unique_ptr<EventService>> EventService::Open(const std::string& path,
                                                         EventSample view) {
  ASSIGN_OR_RETURN(std::unique_ptr<EventStream> stream,
                   EventStream::Open(path.empty() ? ":memory:" : path, {}));
  return std::unique_ptr<EventService>(new EventService(std::move(stream), view));
}

void EventService::UpdateCounts() {
  articles_ = stream_->clusterer().ArticleCount();
  events_ = stream_->clusterer().EventCount();
}

Result<AddedArticles> EventService::AddArticles(std::vector<Document> articles) {
  AddedArticles added;
  const AssignmentSink sink = [&](const StreamAssignment& a) { added.assignments.push_back(a); };
  MutexLock lock(&mu_);
  for (Document& d : articles) {
    std::string id = d.id;
    bool was_added = false;
    RETURN_IF_ERROR(stream_->Add(std::move(d), sink, &was_added));
    if (!was_added) added.skipped.push_back(std::move(id));
  }
  // Acknowledged only once committed: the response means "stored".
  RETURN_IF_ERROR(stream_->Flush(sink));
  UpdateCounts();
  return added;
}

Result<EventListPage> EventService::ListEvents(EventPage page) const {
  // One event past the page tells whether another page follows.
  const uint32_t limit = page.limit;
  if (limit > 0) ++page.limit;
  MutexLock lock(&mu_);
  EventListPage out;
  ASSIGN_OR_RETURN(out.events, stream_->store().ListEvents(page));
  if (limit > 0 && out.events.size() > limit) {
    out.events.resize(limit);
    out.next_after = out.events.back().id;
  }
  return out;
}

Result<std::pair<EventInfo, Cluster>> EventService::LoadEvent(int64_t id) const {
  MutexLock lock(&mu_);
  if (id < 1 || id > stream_->clusterer().EventCount()) {
    return NotFoundError(fmt::format("no event {}", id));
  }
  // An event merged into an older one is shown as the event it is now part of.
  ASSIGN_OR_RETURN(Cluster cluster, stream_->store().LoadEvent(id, false, view_));
  return std::pair{stream_->clusterer().Describe(stream_->clusterer().CurrentEvent(id)),
                   std::move(cluster)};
}

}  // namespace chorus::serve
