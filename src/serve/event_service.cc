#include "serve/event_service.h"

#include <fmt/format.h>

#include <utility>

#include "chorus/event_json.h"

namespace chorus::serve {
namespace {

// The event JSON every face prints (chorus/event_json.h), as a json value.
nlohmann::json DescribeEvent(const EventInfo& e) { return nlohmann::json::parse(EventToJson(e)); }

}  // namespace

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

Result<nlohmann::json> EventService::AddArticles(std::vector<Document> articles) {
  nlohmann::json added = nlohmann::json::array();
  nlohmann::json skipped = nlohmann::json::array();
  const AssignmentSink sink = [&](const StreamAssignment& a) {
    added.push_back(nlohmann::json::parse(AssignmentToJson(a)));
  };
  std::lock_guard<std::mutex> lock(mu_);
  for (Document& d : articles) {
    std::string id = d.id;
    bool was_added = false;
    RETURN_IF_ERROR(stream_->Add(std::move(d), sink, &was_added));
    if (!was_added) skipped.push_back(std::move(id));
  }
  // Acknowledged only once committed: the response means "stored".
  RETURN_IF_ERROR(stream_->Flush(sink));
  UpdateCounts();
  return nlohmann::json{{"articles", std::move(added)}, {"skipped", std::move(skipped)}};
}

Result<nlohmann::json> EventService::ListEvents(EventPage page) const {
  // One event past the page tells whether another page follows.
  const uint32_t limit = page.limit;
  if (limit > 0) ++page.limit;
  std::lock_guard<std::mutex> lock(mu_);
  ASSIGN_OR_RETURN(std::vector<EventInfo> events, stream_->store().ListEvents(page));
  nlohmann::json next = nullptr;
  if (limit > 0 && events.size() > limit) {
    events.resize(limit);
    next = events.back().id;
  }
  nlohmann::json list = nlohmann::json::array();
  for (const EventInfo& e : events) list.push_back(DescribeEvent(e));
  return nlohmann::json{{"events", std::move(list)}, {"next_after", std::move(next)}};
}

Result<std::pair<nlohmann::json, Cluster>> EventService::LoadEvent(int64_t id) const {
  std::lock_guard<std::mutex> lock(mu_);
  if (id < 1 || id > stream_->clusterer().EventCount()) {
    return NotFoundError(fmt::format("no event {}", id));
  }
  ASSIGN_OR_RETURN(Cluster cluster, stream_->store().LoadEvent(id, false, view_));
  return std::pair{DescribeEvent(stream_->clusterer().Describe(id)), std::move(cluster)};
}

}  // namespace chorus::serve
