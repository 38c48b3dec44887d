#include "events_command.h"

#include <iostream>
#include <memory>
#include <string>

#include "chorus/event_json.h"
#include "chorus/store.h"
#include "command.h"

namespace chorus::cli {
namespace {

struct EventsFlags {
  std::string store = "chorus.db";
  std::string format = "text";
  EventPage page;
};

int RunEvents(const EventsFlags& flags) {
  StoreOptions options;
  options.read_only = true;
  auto store = EventStore::Open(flags.store, options);
  if (!store.ok()) {
    std::cerr << "chorus events: " << store.status().ToString() << "\n";
    return kExitInputError;
  }
  auto events = (*store)->ListEvents(flags.page);
  if (!events.ok()) {
    std::cerr << "chorus events: " << events.status().ToString() << "\n";
    return kExitInputError;
  }
  if (flags.format == "json") {
    std::cout << EventsToJson(*events, 2) << "\n";
  } else {
    std::cout << EventTableText(*events);
  }
  return kExitOk;
}

}  // namespace

void AddEventsCommand(CLI::App& app, int* exit_code) {
  auto flags = std::make_shared<EventsFlags>();
  CLI::App* cmd = app.add_subcommand("events", "List the events of a store");
  cmd->add_option("--store", flags->store, "SQLite store written by `chorus cluster`")
      ->capture_default_str();
  cmd->add_option("--after", flags->page.after, "Only events with a larger id (a page's last id)")
      ->check(CLI::Validator(
          [](const std::string& value) {
            return value.starts_with('-') ? std::string("must be an event id, 0 or more") : "";
          },
          "ID>=0"));
  cmd->add_option("--limit", flags->page.limit, "At most this many events (0: all)")
      ->capture_default_str();
  cmd->add_option("--format", flags->format, "text table or json")
      ->capture_default_str()
      ->check(CLI::IsMember({"text", "json"}));
  cmd->callback([flags, exit_code] { *exit_code = RunEvents(*flags); });
}

}  // namespace chorus::cli
