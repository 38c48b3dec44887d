#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "chorus/rouge.h"

namespace chorus {
namespace {

std::unique_ptr<RougeScorer> MakeScorer(const RougeOptions& options) {
  auto scorer = RougeScorer::Create(options);
  EXPECT_TRUE(scorer.ok()) << scorer.status().ToString();
  return scorer.ok() ? std::move(*scorer) : nullptr;
}

TEST(RougeOptionsTest, ContradictionsAreRejected) {
  RougeOptions o;
  o.word_limit = 100;
  o.byte_limit = 665;
  EXPECT_EQ(ValidateRougeOptions(o).code(), StatusCode::kInvalidArgument);
  o = RougeOptions{};
  o.skip_unigrams = true;
  EXPECT_FALSE(ValidateRougeOptions(o).ok());
  o = RougeOptions{};
  o.max_ngram = 5;
  EXPECT_FALSE(ValidateRougeOptions(o).ok());
  o = RougeOptions{};
  o.alpha = 1.5;
  EXPECT_FALSE(ValidateRougeOptions(o).ok());
  o = RougeOptions{};
  o.resamples = 0;
  EXPECT_FALSE(ValidateRougeOptions(o).ok());
  EXPECT_TRUE(ValidateRougeOptions(RougeOptions{}).ok());
  EXPECT_FALSE(RougeScorer::Create(o).ok());
}

TEST(RougeOptionsTest, ParsesOfficialFlags) {
  Result<RougeOptions> o = ParseRougeFlags("-n 2 -m -l 100 -2 4 -u");
  ASSERT_TRUE(o.ok()) << o.status().ToString();
  EXPECT_EQ(o->max_ngram, 2);
  EXPECT_TRUE(o->stem);
  EXPECT_EQ(o->word_limit, 100);
  EXPECT_TRUE(o->skip_bigram);
  EXPECT_EQ(o->skip_distance, 4);
  EXPECT_TRUE(o->skip_unigrams);
  EXPECT_EQ(RougeMetricNames(*o),
            (std::vector<std::string>{"ROUGE-1", "ROUGE-2", "ROUGE-L", "ROUGE-SU4"}));
  EXPECT_FALSE(ParseRougeFlags("-l 100 -b 665").ok());
  EXPECT_FALSE(ParseRougeFlags("-n").ok());
  EXPECT_FALSE(ParseRougeFlags("-n two").ok());
  EXPECT_FALSE(ParseRougeFlags("-q").ok());
  Result<RougeOptions> star = ParseRougeFlags("-2 -1 -x");
  ASSERT_TRUE(star.ok());
  EXPECT_EQ(RougeMetricNames(*star), (std::vector<std::string>{"ROUGE-S*"}));
}

TEST(RougeScorerTest, HandComputedScores) {
  RougeOptions o;
  o.max_ngram = 2;
  auto scorer = MakeScorer(o);
  ASSERT_NE(scorer, nullptr);
  const std::vector<std::string> models = {"a cat sat on a mat\nthe cat was happy", "the dog sat"};
  auto scores = scorer->ScoreSummary("the cat sat on the mat\nit was happy", models);
  ASSERT_TRUE(scores.ok());
  ASSERT_EQ(scores->size(), 3u);  // ROUGE-1, ROUGE-2, ROUGE-L
  // ROUGE-1 hits: model 1: cat sat on mat the was happy = 7; model 2: the sat = 2.
  // R = 9 / (10 + 3); P = 9 / (2 x 9 peer tokens).
  EXPECT_DOUBLE_EQ((*scores)[0].recall, 0.69231);
  EXPECT_DOUBLE_EQ((*scores)[0].precision, 0.5);
  // F from the ROUNDED R and P: 0.5 * 0.69231 / (0.5 * 0.5 + 0.5 * 0.69231).
  EXPECT_DOUBLE_EQ((*scores)[0].f, 0.58065);
  // ROUGE-2: bigrams cross sentence boundaries, so model 1's "the cat"
  // (from "...mat / the cat...") hits too: "the cat" "cat sat" "sat on"
  // "was happy" = 4; model 2: 0.
  EXPECT_DOUBLE_EQ((*scores)[1].recall, 0.36364);  // 4 / (9 + 2)
  EXPECT_DOUBLE_EQ((*scores)[1].precision, 0.25);  // 4 / (2 x 8)
}

TEST(RougeScorerTest, AlphaWeighsPrecision) {
  RougeOptions o;
  o.max_ngram = 1;
  o.lcs = false;
  o.alpha = 1.0;  // F = P
  auto scorer = MakeScorer(o);
  const std::vector<std::string> models = {"a b c d"};
  auto scores = scorer->ScoreSummary("a b", models);
  ASSERT_TRUE(scores.ok());
  EXPECT_DOUBLE_EQ((*scores)[0].recall, 0.5);
  EXPECT_DOUBLE_EQ((*scores)[0].precision, 1.0);
  EXPECT_DOUBLE_EQ((*scores)[0].f, 1.0);
}

TEST(RougeScorerTest, BestModelFormula) {
  RougeOptions o;
  o.max_ngram = 1;
  o.lcs = false;
  o.formula = RougeFormula::kBestModel;
  auto scorer = MakeScorer(o);
  const std::vector<std::string> models = {"x y z w", "a b"};
  auto scores = scorer->ScoreSummary("a b c", models);
  ASSERT_TRUE(scores.ok());
  EXPECT_DOUBLE_EQ((*scores)[0].recall, 1.0);  // the second model alone
  EXPECT_DOUBLE_EQ((*scores)[0].precision, 0.66667);
}

TEST(RougeScorerTest, EmptyPeerScoresZero) {
  RougeOptions o;
  o.max_ngram = 1;
  auto scorer = MakeScorer(o);
  const std::vector<std::string> models = {"a b"};
  auto scores = scorer->ScoreSummary("", models);
  ASSERT_TRUE(scores.ok());
  for (const RougeScore& s : *scores) EXPECT_EQ(s.f, 0);
}

TEST(RougeScorerTest, ReportOrderAndOfficialFormat) {
  RougeOptions o;
  o.max_ngram = 1;
  o.lcs = false;
  auto scorer = MakeScorer(o);
  std::vector<RougeTopic> topics(2);
  topics[0] = RougeTopic{"t2", {"a b"}, {{"Zed", "a"}, {"Alpha", "a b"}}};
  topics[1] = RougeTopic{"t1", {"a b"}, {{"Alpha", "b"}}};
  auto report = scorer->Score(topics);
  ASSERT_TRUE(report.ok());
  ASSERT_EQ(report->per_topic.size(), 3u);
  EXPECT_EQ(report->per_topic[0].system, "Alpha");
  EXPECT_EQ(report->per_topic[0].id, "t1");
  EXPECT_EQ(report->per_topic[2].system, "Zed");
  ASSERT_EQ(report->warnings.size(), 1u);  // Zed has no peer for t1
  const std::string official = FormatRougeReport(*report, RougeFormat::kOfficial, 95);
  EXPECT_NE(official.find("Alpha ROUGE-1 Average_R: 0.75000 (95%-conf.int. "), std::string::npos)
      << official;
  EXPECT_NE(official.find("Alpha ROUGE-1 Eval t1.Alpha R:0.50000 P:1.00000 F:0.66667\n"),
            std::string::npos)
      << official;
  const std::string json = FormatRougeReport(*report, RougeFormat::kJson, 95);
  EXPECT_EQ(json.rfind("{\"per_topic\":[{\"id\":\"t1\",\"system\":\"Alpha\",\"metric\":\"ROUGE-1\","
                       "\"R\":0.5,\"P\":1.0,\"F\":0.66667}",
                       0),
            0u)
      << json;
}

TEST(RougeScorerTest, RefusesUnboundedSkipBigramsOfHugeModels) {
  RougeOptions o;
  o.lcs = false;
  o.skip_bigram = true;
  o.skip_distance = -1;  // ROUGE-S*
  auto scorer = MakeScorer(o);
  std::string huge;
  for (int k = 0; k < 9000; ++k) {
    huge += std::to_string(k % 50);  // not "w" + ...: g++ 12 -Wrestrict false positive
    huge += " ";
  }
  const std::vector<std::string> models = {huge};
  auto scores = scorer->ScoreSummary("w1 w2", models);
  EXPECT_EQ(scores.status().code(), StatusCode::kResourceExhausted);
}

TEST(RougeScorerTest, DuplicateTopicIdsAreAnError) {
  auto scorer = MakeScorer(RougeOptions{});
  std::vector<RougeTopic> topics = {RougeTopic{"t", {"a"}, {}}, RougeTopic{"t", {"a"}, {}}};
  EXPECT_FALSE(scorer->Score(topics).ok());
}

TEST(RougeDatasetTest, ReadsBothSummaryShapesAndReportsBadLines) {
  const std::string clusters =
      "{\"id\": \"t1\", \"references\": [\"a b\", \"c\"], \"documents\": []}\n"
      "oops\n"
      "{\"id\": \"t2\", \"references\": [\"x\"]}\n"
      "{\"id\": \"t3\", \"references\": [\"y\"]}\n";
  const std::string peers =
      "{\"id\": \"t1\", \"system\": \"S\", \"summary\": \"a\\nb\"}\n"
      "{\"id\": \"t1\", \"summary\": [{\"text\": \"a\", \"doc\": 1}, {\"text\": \"c\"}]}\n"
      "{\"id\": \"t9\", \"system\": \"S\", \"summary\": \"q\"}\n"
      "{\"id\": \"t2\", \"system\": \"S\", \"summary\": 3}\n"
      "\n"
      "{\"id\": \"t2\", \"system\": \"S\", \"summary\": \"x\"}\n";
  RougeDataset d = ParseRougeDataset(clusters, "c.jsonl", peers, "p.jsonl");
  ASSERT_EQ(d.topics.size(), 3u);
  ASSERT_EQ(d.topics[0].peers.size(), 2u);
  EXPECT_EQ(d.topics[0].peers[1].system, "chorus");
  EXPECT_EQ(d.topics[0].peers[1].text, "a\nc");
  EXPECT_EQ(d.topics[1].peers.size(), 1u);
  ASSERT_EQ(d.errors.size(), 3u);
  EXPECT_NE(d.errors[0].message().find("c.jsonl:2"), std::string::npos);
  EXPECT_NE(d.errors[1].message().find("p.jsonl:3"), std::string::npos);
  EXPECT_NE(d.errors[1].message().find("t9"), std::string::npos);
  EXPECT_NE(d.errors[2].message().find("p.jsonl:4"), std::string::npos);
  ASSERT_EQ(d.warnings.size(), 1u);  // t3 has no peers
  EXPECT_NE(d.warnings[0].find("t3"), std::string::npos);

  RougeDataset strict = ParseRougeDataset(clusters, "c.jsonl", peers, "p.jsonl", {.strict = true});
  EXPECT_EQ(strict.errors.size(), 1u);
}

TEST(RougeDatasetTest, SummaryFilesAreChecked) {
  EXPECT_EQ(ReadRougeSummaryFile("/nonexistent/peer.txt").status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace chorus
