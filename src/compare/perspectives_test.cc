// Perspectives by lean and the outlet lean table (issue 12).
#include "compare/perspectives.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "compare/lean_table.h"

namespace chorus::compare {
namespace {

AnalyzedCluster AnalyzeWithOutlets(const std::vector<Document>& docs) {
  Cluster cluster;
  cluster.id = "sides";
  cluster.documents = docs;
  AnalyzerOptions options;
  options.clean = false;
  return ClusterAnalyzer(options).Analyze(cluster);
}

Document Doc(std::string id, std::string source, std::string lean, std::string text) {
  Document d;
  d.id = std::move(id);
  d.source = std::move(source);
  d.lean = std::move(lean);
  d.text = std::move(text);
  return d;
}

bool Lists(const Comparison& c, const std::vector<uint32_t>& facts, std::string_view text) {
  return std::any_of(facts.begin(), facts.end(),
                     [&](uint32_t i) { return c.facts[i].text == text; });
}

TEST(LeanTableTest, FindsShippedOutletsLoosely) {
  const LeanTable& t = LeanTable::Default();
  EXPECT_GE(t.size(), 140u);
  EXPECT_EQ(t.Find("The Hill"), "center");
  EXPECT_EQ(t.Find("Hill"), "center");
  EXPECT_EQ(t.Find("CNN"), "left");
  EXPECT_EQ(t.Find("Fox News"), "right");
  EXPECT_EQ(t.Find("foxnews.com"), "right");
  EXPECT_EQ(t.Find("Reuters"), "center");
  // The newsroom's rating for the bare name, the opinion pages' when named.
  EXPECT_EQ(t.Find("Wall Street Journal"), "center");
  EXPECT_EQ(t.Find("Wall Street Journal (Opinion)"), "right");
  EXPECT_EQ(t.Find("Harbor Gazette"), "");
  EXPECT_EQ(t.Find(""), "");
}

TEST(PerspectivesTest, ArticleLeanWinsOverTheTableAndCentreReadsCenter) {
  EXPECT_EQ(SourceLean(Doc("a", "Fox News", "", "")), "right");
  EXPECT_EQ(SourceLean(Doc("a", "Fox News", " Centre ", "")), "center");
  EXPECT_EQ(SourceLean(Doc("a", "Fox News", "Libertarian", "")), "libertarian");
  EXPECT_EQ(SourceLean(Doc("a", "Harbor Gazette", "", "")), "");
}

TEST(PerspectivesTest, SidesGetWhatOnlyTheyReportAndWhatTheyLeaveOut) {
  const AnalyzedCluster cluster = AnalyzeWithOutlets({
      Doc("l", "CNN", "",
          "Floods killed 12 people in the valley on Monday. Officials blamed the dam operators."),
      Doc("c", "Reuters", "",
          "Floods killed 12 people in the valley, officials said. Rain fell for days."),
      Doc("r", "Daily Wire", "",
          "The governor visited 40 shelters after the storm. Rain fell for days."),
      Doc("x", "Harbor Gazette", "", "Floods killed 12 people. The governor visited 40 shelters."),
  });
  const Comparison c = Comparer().Compare(cluster);
  ASSERT_EQ(c.perspectives.size(), 3u);
  EXPECT_EQ(c.perspectives[0].lean, "left");
  EXPECT_EQ(c.perspectives[1].lean, "center");
  EXPECT_EQ(c.perspectives[2].lean, "right");
  EXPECT_EQ(c.perspectives[0].outlets, (std::vector<std::string>{"CNN"}));
  EXPECT_EQ(c.sources[3].lean, "");  // unrated: takes no side
  // Left and center report the toll; right leaves it out.
  EXPECT_TRUE(Lists(c, c.perspectives[2].left_out, "12 people"));
  EXPECT_FALSE(Lists(c, c.perspectives[0].left_out, "12 people"));
  // Only right (among rated sources) counts the shelters.
  EXPECT_TRUE(Lists(c, c.perspectives[2].only_here, "40 shelters"));
  EXPECT_FALSE(Lists(c, c.perspectives[1].only_here, "40 shelters"));
  // The JSON carries both (the contract only grows).
  const nlohmann::json j = nlohmann::json::parse(ComparisonToJson(c));
  ASSERT_EQ(j["perspectives"].size(), 3u);
  EXPECT_EQ(j["perspectives"][2]["lean"], "right");
  EXPECT_EQ(j["sources"][0]["lean"], "left");
  EXPECT_NE(ComparisonToText(c).find("PERSPECTIVES"), std::string::npos);
  EXPECT_NE(ComparisonToHtml(c).find("<h2>Perspectives</h2>"), std::string::npos);
}

TEST(PerspectivesTest, NoneWithoutTwoLeans) {
  const Comparison none = Comparer().Compare(AnalyzeWithOutlets({
      Doc("a", "Harbor Gazette", "", "Floods killed 12 people in the valley."),
      Doc("b", "Daily Courier", "", "Floods killed 12 people in the valley on Monday."),
  }));
  EXPECT_TRUE(none.perspectives.empty());
  const Comparison one = Comparer().Compare(AnalyzeWithOutlets({
      Doc("a", "CNN", "", "Floods killed 12 people in the valley."),
      Doc("b", "MSNBC", "", "Floods killed 12 people in the valley on Monday."),
  }));
  EXPECT_TRUE(one.perspectives.empty());
  EXPECT_EQ(ComparisonToText(one).find("PERSPECTIVES"), std::string::npos);
}

}  // namespace
}  // namespace chorus::compare
