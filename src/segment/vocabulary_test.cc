#include "segment/vocabulary.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace chorus::segment {
namespace {

// "w17": built without operator+(const char*, std::string&&), which trips a
// false -Werror=restrict in GCC 12.
std::string Key(char prefix, int i) {
  std::string key(1, prefix);
  key += std::to_string(i);
  return key;
}

TEST(VocabularyTest, EqualTextGetsOneIdAndOneStableCopy) {
  Vocabulary vocab;
  std::string word = "parliament";
  const Vocabulary::Word a = vocab.Intern(word);
  word = "something else entirely";  // the caller's buffer changes; the interned copy must not
  const Vocabulary::Word b = vocab.Intern(std::string("parliament"));
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.text.data(), b.text.data());
  EXPECT_EQ(a.text, "parliament");
  EXPECT_NE(vocab.Intern("parliaments").id, a.id);
  EXPECT_EQ(vocab.size(), 3u);  // "", "parliament", "parliaments"
}

TEST(VocabularyTest, EmptyTextIsIdZero) {
  Vocabulary vocab;
  EXPECT_EQ(vocab.Intern("").id, 0u);
  EXPECT_TRUE(vocab.Intern("").text.empty());
  EXPECT_NE(vocab.Intern("a").id, 0u);
}

TEST(VocabularyTest, ViewsSurviveGrowthPastManyBlocksAndLongWords) {
  Vocabulary vocab;
  std::vector<Vocabulary::Word> words;
  for (int i = 0; i < 50000; ++i) words.push_back(vocab.Intern(Key('w', i)));
  const std::string long_word(100000, 'x');  // past the block size: stored on its own
  const Vocabulary::Word big = vocab.Intern(long_word);
  for (int i = 0; i < 50000; ++i) {
    ASSERT_EQ(words[i].text, Key('w', i));
    ASSERT_EQ(vocab.Intern(Key('w', i)).id, words[i].id);
  }
  EXPECT_EQ(big.text, long_word);
  EXPECT_EQ(vocab.Intern(long_word).id, big.id);
}

TEST(VocabularyTest, ThreadsInterningTheSameWordsAgreeOnIds) {
  Vocabulary vocab;
  std::vector<std::vector<uint32_t>> ids(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < ids.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i) ids[t].push_back(vocab.Intern(Key('k', i)).id);
    });
  }
  for (std::thread& th : threads) th.join();
  for (size_t t = 1; t < ids.size(); ++t) EXPECT_EQ(ids[t], ids[0]);
  EXPECT_EQ(vocab.size(), 2001u);
}

}  // namespace
}  // namespace chorus::segment
