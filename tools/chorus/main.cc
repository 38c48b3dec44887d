// chorus: reads many news articles about one event and tells what happened.
#include <iostream>

#include "cluster_command.h"
#include "command.h"
#include "compare_command.h"
#include "eval_command.h"
#include "events_command.h"
#include "rouge_command.h"
#include "sentences_command.h"
#include "serve_command.h"
#include "summarize_command.h"
#include "train_clusterer_command.h"

int main(int argc, char** argv) {
  CLI::App app{"chorus: multi-source news summaries with citations, facts and framing"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "chorus 0.1.0");
  int exit_code = chorus::cli::kExitOk;
  // Subcommands register here, one line each.
  chorus::cli::AddCompareCommand(app, &exit_code);
  chorus::cli::AddSentencesCommand(app, &exit_code);
  chorus::cli::AddRougeCommand(app, &exit_code);
  chorus::cli::AddServeCommand(app, &exit_code);
  chorus::cli::AddSummarizeCommand(app, &exit_code);
  chorus::cli::AddClusterCommand(app, &exit_code);
  chorus::cli::AddEventsCommand(app, &exit_code);
  chorus::cli::AddEvalCommand(app, &exit_code);
  chorus::cli::AddTrainClustererCommand(app, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? chorus::cli::kExitOk : chorus::cli::kExitUsageError;
  }
  return exit_code;
}
