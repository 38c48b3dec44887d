#include "chorus/event_json.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace chorus {
namespace {

using Json = nlohmann::ordered_json;

Json DateOrNull(const std::string& date) { return date.empty() ? Json() : Json(date); }

Json AssignmentObject(const StreamAssignment& a) {
  Json out = {{"article", a.article},
              {"event", a.event},
              {"duplicate_of", a.duplicate_of ? Json(*a.duplicate_of) : Json()}};
  if (a.merged_into) out["merged_into"] = *a.merged_into;
  return out;
}

Json EventObject(const EventInfo& e) {
  Json out = {{"event", e.id},
              {"label", EventLabel(e)},
              {"first_date", DateOrNull(e.first_date)},
              {"last_date", DateOrNull(e.last_date)},
              {"articles", e.articles},
              {"duplicates", e.duplicates},
              {"independent_sources", e.independent_sources}};
  if (e.merged_into) out["merged_into"] = e.merged_into;
  return out;
}

Json EventArray(const std::vector<EventInfo>& events) {
  Json out = Json::array();
  for (const EventInfo& e : events) out.push_back(EventObject(e));
  return out;
}

// Ids and labels come from ingest, which repairs UTF-8; replace rather than
// throw should anything slip through.
std::string Dump(const Json& j, int indent) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string TableLine(std::string_view id, std::string_view articles, std::string_view sources,
                      std::string_view first, std::string_view last, std::string_view label) {
  return fmt::format("{:>7}  {:>8}  {:>7}  {:>10}  {:>10}  {}\n", id, articles, sources, first,
                     last, label);
}

}  // namespace

std::string EventLabel(const EventInfo& event) {
  // Only an event opened by a page with no content left after cleaning has no
  // terms; say so rather than print a blank label.
  if (event.top_terms.empty()) return "(no content)";
  std::string label;
  for (const std::string& t : event.top_terms) {
    if (!label.empty()) label += ' ';
    label += t;
  }
  return label;
}

std::string AssignmentToJson(const StreamAssignment& assignment, int indent) {
  return Dump(AssignmentObject(assignment), indent);
}

std::string EventToJson(const EventInfo& event, int indent) {
  return Dump(EventObject(event), indent);
}

std::string EventsToJson(const std::vector<EventInfo>& events, int indent) {
  return Dump(EventArray(events), indent);
}

std::string ClusterRunToJson(const ClusterRun& run, int indent) {
  Json articles = Json::array();
  for (const StreamAssignment& a : run.assignments) articles.push_back(AssignmentObject(a));
  const Json out = {{"articles", std::move(articles)},
                    {"events", EventArray(run.events)},
                    {"skipped", run.skipped}};
  return Dump(out, indent);
}

std::string EventTableText(const std::vector<EventInfo>& events) {
  std::string out = TableLine("EVENT", "ARTICLES", "SOURCES", "FIRST", "LAST", "LABEL");
  for (const EventInfo& e : events) {
    out +=
        TableLine(std::to_string(e.id), std::to_string(e.articles),
                  std::to_string(e.independent_sources), e.first_date.empty() ? "-" : e.first_date,
                  e.last_date.empty() ? "-" : e.last_date, EventLabel(e));
  }
  return out;
}

}  // namespace chorus
