#include "compare/name_key.h"

#include <gtest/gtest.h>

namespace chorus::compare {
namespace {

bool Same(const char* a, const char* b) { return KeysMatch(MakeNameKey(a), MakeNameKey(b)); }
bool Tail(const char* part, const char* full) {
  return IsTailOf(MakeNameKey(part), MakeNameKey(full));
}

TEST(NameKeyTest, TransliterationsOfOneNameMatch) {
  EXPECT_TRUE(Same("Adel Abdul-Mahdi", "Adil Abd al-Mahdi"));
  EXPECT_TRUE(Same("Adel Abdul-Mahdi", "Adel Abdel Mahdi"));
  EXPECT_TRUE(Same("Adel Abdul-Mahdi", "Adil Abdulmahdi"));
  EXPECT_TRUE(Same("Qassem Soleimani", "Qasem Suleimani"));
  EXPECT_TRUE(Same("Moktada al-Sadr", "Muqtada al Sadr"));
  EXPECT_TRUE(Same("Muhammad Ali", "Mohammed Ali"));
  EXPECT_TRUE(Same("José Álvarez", "Jose Alvarez"));
  EXPECT_TRUE(Same("Mahmoud Abbas", "Mahmud Abbas"));
  EXPECT_TRUE(Same("Osama bin Laden", "Usama bin Ladin"));
}

TEST(NameKeyTest, DifferentPeopleSharingANamePartStayApart) {
  EXPECT_FALSE(Same("Abu Mahdi al-Muhandis", "Adel Abdul-Mahdi"));
  EXPECT_FALSE(Same("Moktada al-Sadr", "Mohammed al-Sadr"));
  EXPECT_FALSE(Same("George Bush", "Jeb Bush"));
  EXPECT_FALSE(Same("Ali Khamenei", "Ali Larijani"));
  EXPECT_FALSE(Same("Al Gore", "Gore"));  // "Al" written capitalised alone is a first name
}

TEST(NameKeyTest, SurnameIsATailOfTheFullName) {
  EXPECT_TRUE(Tail("Abdul-Mahdi", "Adel Abdul-Mahdi"));
  EXPECT_TRUE(Tail("al-Mahdi", "Adil Abd al-Mahdi"));
  EXPECT_TRUE(Tail("Mahdi", "Adel Abdel Mahdi"));
  EXPECT_TRUE(Tail("Soleimani", "Qassem Soleimani"));
  EXPECT_TRUE(Tail("bin Laden", "Osama bin Laden"));
  // The first name is no tail, and "Mahdi" in "Abu Mahdi" is not the surname.
  EXPECT_FALSE(Tail("Adel", "Adel Abdul-Mahdi"));
  EXPECT_FALSE(Tail("Mahdi", "Abu Mahdi al-Muhandis"));
  EXPECT_FALSE(Tail("Sadr", "Moktada al-Hakim"));
}

TEST(NameKeyTest, SkeletonDropsVowelsAndDoubledLetters) {
  EXPECT_EQ(Skeleton("qassem"), "ksm");
  EXPECT_EQ(Skeleton("qasem"), "ksm");
  EXPECT_EQ(Skeleton("omar"), "amr");
  EXPECT_EQ(FoldName("Ḥusayn’s"), "husayns");
}

TEST(NameKeyTest, EditDistanceStopsAtLimit) {
  EXPECT_EQ(EditDistance("kitten", "sitting", 5), 3u);
  EXPECT_EQ(EditDistance("abc", "abcdef", 1), 2u);  // limit + 1
  EXPECT_EQ(EditDistance("", "", 1), 0u);
}

}  // namespace
}  // namespace chorus::compare
