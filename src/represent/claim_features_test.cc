// Claim features and the same-claim decision: order does not matter,
// numbers and negation that differ are discrepancies, and the shipped
// lexical resources (WordNet synonyms, word vectors) load and make sense.
#include "represent/claim_features.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "chorus/tokenizer.h"
#include "represent/claim_matcher.h"
#include "represent/synonyms.h"
#include "represent/test_clusters.h"
#include "represent/word_vectors.h"

namespace chorus::represent {
namespace {

class ClaimFeaturesTest : public ::testing::Test {
 protected:
  ClaimProfile Profile(std::string_view text) {
    return ProfileSentence(tokenizer_.Tokenize(text), ClaimModel::Default().term_weights());
  }
  ClaimMatch Match(std::string_view a, std::string_view b) {
    return ClaimMatcher().Match(Profile(a), Profile(b));
  }
  TokenScope scope_;
  Tokenizer tokenizer_;
};

TEST_F(ClaimFeaturesTest, FeaturesDoNotDependOnOrder) {
  const ClaimProfile a = Profile("Iraq's parliament voted on Sunday to expel U.S. troops.");
  const ClaimProfile b =
      Profile("On Sunday Iraqi lawmakers backed a resolution to remove American forces.");
  EXPECT_EQ(PairFeatures(a, b), PairFeatures(b, a));
}

TEST_F(ClaimFeaturesTest, IdenticalSentencesOverlapFully) {
  const ClaimProfile a = Profile("The bomb killed 12 people in the market on Monday.");
  const ClaimFeatures f = PairFeatures(a, a);
  EXPECT_FLOAT_EQ(f[0], 1.0f);  // word1_min
  EXPECT_FLOAT_EQ(f[7], 1.0f);  // word4_max
  EXPECT_EQ(ClaimFeatureNames()[49], "kld_cos");
  EXPECT_FLOAT_EQ(f[49], 1.0f);  // kld_cos: the shipped term weights weigh its words
  EXPECT_FLOAT_EQ(f[53], 0.0f);  // kld_unshared_max
  EXPECT_TRUE(Match("The bomb killed 12 people in the market on Monday.",
                    "The bomb killed 12 people in the market on Monday.")
                  .same);
}

TEST_F(ClaimFeaturesTest, MeteorCountsRunsOfAlignedWords) {
  const auto& names = ClaimFeatureNames();
  const auto at = [&](std::string_view name) {
    return static_cast<size_t>(std::find(names.begin(), names.end(), name) - names.begin());
  };
  const ClaimProfile a = Profile("the parliament voted to expel the troops");  // 7 tokens
  const ClaimFeatures same = PairFeatures(a, a);
  EXPECT_FLOAT_EQ(same[at("meteor_fragmentation")], 1.0f / 7);  // one run of 7
  EXPECT_FLOAT_EQ(same[at("meteor_min")], 1.0f - 0.5f / (7 * 7 * 7));
  // The same words in two runs: more fragmented, a lower score.
  const ClaimFeatures swapped =
      PairFeatures(a, Profile("to expel the troops the parliament voted"));
  EXPECT_FLOAT_EQ(swapped[at("meteor_fragmentation")], 2.0f / 7);
  EXPECT_LT(swapped[at("meteor_max")], same[at("meteor_max")]);
  // Content words' character n-grams see "Obama" in "Obama's".
  const ClaimFeatures names_only =
      PairFeatures(Profile("Obama met Netanyahu"), Profile("Obama's talks with Netanyahu"));
  EXPECT_GT(names_only[at("content_char5_max")], 0.4f);
  EXPECT_LT(names_only[at("content_char5_min")], 1.0f);
  // TF-KLD-weighed alignment: a synonym aligns what the stems miss.
  const ClaimFeatures synonyms = PairFeatures(Profile("the company buys the plant"),
                                              Profile("the company purchases the plant"));
  EXPECT_FLOAT_EQ(synonyms[at("kld_unaligned_max")], 0.0f);
  EXPECT_GT(synonyms[at("kld_align_soft_min")], 0.85f);
  EXPECT_LT(synonyms[at("kld_align_soft_min")], 1.0f);
}

TEST_F(ClaimFeaturesTest, DifferentNumbersInOneSlotNeverMatch) {
  const ClaimMatch m = Match("The bomb killed 12 people in the market on Monday.",
                             "The bomb killed 21 people in the market on Monday.");
  EXPECT_TRUE(m.numbers_conflict);
  EXPECT_FALSE(m.same);
  EXPECT_TRUE(NumbersConflict(Profile("Police said 5,000 troops remain."),
                              Profile("Police said 4,000 troops remain.")));
  // A number only one side gives is detail, not a conflict.
  EXPECT_FALSE(NumbersConflict(Profile("The bomb killed 12 people in the market."),
                               Profile("The bomb killed 12 people in the market in 2019.")));
  // "5,000" and "5000" are one number; "two" is 2.
  EXPECT_FALSE(NumbersConflict(Profile("About 5,000 troops are there."),
                               Profile("About 5000 troops are there.")));
  EXPECT_EQ(NormalizeNumber("two", false), "2");
  // A unit glued on is not part of the number; a score or date stays whole.
  EXPECT_EQ(NormalizeNumber("33-page", true), "33");
  EXPECT_EQ(NormalizeNumber("4.5-inch", true), "4.5");
  EXPECT_EQ(NormalizeNumber("40gb", true), "40");
  EXPECT_EQ(NormalizeNumber("3-2", true), "3-2");
  EXPECT_EQ(NormalizeNumber("9/11", true), "9/11");
  EXPECT_FALSE(NumbersConflict(Profile("Prosecutors read 33 pages of documents."),
                               Profile("Prosecutors read a 33-page letter.")));
}

TEST_F(ClaimFeaturesTest, RoundedFiguresAreNotAConflict) {
  EXPECT_FALSE(NumbersConflict(Profile("SARS has killed 296 people on the mainland."),
                               Profile("SARS has killed 300 people on the mainland.")));
  EXPECT_TRUE(NumbersConflict(Profile("SARS has killed 250 people on the mainland."),
                              Profile("SARS has killed 300 people on the mainland.")));
  // A different number in another slot is another fact.
  EXPECT_FALSE(NumbersConflict(Profile("The 12 nations agreed on Monday."),
                               Profile("On Monday 21 ministers agreed.")));
}

TEST_F(ClaimFeaturesTest, NegatedAssertionNeverMatches) {
  const ClaimMatch m = Match("The parliament voted to expel the troops on Sunday.",
                             "The parliament did not vote to expel the troops on Sunday.");
  EXPECT_TRUE(m.negation_differs);
  EXPECT_FALSE(m.same);
  // Both negated: no difference.
  EXPECT_FALSE(
      NegationDiffers(Profile("The parliament did not vote."), Profile("Parliament never voted.")));
}

TEST_F(ClaimFeaturesTest, HostileSentenceLengthIsBounded) {
  std::string long_text;
  for (int i = 0; i < 20000; ++i) long_text += "word" + std::to_string(i % 500) + " ";
  const ClaimProfile a = Profile(long_text);
  const ClaimFeatures f = PairFeatures(a, a);  // capped |a| x |b| work: returns quickly
  EXPECT_FLOAT_EQ(f[0], 1.0f);
}

TEST(LexicalResourcesTest, WordNetSynonymsLoad) {
  const Synonyms& s = Synonyms::Default();
  EXPECT_GT(s.sets(), 10000u);
  EXPECT_TRUE(s.Related(Tokenizer::Stem("murder"), Tokenizer::Stem("slay")));
  EXPECT_TRUE(s.Related(Tokenizer::Stem("slain"), Tokenizer::Stem("slay")));  // irregular form
  EXPECT_TRUE(s.Related(Tokenizer::Stem("purchase"), Tokenizer::Stem("buy")));
  EXPECT_FALSE(s.Related(Tokenizer::Stem("buy"), Tokenizer::Stem("sell")));
  EXPECT_FALSE(Synonyms::Parse("kill Slay\n", "bad.txt").ok());
}

TEST(LexicalResourcesTest, WordVectorsLoadAndRelateWords) {
  const WordVectors& v = WordVectors::Default();
  EXPECT_EQ(v.size(), 20000u);
  EXPECT_GT(v.Cosine(v.Find("troops"), v.Find("soldiers")),
            v.Cosine(v.Find("troops"), v.Find("recipe")));
  EXPECT_LT(v.Weight(v.Find("the")), v.Weight(v.Find("parliament")));
  EXPECT_EQ(v.Find("qwzxv"), WordVectors::kUnknown);
}

TEST(LexicalResourcesTest, WordVectorTableDamageIsAnError) {
  EXPECT_FALSE(WordVectors::Parse("", "v.bin").ok());
  EXPECT_FALSE(
      WordVectors::Parse("chorus word_vectors v1 words=2 dims=2\na\nb\n\x01", "v.bin").ok());
  EXPECT_FALSE(
      WordVectors::Parse("chorus word_vectors v1 words=2 dims=2\na\na\n\x01\x02\x03\x04", "v.bin")
          .ok());
  Result<WordVectors> ok =
      WordVectors::Parse("chorus word_vectors v1 words=2 dims=2\na\nb\n\x01\x02\x03\x04", "v.bin");
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->Find("b"), 1u);
}

// Compare weighs a cluster's terms once (WeighTerms) instead of per
// sentence: the profiles, hence the features, must be the same.
TEST_F(ClaimFeaturesTest, ClusterTermWeightsGiveTheSameProfile) {
  const AnalyzedCluster c = AnalyzeTexts(
      {"Iraq's parliament voted on Sunday to expel U.S. troops. Nicholas S. Zeppos spoke.",
       "On Sunday Iraqi lawmakers backed a resolution to remove American forces, 170-0.",
       "Parliament voted; the troops' fate is unclear -- officials didn't say."});
  const ClaimMatcher matcher;
  const std::vector<float> term_weights = matcher.WeighTerms(c.terms);
  ASSERT_EQ(term_weights.size(), c.terms.size());
  std::vector<ClaimProfile> by_text, by_cluster;
  for (size_t s = 0; s < c.sentences.size(); ++s) {
    by_text.push_back(matcher.Profile(c.sentences[s].tokens));
    by_cluster.push_back(matcher.Profile(c.sentences[s].tokens, c.terms.Terms(s), term_weights));
    EXPECT_EQ(by_cluster[s].terms, by_text[s].terms) << s;
    EXPECT_EQ(by_cluster[s].term_texts, by_text[s].term_texts) << s;
    EXPECT_EQ(by_cluster[s].term_weights, by_text[s].term_weights) << s;
  }
  ASSERT_GE(by_text.size(), 4u);
  EXPECT_GT(*std::max_element(by_text[0].term_weights.begin(), by_text[0].term_weights.end()), 0);
  for (size_t s = 0; s < by_text.size(); ++s) {
    for (size_t o = 0; o < by_text.size(); ++o)
      EXPECT_EQ(PairFeatures(by_cluster[s], by_cluster[o]), PairFeatures(by_text[s], by_text[o]));
  }
  // Tokens the index lacks (a sentence assembled by hand) fall back to the
  // stems' texts.
  const ClaimProfile fallback = matcher.Profile(c.sentences[0].tokens, {}, term_weights);
  EXPECT_EQ(fallback.term_weights, by_text[0].term_weights);
}

}  // namespace
}  // namespace chorus::represent
