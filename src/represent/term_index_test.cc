// The per-cluster term index (chorus/term_index.h): ids, content lists and
// frequencies as consumers read them.
#include "represent/term_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "represent/test_clusters.h"

namespace chorus {
namespace {

std::vector<std::string_view> Texts(const TermIndex& index, std::span<const uint32_t> terms) {
  std::vector<std::string_view> out;
  for (uint32_t t : terms) out.push_back(index.text[t]);
  return out;
}

TEST(TermIndexTest, StemsAsIdsInOrderOfFirstUse) {
  const AnalyzedCluster c =
      AnalyzeTexts({"The fires burned. A fire burns the harbor.", "Fire crews left the harbor."});
  const TermIndex& index = c.terms;
  ASSERT_EQ(index.sentences(), 3u);
  EXPECT_EQ(Texts(index, index.Terms(0)), (std::vector<std::string_view>{"the", "fire", "burn"}));
  EXPECT_EQ(Texts(index, index.Terms(1)),
            (std::vector<std::string_view>{"a", "fire", "burn", "the", "harbor"}));
  // Content: stopwords dropped, each term once, ascending ids.
  EXPECT_EQ(Texts(index, index.Content(1)),
            (std::vector<std::string_view>{"fire", "burn", "harbor"}));
  EXPECT_EQ(Texts(index, index.Content(2)),
            (std::vector<std::string_view>{"fire", "harbor", "crew", "left"}));
}

TEST(TermIndexTest, SentenceAndDocumentFrequenciesCountContentUse) {
  const AnalyzedCluster c =
      AnalyzeTexts({"The fires burned. A fire burns the harbor.", "Fire crews left the harbor."});
  const TermIndex& index = c.terms;
  const auto id = [&](std::string_view text) {
    return static_cast<size_t>(std::find(index.text.begin(), index.text.end(), text) -
                               index.text.begin());
  };
  EXPECT_EQ(index.sentence_frequency[id("fire")], 3u);
  EXPECT_EQ(index.document_frequency[id("fire")], 2u);
  EXPECT_EQ(index.sentence_frequency[id("burn")], 2u);
  EXPECT_EQ(index.document_frequency[id("burn")], 1u);
  EXPECT_EQ(index.sentence_frequency[id("the")], 0u);  // only ever a stopword
  EXPECT_EQ(index.document_frequency[id("the")], 0u);
}

TEST(TermIndexTest, UnstemmedTokensUseTheirNorm) {
  Cluster cluster;
  Document doc;
  doc.id = "a";
  doc.text = "Fires burned.";
  cluster.documents.push_back(doc);
  AnalyzerOptions options;
  options.clean = false;
  options.tokenizer.stem = false;
  const AnalyzedCluster c = ClusterAnalyzer(options).Analyze(cluster);
  EXPECT_EQ(Texts(c.terms, c.terms.Content(0)), (std::vector<std::string_view>{"fires", "burned"}));
}

TEST(TermIndexTest, ATokenWithoutStemIsBare) {
  // Porter takes the initial "S." to nothing: the term is its norm, marked.
  const AnalyzedCluster c = AnalyzeTexts({"Nicholas S. Zeppos spoke."});
  const std::vector<std::string_view> content = Texts(c.terms, c.terms.Content(0));
  ASSERT_EQ(content, (std::vector<std::string_view>{"nichola", "s", "zeppo", "spoke"}));
  for (uint32_t t : c.terms.Content(0))
    EXPECT_EQ(c.terms.bare[t] != 0, c.terms.text[t] == "s") << c.terms.text[t];
}

TEST(TermIndexTest, EmptyCluster) {
  AnalyzedCluster empty;
  empty.doc_first_sentence = {0};
  Represent(&empty);
  EXPECT_EQ(empty.terms.size(), 0u);
  EXPECT_EQ(empty.terms.sentences(), 0u);
}

}  // namespace
}  // namespace chorus
