// `chorus cluster`: groups a stream of articles into events kept in a store.
#ifndef CHORUS_TOOLS_CHORUS_CLUSTER_COMMAND_H_
#define CHORUS_TOOLS_CHORUS_CLUSTER_COMMAND_H_

#include <CLI/CLI.hpp>

namespace chorus::cli {

void AddClusterCommand(CLI::App& app, int* exit_code);

}  // namespace chorus::cli

#endif  // CHORUS_TOOLS_CHORUS_CLUSTER_COMMAND_H_
