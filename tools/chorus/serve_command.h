// `chorus serve`: the HTTP API and web page (see chorus/server.h).
#ifndef CHORUS_TOOLS_CHORUS_SERVE_COMMAND_H_
#define CHORUS_TOOLS_CHORUS_SERVE_COMMAND_H_

#include "command.h"

namespace chorus::cli {

void AddServeCommand(CLI::App& app, int* exit_code);

}  // namespace chorus::cli

#endif  // CHORUS_TOOLS_CHORUS_SERVE_COMMAND_H_
