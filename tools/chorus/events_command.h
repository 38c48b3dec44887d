// `chorus events`: lists the events of a store.
#ifndef CHORUS_TOOLS_CHORUS_EVENTS_COMMAND_H_
#define CHORUS_TOOLS_CHORUS_EVENTS_COMMAND_H_

#include <CLI/CLI.hpp>

namespace chorus::cli {

void AddEventsCommand(CLI::App& app, int* exit_code);

}  // namespace chorus::cli

#endif  // CHORUS_TOOLS_CHORUS_EVENTS_COMMAND_H_
