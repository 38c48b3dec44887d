// Name keys: a person's or organisation's name reduced to units that compare
// equal across transliterations and spellings.
//
// "Adel Abdul-Mahdi", "Adil Abd al-Mahdi", "Adel Abdel Mahdi" all become the
// units {"adl", "abd:mhd"}: diacritics stripped, articles (al-, el-) dropped,
// Abdul/Abd al-/Abdel/Abdul- fused with the next part into one unit, and each
// part reduced to a consonant skeleton (first letter kept, vowels dropped,
// doubled letters collapsed, q/c -> k, ph -> f), so "Qasem"/"Qassem" and
// "Moktada"/"Muqtada" meet. Units then match with an edit distance of one on
// skeletons of four letters or more.
//
// Thread safety: pure functions.
#ifndef CHORUS_COMPARE_NAME_KEY_H_
#define CHORUS_COMPARE_NAME_KEY_H_

#include <string>
#include <string_view>
#include <vector>

namespace chorus::compare {

struct NameKey {
  // One skeleton per name unit, in order; a fused prefix is written before a
  // colon ("abd:mhd", "abu:mhd", "bin:ldn").
  std::vector<std::string> units;

  std::string Joined() const;  // units joined by spaces (an exact-match key)
};

// Lower-case, diacritic-free form of `text` (NFKD, marks stripped, case
// folded; letters of other scripts kept as they are; apostrophes and
// modifier letters such as the ayn dropped).
std::string FoldName(std::string_view text);

// Consonant skeleton of one folded name part.
std::string Skeleton(std::string_view folded_part);

// Key of a name as written (titles already removed).
NameKey MakeNameKey(std::string_view surface);

// Levenshtein distance, stopping early once it exceeds `limit`.
size_t EditDistance(std::string_view a, std::string_view b, size_t limit);

// Whether two units denote the same name part.
bool UnitsMatch(std::string_view a, std::string_view b);

// Whether two keys denote the same full name (same number of units, all match).
bool KeysMatch(const NameKey& a, const NameKey& b);

// Whether `part` is a shorter form of `full`: its units match the last units
// of `full` ("Abdul-Mahdi" of "Adel Abdul-Mahdi"), or, for one unit, the core
// of full's last fused unit ("al-Mahdi" of "Adel Abdul-Mahdi"). A single
// unit must match exactly (no edit distance): alone it has nothing to confirm it.
bool IsTailOf(const NameKey& part, const NameKey& full);

}  // namespace chorus::compare

#endif  // CHORUS_COMPARE_NAME_KEY_H_
