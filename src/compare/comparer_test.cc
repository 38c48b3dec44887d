#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "chorus/compare.h"
#include "compare/compare_test_util.h"
#include "compare/framing.h"

namespace chorus {
namespace {

using compare::testing::Analyze;

const Fact* FindFact(const Comparison& c, FactKind kind, std::string_view text) {
  for (const Fact& f : c.facts) {
    if (f.kind == kind && f.text == text) return &f;
  }
  return nullptr;
}

TEST(ComparerTest, DifferentCountsForOneSlotAreADiscrepancy) {
  Comparison c = Comparer().Compare(Analyze({
      {"a", "Aid workers delivered 300 tents to the flooded camp near Sukkur on Friday."},
      {"b", "Aid workers delivered 250 tents to the flooded camp, officials said."},
      {"c", "Volunteers built 300 tents for the flooded camp near Sukkur."},
  }));
  const Fact* three_hundred = FindFact(c, FactKind::kNumber, "300 tents");
  ASSERT_NE(three_hundred, nullptr);
  EXPECT_EQ(three_hundred->support, 2u);
  EXPECT_EQ(three_hundred->sources, (std::vector<std::string>{"a", "c"}));
  ASSERT_EQ(c.discrepancies.size(), 1u);
  const Discrepancy& d = c.discrepancies[0];
  EXPECT_EQ(d.about, "number of tents");
  ASSERT_EQ(d.values.size(), 2u);
  auto values = d.values;
  std::sort(values.begin(), values.end(),
            [](const auto& x, const auto& y) { return x.value < y.value; });
  EXPECT_EQ(values[0].value, "250 tents");
  EXPECT_EQ(values[0].sources, (std::vector<std::string>{"b"}));
  EXPECT_EQ(values[1].value, "300 tents");
}

TEST(ComparerTest, OneCountNamedWithTwoNounsIsOneFact) {
  Comparison c = Comparer().Compare(Analyze({
      {"a", "Police evacuated about 200 residents from houseboats on Saltmarsh Reach."},
      {"b",
       "Police evacuated around 200 people from houseboats on Saltmarsh Reach, officials said."},
      {"c", "About 200 mourners attended the memorial service downtown on Sunday."},
  }));
  size_t counts_of_200 = 0;
  for (const Fact& f : c.facts) {
    if (f.kind != FactKind::kNumber || f.value != "200") continue;
    ++counts_of_200;
    if (f.sources.size() == 2) {
      EXPECT_EQ(f.sources, (std::vector<std::string>{"a", "b"}));
    }
  }
  // a+b merged; c's mourners are another count: their sentence differs.
  EXPECT_EQ(counts_of_200, 2u);
}

TEST(ComparerTest, UnrelatedCountsOfOneNounAreNoDiscrepancy) {
  Comparison c = Comparer().Compare(Analyze({
      {"a", "Germany sent 300 troops to Mali last year."},
      {"b", "The navy lost 20 troops in a storm off Norway."},
  }));
  EXPECT_TRUE(c.discrepancies.empty());
}

TEST(ComparerTest, ASourceReportingBothValuesSeparatesTheSlots) {
  // "64 of the 122 seats" counts seats twice in one source: not a conflict
  // with another source's 122 seats, and 15 seats of another party is none
  // either.
  Comparison c = Comparer().Compare(Analyze({
      {"a", "The ruling party won 64 of the 122 parliamentary seats in the July election."},
      {"b",
       "After the July election the ruling party holds 64 seats, a majority of the 122 "
       "parliamentary seats."},
      {"c", "The opposition party of Sam Rainsy won 15 seats in the July election."},
  }));
  for (const Discrepancy& d : c.discrepancies) ADD_FAILURE() << d.about << " " << d.values.size();
  const Fact* seats = FindFact(c, FactKind::kNumber, "64 parliamentary seats");
  ASSERT_NE(seats, nullptr);
  EXPECT_EQ(seats->support, 2u);
}

TEST(ComparerTest, DifferentDatesForOneEventAreADiscrepancy) {
  Comparison c = Comparer().Compare(Analyze({
      {"a",
       "Prince Ranariddh, the opposition leader, returned to Phnom Penh from exile in Bangkok on "
       "Nov. 25."},
      {"b",
       "Ending months abroad, Ranariddh flew back to Phnom Penh from Bangkok on Nov. 27, aides "
       "said."},
      {"c", "Parliament first met on Sept. 24, and the king left for Beijing on Nov. 13."},
  }));
  ASSERT_EQ(c.discrepancies.size(), 1u);
  EXPECT_EQ(c.discrepancies[0].about, "date");
  ASSERT_EQ(c.discrepancies[0].values.size(), 2u);
  EXPECT_EQ(c.discrepancies[0].values[0].sources.size(), 1u);
}

TEST(ComparerTest, SurnameAndFullNameAreOneSpeaker) {
  Comparison c = Comparer().Compare(Analyze({
      {"a",
       "“I always had a bad feeling about the neighbour,” Carlie Trent said. Mark Trent declined "
       "to comment."},
      {"b", "“I always had a bad feeling about the neighbour,” Trent said."},
  }));
  const Fact* quote =
      FindFact(c, FactKind::kQuote, "I always had a bad feeling about the neighbour");
  ASSERT_NE(quote, nullptr);
  EXPECT_EQ(quote->speaker, "Carlie Trent");
  EXPECT_TRUE(c.discrepancies.empty());
}

TEST(ComparerTest, OneLetterSurnameDifferenceIsASpellingDiscrepancy) {
  Comparison c = Comparer().Compare(Analyze({
      {"a", "Harbour master Aurelio Quinn said the port would review its storage rules."},
      {"b",
       "Port officials, including harbour master Aurelio Quint, promised a review at 1 p.m. "
       "today."},
  }));
  ASSERT_EQ(c.discrepancies.size(), 1u);
  EXPECT_EQ(c.discrepancies[0].about, "spelling of Aurelio Quinn");
  EXPECT_EQ(c.discrepancies[0].values[1].value, "Aurelio Quint");
  for (const Fact& f : c.facts) EXPECT_NE(f.text, "1 p.m.");  // a time is no count
}

TEST(ComparerTest, SyndicatedCopiesCountOnceAndExclusivesAreListed) {
  const std::string wire =
      "The central bank raised its main interest rate to 4.5 percent on Thursday, the third "
      "increase this year, citing persistent inflation in food and energy prices. Governor "
      "Elena Petrova said further rises could follow if wages keep climbing.";
  Comparison c = Comparer().Compare(Analyze({
      {"wire1", wire},
      {"wire2", wire + " Markets fell 2 percent after the announcement."},
      {"own",
       "Governor Elena Petrova raised the main interest rate to 4.5 percent, blaming food "
       "and energy prices. Exporters warned of 600 job cuts."},
  }));
  ASSERT_EQ(c.sources.size(), 3u);
  EXPECT_EQ(c.sources[0].group, c.sources[1].group);
  EXPECT_NE(c.sources[0].group, c.sources[2].group);
  const Fact* rate = FindFact(c, FactKind::kNumber, "4.5 percent");
  ASSERT_NE(rate, nullptr);
  EXPECT_EQ(rate->sources.size(), 3u);
  EXPECT_EQ(rate->support, 2u);  // two independent sources, not three
  const Fact* cuts = FindFact(c, FactKind::kNumber, "600 job cuts");
  ASSERT_NE(cuts, nullptr);
  EXPECT_EQ(cuts->support, 1u);
  bool listed = false;
  for (const Exclusive& x : c.exclusives) {
    if (x.source != "own") continue;
    for (uint32_t i : x.facts) listed |= &c.facts[i] == cuts;
  }
  EXPECT_TRUE(listed);
  // The copies' shared sentences are one claim, not two.
  size_t claims_naming_petrova = 0;
  for (const Fact& f : c.facts) {
    if (f.kind == FactKind::kClaim && f.text.find("further rises") != std::string::npos) {
      ++claims_naming_petrova;
      EXPECT_EQ(f.support, 1u);
      EXPECT_EQ(f.sources, (std::vector<std::string>{"wire1", "wire2"}));
    }
  }
  EXPECT_EQ(claims_naming_petrova, 1u);
  // Consensus order: most independent sources first.
  for (size_t i = 1; i < c.facts.size(); ++i) EXPECT_GE(c.facts[i - 1].support, c.facts[i].support);
}

TEST(ComparerTest, SameClaimInOtherWordsIsOneClaim) {
  Comparison c = Comparer().Compare(Analyze({
      {"a", "Lawmakers in Baghdad voted on Sunday to expel American troops from Iraq."},
      {"b", "Iraqi lawmakers voted Sunday to expel all American troops from the country."},
      {"c", "The weather in the capital was cold and wet."},
  }));
  bool found = false;
  for (const Fact& f : c.facts) {
    if (f.kind == FactKind::kClaim && f.support == 2) {
      found = true;
      EXPECT_EQ(f.sources, (std::vector<std::string>{"a", "b"}));
      EXPECT_EQ(f.mentions.size(), 2u);
    }
  }
  EXPECT_TRUE(found);
}

TEST(ComparerTest, ConflictingAttributionsOfOneQuote) {
  Comparison c = Comparer().Compare(Analyze({
      {"a", "“We will rebuild every school in the province,” Governor Sam Reed said."},
      {"b", "“We will rebuild every school in the province,” Mayor Lina Ortiz said on Tuesday."},
  }));
  const Fact* quote = FindFact(c, FactKind::kQuote, "We will rebuild every school in the province");
  ASSERT_NE(quote, nullptr);
  EXPECT_EQ(quote->support, 2u);
  ASSERT_EQ(c.discrepancies.size(), 1u);
  EXPECT_EQ(c.discrepancies[0].values.size(), 2u);
}

TEST(ComparerTest, FramingFindsEachSourcesWords) {
  Comparison c = Comparer().Compare(Analyze({
      {"a",
       "The assassination of the general shocked the region. Critics called the assassination "
       "reckless. The assassination was ordered from Washington."},
      {"b",
       "The killing of the general shocked the region. Officials defended the killing. "
       "The killing followed weeks of threats."},
  }));
  ASSERT_EQ(c.framing.size(), 2u);
  ASSERT_FALSE(c.framing[0].terms.empty());
  EXPECT_EQ(c.framing[0].terms[0].term, "assassination");
  EXPECT_EQ(c.framing[1].terms[0].term, "killing");
  ASSERT_EQ(c.framing[0].loaded.size(), 1u);
  EXPECT_EQ(c.framing[0].loaded[0].referent, "killing of a person");
  EXPECT_EQ(c.framing[0].loaded[0].count, 3u);
}

TEST(ComparerTest, LogOddsMatchesMonroeEtAl) {
  // y_i = 10 of n_i = 100, y_j = 2 of n_j = 100, alpha_w = 1, alpha_0 = 10:
  // delta = log(11/(100+10-10-1)) - log(3/(100+10-2-1)); var = 1/11 + 1/3.
  const double expected =
      (std::log(11.0 / 99.0) - std::log(3.0 / 107.0)) / std::sqrt(1.0 / 11 + 1.0 / 3);
  EXPECT_NEAR(compare::LogOddsZ(10, 100, 2, 100, 1, 10), expected, 1e-12);
  EXPECT_NEAR(compare::LogOddsZ(5, 100, 5, 100, 1, 10), 0.0, 1e-12);
}

TEST(ComparerTest, JsonHasTheSchema) {
  Comparison c = Comparer().Compare(Analyze({
      {"a", "“We will rebuild every school,” Governor Sam Reed said of the 300 schools."},
      {"b", "Governor Sam Reed promised to rebuild 300 schools."},
  }));
  const nlohmann::json j = nlohmann::json::parse(ComparisonToJson(c));
  for (const char* key :
       {"sources", "entities", "facts", "discrepancies", "exclusives", "framing"}) {
    ASSERT_TRUE(j.contains(key)) << key;
    EXPECT_TRUE(j[key].is_array()) << key;
  }
  EXPECT_EQ(j["sources"][0]["id"], "a");
  for (const char* key : {"id", "title", "date"}) EXPECT_TRUE(j["sources"][0].contains(key));
  for (const char* key : {"name", "aliases", "sources"})
    EXPECT_TRUE(j["entities"][0].contains(key));
  bool number = false, quote = false;
  for (const auto& f : j["facts"]) {
    for (const char* key : {"kind", "text", "sources", "mentions"}) EXPECT_TRUE(f.contains(key));
    for (const auto& m : f["mentions"]) {
      EXPECT_TRUE(m["doc"].is_string());
      EXPECT_TRUE(m["sentence"].is_number_unsigned());
      EXPECT_TRUE(m["text"].is_string());
    }
    if (f["kind"] == "number" && f["text"] == "300 schools") {
      number = true;
      EXPECT_EQ(f["value"], "300");
      EXPECT_EQ(f["sources"].size(), 2u);
    }
    if (f["kind"] == "quote") {
      quote = true;
      EXPECT_EQ(f["speaker"], "Sam Reed");
    }
  }
  EXPECT_TRUE(number);
  EXPECT_TRUE(quote);
  EXPECT_EQ(j["framing"].size(), 2u);
}

TEST(ComparerTest, HtmlEscapesArticleText) {
  Comparison c = Comparer().Compare(Analyze({
      {"<a id=x>", "Officials in Basra said <script>alert(1)</script> 40 boats & 3 ships sank."},
  }));
  const std::string html = ComparisonToHtml(c);
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_EQ(html.find("<a id=x>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos);
  EXPECT_EQ(html.find("http"), std::string::npos);  // no external resources
  const std::string text = ComparisonToText(c);
  EXPECT_NE(text.find("40 boats"), std::string::npos);
}

TEST(ComparerTest, EmptyClusterGivesEmptyComparison) {
  AnalyzedCluster empty;
  empty.doc_first_sentence = {0};
  Represent(&empty);
  Comparison c = Comparer().Compare(empty);
  EXPECT_TRUE(c.facts.empty());
  EXPECT_TRUE(c.entities.empty());
  EXPECT_FALSE(ComparisonToJson(c).empty());
}

// A slot told with more values than a reader can weigh (a cluster built to
// make comparing values quadratic) is compared on its most told values and
// the comparison says so; the rest are still facts.
TEST(ComparerTest, ASlotWithThousandsOfValuesIsComparedOnItsMostToldWithAWarning) {
  std::vector<std::pair<std::string, std::string>> docs;
  for (int k = 0; k < 600; ++k) {
    std::string text = "Officials said ";
    text.append(std::to_string(1000 + k))
        .append(" people were evacuated from the flooded valley on Monday.");
    docs.emplace_back(std::to_string(k), std::move(text));
  }
  const Comparison c = Comparer().Compare(Analyze(docs));
  ASSERT_EQ(c.warnings.size(), 1u);
  EXPECT_NE(c.warnings[0].find("more than 256 values"), std::string::npos) << c.warnings[0];
  EXPECT_NE(FindFact(c, FactKind::kNumber, "1599 people"), nullptr);
  EXPECT_FALSE(c.discrepancies.empty());
  EXPECT_NE(nlohmann::json::parse(ComparisonToJson(c)).value("warnings", nlohmann::json()).size(),
            0u);
}

// Within the limits nothing is cut and no warning is given.
TEST(ComparerTest, ANewsSizedClusterHasNoWarnings) {
  const Comparison c = Comparer().Compare(
      Analyze({{"a", "Officials said 200 people were evacuated from the valley on Monday."},
               {"b", "Officials said 250 people were evacuated from the valley on Monday."}}));
  EXPECT_TRUE(c.warnings.empty());
  EXPECT_FALSE(nlohmann::json::parse(ComparisonToJson(c)).contains("warnings"));
}

TEST(ComparerTest, AStopRequestEndsACompareWithCancelled) {
  const AnalyzedCluster cluster =
      Analyze({{"a", "Officials said 200 people were evacuated on Monday."}});
  std::stop_source stop;
  stop.request_stop();
  const Result<Comparison> c = Comparer().Compare(cluster, stop.get_token());
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), StatusCode::kCancelled);
  EXPECT_TRUE(Comparer().Compare(cluster, std::stop_source().get_token()).ok());
}

}  // namespace
}  // namespace chorus
