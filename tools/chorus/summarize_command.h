// `chorus summarize INPUT...`: summaries with citations, one per cluster.
#ifndef CHORUS_TOOLS_CHORUS_SUMMARIZE_COMMAND_H_
#define CHORUS_TOOLS_CHORUS_SUMMARIZE_COMMAND_H_

#include "command.h"

namespace chorus::cli {

void AddSummarizeCommand(CLI::App& app, int* exit_code);

}  // namespace chorus::cli

#endif  // CHORUS_TOOLS_CHORUS_SUMMARIZE_COMMAND_H_
