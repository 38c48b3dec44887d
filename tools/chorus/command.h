// How subcommands plug into the `chorus` binary.
//
// Each subcommand lives in its own <name>_command.cc and exposes one Add...Command
// function that registers its flags on the app and a callback that runs it.
// The callback stores its exit code in `*exit_code`: 0 ok, 1 input error,
// 2 usage error (CLI11 parse errors are mapped to 2 by main). Commands hold no
// logic of their own: they parse flags into the library's option structs, call
// the library and render its results.
#ifndef CHORUS_TOOLS_CHORUS_COMMAND_H_
#define CHORUS_TOOLS_CHORUS_COMMAND_H_

#include <CLI/CLI.hpp>

namespace chorus::cli {

enum ExitCode : int { kExitOk = 0, kExitInputError = 1, kExitUsageError = 2 };

}  // namespace chorus::cli

#endif  // CHORUS_TOOLS_CHORUS_COMMAND_H_
