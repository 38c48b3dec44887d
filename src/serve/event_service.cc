#include "serve/event_service.h"

#include <fmt/format.h>

#include <utility>

namespace chorus::serve {
namespace {

nlohmann::json DescribeEvent(const EventInfo& e) {
  std::string label;
  for (size_t i = 0; i < e.top_terms.size() && i < 4; ++i) {
    label += (i ? ", " : "") + e.top_terms[i];
  }
  return {{"id", e.id},
          {"label", label},
          {"terms", e.top_terms},
          {"first_date", e.first_date},
          {"last_date", e.last_date},
          {"articles", e.articles},
          {"duplicates", e.duplicates},
          {"sources", e.independent_sources}};
}

}  // namespace

EventService::EventService(std::unique_ptr<EventStream> stream) : stream_(std::move(stream)) {
  UpdateCounts();
}

Result<std::unique_ptr<EventService>> EventService::Open(const std::string& path) {
  ASSIGN_OR_RETURN(std::unique_ptr<EventStream> stream,
                   EventStream::Open(path.empty() ? ":memory:" : path, {}));
  return std::unique_ptr<EventService>(new EventService(std::move(stream)));
}

void EventService::UpdateCounts() {
  articles_ = stream_->clusterer().ArticleCount();
  events_ = stream_->clusterer().EventCount();
}

Result<nlohmann::json> EventService::AddArticles(std::vector<Document> articles) {
  nlohmann::json added = nlohmann::json::array();
  nlohmann::json skipped = nlohmann::json::array();
  const AssignmentSink sink = [&](const StreamAssignment& a) {
    added.push_back({{"article", a.article},
                     {"event", a.event},
                     {"new_event", a.new_event},
                     {"duplicate_of", a.duplicate_of ? nlohmann::json(*a.duplicate_of) : nullptr}});
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

Result<nlohmann::json> EventService::ListEvents() const {
  std::lock_guard<std::mutex> lock(mu_);
  ASSIGN_OR_RETURN(std::vector<EventInfo> events, stream_->store().ListEvents());
  nlohmann::json list = nlohmann::json::array();
  for (const EventInfo& e : events) list.push_back(DescribeEvent(e));
  return nlohmann::json{{"events", std::move(list)}};
}

Result<std::pair<nlohmann::json, Cluster>> EventService::LoadEvent(int64_t id) const {
  std::lock_guard<std::mutex> lock(mu_);
  if (id < 1 || id > stream_->clusterer().EventCount()) {
    return NotFoundError(fmt::format("no event {}", id));
  }
  ASSIGN_OR_RETURN(Cluster cluster, stream_->store().LoadEvent(id));
  return std::pair{DescribeEvent(stream_->clusterer().Describe(id)), std::move(cluster)};
}

}  // namespace chorus::serve
