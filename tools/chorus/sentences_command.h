// `chorus sentences INPUT...`: the cleaned, split sentences of each document.
#ifndef CHORUS_TOOLS_CHORUS_SENTENCES_COMMAND_H_
#define CHORUS_TOOLS_CHORUS_SENTENCES_COMMAND_H_

#include "command.h"

namespace chorus::cli {

void AddSentencesCommand(CLI::App& app, int* exit_code);

}  // namespace chorus::cli

#endif  // CHORUS_TOOLS_CHORUS_SENTENCES_COMMAND_H_
