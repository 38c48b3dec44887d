#include "compare/quotes.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "base/disjoint_sets.h"
#include "compare/compare_test_util.h"

namespace chorus::compare {
namespace {

struct Found {
  std::vector<QuoteMention> quotes;
  EntityAnalysis entities;
  std::string Speaker(size_t i) const {
    const QuoteMention& q = quotes.at(i);
    return q.speaker_entity >= 0 ? entities.entities[static_cast<size_t>(q.speaker_entity)].name
                                 : q.speaker_text;
  }
};

Found Quotes(const std::string& text) {
  AnalyzedCluster c = testing::Analyze({{"d", text}});
  Found f;
  f.entities = LinkEntities(c, ExtractEntityMentions(c, DefaultEntityLexicon()), {0});
  f.quotes = ExtractQuotes(c, f.entities, 4);
  return f;
}

TEST(QuotesTest, SpeakerAfterTheQuote) {
  Found f =
      Quotes("“We will not leave this country without a fight,” Gen. John Smith told reporters.");
  ASSERT_EQ(f.quotes.size(), 1u);
  EXPECT_EQ(f.quotes[0].text, "We will not leave this country without a fight");
  EXPECT_EQ(f.Speaker(0), "John Smith");
}

TEST(QuotesTest, SaidBeforeTheName) {
  Found f = Quotes("\"The vote is not binding on the government,\" said Mary Jones, a lawyer.");
  ASSERT_EQ(f.quotes.size(), 1u);
  EXPECT_EQ(f.Speaker(0), "Mary Jones");
}

TEST(QuotesTest, SpeakerBeforeTheQuoteAndPronouns) {
  Found f = Quotes(
      "Senator Ann Lee spoke first. She said: “This is a dark day for all of us.” "
      "“We are not allowed to touch their sites,” he said.");
  ASSERT_EQ(f.quotes.size(), 2u);
  EXPECT_EQ(f.Speaker(0), "Ann Lee");
  // "he" resolves to the last person named before it.
  EXPECT_EQ(f.Speaker(1), "Ann Lee");
}

TEST(QuotesTest, QuoteAcrossSentencesAndPreviousSentenceSpeaker) {
  Found f = Quotes(
      "Officials met on Monday. Prime Minister Omar Haddad said the strike was illegal.\n"
      "“Despite the difficulties we face, it remains best for us. We will vote.”\n"
      "“Death to America” was chanted.");
  ASSERT_EQ(f.quotes.size(), 1u);  // the three-word chant is a scare quote
  EXPECT_EQ(f.quotes[0].text,
            "Despite the difficulties we face, it remains best for us. We will vote.");
  EXPECT_EQ(f.Speaker(0), "Omar Haddad");
}

TEST(QuotesTest, NominalSpeakerIsKeptAsWritten) {
  Found f = Quotes("“This is a temporary victory for the parties,” the senior official told me.");
  ASSERT_EQ(f.quotes.size(), 1u);
  EXPECT_EQ(f.Speaker(0), "the senior official");
}

TEST(QuotesTest, OverlapIsShareOfTheShorterQuote) {
  Found a = Quotes("“It remains best for Iraq on principle and practically,” he said.");
  Found b =
      Quotes("“Despite the difficulties, it remains best for Iraq on principle and practically.”");
  ASSERT_EQ(a.quotes.size(), 1u);
  ASSERT_EQ(b.quotes.size(), 1u);
  EXPECT_DOUBLE_EQ(QuoteOverlap(a.quotes[0], b.quotes[0]), 1.0);
}

// The index finds exactly the quotations all pairs would: random quotes over
// a small vocabulary (many near-repeats), several overlap thresholds.
TEST(QuotesTest, SameQuotesEqualsComparingAllPairs) {
  std::mt19937 random(16);
  for (double min_overlap : {0.5, 0.6, 0.8}) {
    std::vector<QuoteMention> quotes(400);
    for (QuoteMention& q : quotes) {
      const size_t words = 1 + random() % 9;
      for (size_t k = 0; k < words; ++k) q.words.push_back(static_cast<uint32_t>(random() % 24));
      std::sort(q.words.begin(), q.words.end());
      q.words.erase(std::unique(q.words.begin(), q.words.end()), q.words.end());
    }
    DisjointSets all_pairs(quotes.size());
    for (size_t a = 0; a < quotes.size(); ++a) {
      for (size_t b = a + 1; b < quotes.size(); ++b) {
        if (QuoteOverlap(quotes[a], quotes[b]) >= min_overlap) all_pairs.Union(a, b);
      }
    }
    PairBudget budget(UINT64_MAX, "quotes");
    EXPECT_EQ(SameQuotes(quotes, min_overlap, &budget), all_pairs.Sets()) << min_overlap;
    EXPECT_FALSE(budget.spent());
  }
}

TEST(QuotesTest, SameQuotesStopsAtItsBudget) {
  std::vector<QuoteMention> quotes(50);
  for (QuoteMention& q : quotes) q.words = {1, 2, 3, 4};
  quotes[0].words = {1, 2, 3, 5};
  PairBudget budget(1, "quotes");
  SameQuotes(quotes, 0.5, &budget);
  EXPECT_TRUE(budget.spent());
  std::vector<std::string> warnings;
  budget.Report(&warnings);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("quotes"), std::string::npos);
}

}  // namespace
}  // namespace chorus::compare
