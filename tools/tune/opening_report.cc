// opening_report: how many summaries open with a sentence that cannot stand
// alone (a question, a quotation, a leading pronoun or connective), by kind.
// Reads `chorus summarize --format jsonl` output on stdin, so the summaries of
// any build (an older one included) are judged by the same rule
// (src/summarize/summary_opening.h).
//
//   chorus summarize clusters.jsonl --format jsonl | opening_report
//
// An experiment program: it uses the library's private opening check.
#include <fmt/core.h>

#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "summarize/summary_opening.h"

int main() {
  std::map<std::string, int> problems;
  int summaries = 0, empty = 0, bad = 0;
  std::string line;
  while (std::getline(std::cin, line)) {
    if (line.empty()) continue;
    const nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.contains("summary")) {
      std::cerr << "opening_report: not a summary line: " << line.substr(0, 80) << "\n";
      return 1;
    }
    ++summaries;
    if (j["summary"].empty()) {
      ++empty;
      continue;
    }
    const chorus::OpeningProblem p =
        chorus::OpeningProblemOf(j["summary"][0]["text"].get<std::string>());
    if (p == chorus::OpeningProblem::kNone) continue;
    ++bad;
    ++problems[std::string(chorus::OpeningProblemName(p))];
  }
  fmt::print("{} summaries ({} empty): {} open with a sentence that cannot stand alone ({:.1f}%)",
             summaries, empty, bad, summaries ? 100.0 * bad / summaries : 0.0);
  for (const auto& [kind, n] : problems) fmt::print("; {} {}", kind, n);
  fmt::print("\n");
  return 0;
}
