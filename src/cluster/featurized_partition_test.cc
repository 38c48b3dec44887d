#include "chorus/featurized_partition.h"

#include <gtest/gtest.h>

#include <limits>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "chorus/partitioned_clustering.h"
#include "fmt/format.h"

namespace chorus {
namespace {

// A made-up word per index: syllables, so that stemming keeps them apart.
std::string Word(uint32_t i) {
  static const char* kSyllables[] = {"ba", "ke", "ti", "mo", "su", "ra", "le", "vi",
                                     "no", "gu", "fa", "de", "pi", "zo", "lu", "ha"};
  std::string w;
  for (int k = 0; k < 3; ++k, i /= 16) w += kSyllables[i % 16];
  return w + "x";
}

// A stream of `n` articles on 12 stories whose words overlap (each story
// draws from its own words and a shared pool), over ~two months, with
// verbatim copies, untitled pages and empty ones: enough that where a
// clusterer starts changes its decisions.
std::vector<Document> Stream(size_t n) {
  std::mt19937 random(7);
  std::vector<Document> out;
  for (size_t i = 0; i < n; ++i) {
    Document d;
    d.id = fmt::format("a{}", i);
    d.source = fmt::format("outlet{}", random() % 6);
    d.date = FormatDay(ParseDay("2024-03-01") + static_cast<int32_t>(i * 60 / n));
    if (i % 17 == 16) {  // a copy of a recent article
      const Document& original = out[i - 1 - random() % 10];
      d.title = original.title;
      d.text = original.text;
    } else if (i % 41 == 40) {
      d.text = "";  // nothing left after cleaning
    } else {
      const uint32_t story = random() % 12, drift = static_cast<uint32_t>(i * 3 / n);
      auto word = [&] {
        return random() % 5 < 3 ? Word(4096 + story * 40 + drift * 10 + random() % 20)
                                : Word(random() % 300);
      };
      for (int w = 0; w < 6; ++w) {
        if (w > 0) d.title += ' ';
        d.title += word();
      }
      for (int s = 0; s < 4; ++s) {
        d.text += "The ";
        for (int w = 0; w < 12; ++w) {
          if (w > 0) d.text += w == 5 ? " Nu" : " ";
          d.text += word();
        }
        d.text += ". ";
      }
      if (i % 9 == 0) d.title.clear();
    }
    out.push_back(std::move(d));
  }
  return out;
}

// All an assignment says but the record; similarity to the bit (the same
// arithmetic on the same state).
auto Decision(const ArticleAssignment& a) {
  return std::tuple(a.event, a.new_event, a.duplicate_of, a.merged_into, a.no_content,
                    a.similarity);
}

void ExpectSameAsOneClusterer(const ClustererOptions& options, size_t partitions) {
  const std::vector<Document> stream = Stream(600);
  EventClusterer whole(options);
  std::vector<ArticleAssignment> expected;
  for (const Document& d : stream) expected.push_back(whole.Add(d));

  EventClusterer placer(options);
  std::vector<ArticleAssignment> placed;
  const size_t size = stream.size() / partitions + 1;
  for (size_t begin = 0; begin < stream.size(); begin += size) {
    const std::span<const Document> part =
        std::span<const Document>(stream).subspan(begin, std::min(size, stream.size() - begin));
    auto decoded = DecodeFeaturized(EncodeFeaturized(FeaturizePartition(part, options)));
    ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
    ASSERT_TRUE(PlaceFeaturized(std::move(*decoded), &placer, &placed).ok());
  }
  ASSERT_EQ(placed.size(), expected.size());
  size_t copies = 0, empty = 0;
  for (size_t i = 0; i < placed.size(); ++i) {
    SCOPED_TRACE(fmt::format("article {}", i));
    EXPECT_EQ(Decision(placed[i]), Decision(expected[i]));
    copies += expected[i].duplicate_of.has_value();
    empty += expected[i].no_content;
  }
  EXPECT_GT(copies, 20u);
  EXPECT_GT(empty, 5u);
  ASSERT_EQ(placer.EventCount(), whole.EventCount());
  EXPECT_GT(whole.EventCount(), 12);
  ASSERT_EQ(placer.TermCount(), whole.TermCount());
  for (uint32_t t = 0; t < whole.TermCount(); ++t) {
    EXPECT_EQ(placer.Term(t), whole.Term(t));
    EXPECT_EQ(placer.TermLabel(t), whole.TermLabel(t));
  }
  for (int64_t e = 1; e <= whole.EventCount(); ++e) {
    EXPECT_EQ(placer.Describe(e).top_terms, whole.Describe(e).top_terms);
  }
}

// The point of featurizing apart: the decisions of one clusterer over the
// whole stream, exactly, under either rule.
TEST(FeaturizedPartitionTest, PlacingPartitionsDecidesAsOneClustererCosineRule) {
  ExpectSameAsOneClusterer({}, 3);
}

TEST(FeaturizedPartitionTest, PlacingPartitionsDecidesAsOneClustererLearnedRule) {
  ClustererOptions options;
  options.rule = SimilarityRule::kLearned;
  ExpectSameAsOneClusterer(options, 4);
}

// The stream is one where a partition clustered by a clusterer of its own
// (even warmed up on the days before it) decides otherwise: what the test
// above guards is not a given.
TEST(FeaturizedPartitionTest, APartitionClusteredAloneDecidesOtherwise) {
  const std::vector<Document> stream = Stream(600);
  const ClusteredPartition whole = ClusterPartition({}, stream, {});
  const std::span<const Document> all(stream);
  const std::span<const Document> first = all.subspan(0, 300), second = all.subspan(300);
  const ClusteredPartition alone =
      ClusterPartition(first.subspan(WarmupStart(first, 3)), second, {});
  size_t new_events = 0, new_alone = 0;
  for (size_t i = 0; i < second.size(); ++i) {
    new_events += whole.new_event[300 + i];
    new_alone += alone.new_event[i];
  }
  EXPECT_NE(new_events, new_alone);
}

TEST(FeaturizedPartitionTest, DamagedBytesAreRejected) {
  const std::vector<Document> stream = Stream(20);
  const std::string bytes = EncodeFeaturized(FeaturizePartition(stream, {}));
  EXPECT_TRUE(DecodeFeaturized(bytes).ok());
  EXPECT_EQ(DecodeFeaturized("not it").status().code(), StatusCode::kInvalidArgument);
  for (size_t cut : {bytes.size() - 1, bytes.size() / 2, size_t{25}}) {
    EXPECT_EQ(DecodeFeaturized(std::string_view(bytes).substr(0, cut)).status().code(),
              StatusCode::kInvalidArgument)
        << cut;
  }
  EXPECT_FALSE(DecodeFeaturized(bytes + "x").ok());
  // Values the clusterer's arithmetic cannot take (the fuzzer found a day
  // that overflowed DaysOutside) are damage too.
  FeaturizedPartition odd = FeaturizePartition(stream, {});
  odd.records[0].day = ArticleRecord::kNoDay + 1;
  EXPECT_FALSE(DecodeFeaturized(EncodeFeaturized(odd)).ok());
  odd = FeaturizePartition(stream, {});
  ASSERT_FALSE(odd.records[0].terms.empty());
  odd.records[0].terms[0].second = std::numeric_limits<float>::quiet_NaN();
  EXPECT_FALSE(DecodeFeaturized(EncodeFeaturized(odd)).ok());
  FeaturizedPartition short_lists = FeaturizePartition(stream, {});
  short_lists.sources.pop_back();
  EventClusterer clusterer;
  std::vector<ArticleAssignment> out;
  EXPECT_EQ(PlaceFeaturized(std::move(short_lists), &clusterer, &out).code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace chorus
