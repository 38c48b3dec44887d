#include "summarize/sentence_compressor.h"

#include <gtest/gtest.h>

namespace chorus {
namespace {

std::string Compress(std::string_view text) { return CompressSentence(text).text; }

TEST(SentenceCompressorTest, DropsTrailingAttribution) {
  EXPECT_EQ(Compress("At least 231 people have been confirmed dead in Honduras, the National Emergency "
                     "Commission said Saturday."),
            "At least 231 people have been confirmed dead in Honduras.");
  EXPECT_EQ(Compress("The army evacuated more than 5,000 people along the Ulua River, said Nolly Soliman, a "
                     "resident."),
            "The army evacuated more than 5,000 people along the Ulua River.");
  EXPECT_EQ(Compress("Three firefighters were treated at the hospital for smoke inhalation, according to the "
                     "fire department."),
            "Three firefighters were treated at the hospital for smoke inhalation.");
}

TEST(SentenceCompressorTest, KeepsClausesThatAreNotAttributions) {
  // The last clause states a fact of its own: nothing to remove.
  EXPECT_EQ(Compress("The talks collapsed in the capital, and the opposition boycotted the vote."), "");
  // "said" inside the main clause is not a trailing attribution.
  EXPECT_EQ(Compress("The prime minister said the government would resign if the budget failed."), "");
}

TEST(SentenceCompressorTest, KeepsMainVerbsThatLookLikeAttributions) {
  // "says"/"said" after an apposition is the main verb, not an attribution:
  // removing "..., says ..." would leave a fragment ("Another safety agency,
  // the National Highway Traffic Safety Administration.").
  EXPECT_EQ(Compress("Another safety agency, the National Highway Traffic Safety Administration, says more than "
                     "80 percent of child car seats are used improperly."),
            "");
  EXPECT_EQ(Compress("Speaking in the town of Vladikavkaz, Viktor Kazantsev, commander of Russian forces, said "
                     "there was no order to take Grozny."),
            "");
  EXPECT_EQ(Compress("Marc Hodler, the Swiss member of the IOC executive board, said agents demand bribes."), "");
  // The attribution at the end is "he said", not what the commas before it hold.
  EXPECT_EQ(Compress("Information from the flight data recorder, one of the two black boxes, should tell "
                     "investigators if a thruster deployed in flight, he said."),
            "Information from the flight data recorder, one of the two black boxes, should tell investigators "
            "if a thruster deployed in flight.");
  EXPECT_EQ(Compress("His foreign policy would be based on peace, integration and the defense of human rights, "
                     "Rangel said."),
            "His foreign policy would be based on peace, integration and the defense of human rights.");
}

TEST(SentenceCompressorTest, DropsDatelineConnectiveAndLeadingDay) {
  EXPECT_EQ(Compress("WASHINGTON _ NASA and the Russian Space Agency have agreed to set aside a Russian request."),
            "NASA and the Russian Space Agency have agreed to set aside a Russian request.");
  EXPECT_EQ(Compress("However, the two parties agreed to form a coalition government led by Hun Sen."),
            "The two parties agreed to form a coalition government led by Hun Sen.");
  EXPECT_EQ(Compress("On Friday, the two parties agreed to form a coalition government led by Hun Sen."),
            "The two parties agreed to form a coalition government led by Hun Sen.");
}

TEST(SentenceCompressorTest, DropsWeekdaysOnlyWhereGrammarAllows) {
  EXPECT_EQ(Compress("The parties broke a three-month deadlock Friday and agreed to a coalition government."),
            "The parties broke a three-month deadlock and agreed to a coalition government.");
  EXPECT_EQ(Compress("Pope John Paul II appealed on Wednesday for aid to the stricken countries."),
            "Pope John Paul II appealed for aid to the stricken countries.");
  EXPECT_EQ(Compress("Some international organizations vowed here Tuesday to provide 320 million dollars in loans."),
            "Some international organizations vowed to provide 320 million dollars in loans.");
  EXPECT_EQ(Compress("Germany today announced its plan to expand its production of solar cells."),
            "Germany announced its plan to expand its production of solar cells.");
  // Inside a quotation "today" is the speaker's word.
  EXPECT_EQ(Compress("``We are ready today to sign the agreement with the rebels,'' the minister said."), "");
  // A preposition or "be" needs its object: kept.
  EXPECT_EQ(Compress("The storm is expected to stay over the islands until Friday at the earliest."), "");
  EXPECT_EQ(Compress("The decisive vote in the national parliament was on Friday."), "");
  EXPECT_EQ(Compress("Ministers will meet on Monday and Tuesday to discuss the crisis in the region."), "");
}

TEST(SentenceCompressorTest, DropsParentheticalsAndAges) {
  EXPECT_EQ(Compress("The hurricane was 95 miles (152 kilometers) north of Honduras near the islands."),
            "The hurricane was 95 miles north of Honduras near the islands.");
  EXPECT_EQ(Compress("Pinochet, 82, was arrested in a London clinic where he was recovering from surgery."),
            "Pinochet was arrested in a London clinic where he was recovering from surgery.");
}

TEST(SentenceCompressorTest, RemovedRangesMapTheOriginal) {
  const std::string text = "Pinochet, 82, was arrested in a London clinic where he was recovering from surgery.";
  const CompressedSentence c = CompressSentence(text);
  ASSERT_EQ(c.removed.size(), 1u);
  EXPECT_EQ(text.substr(c.removed[0].first, c.removed[0].second - c.removed[0].first), ", 82,");
  EXPECT_TRUE(IsRemoved(c.removed, static_cast<uint32_t>(text.find("82"))));
  EXPECT_FALSE(IsRemoved(c.removed, static_cast<uint32_t>(text.find("was"))));
}

TEST(SentenceCompressorTest, TooShortAResultIsNoCompression) {
  EXPECT_EQ(Compress("Prices rose, officials said."), "");
}

}  // namespace
}  // namespace chorus
