#include "segment/word_cache.h"

#include <gtest/gtest.h>

#include <string>
#include <unordered_map>

#include "segment/vocabulary.h"

namespace chorus::segment {
namespace {

WordEntry Entry(std::string surface) {
  static Vocabulary* const vocabulary = new Vocabulary();  // outlives every test's entries
  WordEntry e;
  e.norm = vocabulary->Intern("n:" + surface).text;
  e.surface = std::move(surface);
  return e;
}

TEST(WordCacheTest, FindsWhatWasInsertedAcrossGrowth) {
  WordCache cache;
  std::unordered_map<std::string, std::string> reference;
  // Short, 8-byte and long keys, and keys that differ only in their middle byte.
  for (int i = 0; i < 20000; ++i) {
    std::string key = std::to_string(i);
    if (i % 3 == 1) key = "abc" + key + "defghijklmnop";
    if (i % 3 == 2) key = key.substr(0, 1) + std::string(7, 'x') + key;
    if (reference.count(key)) continue;
    ASSERT_EQ(cache.Find(key), nullptr) << key;
    cache.Insert(Entry(key));
    reference[key] = "n:" + key;
  }
  EXPECT_EQ(cache.size(), reference.size());
  for (const auto& [key, norm] : reference) {
    const WordEntry* e = cache.Find(key);
    ASSERT_NE(e, nullptr) << key;
    EXPECT_EQ(e->norm, norm);
  }
  EXPECT_EQ(cache.Find(""), nullptr);
  EXPECT_EQ(cache.Find("abc1defghijklmno"), nullptr);  // a prefix of a key
}

// Keys of every length up to 24 that differ from a stored key in one byte
// anywhere (the compare reads words in overlapping 8- and 4-byte pieces).
TEST(WordCacheTest, KeysDifferingInAnyOneByteAreDistinct) {
  WordCache cache;
  for (size_t len = 1; len <= 24; ++len) cache.Insert(Entry(std::string(len, 'a')));
  for (size_t len = 1; len <= 24; ++len) {
    ASSERT_NE(cache.Find(std::string(len, 'a')), nullptr) << len;
    for (size_t at = 0; at < len; ++at) {
      std::string key(len, 'a');
      key[at] = 'b';
      EXPECT_EQ(cache.Find(key), nullptr) << len << " " << at;
    }
  }
}

TEST(WordCacheTest, StartsOverPastItsBound) {
  WordCache cache;
  for (size_t i = 0; i < WordCache::kMaxEntries; ++i) cache.Insert(Entry(std::to_string(i)));
  EXPECT_EQ(cache.size(), WordCache::kMaxEntries);
  cache.Insert(Entry("new"));
  EXPECT_EQ(cache.size(), 1u);
  EXPECT_NE(cache.Find("new"), nullptr);
  EXPECT_EQ(cache.Find("0"), nullptr);
}

}  // namespace
}  // namespace chorus::segment
