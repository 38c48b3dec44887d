// Do facts that more sources report carry more of what human summarisers
// kept? Over the 50 DUC 2004 clusters: the share of reference content words
// (stemmed, non-stopword) that facts of each support level cover, and how
// many of those facts' words are reference words (coverage per fact word).
#include <gtest/gtest.h>

#include <cstdio>
#include <set>
#include <string>

#include "chorus/analyzer.h"
#include "chorus/compare.h"
#include "chorus/ingest.h"
#include "chorus/tokenizer.h"
#include "shared_data.h"

namespace chorus {
namespace {

std::set<std::string> ContentStems(const Tokenizer& tokenizer, const std::string& text) {
  std::set<std::string> stems;
  for (const Token& t : tokenizer.Tokenize(text)) {
    if (!t.stopword && !t.stem.empty()) stems.emplace(t.stem);
  }
  return stems;
}

struct Bucket {
  const char* name;
  uint32_t min_support, max_support;
  double covered = 0;     // reference words covered, summed over clusters
  double fact_words = 0;  // distinct fact words, summed over clusters
  double fact_words_in_reference = 0;
  size_t facts = 0;
};

TEST(CompareDucTest, WidelyReportedFactsCoverMoreOfTheReferencesPerWord) {
  CHORUS_REQUIRE_SHARED_DATA(path, "duc2004/clusters.jsonl");
  const Tokenizer tokenizer;
  const ClusterAnalyzer analyzer;
  const Comparer comparer;
  Bucket buckets[] = {{"support >= 3", 3, 1000}, {"support == 2", 2, 2}, {"support == 1", 1, 1}};
  double reference_words = 0;
  size_t clusters = 0;
  Diagnostics diagnostics;
  const Status s = ReadClusters({path}, {}, &diagnostics, [&](Cluster&& cluster) {
    ++clusters;
    std::set<std::string> reference;
    for (const std::string& r : cluster.references) reference.merge(ContentStems(tokenizer, r));
    reference_words += static_cast<double>(reference.size());
    const Comparison c = comparer.Compare(analyzer.Analyze(cluster));
    for (Bucket& b : buckets) {
      std::set<std::string> words;
      for (const Fact& f : c.facts) {
        if (f.support < b.min_support || f.support > b.max_support) continue;
        ++b.facts;
        words.merge(ContentStems(tokenizer, f.text));
      }
      size_t in_reference = 0;
      for (const std::string& w : words) in_reference += reference.count(w);
      b.covered += static_cast<double>(in_reference);
      b.fact_words += static_cast<double>(words.size());
      b.fact_words_in_reference += static_cast<double>(in_reference);
    }
    return Status::Ok();
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(clusters, 50u);
  std::printf("DUC 2004, %zu clusters, %.0f reference content words:\n", clusters, reference_words);
  for (const Bucket& b : buckets) {
    std::printf(
        "  %-13s %5zu facts  covers %5.1f%% of reference words  %5.1f%% of its words are in the "
        "references\n",
        b.name, b.facts, 100 * b.covered / reference_words,
        b.fact_words > 0 ? 100 * b.fact_words_in_reference / b.fact_words : 0.0);
  }
  const double precision_wide = buckets[0].fact_words_in_reference / buckets[0].fact_words;
  const double precision_single = buckets[2].fact_words_in_reference / buckets[2].fact_words;
  EXPECT_GT(buckets[0].facts, 50u);
  EXPECT_GT(precision_wide, precision_single);
}

}  // namespace
}  // namespace chorus
