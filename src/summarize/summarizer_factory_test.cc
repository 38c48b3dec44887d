#include <gtest/gtest.h>

#include "chorus/summarizer.h"
#include "summarize/test_cluster.h"

namespace chorus {
namespace {

TEST(SummarizerFactoryTest, DefaultMethodComesFirstAndIsMade) {
  const std::vector<std::string> methods = SummarizerMethods();
  ASSERT_FALSE(methods.empty());
  EXPECT_EQ(methods.front(), "chorus");
  for (const std::string& name : methods) {
    Result<std::unique_ptr<Summarizer>> s = MakeSummarizer(name);
    ASSERT_TRUE(s.ok()) << name;
    EXPECT_EQ((*s)->name(), name);
    const AnalyzedCluster cluster = testing::AnalyzeArticles(testing::FloodArticles());
    Result<Summary> summary = (*s)->Summarize(cluster, {});
    ASSERT_TRUE(summary.ok()) << name;
    EXPECT_EQ(summary->method, name);
    EXPECT_FALSE(summary->sentences.empty()) << name;
  }
}

TEST(SummarizerFactoryTest, AnEmptySummarySaysWhy) {
  const AnalyzedCluster flood = testing::AnalyzeArticles(testing::FloodArticles());
  const AnalyzedCluster symbols =
      testing::AnalyzeArticles({{.id = "p", .date = "", .text = "... !!! ??? --- ***"}});
  for (const std::string& name : SummarizerMethods()) {
    Result<std::unique_ptr<Summarizer>> s = MakeSummarizer(name);
    ASSERT_TRUE(s.ok()) << name;
    SummaryOptions one_byte;
    one_byte.budget = {BudgetUnit::kBytes, 1};
    Result<Summary> tight = (*s)->Summarize(flood, one_byte);
    ASSERT_TRUE(tight.ok()) << name;
    EXPECT_TRUE(tight->sentences.empty()) << name;
    ASSERT_EQ(tight->warnings.size(), 1u) << name;
    EXPECT_EQ(tight->warnings[0], "no whole sentence fits in the budget of 1 bytes") << name;
    // Punctuation alone: the default method picks nothing and says why (the
    // lead baseline copies the leading "sentences" as they are).
    Result<Summary> none = (*s)->Summarize(symbols, {});
    ASSERT_TRUE(none.ok()) << name;
    if (name == SummarizerMethods().front()) {
      EXPECT_TRUE(none->sentences.empty());
    }
    if (none->sentences.empty()) {
      ASSERT_EQ(none->warnings.size(), 1u) << name;
      EXPECT_NE(none->warnings[0].find("no sentence with words"), std::string::npos) << name;
    }
    // A summary with sentences has no such warning.
    EXPECT_TRUE((*s)->Summarize(flood, {})->warnings.empty()) << name;
  }
}

TEST(SummarizerFactoryTest, UnknownMethodNamesTheKnownOnes) {
  Result<std::unique_ptr<Summarizer>> s = MakeSummarizer("bogus");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.status().message().find("bogus"), std::string::npos);
  EXPECT_NE(s.status().message().find("chorus"), std::string::npos);
  EXPECT_FALSE(MakeSummarizer("").ok());
}

}  // namespace
}  // namespace chorus
