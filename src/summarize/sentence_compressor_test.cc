#include "summarize/sentence_compressor.h"

#include <gtest/gtest.h>

namespace chorus {
namespace {

// The first variant: every rule that is not optional.
std::string Compress(std::string_view text) {
  const std::vector<CompressedSentence> v = CompressSentence(text);
  return v.empty() ? "" : v.front().text;
}

// The variant with every optional deletion too.
std::string Deep(std::string_view text) {
  const std::vector<CompressedSentence> v = CompressSentence(text);
  return v.empty() ? "" : v.back().text;
}

TEST(SentenceCompressorTest, DropsTrailingAttribution) {
  EXPECT_EQ(
      Compress("At least 231 people have been confirmed dead in Honduras, the National Emergency "
               "Commission said Saturday."),
      "At least 231 people have been confirmed dead in Honduras.");
  EXPECT_EQ(
      Compress(
          "The army evacuated more than 5,000 people along the Ulua River, said Nolly Soliman, a "
          "resident."),
      "The army evacuated more than 5,000 people along the Ulua River.");
  EXPECT_EQ(
      Compress(
          "Three firefighters were treated at the hospital for smoke inhalation, according to the "
          "fire department."),
      "Three firefighters were treated at the hospital for smoke inhalation.");
}

TEST(SentenceCompressorTest, KeepsClausesThatAreNotAttributions) {
  // The last clause states a fact of its own: nothing to remove.
  EXPECT_EQ(Compress("The talks collapsed in the capital, and the opposition boycotted the vote."),
            "");
  // "said" inside the main clause is not a trailing attribution.
  EXPECT_EQ(Compress("The prime minister said the government would resign if the budget failed."),
            "");
}

TEST(SentenceCompressorTest, KeepsMainVerbsThatLookLikeAttributions) {
  // "says"/"said" after an apposition is the main verb, not an attribution:
  // removing "..., says ..." would leave a fragment ("Another safety agency,
  // the National Highway Traffic Safety Administration.").
  EXPECT_EQ(Compress("Another safety agency, the National Highway Traffic Safety Administration, "
                     "says more than "
                     "80 percent of child car seats are used improperly."),
            "");
  EXPECT_EQ(Compress("Speaking in the town of Vladikavkaz, Viktor Kazantsev, commander of Russian "
                     "forces, said "
                     "there was no order to take Grozny."),
            "");
  EXPECT_EQ(
      Compress(
          "Marc Hodler, the Swiss member of the IOC executive board, said agents demand bribes."),
      "");
  // The attribution at the end is "he said", not what the commas before it hold.
  EXPECT_EQ(
      Compress("Information from the flight data recorder, one of the two black boxes, should tell "
               "investigators if a thruster deployed in flight, he said."),
      "Information from the flight data recorder, one of the two black boxes, should tell "
      "investigators "
      "if a thruster deployed in flight.");
  EXPECT_EQ(
      Compress("His foreign policy would be based on peace, integration and the defense of human "
               "rights, "
               "Rangel said."),
      "His foreign policy would be based on peace, integration and the defense of human rights.");
}

TEST(SentenceCompressorTest, DropsDatelineConnectiveAndLeadingDay) {
  EXPECT_EQ(Compress("WASHINGTON _ NASA and the Russian Space Agency have agreed to set aside a "
                     "Russian request."),
            "NASA and the Russian Space Agency have agreed to set aside a Russian request.");
  EXPECT_EQ(
      Compress("However, the two parties agreed to form a coalition government led by Hun Sen."),
      "The two parties agreed to form a coalition government led by Hun Sen.");
  EXPECT_EQ(
      Compress("On Friday, the two parties agreed to form a coalition government led by Hun Sen."),
      "The two parties agreed to form a coalition government led by Hun Sen.");
}

TEST(SentenceCompressorTest, DropsWeekdaysOnlyWhereGrammarAllows) {
  EXPECT_EQ(
      Compress(
          "The parties broke a three-month deadlock Friday and agreed to a coalition government."),
      "The parties broke a three-month deadlock and agreed to a coalition government.");
  EXPECT_EQ(Compress("Pope John Paul II appealed on Wednesday for aid to the stricken countries."),
            "Pope John Paul II appealed for aid to the stricken countries.");
  EXPECT_EQ(Compress("Some international organizations vowed here Tuesday to provide 320 million "
                     "dollars in loans."),
            "Some international organizations vowed to provide 320 million dollars in loans.");
  EXPECT_EQ(Compress("Germany today announced its plan to expand its production of solar cells."),
            "Germany announced its plan to expand its production of solar cells.");
  // Inside a quotation "today" is the speaker's word.
  EXPECT_EQ(
      Compress("``We are ready today to sign the agreement with the rebels,'' the minister said."),
      "");
  // A preposition or "be" needs its object: kept.
  EXPECT_EQ(
      Compress("The storm is expected to stay over the islands until Friday at the earliest."), "");
  EXPECT_EQ(Compress("The decisive vote in the national parliament was on Friday."), "");
  EXPECT_EQ(
      Compress("Ministers will meet on Monday and Tuesday to discuss the crisis in the region."),
      "");
}

TEST(SentenceCompressorTest, DropsParentheticalsAndAges) {
  EXPECT_EQ(
      Compress("The hurricane was 95 miles (152 kilometers) north of Honduras near the islands."),
      "The hurricane was 95 miles north of Honduras near the islands.");
  EXPECT_EQ(
      Compress(
          "Pinochet, 82, was arrested in a London clinic where he was recovering from surgery."),
      "Pinochet was arrested in a London clinic where he was recovering from surgery.");
  // A name that is itself an apposition keeps its commas; markup glued to a
  // word is no parenthetical.
  EXPECT_EQ(
      Compress(
          "The punishment of a third veteran democracy campaigner, Qin Yongmin, 44, has not been "
          "announced."),
      "");
  EXPECT_EQ(
      Compress(
          "Q. (italics)Earlier this month the Energy Department said oil prices would stay soft."),
      "");
}

TEST(SentenceCompressorTest, RemovedRangesMapTheOriginal) {
  const std::string text =
      "Pinochet, 82, was arrested in a London clinic where he was recovering from surgery.";
  const std::vector<CompressedSentence> v = CompressSentence(text);
  ASSERT_EQ(v.size(), 1u);
  const CompressedSentence& c = v[0];
  ASSERT_EQ(c.removed.size(), 1u);
  EXPECT_EQ(text.substr(c.removed[0].first, c.removed[0].second - c.removed[0].first), ", 82,");
  EXPECT_TRUE(IsRemoved(c.removed, static_cast<uint32_t>(text.find("82"))));
  EXPECT_FALSE(IsRemoved(c.removed, static_cast<uint32_t>(text.find("was"))));
}

TEST(SentenceCompressorTest, DeepDropsANamesDescription) {
  EXPECT_EQ(
      Deep("Foreign Minister Lamberto Dini, who heads that party, said Liotta would be expelled."),
      "Foreign Minister Lamberto Dini said Liotta would be expelled.");
  EXPECT_EQ(
      Deep(
          "George W. Bush, courting inner-city voters, called for a $1.7 billion housing program."),
      "George W. Bush called for a $1.7 billion housing program.");
  // An apposition says who the person is: a reader needs it.
  EXPECT_EQ(Deep("Zhang Fusen, head of the Chinese delegation, told the session that China will "
                 "take part."),
            "");
  EXPECT_EQ(Deep("Marc Hodler, 80, the Swiss member of the IOC executive board, said agents demand "
                 "bribes."),
            "");
  EXPECT_EQ(Deep("Chavez, elected in the December presidential elections, testified as president "
                 "for the first "
                 "time."),
            "Chavez testified as president for the first time.");
}

TEST(SentenceCompressorTest, OffersEachOptionalDeletionAloneAndAllTogether) {
  std::vector<std::string> texts;
  for (const CompressedSentence& c :
       CompressSentence("In a televised address Monday, Yeltsin, who is recovering from pneumonia, "
                        "said that Putin "
                        "would unite the country.")) {
    texts.push_back(c.text);
  }
  EXPECT_EQ(
      texts,
      (std::vector<std::string>{
          "In a televised address, Yeltsin, who is recovering from pneumonia, said that Putin "
          "would "
          "unite the country.",
          "Yeltsin, who is recovering from pneumonia, said that Putin would unite the country.",
          "In a televised address, Yeltsin said that Putin would unite the country.",
          "Yeltsin said that Putin would unite the country."}));
  // Without a rule that is not optional, the first variant is optional.
  EXPECT_EQ(
      Compress(
          "Foreign Minister Lamberto Dini, who heads that party, said Liotta would be expelled."),
      "Foreign Minister Lamberto Dini said Liotta would be expelled.");
  // An opening phrase with an apposition of its own stays.
  EXPECT_EQ(Deep("By one vote, a defector from its own ranks, Premier Romano Prodi's coalition "
                 "lost a confidence "
                 "vote."),
            "");
  // A list's first item is no opening phrase.
  EXPECT_EQ(Deep("In Paris, London and Rome, people marched against the war in large numbers."),
            "");
}

TEST(SentenceCompressorTest, DeepKeepsWhatIsNotADescription) {
  // The comma closes an opening adverbial; what follows is the subject.
  // (The opening phrase itself may go.)
  EXPECT_EQ(Deep("In a bombing in Nairobi in neighboring Kenya, 248 people, 12 of them Americans, "
                 "were killed."),
            "248 people, 12 of them Americans, were killed.");
  EXPECT_EQ(Deep("Jailed, beaten and facing trial on 10 charges, ousted Deputy Prime Minister "
                 "Anwar Ibrahim is an "
                 "underdog."),
            "");
  // The name is itself an apposition.
  EXPECT_EQ(
      Deep("For three years, Chatot and her husband, Paul, a nurse, have wanted to adopt a child."),
      "");
  // A clause, not a description, between the commas.
  const std::string moon =
      "The field of one Jovian moon, Ganymede, indicates it contains conducting layers, said "
      "Margaret Kivelson.";
  EXPECT_EQ(Deep(moon), Compress(moon));
  // No verb after the description: a list or an apposition in the middle.
  EXPECT_EQ(
      Deep("He met Gore, the vice president, and Bush, the governor of Texas, at the White House."),
      "");
  // An age before a relative clause keeps its comma.
  EXPECT_EQ(Compress("The man was identified as James Charles Kopp, 44, whose last known address "
                     "was in St. Albans."),
            "");
}

TEST(SentenceCompressorTest, TooShortAResultIsNoCompression) {
  EXPECT_EQ(Compress("Prices rose, officials said."), "");
}

}  // namespace
}  // namespace chorus
