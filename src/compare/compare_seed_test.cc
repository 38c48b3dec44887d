// Golden checks of `chorus compare` on the seed cluster (issue 5): five
// outlets on the Iraqi parliament's vote to expel U.S. troops, January 2020.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "chorus/analyzer.h"
#include "chorus/compare.h"
#include "chorus/ingest.h"
#include "shared_data.h"

namespace chorus {
namespace {

Comparison CompareSeed(const std::string& dir) {
  Diagnostics diagnostics;
  std::vector<Cluster> clusters;
  const Status s = ReadClusters({dir}, {}, &diagnostics, [&](Cluster&& c) {
    clusters.push_back(std::move(c));
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(clusters.size(), 1u);
  if (clusters.empty()) return {};
  return Comparer().Compare(ClusterAnalyzer().Analyze(clusters[0]));
}

// The file stem of a document id ("002_x#2" -> "002_x" is NOT done: the two
// articles pasted in one file are two outlets).
std::set<std::string> Sources(const std::vector<std::string>& ids) {
  return {ids.begin(), ids.end()};
}

TEST(CompareSeedTest, PrimeMinisterIsOneEntityReportedByAllFiveSources) {
  CHORUS_REQUIRE_SHARED_DATA(dir, "seed-cluster");
  const Comparison c = CompareSeed(dir);
  const ComparedEntity* pm = nullptr;
  int entities_with_mahdi_spelling = 0;
  for (const ComparedEntity& e : c.entities) {
    std::vector<std::string> spellings = e.aliases;
    spellings.push_back(e.name);
    const bool is_pm = std::any_of(spellings.begin(), spellings.end(), [](const std::string& s) {
      return s == "Adel Abdul-Mahdi" || s == "Adil Abd al-Mahdi" || s == "Adel Abdel Mahdi";
    });
    if (is_pm) {
      ++entities_with_mahdi_spelling;
      pm = &e;
    }
  }
  ASSERT_EQ(entities_with_mahdi_spelling, 1);
  EXPECT_EQ(pm->type, EntityType::kPerson);
  std::vector<std::string> spellings = pm->aliases;
  spellings.push_back(pm->name);
  for (const char* s : {"Adel Abdul-Mahdi", "Adil Abd al-Mahdi", "Abdul Mahdi", "Adel Abdel Mahdi",
                        "Adil Abdul Mahdi", "Abdul-Mahdi", "al-Mahdi", "Abdel Mahdi"}) {
    EXPECT_NE(std::find(spellings.begin(), spellings.end(), s), spellings.end()) << s;
  }
  // All five outlets (the Common Dreams article pasted before Al Jazeera's in
  // 002 does not name him; Al Jazeera's does).
  EXPECT_EQ(pm->support, 5u);
  EXPECT_EQ(pm->sources.size(), 5u);
  // Abu Mahdi al-Muhandis and Moktada al-Sadr are other people.
  for (const ComparedEntity& e : c.entities) {
    if (&e == pm) continue;
    for (const std::string& a : e.aliases) EXPECT_NE(a, "Abdul-Mahdi");
  }
  for (const std::string& a : pm->aliases) {
    EXPECT_EQ(a.find("Muhandis"), std::string::npos);
    EXPECT_EQ(a.find("Sadr"), std::string::npos);
  }
}

TEST(CompareSeedTest, FiveThousandTroopsIsOneFactFromThreeSources) {
  CHORUS_REQUIRE_SHARED_DATA(dir, "seed-cluster");
  const Comparison c = CompareSeed(dir);
  int matches = 0;
  for (const Fact& f : c.facts) {
    if (f.kind != FactKind::kNumber || f.value != "5000" || f.unit != "troop") continue;
    ++matches;
    EXPECT_EQ(f.text, "5,000 troops");
    EXPECT_EQ(f.support, 3u);
    EXPECT_EQ(Sources(f.sources),
              (std::set<std::string>{"000_6148ec7c2ed7414c", "001_c67eefa569b921c4",
                                     "002_c5dc5fefe700c600"}));
    EXPECT_EQ(f.mentions.size(), 3u);
  }
  EXPECT_EQ(matches, 1);
}

TEST(CompareSeedTest, PrimeMinistersQuoteIsOneFactWithTwoSourcesAndSpeaker) {
  CHORUS_REQUIRE_SHARED_DATA(dir, "seed-cluster");
  const Comparison c = CompareSeed(dir);
  std::string pm_name;
  for (const ComparedEntity& e : c.entities) {
    if (std::find(e.aliases.begin(), e.aliases.end(), "Adil Abd al-Mahdi") != e.aliases.end() ||
        e.name == "Adil Abd al-Mahdi") {
      pm_name = e.name;
    }
  }
  int matches = 0;
  for (const Fact& f : c.facts) {
    if (f.kind != FactKind::kQuote ||
        f.text.rfind("Despite the internal and external difficulties", 0) != 0) {
      continue;
    }
    ++matches;
    EXPECT_EQ(f.support, 2u);
    EXPECT_EQ(Sources(f.sources),
              (std::set<std::string>{"001_c67eefa569b921c4", "003_f70b041da166bb5e"}));
    EXPECT_FALSE(pm_name.empty());
    EXPECT_EQ(f.speaker, pm_name);
  }
  EXPECT_EQ(matches, 1);
}

TEST(CompareSeedTest, FramingContrastsAssassinationWithKilling) {
  CHORUS_REQUIRE_SHARED_DATA(dir, "seed-cluster");
  const Comparison c = CompareSeed(dir);
  std::set<std::string> terms;
  for (const SourceFraming& f : c.framing) {
    for (const LoadedTermUse& u : f.loaded) {
      if (u.referent == "killing of a person") terms.insert(u.term);
    }
  }
  EXPECT_TRUE(terms.count("assassination"));
  EXPECT_TRUE(terms.count("killing"));
}

// Issue 12: all six articles report the vote in their own words ("voted to
// expel U.S. troops", "passed a resolution calling ... to expel foreign
// troops", "lawmakers voted to expel"); the claim model must see one claim.
TEST(CompareSeedTest, ParliamentsVoteIsOneClaimFromAtLeastFiveSources) {
  CHORUS_REQUIRE_SHARED_DATA(dir, "seed-cluster");
  const Comparison c = CompareSeed(dir);
  uint32_t best = 0;
  for (const Fact& f : c.facts) {
    if (f.kind != FactKind::kClaim) continue;
    const bool about_vote =
        f.text.find("arliament") != std::string::npos && f.text.find("expel") != std::string::npos;
    if (about_vote) best = std::max<uint32_t>(best, static_cast<uint32_t>(f.sources.size()));
  }
  EXPECT_GE(best, 5u);
}

// Issue 12: countries, capitals and leaders get their WordNet types.
TEST(CompareSeedTest, CountriesAndCapitalsArePlaces) {
  CHORUS_REQUIRE_SHARED_DATA(dir, "seed-cluster");
  const Comparison c = CompareSeed(dir);
  for (const char* place : {"Iran", "Iraq", "Syria", "Washington", "Baghdad", "Tehran"}) {
    auto it = std::find_if(c.entities.begin(), c.entities.end(),
                           [&](const ComparedEntity& e) { return e.name == place; });
    ASSERT_NE(it, c.entities.end()) << place;
    EXPECT_EQ(it->type, EntityType::kPlace) << place;
  }
}

}  // namespace
}  // namespace chorus
