// The one copy rule of a cluster (chorus/copy_groups.h), and that it stays
// linear: issue 16 found the old per-pair table (n x n counters) crashing with
// 100k tiny articles in one event.
#include "represent/copy_groups.h"

#include <gtest/gtest.h>

#include "chorus/analyzer.h"
#include "chorus/compare.h"
#include "represent/test_clusters.h"

namespace chorus {
namespace {

const char kWire[] =
    "A fire destroyed three warehouses at the Brennmouth harbor on Sunday night, the fire brigade "
    "said. "
    "Three firefighters were treated at St. Aldric Hospital, two of them for smoke inhalation. "
    "The harbor master said the port would reopen on Tuesday once the smoke had cleared. "
    "Investigators have not yet said what started the blaze, which burned for six hours.";

TEST(CopyGroupsTest, WireCopiesWithANewLedeAreOneSource) {
  const AnalyzedCluster c = AnalyzeTexts({
      kWire,
      "Unrelated: the city council approved a new budget for parks and libraries on Monday "
      "evening.",
      std::string("Local residents watched the flames from the beach. ") + kWire,
      "Too short to copy.",
      "Too short to copy.",
  });
  EXPECT_EQ(c.copies.group, (std::vector<uint32_t>{0, 1, 0, 2, 3}));
  EXPECT_EQ(c.copies.original, (std::vector<uint32_t>{0, 1, 0, 3, 4}));
  EXPECT_EQ(c.copies.group_count, 4u);
}

TEST(CopyGroupsTest, CompareCountsTheSameGroups) {
  const AnalyzedCluster c = AnalyzeTexts({kWire, std::string("Updated. ") + kWire,
                                          "A different story about a flood in the valley town."});
  const Comparison comparison = Comparer().Compare(c);
  ASSERT_EQ(comparison.sources.size(), 3u);
  for (size_t d = 0; d < 3; ++d) EXPECT_EQ(comparison.sources[d].group, c.copies.group[d]);
  EXPECT_EQ(c.copies.group[0], c.copies.group[1]);
}

TEST(CopyGroupsTest, TheLaterArticleMustAddLittle) {
  // Four of the later article's five 5-grams are in the earlier one: 0.8.
  const std::vector<std::vector<uint64_t>> shingles = {{1, 2, 3, 4, 5, 6, 7}, {1, 2, 3, 4, 10}};
  EXPECT_EQ(represent::GroupCopies(shingles, {0.8}).group_count, 1u);
  EXPECT_EQ(represent::GroupCopies(shingles, {0.81}).group_count, 2u);
  // A short first version, then a longer update containing it: two sources.
  const std::vector<std::vector<uint64_t>> update = {{1, 2, 3, 4, 10}, {1, 2, 3, 4, 5, 6, 7, 10}};
  EXPECT_EQ(represent::GroupCopies(update, {0.8}).group_count, 2u);
}

TEST(CopyGroupsTest, HundredThousandTinyArticlesStayLinear) {
  // Every article shares one 5-gram with all others (counted against the
  // first kMaxPostings only); every tenth is an exact copy of the first.
  const size_t n = 100000;
  std::vector<std::vector<uint64_t>> shingles(n);
  for (size_t d = 0; d < n; ++d) {
    shingles[d] = d % 10 == 0 ? std::vector<uint64_t>{7, 8, 9}
                              : std::vector<uint64_t>{7, 1000 + d, 2000000 + d};
  }
  const CopyGroups groups = represent::GroupCopies(shingles, {});
  EXPECT_EQ(groups.original[90000], 0u);
  EXPECT_EQ(groups.original[12345], 12345u);
  EXPECT_EQ(groups.group_count, n - n / 10 + 1);
}

TEST(CopyGroupsTest, HandBuiltClusterWithoutDocuments) {
  AnalyzedCluster empty;
  empty.doc_first_sentence = {0};
  Represent(&empty);
  EXPECT_TRUE(empty.copies.group.empty());
  EXPECT_EQ(empty.copies.group_count, 0u);
}

}  // namespace
}  // namespace chorus
