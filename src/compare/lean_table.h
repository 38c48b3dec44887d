// LeanTable: the political lean of news outlets, for articles that give no
// "lean" of their own. Compiled in from data/outlet_leans.tsv (AllSides
// ratings; the file names its source and how it was derived).
//
// Outlet names are matched loosely: case, punctuation, a leading "the", a
// parenthesised qualifier ("CNN (Online News)" is "CNN") and web domains
// ("foxnews.com" is "Fox News") do not matter. Where the qualifier is all that
// tells two ratings apart ("Wall Street Journal (News)" center, "(Opinion)"
// right) the bare name means the newsroom, not the opinion pages.
//
//   std::string lean = LeanTable::Default().Find("The Hill");  // "center"
//
// Thread safety: immutable after Parse; share freely.
#ifndef CHORUS_COMPARE_LEAN_TABLE_H_
#define CHORUS_COMPARE_LEAN_TABLE_H_

#include <string>
#include <string_view>
#include <unordered_map>

namespace chorus::compare {

class LeanTable {
 public:
  // "outlet<TAB>lean" lines, '#' comments; malformed lines are skipped (the
  // shipped file is checked by a test).
  static LeanTable Parse(std::string_view text);
  static const LeanTable& Default();

  // The lean of an outlet, or empty when the table does not know it.
  std::string Find(std::string_view outlet) const;
  size_t size() const { return exact_.size(); }

  // The matching key of a name: lower-case letters and digits, single spaces.
  static std::string Key(std::string_view name, bool drop_qualifier);

 private:
  std::unordered_map<std::string, std::string> exact_;     // full key -> lean
  std::unordered_map<std::string, std::string> bare_;      // key without qualifier -> lean
  std::unordered_map<std::string, std::string> squashed_;  // bare key without spaces -> lean
};

}  // namespace chorus::compare

#endif  // CHORUS_COMPARE_LEAN_TABLE_H_
