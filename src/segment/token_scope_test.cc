// Vocabulary generations: a long-running process starts a new one when the
// current one is full and frees the old one once nothing holds it, while
// TokenScope and AnalyzedCluster keep the strings their tokens view alive.
// The generation limit is process-wide, hence a test binary of its own.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "chorus/analyzer.h"
#include "chorus/tokenizer.h"
#include "segment/vocabulary.h"

namespace chorus {
namespace {

constexpr size_t kLimit = 200;

// `n` distinct words never seen before ("zq17x3 zq18x3 ..."), built without
// operator+(const char*, std::string&&), which trips a false -Werror=restrict
// in GCC 12.
std::string FreshWords(int n) {
  static int batch = 0;
  ++batch;
  std::string text;
  for (int i = 0; i < n; ++i) {
    text += "zq";
    text += std::to_string(i);
    text += 'x';
    text += std::to_string(batch);
    text += ' ';
  }
  return text;
}

class TokenScopeTest : public ::testing::Test {
 protected:
  void SetUp() override { segment::Vocabulary::SetGenerationLimit(kLimit); }
  void TearDown() override {
    segment::Vocabulary::SetGenerationLimit(segment::Vocabulary::kDefaultGenerationLimit);
  }
};

TEST_F(TokenScopeTest, FullGenerationIsReplacedAndFreedWhenNothingHoldsIt) {
  std::shared_ptr<segment::Vocabulary> first = segment::Vocabulary::Current();
  const std::weak_ptr<segment::Vocabulary> watch = first;
  for (size_t i = 0; i <= kLimit; ++i) {
    std::string word = "w";
    word += std::to_string(i);
    first->Intern(word);
  }
  const std::shared_ptr<segment::Vocabulary> second = segment::Vocabulary::Current();
  EXPECT_NE(second.get(), first.get());
  EXPECT_GT(second->generation(), first->generation());
  EXPECT_EQ(segment::Vocabulary::Current().get(), second.get());  // not full: kept
  first.reset();
  EXPECT_TRUE(watch.expired());
}

// Without a scope, tokenizing endless new words keeps the vocabulary bounded:
// old generations go once the calls that used them return.
TEST_F(TokenScopeTest, UnscopedTokenizingStaysBounded) {
  const Tokenizer tokenizer;
  std::weak_ptr<segment::Vocabulary> earliest = segment::Vocabulary::Current();
  for (int round = 0; round < 20; ++round) {
    EXPECT_EQ(tokenizer.Tokenize(FreshWords(150)).size(), 150u);
  }
  EXPECT_TRUE(earliest.expired());
  EXPECT_LE(segment::Vocabulary::Current()->size(), 2 * (kLimit + 150));
}

// Tokens made in a scope keep valid views (ASan checks the reads) and
// comparable ids while other threads roll the vocabulary over many times.
TEST_F(TokenScopeTest, ScopeKeepsViewsAndIdsAcrossRollovers) {
  const Tokenizer tokenizer;
  std::vector<Token> before;
  std::shared_ptr<const void> keep;
  {
    const TokenScope scope;
    before = tokenizer.Tokenize("Parliament voted; the parliament adjourned.");
    keep = scope.keep_alive();
    std::thread flood([&] {
      for (int round = 0; round < 10; ++round) tokenizer.Tokenize(FreshWords(150));
    });
    flood.join();
    tokenizer.Tokenize(FreshWords(3 * kLimit));  // past the limit, but pinned: same generation
    const std::vector<Token> after = tokenizer.Tokenize("parliament voted");
    ASSERT_EQ(after.size(), 2u);
    EXPECT_EQ(after[0].norm_id, before[0].norm_id);
    EXPECT_EQ(after[0].norm.data(), before[0].norm.data());
    EXPECT_EQ(after[1].stem_id, before[1].stem_id);
  }
  for (int round = 0; round < 10; ++round) tokenizer.Tokenize(FreshWords(150));
  ASSERT_EQ(before.size(), 5u);
  EXPECT_EQ(before[0].norm, "parliament");
  EXPECT_EQ(before[1].stem, "vote");
  EXPECT_EQ(before[3].norm_id, before[0].norm_id);

  // A scope made from the keep-alive tokenizes into the same generation.
  const TokenScope again(keep);
  EXPECT_EQ(tokenizer.Tokenize("adjourned")[0].norm_id, before[4].norm_id);
}

TEST_F(TokenScopeTest, InnerScopeSharesTheEnclosingGeneration) {
  const TokenScope outer;
  for (int round = 0; round < 5; ++round) {
    std::thread([] { Tokenizer().Tokenize(FreshWords(150)); }).join();
  }
  const TokenScope inner;
  EXPECT_EQ(inner.keep_alive(), outer.keep_alive());
  EXPECT_EQ(TokenScope::Active(), outer.keep_alive().get());
}

TEST_F(TokenScopeTest, AnalyzedClusterOutlivesRollovers) {
  Cluster cluster;
  cluster.id = "c";
  Document& doc = cluster.documents.emplace_back();
  doc.id = "d";
  doc.text = "The harbour fire burned for six hours. Firefighters contained it.";
  const AnalyzedCluster analyzed = ClusterAnalyzer().Analyze(cluster);
  const std::weak_ptr<const void> watch = analyzed.vocabulary;
  for (int round = 0; round < 10; ++round) Tokenizer().Tokenize(FreshWords(150));
  EXPECT_FALSE(watch.expired());
  ASSERT_EQ(analyzed.sentences.size(), 2u);
  EXPECT_EQ(analyzed.sentences[0].tokens[1].norm, "harbour");
  EXPECT_EQ(analyzed.sentences[1].tokens[0].stem, "firefight");
}

}  // namespace
}  // namespace chorus
