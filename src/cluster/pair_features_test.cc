#include "cluster/pair_features.h"

#include <gtest/gtest.h>

#include <cmath>

#include "cluster/event_index.h"

namespace chorus {
namespace {

// Terms 0..n-1, each once (log-tf 1).
TermVector Terms(uint32_t first, uint32_t n) {
  TermVector v;
  for (uint32_t t = first; t < first + n; ++t) v.emplace_back(t, 1.0f);
  return v;
}

ArticleRecord Record(TermVector terms, TermVector names, uint32_t words) {
  ArticleRecord r;
  r.terms = std::move(terms);
  r.names = std::move(names);
  r.words = words;
  return r;
}

// One event with a 60-word lead as its member: a long article of the same
// story (the lead's terms plus many more) scores the same top-terms cosine and
// name overlap as the lead itself, while the full-terms cosine is diluted.
TEST(PairFeaturesTest, LengthFreeFeaturesSeeALongArticleAsItsLead) {
  EventIndexOptions options;
  options.member_terms = 24;
  EventIndex index(options);
  const ArticleRecord lead = Record(Terms(0, 20), Terms(0, 3), 60);
  // Weight the long article's own terms up so its top terms are the lead's.
  ArticleRecord long_article = Record(Terms(0, 300), Terms(0, 6), 600);
  for (uint32_t t = 0; t < 20; ++t) long_article.terms[t].second = 3.0f;
  index.Count(lead);
  index.Count(long_article);
  const uint32_t event = index.Create();
  index.Join(event, lead, "a", 0);

  ArticleVectors vectors;
  vectors.Set(long_article, index);
  const PairFeatures f = vectors.Compare(index.event(event), "b", index);
  EXPECT_LT(f[kBestMember], 0.6);
  EXPECT_GT(f[kBestMemberTop], 0.9);
  EXPECT_FLOAT_EQ(f[kNameOverlap], 1.0f);      // the lead's 3 names are all the long article's
  EXPECT_TRUE(std::isnan(f[kNumberOverlap]));  // neither gives numbers

  const ArticleRecord other = Record(Terms(500, 20), Terms(500, 2), 60);
  vectors.Set(other, index);
  const PairFeatures g = vectors.Compare(index.event(event), "b", index);
  EXPECT_FLOAT_EQ(g[kBestMemberTop], 0.0f);
  EXPECT_FLOAT_EQ(g[kNameOverlap], 0.0f);
}

TEST(PairFeaturesTest, EveryFeatureIsNamed) {
  EXPECT_EQ(FeatureNames().size(), static_cast<size_t>(kDecisionFeatureCount));
  EXPECT_EQ(FeatureNames()[kBestMemberTop], "best_member_top");
  EXPECT_EQ(FeatureNames()[kNameOverlap], "name_overlap");
  EXPECT_EQ(FeatureNames()[kNumberOverlap], "number_overlap");
  EXPECT_EQ(FeatureNames()[kBestRank], "best_rank");
}

}  // namespace
}  // namespace chorus
