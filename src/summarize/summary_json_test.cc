#include "chorus/summary_json.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace chorus {
namespace {

AnalyzedCluster TwoDocs() {
  AnalyzedCluster c;
  c.id = "event-1";
  c.documents.resize(2);
  c.documents[0].id = "apw-1";
  c.documents[1].id = "nyt \"2\"";
  return c;
}

Summary OneSentence() {
  Summary s;
  s.cluster_id = "event-1";
  s.method = "chorus";
  SummarySentence sent;
  sent.text = "Rescuers pulled \"twelve\" people from homes.";
  sent.doc = 1;
  sent.doc_id = "nyt \"2\"";
  sent.sentence = 3;
  sent.support = {0, 1};
  s.sentences.push_back(sent);
  return s;
}

TEST(SummaryJsonTest, SchemaWithDocumentIds) {
  const std::string out = SummaryToJson(OneSentence(), TwoDocs());
  EXPECT_EQ(out.find('\n'), std::string::npos) << "compact JSON is one line";
  const auto j = nlohmann::json::parse(out);
  EXPECT_EQ(j["id"], "event-1");
  EXPECT_EQ(j["method"], "chorus");
  ASSERT_EQ(j["summary"].size(), 1u);
  EXPECT_EQ(j["summary"][0]["text"], "Rescuers pulled \"twelve\" people from homes.");
  EXPECT_EQ(j["summary"][0]["doc"], "nyt \"2\"");
  EXPECT_EQ(j["summary"][0]["sentence"], 3);
  EXPECT_EQ(j["summary"][0]["support"], nlohmann::json::array({"apw-1", "nyt \"2\""}));
  EXPECT_NE(SummaryToJson(OneSentence(), TwoDocs(), 2).find('\n'), std::string::npos);
}

TEST(SummaryJsonTest, WarningsOnlyWhenThereAreSome) {
  EXPECT_FALSE(nlohmann::json::parse(SummaryToJson(OneSentence(), TwoDocs())).contains("warnings"));
  Summary warned = OneSentence();
  warned.warnings.push_back("selection stopped at its safety time limit");
  const auto j = nlohmann::json::parse(SummaryToJson(warned, TwoDocs()));
  EXPECT_EQ(j["warnings"], nlohmann::json::array({"selection stopped at its safety time limit"}));
}

TEST(SummaryJsonTest, CompressedSentencesCarryTheirOriginal) {
  EXPECT_FALSE(
      nlohmann::json::parse(SummaryToJson(OneSentence(), TwoDocs()))["summary"][0].contains(
          "compressed"));
  Summary s = OneSentence();
  s.sentences[0].compressed = true;
  s.sentences[0].original = "Rescuers pulled \"twelve\" people from homes, officials said.";
  const auto j = nlohmann::json::parse(SummaryToJson(s, TwoDocs()))["summary"][0];
  EXPECT_EQ(j["compressed"], true);
  EXPECT_EQ(j["original"], "Rescuers pulled \"twelve\" people from homes, officials said.");
}

TEST(SummaryJsonTest, TextWithAndWithoutCitations) {
  EXPECT_EQ(SummaryToText(OneSentence(), TwoDocs(), false),
            "Rescuers pulled \"twelve\" people from homes.\n");
  EXPECT_EQ(SummaryToText(OneSentence(), TwoDocs(), true),
            "Rescuers pulled \"twelve\" people from homes. [apw-1, nyt \"2\"]\n");
  Summary empty;
  EXPECT_EQ(SummaryToText(empty, TwoDocs(), true), "");
  EXPECT_EQ(nlohmann::json::parse(SummaryToJson(empty, TwoDocs()))["summary"].size(), 0u);
}

}  // namespace
}  // namespace chorus
