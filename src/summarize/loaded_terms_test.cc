// The loaded-term lexicon and `--neutral` (issue 12).
#include "summarize/loaded_terms.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

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

// The one-sentence summary of `articles`, neutral or plain ("" on error).
std::string OneSentenceSummary(const std::vector<testing::TestArticle>& articles, bool neutral) {
  const AnalyzedCluster cluster = testing::AnalyzeArticles(articles);
  auto summarizer = MakeSummarizer("chorus");
  if (!summarizer.ok()) return "";
  SummaryOptions options;
  options.budget = {BudgetUnit::kSentences, 1};
  options.neutral = neutral;
  Result<Summary> summary = (*summarizer)->Summarize(cluster, options);
  return summary.ok() && summary->sentences.size() == 1 ? summary->sentences[0].text : "";
}

// In neutral mode a framing word earns no coverage, and a claim is told in
// the loaded-free source's words: the loaded sentence that wins on plain
// coverage gives way to a loaded-free one.
TEST(LoadedTermsTest, NeutralSummaryPrefersLoadedFreeSentences) {
  const std::vector<testing::TestArticle> articles = {
      {"a", "",
       "Critics slam the council as the Marra River floods the valley town of Kelburn in the "
       "rain."},
      {"b", "",
       "The Marra River floods the valley town of Kelburn after three days of heavy rain, "
       "officials say."},
      {"c", "",
       "Critics slam the council as the Marra River floods the valley town of Kelburn and rescuers "
       "wait."},
      {"d", "",
       "Rescuers in Kelburn say the Marra River floods the valley town after three days of rain."},
  };
  const std::string neutral = OneSentenceSummary(articles, true);
  ASSERT_FALSE(neutral.empty());
  EXPECT_EQ(neutral.find("slam"), std::string::npos) << neutral;
  // The plain summary takes the most repeated wording.
  const std::string plain = OneSentenceSummary(articles, false);
  EXPECT_NE(plain.find("slam"), std::string::npos) << plain;
}

// ... but not a filter: a loaded sentence that tells clearly more (the rain's
// days and the valley here) is still chosen when no other source states its
// claim as fully (the round-9 replacement keeps 90% of the concept weight).
TEST(LoadedTermsTest, NeutralSummaryKeepsALoadedSentenceThatTellsMore) {
  const std::string neutral = OneSentenceSummary(
      {
          {"a", "",
           "Critics slam the council as the Marra River floods the valley town of Kelburn after "
           "days of rain."},
          {"b", "",
           "The Marra River floods the town of Kelburn after three days of heavy rain, officials "
           "say."},
          {"c", "",
           "Critics slam the council as the Marra River floods the valley town of Kelburn and "
           "rescuers wait."},
          {"d", "",
           "Rescuers in Kelburn say the Marra River floods the valley town after three days of "
           "rain."},
      },
      true);
  EXPECT_NE(neutral.find("slam"), std::string::npos) << neutral;
}

// A loaded word most sources use is the story's own word, not one side's
// framing: --neutral keeps it.
TEST(LoadedTermsTest, NeutralSummaryKeepsLoadedWordsMostSourcesUse) {
  const std::string neutral = OneSentenceSummary(
      {
          {"a", "",
           "Critics slam the council as the Marra River floods the valley town of Kelburn after "
           "days of rain."},
          {"b", "",
           "Residents slam the mayor while the Marra River floods the valley town of Kelburn for a "
           "third day."},
          {"c", "",
           "Farmers slam the weather service as the Marra River floods the valley town of "
           "Kelburn."},
          {"d", "",
           "Rescuers in Kelburn say the Marra River floods the valley town after three days of "
           "rain."},
          {"e", "",
           "Officials in Kelburn say the Marra River floods the valley town after days of heavy "
           "rain."},
      },
      true);
  EXPECT_NE(neutral.find("slam"), std::string::npos) << neutral;
}

}  // namespace
}  // namespace chorus
