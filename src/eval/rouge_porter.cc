#include "eval/rouge_porter.h"

#include <array>
#include <cstddef>

namespace chorus::rouge {
namespace {

// Pieces of the script's regular expressions:
//   $c = [^aeiou]   $v = [aeiouy]
//   $C = $c[^aeiouy]*   (a consonant sequence)
//   $V = $v[aeiou]*     (a vowel sequence)
bool IsAeiou(char ch) { return ch == 'a' || ch == 'e' || ch == 'i' || ch == 'o' || ch == 'u'; }
bool IsSmallC(char ch) { return !IsAeiou(ch); }              // [^aeiou]
bool IsSmallV(char ch) { return IsAeiou(ch) || ch == 'y'; }  // [aeiouy]
bool IsNotAeiouy(char ch) { return !IsSmallV(ch); }          // [^aeiouy]

enum class Piece {
  kOptionalC,    // (${C})?
  kC,            // ${C}
  kV,            // ${V}
  kOptionalV,    // (${V})?
  kSmallV,       // ${v}
  kNotAeiouwxy,  // [^aeiouwxy]
};

bool IsOptional(Piece p) { return p == Piece::kOptionalC || p == Piece::kOptionalV; }
bool IsConsonantRun(Piece p) { return p == Piece::kOptionalC || p == Piece::kC; }
bool IsVowelRun(Piece p) { return p == Piece::kOptionalV || p == Piece::kV; }

// Can `ch` open piece p?
bool FirstOk(Piece p, char ch) {
  switch (p) {
    case Piece::kOptionalC:
    case Piece::kC:
      return IsSmallC(ch);
    case Piece::kOptionalV:
    case Piece::kV:
    case Piece::kSmallV:
      return IsSmallV(ch);
    case Piece::kNotAeiouwxy:
      return !IsAeiou(ch) && ch != 'w' && ch != 'x' && ch != 'y';
  }
  return false;
}

// Can `ch` continue a started run piece p?
bool TailOk(Piece p, char ch) {
  if (IsConsonantRun(p)) return IsNotAeiouy(ch);
  if (IsVowelRun(p)) return IsAeiou(ch);
  return false;  // single-character pieces
}

// Whether the anchored pattern `pieces` (^... and, when `to_end`, ...$)
// matches w, as Perl's backtracking matcher decides: a linear NFA
// simulation over "pieces 0..b-1 done" and "inside piece b" states.
template <size_t N>
bool Match(std::string_view w, const std::array<Piece, N>& pieces, bool to_end) {
  static_assert(N < 16);
  uint32_t done = 1;    // bit b: pieces 0..b-1 matched
  uint32_t inside = 0;  // bit b: inside run piece b (it may end or go on)
  auto close = [&] {    // epsilon moves: a run may end; an optional piece may be skipped
    for (size_t b = 0; b < N; ++b) {
      if ((inside >> b & 1) || ((done >> b & 1) && IsOptional(pieces[b]))) done |= 1u << (b + 1);
    }
  };
  close();
  for (char ch : w) {
    if (!to_end && (done >> N & 1)) return true;
    uint32_t next_done = 0;
    uint32_t next_inside = 0;
    for (size_t b = 0; b < N; ++b) {
      const bool runs = IsConsonantRun(pieces[b]) || IsVowelRun(pieces[b]);
      if ((done >> b & 1) && FirstOk(pieces[b], ch)) {
        if (runs) {
          next_inside |= 1u << b;
        } else {
          next_done |= 1u << (b + 1);
        }
      }
      if ((inside >> b & 1) && TailOk(pieces[b], ch)) next_inside |= 1u << b;
    }
    done = next_done;
    inside = next_inside;
    if (done == 0 && inside == 0) return false;
    close();
  }
  return (done >> N & 1) != 0;
}

using P = Piece;
// $mgr0 = ^(C)?VC            (measure > 0)
bool MeasureAbove0(std::string_view w) {
  return Match(w, std::array{P::kOptionalC, P::kV, P::kC}, false);
}
// $mgr1 = ^(C)?VCVC          (measure > 1)
bool MeasureAbove1(std::string_view w) {
  return Match(w, std::array{P::kOptionalC, P::kV, P::kC, P::kV, P::kC}, false);
}
// $meq1 = ^(C)?VC(V)?$       (measure == 1)
bool MeasureIs1(std::string_view w) {
  return Match(w, std::array{P::kOptionalC, P::kV, P::kC, P::kOptionalV}, true);
}
// $_v = ^(C)?v               (contains a vowel)
bool HasVowel(std::string_view w) { return Match(w, std::array{P::kOptionalC, P::kSmallV}, false); }
// ^${C}${v}[^aeiouwxy]$      (consonant-vowel-consonant ending, short word)
bool IsShortCvc(std::string_view w) {
  return Match(w, std::array{P::kC, P::kSmallV, P::kNotAeiouwxy}, true);
}

bool EndsWith(std::string_view w, std::string_view suffix) {
  if (w.size() < suffix.size() || w.back() != suffix.back()) return false;  // cheap reject
  for (size_t k = 2; k <= suffix.size(); ++k) {
    if (w[w.size() - k] != suffix[suffix.size() - k]) return false;
  }
  return true;
}

struct Rule {
  std::string_view suffix;
  std::string_view replacement;
};

// The longest listed suffix of w (what a Perl alternation anchored with $
// finds first, scanning start positions left to right), or nullptr.
template <size_t N>
const Rule* LongestSuffix(std::string_view w, const std::array<Rule, N>& rules) {
  const Rule* best = nullptr;
  for (const Rule& rule : rules) {
    if (EndsWith(w, rule.suffix) && (best == nullptr || rule.suffix.size() > best->suffix.size())) {
      best = &rule;
    }
  }
  return best;
}

constexpr std::array<Rule, 21> kStep2 = {{
    {"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"}, {"anci", "ance"}, {"izer", "ize"},
    {"bli", "ble"},     {"alli", "al"},     {"entli", "ent"}, {"eli", "e"},     {"ousli", "ous"},
    {"ization", "ize"}, {"ation", "ate"},   {"ator", "ate"},  {"alism", "al"},  {"iveness", "ive"},
    {"fulness", "ful"}, {"ousness", "ous"}, {"aliti", "al"},  {"iviti", "ive"}, {"biliti", "ble"},
    {"logi", "log"},
}};
constexpr std::array<Rule, 7> kStep3 = {{
    {"icate", "ic"},
    {"ative", ""},
    {"alize", "al"},
    {"iciti", "ic"},
    {"ical", "ic"},
    {"ful", ""},
    {"ness", ""},
}};
// Step 4 as modified by CYL: "ment" and "ent" are not in this list.
constexpr std::array<Rule, 16> kStep4 = {{
    {"al", ""},
    {"ance", ""},
    {"ence", ""},
    {"er", ""},
    {"ic", ""},
    {"able", ""},
    {"ible", ""},
    {"ant", ""},
    {"ement", ""},
    {"ou", ""},
    {"ism", ""},
    {"ate", ""},
    {"iti", ""},
    {"ous", ""},
    {"ive", ""},
    {"ize", ""},
}};

void Step1ab(std::string& w) {
  if (EndsWith(w, "sses")) {
    w.resize(w.size() - 2);
  } else if (EndsWith(w, "ies")) {
    w.resize(w.size() - 2);
  } else if (w.size() >= 2 && w.back() == 's' && w[w.size() - 2] != 's') {
    w.pop_back();
  }
  if (EndsWith(w, "eed")) {
    if (MeasureAbove0(std::string_view(w).substr(0, w.size() - 3))) w.pop_back();
    return;
  }
  size_t cut = 0;
  if (EndsWith(w, "ed")) cut = 2;
  if (EndsWith(w, "ing")) cut = 3;
  if (cut == 0) return;
  std::string_view stem = std::string_view(w).substr(0, w.size() - cut);
  if (!HasVowel(stem)) return;
  w.resize(stem.size());
  if (EndsWith(w, "at") || EndsWith(w, "bl") || EndsWith(w, "iz")) {
    w += 'e';
    return;
  }
  if (w.size() >= 2 && w.back() == w[w.size() - 2]) {
    const char ch = w.back();
    if (!IsSmallV(ch) && ch != 'l' && ch != 's' && ch != 'z') {
      w.pop_back();
      return;
    }
  }
  if (IsShortCvc(w)) w += 'e';
}

// Steps 2 and 3: replace the longest listed suffix when the stem has m > 0.
template <size_t N>
void ReplaceSuffixIfMeasureAbove0(std::string& w, const std::array<Rule, N>& rules) {
  const Rule* rule = LongestSuffix(w, rules);
  if (rule == nullptr) return;
  std::string_view stem = std::string_view(w).substr(0, w.size() - rule->suffix.size());
  if (!MeasureAbove0(stem)) return;
  w.resize(stem.size());
  w += rule->replacement;
}

// Removes `suffix_size` final letters when what remains has m > 1.
void DropIfMeasureAbove1(std::string& w, size_t suffix_size) {
  if (MeasureAbove1(std::string_view(w).substr(0, w.size() - suffix_size))) {
    w.resize(w.size() - suffix_size);
  }
}

void Step4(std::string& w) {
  if (const Rule* rule = LongestSuffix(w, kStep4)) DropIfMeasureAbove1(w, rule->suffix.size());
  if (EndsWith(w, "ment")) DropIfMeasureAbove1(w, 4);
  if (EndsWith(w, "ent")) {
    DropIfMeasureAbove1(w, 3);
  } else if (EndsWith(w, "sion") || EndsWith(w, "tion")) {
    DropIfMeasureAbove1(w, 3);  // keeps the s / t
  }
}

void Step5(std::string& w) {
  if (!w.empty() && w.back() == 'e') {
    std::string_view stem = std::string_view(w).substr(0, w.size() - 1);
    if (MeasureAbove1(stem) || (MeasureIs1(stem) && !IsShortCvc(stem))) w.pop_back();
  }
  if (EndsWith(w, "ll") && MeasureAbove1(w)) w.pop_back();
}

}  // namespace

std::string Rouge155PorterStem(std::string_view word) {
  std::string w(word);
  if (w.size() < 3) return w;
  // An initial y is a consonant: the script upper-cases it so that the
  // vowel classes above never see it.
  const bool initial_y = w[0] == 'y';
  if (initial_y) w[0] = 'Y';
  Step1ab(w);
  if (!w.empty() && w.back() == 'y' && HasVowel(std::string_view(w).substr(0, w.size() - 1))) {
    w.back() = 'i';  // step 1c
  }
  ReplaceSuffixIfMeasureAbove0(w, kStep2);
  ReplaceSuffixIfMeasureAbove0(w, kStep3);
  Step4(w);
  Step5(w);
  if (initial_y && !w.empty() && w[0] == 'Y') w[0] = 'y';
  return w;
}

}  // namespace chorus::rouge
