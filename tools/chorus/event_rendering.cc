#include "event_rendering.h"

#include <fmt/format.h>

namespace chorus::cli {
namespace {

std::string Label(const EventInfo& event) {
  std::string label;
  for (const std::string& t : event.top_terms) {
    if (!label.empty()) label += ' ';
    label += t;
  }
  return label;
}

}  // namespace

nlohmann::ordered_json EventJson(const EventInfo& event) {
  nlohmann::ordered_json j;
  j["event"] = event.id;
  j["label"] = Label(event);
  j["first_date"] = event.first_date.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(event.first_date);
  j["last_date"] = event.last_date.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(event.last_date);
  j["articles"] = event.articles;
  j["duplicates"] = event.duplicates;
  j["independent_sources"] = event.independent_sources;
  return j;
}

nlohmann::ordered_json AssignmentJson(const StreamAssignment& a) {
  nlohmann::ordered_json j;
  j["article"] = a.article;
  j["event"] = a.event;
  j["duplicate_of"] = a.duplicate_of ? nlohmann::ordered_json(*a.duplicate_of) : nlohmann::ordered_json();
  return j;
}

void PrintEventTable(const std::vector<EventInfo>& events, std::ostream& out) {
  out << fmt::format("{:>7}  {:>8}  {:>7}  {:>10}  {:>10}  {}\n", "EVENT", "ARTICLES", "SOURCES",
                     "FIRST", "LAST", "LABEL");
  for (const EventInfo& e : events) {
    out << fmt::format("{:>7}  {:>8}  {:>7}  {:>10}  {:>10}  {}\n", e.id, e.articles,
                       e.independent_sources, e.first_date.empty() ? "-" : e.first_date,
                       e.last_date.empty() ? "-" : e.last_date, Label(e));
  }
}

}  // namespace chorus::cli
