// The eval harness: scoring wiring on hand-made clusters, errors, and the
// DUC 2004 run against the published systems' golden ROUGE-1.5.5 averages.
#include "chorus/eval.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "shared_data.h"

namespace chorus {
namespace {

Cluster TwoArticleCluster(const std::string& id, const std::string& reference) {
  Cluster c;
  c.id = id;
  c.documents.push_back({"a", "", "2024-05-01", "", "",
                         "Old news from the day before is here in full.\nIt says little.", ""});
  c.documents.push_back({"b", "", "2024-05-02", "", "",
                         "The river flooded the valley town on Thursday night.\n"
                         "Hundreds of residents fled to higher ground.",
                         ""});
  c.references = {reference};
  return c;
}

const EvalSystem* Find(const EvalReport& report, const std::string& name) {
  for (const EvalSystem& s : report.systems) {
    if (s.system == name) return &s;
  }
  return nullptr;
}

double Recall(const EvalSystem& s, const std::string& metric) {
  for (const EvalMetric& m : s.metrics) {
    if (m.metric == metric) return m.average.recall;
  }
  ADD_FAILURE() << s.system << " has no " << metric;
  return -1;
}

TEST(EvalTest, ScoresChorusMethodsAndPublishedPeersTogether) {
  // The reference is exactly Lead's output (the latest article's first two
  // sentences), so Lead scores 1 and a peer with unrelated words 0.
  const std::vector<Cluster> clusters = {
      TwoArticleCluster("t1",
                        "The river flooded the valley town on Thursday night.\n"
                        "Hundreds of residents fled to higher ground.")};
  std::vector<RougeTopic> published(1);
  published[0].id = "t1";
  published[0].peers.push_back({"Unrelated", "Zebras graze quietly."});
  EvalOptions options;
  options.methods = {"lead", "firstk"};
  Result<EvalReport> report = RunEval(clusters, published, options);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->clusters, 1u);
  EXPECT_EQ(report->rouge_flags, "-n 2 -m -l 100 -2 4 -u");
  EXPECT_EQ(report->metrics,
            (std::vector<std::string>{"ROUGE-1", "ROUGE-2", "ROUGE-L", "ROUGE-SU4"}));
  ASSERT_EQ(report->systems.size(), 3u);
  EXPECT_EQ(report->systems[0].system, "lead");
  EXPECT_TRUE(report->systems[0].chorus_method);
  EXPECT_FALSE(report->systems[2].chorus_method);
  EXPECT_DOUBLE_EQ(Recall(report->systems[0], "ROUGE-1"), 1.0);
  EXPECT_DOUBLE_EQ(Recall(report->systems[0], "ROUGE-L"), 1.0);
  EXPECT_EQ(report->systems[0].words_per_summary, 16.0);
  // firstk adds the older article, whose words are not in the reference: all
  // of the reference is found, but not all of firstk is in it.
  const EvalSystem& firstk = *Find(*report, "firstk");
  EXPECT_DOUBLE_EQ(Recall(firstk, "ROUGE-1"), 1.0);
  EXPECT_LT(firstk.metrics[0].average.precision, 0.7);
  EXPECT_GT(firstk.metrics[0].average.precision, 0.3);
  EXPECT_DOUBLE_EQ(Recall(*Find(*report, "Unrelated"), "ROUGE-1"), 0.0);

  const std::string table = FormatEvalReport(*report, EvalFormat::kTable);
  EXPECT_NE(table.find("lead"), std::string::npos);
  EXPECT_NE(table.find("1.00000"), std::string::npos);
  const auto json = nlohmann::json::parse(FormatEvalReport(*report, EvalFormat::kJson));
  EXPECT_EQ(json["systems"][0]["metrics"][0]["metric"], "ROUGE-1");
  EXPECT_DOUBLE_EQ(json["systems"][0]["metrics"][0]["F"].get<double>(), 1.0);
  EXPECT_EQ(json["budget"]["amount"], 100);
}

TEST(EvalTest, BudgetAndFlagsOverrideThePreset) {
  const std::vector<Cluster> clusters = {TwoArticleCluster("t1", "The river flooded.")};
  EvalOptions options;
  options.methods = {"lead"};
  options.budget = SummaryBudget{BudgetUnit::kWords, 9};
  options.rouge_flags = "-n 1 -l 9";
  Result<EvalReport> report = RunEval(clusters, {}, options);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->metrics, (std::vector<std::string>{"ROUGE-1", "ROUGE-L"}));
  EXPECT_EQ(report->systems[0].words_per_summary, 9.0);  // one whole sentence of 9 words
}

TEST(EvalTest, RejectsWhatItCannotRun) {
  const std::vector<Cluster> clusters = {TwoArticleCluster("t1", "The river flooded.")};
  EvalOptions options;
  options.methods = {"lead", "no-such-method"};
  EXPECT_EQ(RunEval(clusters, {}, options).status().code(), StatusCode::kInvalidArgument);
  options.methods = {"lead"};
  options.preset = "duc2099";
  EXPECT_EQ(RunEval(clusters, {}, options).status().code(), StatusCode::kInvalidArgument);
  options.preset = "duc2004";
  options.rouge_flags = "-l 100 -b 600";
  EXPECT_EQ(RunEval(clusters, {}, options).status().code(), StatusCode::kInvalidArgument);
  options.rouge_flags.clear();
  std::vector<RougeTopic> clash(1);
  clash[0].id = "t1";
  clash[0].peers.push_back({"lead", "A published system named like a method."});
  EXPECT_EQ(RunEval(clusters, clash, options).status().code(), StatusCode::kInvalidArgument);
  std::vector<Cluster> unreferenced = clusters;
  unreferenced[0].references.clear();
  EXPECT_EQ(RunEval(unreferenced, {}, options).status().code(), StatusCode::kNotFound);
  EXPECT_FALSE(RunEvalOnFile("/nonexistent/clusters.jsonl", options, nullptr).ok());
}

// Golden ROUGE-1.5.5 recall averages of the published systems under `flags`.
std::map<std::pair<std::string, std::string>, double> GoldenRecall(const std::string& path,
                                                                   const std::string& flags) {
  std::map<std::pair<std::string, std::string>, double> golden;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    const auto row = nlohmann::json::parse(line);
    if (row["flags"] == flags && row["stat"] == "R") {
      golden[{row["system"].get<std::string>(), row["metric"].get<std::string>()}] =
          row["value"].get<double>();
    }
  }
  return golden;
}

TEST(EvalGoldenTest, Duc2004PublishedSystemsAndBaselines) {
  CHORUS_REQUIRE_SHARED_DATA(clusters, "duc2004/clusters.jsonl");
  CHORUS_REQUIRE_SHARED_DATA(peers, "duc2004/peer_summaries.jsonl");
  CHORUS_REQUIRE_SHARED_DATA(averages, "duc2004/rouge155_averages.jsonl");
  EvalOptions options;
  options.methods = {"lead", "centroid", "lexrank"};
  options.peers_path = peers;
  Diagnostics diagnostics;
  Result<EvalReport> report = RunEvalOnFile(clusters, options, &diagnostics);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_FALSE(diagnostics.has_errors());
  EXPECT_EQ(report->clusters, 50u);

  const auto golden = GoldenRecall(averages, "-n 2 -m -l 100 -2 4 -u");
  size_t published = 0;
  for (const EvalSystem& s : report->systems) {
    if (s.chorus_method) continue;
    ++published;
    EXPECT_EQ(s.topics, 50) << s.system;
    for (const std::string& metric : report->metrics) {
      const auto it = golden.find({s.system, metric});
      ASSERT_NE(it, golden.end()) << s.system << " " << metric;
      EXPECT_NEAR(Recall(s, metric), it->second, 5e-6) << s.system << " " << metric;
    }
  }
  EXPECT_EQ(published, 13u);

  // The baselines as the papers define them land near the published runs of
  // the same methods (which used a background IDF corpus, MEAD's own
  // splitter, and cut their last sentence at exactly 100 words).
  const EvalSystem& lead = *Find(*report, "lead");
  const EvalSystem& centroid = *Find(*report, "centroid");
  const EvalSystem& lexrank = *Find(*report, "lexrank");
  EXPECT_NEAR(Recall(centroid, "ROUGE-1"), 0.36419, 0.02);
  EXPECT_NEAR(Recall(centroid, "ROUGE-2"), 0.07981, 0.015);
  EXPECT_NEAR(Recall(lexrank, "ROUGE-1"), 0.36001, 0.03);
  EXPECT_NEAR(Recall(lexrank, "ROUGE-2"), 0.07512, 0.025);
  // Lead opens with the same article as DUC's Lead but stops at a whole
  // sentence, so it reads a prefix of DUC's text: never more recall, and
  // little less.
  EXPECT_LE(Recall(lead, "ROUGE-1"), 0.31460);
  EXPECT_GE(Recall(lead, "ROUGE-1"), 0.31460 - 0.04);
  EXPECT_LE(Recall(lead, "ROUGE-2"), 0.06126);
}

}  // namespace
}  // namespace chorus
