// Rendering a RougeReport: the official script's lines, a table, or JSON.
#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <string>

#include "chorus/rouge.h"

namespace chorus {
namespace {

// The script prints every score with %7.5f.
std::string Fixed5(double x) { return fmt::format("{:7.5f}", x); }

// The script prints -c with Perl's default number formatting ("95", "99.5").
std::string PerlNumber(double x) { return fmt::format("{}", x); }

// printResults with -d: per system and metric, the three Average lines, then
// one "Eval" line per topic.
std::string FormatOfficial(const RougeReport& report, double confidence) {
  std::string out;
  const std::string cf = PerlNumber(confidence);
  size_t row = 0;
  for (const RougeSystemAverage& avg : report.averages) {
    const std::string tag = avg.system + " " + avg.metric;
    out += "---------------------------------------------\n";
    out +=
        fmt::format("{} Average_R: {} ({}%-conf.int. {} - {})\n", tag, Fixed5(avg.average.recall),
                    cf, Fixed5(avg.ci_lower.recall), Fixed5(avg.ci_upper.recall));
    out += fmt::format("{} Average_P: {} ({}%-conf.int. {} - {})\n", tag,
                       Fixed5(avg.average.precision), cf, Fixed5(avg.ci_lower.precision),
                       Fixed5(avg.ci_upper.precision));
    out += fmt::format("{} Average_F: {} ({}%-conf.int. {} - {})\n", tag, Fixed5(avg.average.f), cf,
                       Fixed5(avg.ci_lower.f), Fixed5(avg.ci_upper.f));
    out += ".............................................\n";
    // per_topic is grouped exactly like averages (system, then metric).
    while (row < report.per_topic.size() && report.per_topic[row].system == avg.system &&
           report.per_topic[row].metric == avg.metric) {
      const RougeTopicScore& t = report.per_topic[row++];
      out += fmt::format("{} Eval {}.{} R:{} P:{} F:{}\n", tag, t.id, t.system,
                         Fixed5(t.score.recall), Fixed5(t.score.precision), Fixed5(t.score.f));
    }
  }
  return out;
}

std::string FormatTable(const RougeReport& report, double confidence) {
  size_t system_width = 6;
  for (const RougeSystemAverage& avg : report.averages) {
    system_width = std::max(system_width, avg.system.size());
  }
  const std::string cf = PerlNumber(confidence) + "% CI";
  std::string out =
      fmt::format("{:<{}}  {:<10} {:>6}  {:>7}  {:>7}  {:>7}  {:>17}  {:>17}\n", "system",
                  system_width, "metric", "topics", "R", "P", "F", "R " + cf, "F " + cf);
  for (const RougeSystemAverage& avg : report.averages) {
    out += fmt::format("{:<{}}  {:<10} {:>6}  {}  {}  {}  {} - {}  {} - {}\n", avg.system,
                       system_width, avg.metric, avg.topics, Fixed5(avg.average.recall),
                       Fixed5(avg.average.precision), Fixed5(avg.average.f),
                       Fixed5(avg.ci_lower.recall), Fixed5(avg.ci_upper.recall),
                       Fixed5(avg.ci_lower.f), Fixed5(avg.ci_upper.f));
  }
  return out;
}

nlohmann::ordered_json ScoreFields(nlohmann::ordered_json object, const RougeScore& s) {
  object["R"] = s.recall;
  object["P"] = s.precision;
  object["F"] = s.f;
  return object;
}

std::string FormatJson(const RougeReport& report) {
  nlohmann::ordered_json per_topic = nlohmann::ordered_json::array();
  for (const RougeTopicScore& t : report.per_topic) {
    per_topic.push_back(ScoreFields(
        nlohmann::ordered_json{{"id", t.id}, {"system", t.system}, {"metric", t.metric}}, t.score));
  }
  nlohmann::ordered_json averages = nlohmann::ordered_json::array();
  for (const RougeSystemAverage& a : report.averages) {
    nlohmann::ordered_json row =
        ScoreFields(nlohmann::ordered_json{{"system", a.system}, {"metric", a.metric}}, a.average);
    row["topics"] = a.topics;
    row["ci_lower"] = ScoreFields(nlohmann::ordered_json::object(), a.ci_lower);
    row["ci_upper"] = ScoreFields(nlohmann::ordered_json::object(), a.ci_upper);
    averages.push_back(std::move(row));
  }
  nlohmann::ordered_json root{{"per_topic", std::move(per_topic)},
                              {"averages", std::move(averages)}};
  // Invalid UTF-8 in ids is replaced rather than thrown on.
  return root.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace

std::string FormatRougeReport(const RougeReport& report, RougeFormat format, double confidence) {
  switch (format) {
    case RougeFormat::kOfficial:
      return FormatOfficial(report, confidence);
    case RougeFormat::kTable:
      return FormatTable(report, confidence);
    case RougeFormat::kJson:
      return FormatJson(report);
  }
  return "";
}

}  // namespace chorus
