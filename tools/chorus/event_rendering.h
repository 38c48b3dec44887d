// Rendering stored events and per-article assignments for the terminal and
// as JSON (shared by `chorus cluster` and `chorus events`).
#ifndef CHORUS_TOOLS_CHORUS_EVENT_RENDERING_H_
#define CHORUS_TOOLS_CHORUS_EVENT_RENDERING_H_

#include <nlohmann/json.hpp>
#include <ostream>
#include <vector>

#include "chorus/clusterer.h"
#include "chorus/event_stream.h"

namespace chorus::cli {

nlohmann::ordered_json EventJson(const EventInfo& event);
nlohmann::ordered_json AssignmentJson(const StreamAssignment& assignment);
// A fixed-width table, one event a line, with a header.
void PrintEventTable(const std::vector<EventInfo>& events, std::ostream& out);

}  // namespace chorus::cli

#endif  // CHORUS_TOOLS_CHORUS_EVENT_RENDERING_H_
