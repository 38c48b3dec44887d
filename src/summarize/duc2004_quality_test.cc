// Quality floor of the chorus method on DUC 2004 task 2 (50 clusters, 100
// words, ROUGE-1.5.5 -n 2 -m -l 100 -2 4 -u, recall), scored by chorus's exact
// ROUGE reimplementation. The full pipeline runs: ingest, cleaning, analysis.
#include <gtest/gtest.h>

#include <map>

#include "chorus/analyzer.h"
#include "chorus/ingest.h"
#include "chorus/rouge.h"
#include "chorus/summarizer.h"
#include "shared_data.h"

namespace chorus {
namespace {

TEST(Duc2004QualityTest, ChorusMethodKeepsItsScores) {
  CHORUS_REQUIRE_SHARED_DATA(path, "duc2004/clusters.jsonl");
  auto summarizer = MakeSummarizer("chorus");
  ASSERT_TRUE(summarizer.ok());
  const ClusterAnalyzer analyzer;
  std::vector<RougeTopic> topics;
  Diagnostics diagnostics;
  const Status status = ReadClusters({path}, {}, &diagnostics, [&](Cluster&& cluster) {
    const AnalyzedCluster analyzed = analyzer.Analyze(cluster);
    SummaryOptions options;
    options.budget = {BudgetUnit::kWords, 100};
    Result<Summary> summary = (*summarizer)->Summarize(analyzed, options);
    if (!summary.ok()) return summary.status();
    RougeTopic topic;
    topic.id = cluster.id;
    topic.models = cluster.references;
    RougePeer peer{"chorus", ""};
    for (const SummarySentence& s : summary->sentences) peer.text += s.text + "\n";
    topic.peers.push_back(std::move(peer));
    topics.push_back(std::move(topic));
    return Status::Ok();
  });
  ASSERT_TRUE(status.ok()) << status.ToString();
  ASSERT_FALSE(diagnostics.has_errors());
  ASSERT_EQ(topics.size(), 50u);

  auto flags = ParseRougeFlags("-n 2 -m -l 100 -2 4 -u");
  ASSERT_TRUE(flags.ok());
  auto scorer = RougeScorer::Create(*flags);
  ASSERT_TRUE(scorer.ok());
  Result<RougeReport> report = (*scorer)->Score(topics);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  std::map<std::string, double> recall;
  for (const RougeSystemAverage& a : report->averages) recall[a.metric] = a.average.recall;
  // Floors just under what the method scores today (R-1 0.39923, R-2 0.10446,
  // SU4 0.14264), each above every published system in peer_summaries.jsonl
  // (best: DPP R-1 0.39838, ICSISumm R-2 0.09811, DPP SU4 0.13865) and at
  // issue 4's floors (0.399 / 0.100 / 0.139).
  EXPECT_GE(recall["ROUGE-1"], 0.3990);
  EXPECT_GE(recall["ROUGE-2"], 0.1030);
  EXPECT_GE(recall["ROUGE-SU4"], 0.1415);
}

}  // namespace
}  // namespace chorus
