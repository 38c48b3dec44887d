// Rendering events and per-article event assignments for people and programs.
// `chorus cluster`, `chorus events` and the HTTP server print exactly these,
// so every face shows the same event table byte for byte.
//
// Assignment JSON (one line an article, issue 6's JSONL):
//   {"article": id, "event": id, "duplicate_of": id|null}
// Event JSON: {"event": id, "label": top terms joined by spaces, "first_date":
//   "YYYY-MM-DD"|null, "last_date": ...|null, "articles": n (copies included),
//   "duplicates": n, "independent_sources": n}
// Run JSON (`chorus cluster --format json`): {"articles": [assignment...],
//   "events": [event...], "skipped": n}
// Text: a fixed-width table, a header line then one event a line.
//
//   std::cout << chorus::AssignmentToJson(assignment) << "\n";
//   std::cout << chorus::EventTableText(*store->ListEvents());
//
// Thread safety: pure functions of their arguments. Invalid UTF-8 in ids or
// labels is replaced (U+FFFD), never thrown.
#ifndef CHORUS_EVENT_JSON_H_
#define CHORUS_EVENT_JSON_H_

#include <cstdint>
#include <string>
#include <vector>

#include "chorus/clusterer.h"
#include "chorus/event_stream.h"

namespace chorus {

// The outcome of one clustering run, for ClusterRunToJson.
struct ClusterRun {
  std::vector<StreamAssignment> assignments;  // stored articles, in arrival order
  std::vector<EventInfo> events;              // events the run created or joined
  uint64_t skipped = 0;                       // articles already in the store
};

// An event's label: its top terms joined by single spaces.
std::string EventLabel(const EventInfo& event);

// JSON objects (or an array for EventsToJson); compact (one line) unless
// `indent` >= 0.
std::string AssignmentToJson(const StreamAssignment& assignment, int indent = -1);
std::string EventToJson(const EventInfo& event, int indent = -1);
std::string EventsToJson(const std::vector<EventInfo>& events, int indent = -1);
std::string ClusterRunToJson(const ClusterRun& run, int indent = -1);

// The table: EVENT, ARTICLES, SOURCES (independent), FIRST, LAST ("-" when
// undated), LABEL; every line ends in '\n'.
std::string EventTableText(const std::vector<EventInfo>& events);

}  // namespace chorus

#endif  // CHORUS_EVENT_JSON_H_
