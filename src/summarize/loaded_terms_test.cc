// The loaded-term lexicon and `--neutral` (issue 12).
#include "summarize/loaded_terms.h"

#include <gtest/gtest.h>

#include "chorus/summarizer.h"
#include "summarize/test_cluster.h"

namespace chorus {
namespace {

TEST(LoadedTermsTest, ShippedLexiconHoldsHeadlineWordsEditorsAvoid) {
  const LoadedTerms& loaded = LoadedTerms::Default();
  EXPECT_GE(loaded.size(), 10u);
  EXPECT_TRUE(loaded.Contains(Tokenizer::Stem("slams")));
  EXPECT_FALSE(loaded.Contains(Tokenizer::Stem("river")));
  const LoadedTerms parsed = LoadedTerms::Parse("# comment\nslam\t5.1\n\nblast\t3\n");
  EXPECT_EQ(parsed.size(), 2u);
  EXPECT_TRUE(parsed.Contains("blast"));
}

TEST(LoadedTermsTest, NeutralSummaryAvoidsLoadedSentences) {
  const AnalyzedCluster cluster = testing::AnalyzeArticles({
      {"a", "", "Critics slam the council as the Marra River floods the valley town of Kelburn after days of rain."},
      {"b", "", "The Marra River floods the valley town of Kelburn after three days of heavy rain, officials say."},
      {"c", "", "Critics slam the council as the Marra River floods the valley town of Kelburn and rescuers wait."},
      {"d", "", "Rescuers in Kelburn say the Marra River floods the valley town after three days of rain."},
  });
  auto summarizer = MakeSummarizer("chorus");
  ASSERT_TRUE(summarizer.ok());
  SummaryOptions options;
  options.budget = {BudgetUnit::kSentences, 1};
  options.neutral = true;
  Result<Summary> neutral = (*summarizer)->Summarize(cluster, options);
  ASSERT_TRUE(neutral.ok()) << neutral.status().ToString();
  ASSERT_EQ(neutral->sentences.size(), 1u);
  EXPECT_EQ(neutral->sentences[0].text.find("slam"), std::string::npos) << neutral->sentences[0].text;
  options.neutral = false;  // the plain summary takes the most repeated wording
  Result<Summary> plain = (*summarizer)->Summarize(cluster, options);
  ASSERT_TRUE(plain.ok());
  ASSERT_EQ(plain->sentences.size(), 1u);
  EXPECT_NE(plain->sentences[0].text.find("slam"), std::string::npos) << plain->sentences[0].text;
}

// A loaded word most sources use is the story's own word, not one side's
// framing: --neutral keeps the plain summary.
TEST(LoadedTermsTest, NeutralSummaryKeepsLoadedWordsMostSourcesUse) {
  const AnalyzedCluster cluster = testing::AnalyzeArticles({
      {"a", "", "Critics slam the council as the Marra River floods the valley town of Kelburn after days of rain."},
      {"b", "", "Residents slam the mayor while the Marra River floods the valley town of Kelburn for a third day."},
      {"c", "", "Farmers slam the weather service as the Marra River floods the valley town of Kelburn."},
      {"d", "", "Rescuers in Kelburn say the Marra River floods the valley town after three days of rain."},
      {"e", "", "Officials in Kelburn say the Marra River floods the valley town after days of heavy rain."},
  });
  auto summarizer = MakeSummarizer("chorus");
  ASSERT_TRUE(summarizer.ok());
  SummaryOptions options;
  options.budget = {BudgetUnit::kSentences, 1};
  options.neutral = true;
  Result<Summary> neutral = (*summarizer)->Summarize(cluster, options);
  ASSERT_TRUE(neutral.ok()) << neutral.status().ToString();
  ASSERT_EQ(neutral->sentences.size(), 1u);
  EXPECT_NE(neutral->sentences[0].text.find("slam"), std::string::npos) << neutral->sentences[0].text;
}

}  // namespace
}  // namespace chorus
