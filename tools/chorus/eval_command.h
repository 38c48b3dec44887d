// `chorus eval DATASET.jsonl`: benchmark chorus's methods (and published
// systems' outputs) with the built-in ROUGE. See chorus/eval.h.
#ifndef CHORUS_TOOLS_CHORUS_EVAL_COMMAND_H_
#define CHORUS_TOOLS_CHORUS_EVAL_COMMAND_H_

#include "command.h"

namespace chorus::cli {

void AddEvalCommand(CLI::App& app, int* exit_code);

}  // namespace chorus::cli

#endif  // CHORUS_TOOLS_CHORUS_EVAL_COMMAND_H_
