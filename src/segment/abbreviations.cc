#include "segment/abbreviations.h"

#include <iterator>
#include <string_view>
#include <unordered_set>

namespace chorus::segment {
namespace {

// Titles, name parts and reference words: a period after them is not an end.
constexpr std::string_view kNonTerminal[] = {
    "mr",  "mrs",  "ms",     "messrs", "dr",   "prof", "gen",   "gens",  "sen",  "sens",
    "rep", "reps", "gov",    "govs",   "lt",   "col",  "maj",   "capt",  "cpt",  "sgt",
    "adm", "cmdr", "cdr",    "cpl",    "pvt",  "brig", "rev",   "hon",   "pres", "supt",
    "det", "insp", "atty",   "amb",    "sec",  "st",   "ste",   "mt",    "ft",   "no",
    "nos", "vs",   "v",      "jan",    "feb",  "mar",  "apr",   "jun",   "jul",  "aug",
    "sep", "sept", "oct",    "nov",    "dec",  "ave",  "blvd",  "rd",    "hwy",  "fig",
    "vol", "pp",   "approx", "dept",   "univ", "assn", "gov't", "mssrs", "msgr", "fr",
    "sr",  "sra",  "srta",   "esq",    "cf",   "e.g",  "i.e",   "ca",
};

// May end a sentence; the following word decides.
constexpr std::string_view kAmbiguous[] = {
    "inc", "co",  "corp", "ltd", "jr",  "bros", "etc",  "a.m",   "p.m",  "u.s",  "u.n", "u.k",
    "d.c", "l.a", "n.y",  "s.c", "n.c", "ala",  "ariz", "calif", "colo", "conn", "fla", "ga",
};

constexpr std::string_view kStarters[] = {
    "the",     "a",       "an",    "he",    "she",       "it",     "they",  "we",    "i",
    "you",     "but",     "and",   "in",    "on",        "at",     "this",  "that",  "these",
    "those",   "there",   "his",   "her",   "its",       "their",  "our",   "as",    "after",
    "before",  "when",    "while", "if",    "for",       "from",   "with",  "by",    "to",
    "some",    "many",    "most",  "all",   "one",       "two",    "three", "other", "meanwhile",
    "however", "still",   "also",  "now",   "then",      "what",   "who",   "why",   "how",
    "last",    "earlier", "later", "under", "officials", "police",
};

// ASCII lower case of `w` (at most kMaxWord bytes) in `buffer`: the tables
// are ASCII, and std::tolower was a library call per byte.
constexpr size_t kMaxWord = 12;
std::string_view Lower(std::string_view w, char (&buffer)[kMaxWord]) {
  for (size_t i = 0; i < w.size(); ++i) {
    const char c = w[i];
    buffer[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return {buffer, w.size()};
}

using WordSet = std::unordered_set<std::string_view>;

// A table as a hash set (made once per table: asked about every period's word).
template <size_t N>
const WordSet* NewSet(const std::string_view (&table)[N]) {
  return new WordSet(std::begin(table), std::end(table));
}

// Whether `set` holds `w` (at most kMaxWord bytes) lower-cased.
bool Contains(const WordSet& set, std::string_view w) {
  char buffer[kMaxWord] = {};
  return set.count(Lower(w, buffer)) > 0;
}

}  // namespace

bool IsNonTerminalAbbreviation(std::string_view word) {
  if (word.size() > 8) return false;
  static const WordSet* set = NewSet(kNonTerminal);
  return Contains(*set, word);
}

bool IsAmbiguousAbbreviation(std::string_view word) {
  if (word.size() > 8) return false;
  static const WordSet* set = NewSet(kAmbiguous);
  return Contains(*set, word);
}

bool IsSentenceStarter(std::string_view word) {
  if (word.size() > kMaxWord) return false;
  static const WordSet* set = NewSet(kStarters);
  return Contains(*set, word);
}

}  // namespace chorus::segment
