// `chorus compare`: facts the sources agree on, where they differ, framing.
#ifndef CHORUS_TOOLS_CHORUS_COMPARE_COMMAND_H_
#define CHORUS_TOOLS_CHORUS_COMPARE_COMMAND_H_

#include <CLI/CLI.hpp>

namespace chorus::cli {

void AddCompareCommand(CLI::App& app, int* exit_code);

}  // namespace chorus::cli

#endif  // CHORUS_TOOLS_CHORUS_COMPARE_COMMAND_H_
