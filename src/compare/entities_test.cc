#include "compare/entities.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "compare/compare_test_util.h"

namespace chorus::compare {
namespace {

EntityAnalysis Entities(const std::vector<std::pair<std::string, std::string>>& docs) {
  AnalyzedCluster cluster = testing::Analyze(docs);
  std::vector<uint32_t> groups(cluster.documents.size());
  for (uint32_t i = 0; i < groups.size(); ++i) groups[i] = i;
  return LinkEntities(cluster, ExtractEntityMentions(cluster, DefaultEntityLexicon()), groups);
}

const ComparedEntity* Find(const EntityAnalysis& a, std::string_view spelling) {
  for (const ComparedEntity& e : a.entities) {
    if (e.name == spelling) return &e;
    if (std::find(e.aliases.begin(), e.aliases.end(), spelling) != e.aliases.end()) return &e;
  }
  return nullptr;
}

TEST(EntitiesTest, MergesSpellingsAndTitlesAcrossSources) {
  EntityAnalysis a = Entities({
      {"a", "Prime Minister Nouri al-Maliki met the envoy in Basra on Monday."},
      {"b", "Iraqi premier Nuri al Maliki said the talks went well."},
      {"c", "Talks with Maliki ended late, officials in Basra said."},
  });
  const ComparedEntity* maliki = Find(a, "Nouri al-Maliki");
  ASSERT_NE(maliki, nullptr);
  EXPECT_EQ(maliki, Find(a, "Nuri al Maliki"));
  EXPECT_EQ(maliki, Find(a, "Maliki"));
  EXPECT_EQ(maliki->type, EntityType::kPerson);
  EXPECT_EQ(maliki->support, 3u);
  const ComparedEntity* basra = Find(a, "Basra");
  ASSERT_NE(basra, nullptr);
  EXPECT_EQ(basra->type, EntityType::kPlace);
  EXPECT_EQ(Find(a, "Prime Minister Nouri al-Maliki"), nullptr);  // title stripped
  EXPECT_EQ(Find(a, "Monday"), nullptr);
}

TEST(EntitiesTest, PeopleSharingANamePartStayApart) {
  EntityAnalysis a = Entities({
      {"a",
       "The strike killed Abu Mahdi al-Muhandis near the airport. Prime Minister Adel "
       "Abdul-Mahdi condemned it."},
      {"b", "Cleric Moktada al-Sadr called for calm, and Abdul-Mahdi met Muhandis's family."},
  });
  const ComparedEntity* pm = Find(a, "Adel Abdul-Mahdi");
  const ComparedEntity* muhandis = Find(a, "Abu Mahdi al-Muhandis");
  const ComparedEntity* sadr = Find(a, "Moktada al-Sadr");
  ASSERT_NE(pm, nullptr);
  ASSERT_NE(muhandis, nullptr);
  ASSERT_NE(sadr, nullptr);
  EXPECT_NE(pm, muhandis);
  EXPECT_NE(pm, sadr);
  EXPECT_NE(muhandis, sadr);
  EXPECT_EQ(pm->support, 2u);        // "Abdul-Mahdi" alone joins the full name
  EXPECT_EQ(muhandis->support, 2u);  // and "Muhandis's" joins al-Muhandis
}

TEST(EntitiesTest, AmbiguousSurnameJoinsNoOne) {
  EntityAnalysis a = Entities({
      {"a", "George Bush and Jeb Bush spoke in Texas."},
      {"b", "In Austin, Bush said nothing more."},
  });
  const ComparedEntity* bush = Find(a, "Bush");
  ASSERT_NE(bush, nullptr);
  EXPECT_NE(bush, Find(a, "George Bush"));
  EXPECT_NE(bush, Find(a, "Jeb Bush"));
  EXPECT_NE(Find(a, "George Bush"), Find(a, "Jeb Bush"));
}

TEST(EntitiesTest, PossessiveOrganisationNamesAndClauseInitialAdverbs) {
  EntityAnalysis a = Entities({
      {"a",
       "Hun Sen's Cambodian People's Party won the vote. Sometimes Hun Sen relents, said Deputy "
       "Ben Fields."},
  });
  const ComparedEntity* party = Find(a, "Cambodian People's Party");
  ASSERT_NE(party, nullptr);
  EXPECT_EQ(party->type, EntityType::kOrganisation);
  const ComparedEntity* hun_sen = Find(a, "Hun Sen");
  ASSERT_NE(hun_sen, nullptr);
  EXPECT_EQ(hun_sen->mentions.size(), 2u);  // not "Sometimes Hun Sen"
  const ComparedEntity* fields = Find(a, "Ben Fields");
  ASSERT_NE(fields, nullptr);
  EXPECT_EQ(fields->type, EntityType::kPerson);
}

TEST(EntitiesTest, AcronymsAndOrganisations) {
  EntityAnalysis a = Entities({
      {"a", "The U.S. asked the UN Security Council to meet. The Foreign Ministry objected."},
      {"b", "The United States and the United Nations disagreed; the US envoy left."},
  });
  const ComparedEntity* us = Find(a, "United States");
  ASSERT_NE(us, nullptr);
  EXPECT_EQ(us, Find(a, "U.S."));
  EXPECT_EQ(us->support, 2u);
  const ComparedEntity* ministry = Find(a, "Foreign Ministry");
  ASSERT_NE(ministry, nullptr);
  EXPECT_EQ(ministry->type, EntityType::kOrganisation);
}

TEST(EntitiesTest, SentenceInitialWordsAndAdjectivesAreNotNames) {
  EntityAnalysis a = Entities({
      {"a",
       "Protests erupted in Tehran. Iranian officials blamed Washington. Despite this, "
       "protests went on."},
  });
  EXPECT_EQ(Find(a, "Protests"), nullptr);
  EXPECT_EQ(Find(a, "Iranian"), nullptr);
  EXPECT_EQ(Find(a, "Despite"), nullptr);
  EXPECT_NE(Find(a, "Tehran"), nullptr);
  EXPECT_NE(Find(a, "Washington"), nullptr);
}

}  // namespace
}  // namespace chorus::compare
