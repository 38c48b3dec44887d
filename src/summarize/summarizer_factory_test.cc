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
