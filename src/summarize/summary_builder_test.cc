// Support (summary_builder.h): which documents back a summary sentence, and
// that it agrees with compare's "same claim" rules (represent/claim_matcher.h).
#include "summarize/summary_builder.h"

#include <gtest/gtest.h>

#include "summarize/test_cluster.h"

namespace chorus {
namespace {

using testing::AnalyzeArticles;

TEST(SupportTest, ACoveringSentenceOfAnotherSourceSupports) {
  const AnalyzedCluster c = AnalyzeArticles({
      {"a", "",
       "Twelve miners were rescued from the flooded Harlow colliery on Sunday after two days "
       "underground."},
      {"b", "", "Rescuers brought twelve miners out of the flooded Harlow colliery on Sunday."},
      {"c", "", "The football club announced a new coach for the coming season."},
  });
  EXPECT_EQ(SupportingDocuments(c, 0), (std::vector<uint32_t>{0, 1}));
}

TEST(SupportTest, NamesTheSentenceThatBacksIt) {
  const AnalyzedCluster c = AnalyzeArticles({
      {"a", "",
       "Rain fell all week. Twelve miners were rescued from the flooded Harlow colliery on "
       "Sunday."},
      {"b", "",
       "The pit had been closed for years. Rescuers brought twelve miners out of the flooded "
       "Harlow colliery."},
  });
  SummarySentence out;
  FindSupport(c, 1, &out);
  EXPECT_EQ(out.support, (std::vector<uint32_t>{0, 1}));
  EXPECT_EQ(out.support_sentences, (std::vector<uint32_t>{1, 1}));
}

TEST(SupportTest, ASourceGivingAnotherNumberInTheSameSlotDoesNotSupport) {
  // b covers a's words but counts other miners: compare shows the two as a
  // discrepancy, so b cannot be cited for a. c gives no number: it supports.
  const AnalyzedCluster c = AnalyzeArticles({
      {"a", "",
       "Officials said 12 miners were rescued from the flooded Harlow colliery on Sunday."},
      {"b", "",
       "Officials said 21 miners were rescued from the flooded Harlow colliery on Sunday."},
      {"c", "", "Officials said miners were rescued from the flooded Harlow colliery on Sunday."},
      {"d", "",
       "Officials said 12 miners were rescued from the flooded Harlow colliery on Sunday morning."},
  });
  EXPECT_EQ(SupportingDocuments(c, 0), (std::vector<uint32_t>{0, 2, 3}));
}

}  // namespace
}  // namespace chorus
