// `chorus train-clusterer`: trains the event clusterer's model from labelled
// streams and writes the model file.
#ifndef CHORUS_TOOLS_CHORUS_TRAIN_CLUSTERER_COMMAND_H_
#define CHORUS_TOOLS_CHORUS_TRAIN_CLUSTERER_COMMAND_H_

#include <CLI/CLI.hpp>

namespace chorus::cli {

void AddTrainClustererCommand(CLI::App& app, int* exit_code);

}  // namespace chorus::cli

#endif  // CHORUS_TOOLS_CHORUS_TRAIN_CLUSTERER_COMMAND_H_
