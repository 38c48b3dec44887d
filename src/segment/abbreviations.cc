#include "segment/abbreviations.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <string>

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

std::string Lower(std::string_view w) {
  std::string s(w);
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

template <size_t N>
bool Contains(const std::string_view (&table)[N], std::string_view w) {
  return std::find(std::begin(table), std::end(table), w) != std::end(table);
}

}  // namespace

bool IsNonTerminalAbbreviation(std::string_view word) {
  if (word.size() > 8) return false;
  return Contains(kNonTerminal, Lower(word));
}

bool IsAmbiguousAbbreviation(std::string_view word) {
  if (word.size() > 8) return false;
  return Contains(kAmbiguous, Lower(word));
}

bool IsSentenceStarter(std::string_view word) {
  if (word.size() > 12) return false;
  return Contains(kStarters, Lower(word));
}

}  // namespace chorus::segment
