#include "summarize/summary_opening.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace chorus {
namespace {

constexpr std::array<std::string_view, 8> kQuoteMarks = {
    "\"", "``", "''", "'", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x98", "\xE2\x80\x99"};

bool StartsWithQuote(std::string_view s) {
  return std::any_of(kQuoteMarks.begin(), kQuoteMarks.end(),
                     [&](std::string_view q) { return s.starts_with(q); });
}

bool EndsWithQuote(std::string_view s) {
  return std::any_of(kQuoteMarks.begin(), kQuoteMarks.end(),
                     [&](std::string_view q) { return s.ends_with(q); });
}

std::string_view TrimSpace(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// The first `n` words, lower-cased, punctuation dropped, joined by spaces.
std::string LeadingWords(std::string_view s, int n) {
  std::string out;
  int words = 0;
  for (size_t i = 0; i < s.size() && words < n;) {
    while (i < s.size() && s[i] == ' ') ++i;
    std::string word;
    while (i < s.size() && s[i] != ' ') {
      const unsigned char c = static_cast<unsigned char>(s[i++]);
      if (std::isalpha(c) || c >= 0x80) word.push_back(static_cast<char>(std::tolower(c)));
    }
    if (word.empty()) continue;
    if (!out.empty()) out.push_back(' ');
    out += word;
    ++words;
  }
  return out;
}

template <size_t N>
bool OneOf(std::string_view word, const std::array<std::string_view, N>& words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

constexpr std::array<std::string_view, 26> kPronouns = {
    "i",    "me",   "my",    "we",    "us",   "our",  "you",     "your",  "he",
    "him",  "his",  "she",   "her",   "it",   "its",  "they",    "them",  "their",
    "this", "that", "these", "those", "such", "both", "another", "theirs"};

constexpr std::array<std::string_view, 34> kConnectives = {
    "but",       "and",        "or",           "so",          "yet",          "also",
    "however",   "meanwhile",  "moreover",     "furthermore", "nevertheless", "nonetheless",
    "still",     "instead",    "besides",      "then",        "thus",         "therefore",
    "hence",     "likewise",   "similarly",    "otherwise",   "though",       "although",
    "whereas",   "indeed",     "additionally", "again",       "later",        "earlier",
    "afterward", "afterwards", "consequently", "accordingly"};

constexpr std::array<std::string_view, 10> kConnectivePhrases = {
    "in addition", "as a result",      "for example",       "for instance",    "in fact",
    "even so",     "at the same time", "on the other hand", "in the meantime", "by contrast"};

// The sentence after a leading dateline ("WASHINGTON (AP) -- ", "PARIS _ "):
// upper-case words before a dash mark the place, not the sentence's start.
std::string_view AfterDateline(std::string_view s) {
  for (std::string_view dash : {std::string_view(" -- "), std::string_view(" _ ")}) {
    const size_t at = s.find(dash);
    if (at == std::string_view::npos || at > 60) continue;
    const std::string_view place = s.substr(0, at);
    if (std::none_of(place.begin(), place.end(),
                     [](char c) { return std::islower(static_cast<unsigned char>(c)); })) {
      return TrimSpace(s.substr(at + dash.size()));
    }
  }
  return s;
}

}  // namespace

OpeningProblem OpeningProblemOf(std::string_view sentence) {
  const std::string_view s = AfterDateline(TrimSpace(sentence));
  if (s.empty()) return OpeningProblem::kNone;
  std::string_view end = s;
  while (!end.empty() && EndsWithQuote(end)) end.remove_suffix(1);
  if (!end.empty() && end.back() == '?') return OpeningProblem::kQuestion;
  if (StartsWithQuote(s) || EndsWithQuote(s)) return OpeningProblem::kQuotation;
  const std::string first = LeadingWords(s, 1);
  if (OneOf(first, kPronouns)) return OpeningProblem::kPronoun;
  if (OneOf(first, kConnectives)) return OpeningProblem::kConnective;
  for (int n = 2; n <= 4; ++n) {
    if (OneOf(std::string_view(LeadingWords(s, n)), kConnectivePhrases))
      return OpeningProblem::kConnective;
  }
  return OpeningProblem::kNone;
}

std::string_view OpeningProblemName(OpeningProblem problem) {
  switch (problem) {
    case OpeningProblem::kQuestion:
      return "question";
    case OpeningProblem::kQuotation:
      return "quotation";
    case OpeningProblem::kPronoun:
      return "pronoun";
    case OpeningProblem::kConnective:
      return "connective";
    case OpeningProblem::kNone:
      break;
  }
  return "none";
}

}  // namespace chorus
