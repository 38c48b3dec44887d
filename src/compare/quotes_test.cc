#include "compare/quotes.h"

#include <gtest/gtest.h>

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
  Found f = Quotes("“We will not leave this country without a fight,” Gen. John Smith told reporters.");
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
  EXPECT_EQ(f.quotes[0].text, "Despite the difficulties we face, it remains best for us. We will vote.");
  EXPECT_EQ(f.Speaker(0), "Omar Haddad");
}

TEST(QuotesTest, NominalSpeakerIsKeptAsWritten) {
  Found f = Quotes("“This is a temporary victory for the parties,” the senior official told me.");
  ASSERT_EQ(f.quotes.size(), 1u);
  EXPECT_EQ(f.Speaker(0), "the senior official");
}

TEST(QuotesTest, OverlapIsShareOfTheShorterQuote) {
  Found a = Quotes("“It remains best for Iraq on principle and practically,” he said.");
  Found b = Quotes("“Despite the difficulties, it remains best for Iraq on principle and practically.”");
  ASSERT_EQ(a.quotes.size(), 1u);
  ASSERT_EQ(b.quotes.size(), 1u);
  EXPECT_DOUBLE_EQ(QuoteOverlap(a.quotes[0], b.quotes[0]), 1.0);
}

}  // namespace
}  // namespace chorus::compare
