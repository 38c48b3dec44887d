// Rendering an EvalReport as a side-by-side table or as JSON.
#include <algorithm>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "chorus/eval.h"

namespace chorus {
namespace {

// "ROUGE-1" -> "R-1", "ROUGE-SU4" -> "SU4": short column heads.
std::string ShortName(const std::string& metric) {
  const std::string prefix = "ROUGE-";
  if (metric.rfind(prefix, 0) != 0) return metric;
  const std::string rest = metric.substr(prefix.size());
  return rest.rfind("S", 0) == 0 ? rest : "R-" + rest;
}

const EvalMetric* FindMetric(const EvalSystem& system, const std::string& metric) {
  for (const EvalMetric& m : system.metrics) {
    if (m.metric == metric) return &m;
  }
  return nullptr;
}

std::string BudgetText(const SummaryBudget& budget) {
  switch (budget.unit) {
    case BudgetUnit::kWords:
      return fmt::format("{} words", budget.amount);
    case BudgetUnit::kBytes:
      return fmt::format("{} bytes", budget.amount);
    case BudgetUnit::kSentences:
      return fmt::format("{} sentences", budget.amount);
  }
  return "";
}

std::string FormatTable(const EvalReport& report) {
  size_t name_width = 6;
  for (const EvalSystem& s : report.systems) name_width = std::max(name_width, s.system.size());
  std::string out = fmt::format("{} clusters, preset {}, ROUGE {}, budget {}\n", report.clusters,
                                report.preset, report.rouge_flags, BudgetText(report.budget));
  out += fmt::format("{:<{}}  {:<9}", "system", name_width, "source");
  for (const std::string& m : report.metrics) out += fmt::format("  {:>7}", ShortName(m));
  // Intervals of the first two metrics (R-1, R-2 under the presets) fit a row.
  const size_t ci_metrics = std::min<size_t>(2, report.metrics.size());
  for (size_t i = 0; i < ci_metrics; ++i) {
    out += fmt::format("  {:>17}", ShortName(report.metrics[i]) + " 95% CI");
  }
  out += fmt::format("  {:>10}  {:>5}\n", "ms/cluster", "words");
  for (const EvalSystem& s : report.systems) {
    out += fmt::format("{:<{}}  {:<9}", s.system, name_width, s.chorus_method ? "chorus" : "published");
    for (const std::string& m : report.metrics) {
      const EvalMetric* metric = FindMetric(s, m);
      out += metric ? fmt::format("  {:7.5f}", metric->average.recall) : fmt::format("  {:>7}", "-");
    }
    for (size_t i = 0; i < ci_metrics; ++i) {
      const EvalMetric* metric = FindMetric(s, report.metrics[i]);
      out += metric ? fmt::format("  {:7.5f}-{:7.5f}", metric->ci_lower.recall,
                                  metric->ci_upper.recall)
                    : fmt::format("  {:>17}", "-");
    }
    out += s.chorus_method ? fmt::format("  {:10.3f}  {:5.1f}\n", s.seconds_per_cluster * 1000,
                                         s.words_per_summary)
                           : fmt::format("  {:>10}  {:>5}\n", "-", "-");
  }
  out += fmt::format("R = recall (ROUGE-1.5.5 averages); analysis (clean, split, tokenize) {:.3f} "
                     "ms/cluster, shared by all methods\n",
                     report.analysis_seconds_per_cluster * 1000);
  return out;
}

nlohmann::json ScoreJson(const RougeScore& s) {
  return {{"R", s.recall}, {"P", s.precision}, {"F", s.f}};
}

std::string FormatJson(const EvalReport& report) {
  nlohmann::json systems = nlohmann::json::array();
  for (const EvalSystem& s : report.systems) {
    nlohmann::json metrics = nlohmann::json::array();
    for (const EvalMetric& m : s.metrics) {
      nlohmann::json entry = ScoreJson(m.average);
      entry["metric"] = m.metric;
      entry["ci_lower"] = ScoreJson(m.ci_lower);
      entry["ci_upper"] = ScoreJson(m.ci_upper);
      metrics.push_back(std::move(entry));
    }
    nlohmann::json system = {{"system", s.system},
                             {"source", s.chorus_method ? "chorus" : "published"},
                             {"topics", s.topics},
                             {"metrics", std::move(metrics)}};
    if (s.chorus_method) {
      system["seconds_per_cluster"] = s.seconds_per_cluster;
      system["words_per_summary"] = s.words_per_summary;
    }
    systems.push_back(std::move(system));
  }
  const char* unit = report.budget.unit == BudgetUnit::kWords   ? "words"
                     : report.budget.unit == BudgetUnit::kBytes ? "bytes"
                                                                : "sentences";
  nlohmann::json out = {{"preset", report.preset},
                        {"rouge_flags", report.rouge_flags},
                        {"budget", {{"unit", unit}, {"amount", report.budget.amount}}},
                        {"clusters", report.clusters},
                        {"metrics", report.metrics},
                        {"analysis_seconds_per_cluster", report.analysis_seconds_per_cluster},
                        {"systems", std::move(systems)},
                        {"warnings", report.warnings}};
  return out.dump(2) + "\n";
}

}  // namespace

std::string FormatEvalReport(const EvalReport& report, EvalFormat format) {
  return format == EvalFormat::kJson ? FormatJson(report) : FormatTable(report);
}

}  // namespace chorus
