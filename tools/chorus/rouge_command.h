// `chorus rouge`: ROUGE-1.5.5 scores of peer summaries against models.
#ifndef CHORUS_TOOLS_CHORUS_ROUGE_COMMAND_H_
#define CHORUS_TOOLS_CHORUS_ROUGE_COMMAND_H_

#include "command.h"

namespace chorus::cli {

// Registers `rouge` on `app`; its exit code goes to `*exit_code`.
void AddRougeCommand(CLI::App& app, int* exit_code);

}  // namespace chorus::cli

#endif  // CHORUS_TOOLS_CHORUS_ROUGE_COMMAND_H_
