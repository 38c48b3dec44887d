// chorus-train-loaded-terms: learns data/loaded_terms.txt, the words that
// outlets' headlines use and AllSides editors' neutral headlines avoid, and
// measures how much of a summary is made of them.
//
//   build/chorus-train-loaded-terms --out data/loaded_terms.txt
//       ../shared/data/allsides/train.jsonl ../shared/data/allsides/stories.jsonl
//   build/chorus-train-loaded-terms --measure peers.jsonl   # {"id","system","summary"} lines
//
// A term is a content-word stem (the tokenizer's). Each is scored by the
// weighted log-odds ratio with an informative Dirichlet prior (Monroe,
// Colaresi & Quinn 2008; compare/framing.h) of outlet headlines against
// neutral headlines; terms with z >= --min-z and at least --min-count outlet
// uses are loaded. Headlines, not article text, because both sides of the
// contrast are then the same genre: what differs is the framing.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "chorus/tokenizer.h"
#include "compare/framing.h"
#include "summarize/loaded_terms.h"

namespace chorus::train {
namespace {

struct Counts {
  std::map<std::string, double> outlet, neutral;
  double outlet_total = 0, neutral_total = 0;
};

void CountTitle(const Tokenizer& tokenizer, const std::string& title,
                std::map<std::string, double>& counts, double& total) {
  for (const Token& t : tokenizer.Tokenize(title)) {
    if (!IsLoadableTerm(t)) continue;
    counts[std::string(t.stem)] += 1;
    total += 1;
  }
}

Status CountFile(const std::string& path, const Tokenizer& tokenizer, Counts& counts) {
  std::ifstream in(path);
  if (!in) return NotFoundError(fmt::format("{}: cannot open", path));
  std::string line;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty()) continue;
    const nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("reference_title") ||
        !j.contains("documents")) {
      return ParseError(
          fmt::format("{}:{}: expected an AllSides cluster with \"reference_title\" and "
                      "\"documents\"",
                      path, line_no));
    }
    CountTitle(tokenizer, j["reference_title"].get<std::string>(), counts.neutral,
               counts.neutral_total);
    for (const auto& doc : j["documents"]) {
      if (doc.contains("title") && doc["title"].is_string()) {
        CountTitle(tokenizer, doc["title"].get<std::string>(), counts.outlet, counts.outlet_total);
      }
    }
  }
  return Status::Ok();
}

int Train(const std::vector<std::string>& inputs, const std::string& out, double min_z,
          double min_count, double prior_scale) {
  TokenScope scope;
  Tokenizer tokenizer;
  Counts counts;
  for (const std::string& path : inputs) {
    if (Status s = CountFile(path, tokenizer, counts); !s.ok()) {
      std::fprintf(stderr, "chorus-train-loaded-terms: %s\n", s.ToString().c_str());
      return 1;
    }
  }
  const double total = counts.outlet_total + counts.neutral_total;
  const double alpha_0 = prior_scale * total;
  std::vector<std::pair<double, std::string>> loaded;
  for (const auto& [stem, y_i] : counts.outlet) {
    if (y_i < min_count) continue;
    const double y_j = counts.neutral.count(stem) ? counts.neutral.at(stem) : 0;
    const double alpha_w = alpha_0 * (y_i + y_j) / total;
    const double z =
        compare::LogOddsZ(y_i, counts.outlet_total, y_j, counts.neutral_total, alpha_w, alpha_0);
    if (z >= min_z) loaded.emplace_back(z, stem);
  }
  std::sort(loaded.begin(), loaded.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  std::ofstream f(out);
  f << "# chorus loaded_terms v1: Porter stems of words outlets' headlines use and AllSides "
       "editors'\n"
    << "# neutral headlines avoid (weighted log-odds z >= " << min_z << ", >= " << min_count
    << " outlet uses, prior " << prior_scale << " x the data), one a line with its z.\n"
    << fmt::format("# data: {} outlet headline words, {} neutral headline words from",
                   counts.outlet_total, counts.neutral_total);
  for (const std::string& path : inputs) f << ' ' << path.substr(path.find_last_of('/') + 1);
  f << "\n# Built by tools/train/train_loaded_terms.cc (chorus-train-loaded-terms).\n";
  for (const auto& [z, stem] : loaded) f << fmt::format("{}\t{:.2f}\n", stem, z);
  std::fprintf(stderr, "wrote %s: %zu loaded terms\n", out.c_str(), loaded.size());
  return f ? 0 : 1;
}

int Measure(const std::string& peers) {
  std::ifstream in(peers);
  if (!in) {
    std::fprintf(stderr, "chorus-train-loaded-terms: %s: cannot open\n", peers.c_str());
    return 1;
  }
  TokenScope scope;
  Tokenizer tokenizer;
  const LoadedTerms& loaded = LoadedTerms::Default();
  std::map<std::string, std::pair<double, double>> by_system;  // loaded, content words
  std::string line;
  while (std::getline(in, line)) {
    const nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.contains("system") || !j.contains("summary")) continue;
    if (!j["system"].is_string()) continue;
    // A summary is a string, or chorus summarize's array of {"text", ...}.
    std::string text;
    if (j["summary"].is_string()) text = j["summary"].get<std::string>();
    if (j["summary"].is_array()) {
      for (const auto& s : j["summary"]) {
        if (s.is_object() && s.contains("text") && s["text"].is_string())
          text += s["text"].get<std::string>() + "\n";
      }
    }
    auto& [hits, words] = by_system[j["system"].get<std::string>()];
    for (const Token& t : tokenizer.Tokenize(text)) {
      if (!IsLoadableTerm(t)) continue;
      words += 1;
      hits += loaded.Contains(t.stem);
    }
  }
  std::printf("%-16s %10s %14s %8s\n", "system", "loaded", "content words", "share");
  for (const auto& [system, c] : by_system) {
    std::printf("%-16s %10.0f %14.0f %8.4f\n", system.c_str(), c.first, c.second,
                c.second > 0 ? c.first / c.second : 0.0);
  }
  return 0;
}

}  // namespace
}  // namespace chorus::train

int main(int argc, char** argv) {
  CLI::App app{
      "Learns chorus's loaded-term lexicon from AllSides headlines, or measures summaries with it"};
  std::vector<std::string> inputs;
  std::string out, measure;
  double min_z = 2.0, min_count = 5, prior_scale = 0.05;
  app.add_option("inputs", inputs, "AllSides cluster JSONL files (training data)");
  app.add_option("--out", out, "write the lexicon here (data/loaded_terms.txt)");
  app.add_option("--min-z", min_z, "smallest z-score of a loaded term")->capture_default_str();
  app.add_option("--min-count", min_count, "fewest outlet-headline uses")->capture_default_str();
  app.add_option("--prior-scale", prior_scale,
                 "Dirichlet prior's weight as a multiple of the word count")
      ->capture_default_str();
  app.add_option("--measure", measure,
                 "peer summaries JSONL: print each system's share of loaded words");
  CLI11_PARSE(app, argc, argv);
  if (!measure.empty()) return chorus::train::Measure(measure);
  if (inputs.empty() || out.empty()) {
    std::fprintf(stderr,
                 "chorus-train-loaded-terms: give training files and --out, or --measure\n");
    return 2;
  }
  return chorus::train::Train(inputs, out, min_z, min_count, prior_scale);
}
