#include "summarize/sentence_compressor.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <span>

namespace chorus {
namespace {

// A whitespace-separated piece of the sentence, punctuation attached.
struct Piece {
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string_view text;
};

// The first space at or after `i` in s[0, n), or n: eight bytes at a time
// (the lowest flagged byte of the zero-byte test is exact).
uint32_t NextSpace(const char* s, uint32_t i, uint32_t n) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  for (; i + 8 <= n; i += 8) {
    uint64_t x = 0;
    std::memcpy(&x, s + i, 8);
    const uint64_t t = x ^ (kOnes * ' ');
    const uint64_t zero = (t - kOnes) & ~t & (kOnes * 0x80);
    if (zero != 0) return i + static_cast<uint32_t>(std::countr_zero(zero) / 8);
  }
  while (i < n && s[i] != ' ') ++i;
  return i;
}

std::vector<Piece> Pieces(std::string_view text) {
  std::vector<Piece> pieces;
  pieces.reserve(std::count(text.begin(), text.end(), ' ') + 1);  // one allocation
  uint32_t i = 0;
  const auto n = static_cast<uint32_t>(text.size());
  while (i < n) {
    while (i < n && text[i] == ' ') ++i;
    const uint32_t begin = i;
    i = NextSpace(text.data(), i, n);
    if (i > begin) pieces.push_back({begin, i, std::string_view(text.data() + begin, i - begin)});
  }
  return pieces;
}

// The piece without trailing punctuation.
std::string_view Bare(std::string_view piece) {
  // A switch, not a find() in ".,;:!?": this runs on most pieces, and a
  // memchr call per byte tested cost more than the test.
  const auto punctuation = [](char c) {
    switch (c) {
      case '.':
      case ',':
      case ';':
      case ':':
      case '!':
      case '?':
        return true;
      default:
        return false;
    }
  };
  while (!piece.empty() && punctuation(piece.back())) piece.remove_suffix(1);
  return piece;
}

// Bytes of trailing punctuation a piece carries.
uint32_t TrailingPunctuation(std::string_view piece) {
  return static_cast<uint32_t>(piece.size() - Bare(piece).size());
}

template <size_t N>
bool OneOf(std::string_view word, const std::array<std::string_view, N>& words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

constexpr std::array<std::string_view, 7> kWeekdays = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
constexpr std::array<std::string_view, 4> kDayParts = {"morning", "afternoon", "evening", "night"};

bool HasQuote(std::string_view text) {
  return text.find('"') != std::string_view::npos || text.find("``") != std::string_view::npos ||
         text.find("''") != std::string_view::npos ||
         text.find("\xE2\x80\x9C") != std::string_view::npos ||
         text.find("\xE2\x80\x9D") != std::string_view::npos;
}

// Index of the first piece after a leading dateline ("WASHINGTON _ ",
// "PHNOM PENH, Cambodia (AP) -- "), or 0.
size_t DatelineEnd(const std::vector<Piece>& p) {
  if (p.empty()) return 0;
  const std::string_view first = Bare(p[0].text);
  // A dateline whose place was lost upstream: "(AP) -- George W. Bush ...".
  if (first.size() > 2 && first.front() == '(' && first.back() == ')' && p.size() > 2 &&
      (p[1].text == "_" || p[1].text == "--")) {
    return 2;
  }
  if (first.size() < 2 || !std::all_of(first.begin(), first.end(),
                                       [](char c) { return std::isupper(c) || c == '.'; })) {
    return 0;
  }
  for (size_t i = 1; i < p.size() && i < 7; ++i) {
    if (p[i].text == "_" || p[i].text == "--") return i + 1 < p.size() ? i + 1 : 0;
    if (p[i].text.back() == '.') return 0;
  }
  return 0;
}

// Pieces a leading discourse connective takes at `i` (0: none).
size_t ConnectiveLength(const std::vector<Piece>& p, size_t i) {
  constexpr std::array<std::string_view, 13> kOneWord = {
      "However,", "Meanwhile,", "Moreover,",   "Furthermore,", "Nevertheless,",
      "Still,",   "Also,",      "Instead,",    "Besides,",     "Yet,",
      "But",      "And",        "Nonetheless,"};
  constexpr std::array<std::string_view, 3> kTwoWords = {"In addition,", "In fact,", "Even so,"};
  constexpr std::array<std::string_view, 3> kFourWords = {"At the same time,", "On the other hand,",
                                                          "In the meantime,"};
  if (i >= p.size()) return 0;
  if (OneOf(p[i].text, kOneWord)) return 1;
  const auto joined = [&](size_t n) {
    return i + n <= p.size() ? std::string_view(p[i].text.data(), p[i + n - 1].end - p[i].begin)
                             : "";
  };
  if (OneOf(joined(2), kTwoWords)) return 2;
  if (OneOf(joined(3), kFourWords) || OneOf(joined(4), kFourWords))
    return OneOf(joined(3), kFourWords) ? 3 : 4;
  return 0;
}

// Pieces of a leading "On Friday, " / "On Friday night, " at `i` (0: none).
size_t LeadingDayLength(const std::vector<Piece>& p, size_t i) {
  if (i + 2 >= p.size() || p[i].text != "On") return 0;
  if (OneOf(p[i + 1].text,
            std::array<std::string_view, 7>{"Monday,", "Tuesday,", "Wednesday,", "Thursday,",
                                            "Friday,", "Saturday,", "Sunday,"})) {
    return 2;
  }
  if (OneOf(p[i + 1].text, kWeekdays) && i + 3 < p.size() && p[i + 2].text.back() == ',' &&
      OneOf(Bare(p[i + 2].text), kDayParts)) {
    return 3;
  }
  return 0;
}

// Days of the week, "today" and "yesterday" inside the sentence, with "on"
// or "here" before them.
void RemoveWeekdays(const std::vector<Piece>& p, size_t from, std::vector<ByteSpan>* removed) {
  constexpr std::array<std::string_view, 26> kNeedsObject = {
      "by",   "until", "since", "before", "after", "from",  "till", "through", "last",
      "next", "this",  "that",  "each",   "every", "early", "late", "and",     "or",
      "to",   "is",    "was",   "are",    "were",  "be",    "been", "of"};
  // "today" and "yesterday" mean another day once the article is old: they
  // go as the weekdays do, outside quotations ("We are ready today").
  constexpr std::array<std::string_view, 3> kDeictic = {"today", "yesterday", "tonight"};
  // Asked only once a deictic word turns up: most sentences have none, and
  // the quote scan reads every piece.
  int quoted = -1;
  const auto is_quoted = [&] {
    if (quoted < 0) {
      quoted =
          std::any_of(p.begin(), p.end(), [](const Piece& piece) { return HasQuote(piece.text); });
    }
    return quoted == 1;
  };
  for (size_t i = from + 1; i < p.size(); ++i) {
    const std::string_view bare = Bare(p[i].text);
    // Every word sought ends in "y" ("...day") or "t" ("tonight"): a cheap
    // test that rejects almost every piece before the list look-ups.
    if (bare.size() < 5 || (bare.back() != 'y' && bare.back() != 't')) continue;
    if (!OneOf(bare, kWeekdays) && (!OneOf(bare, kDeictic) || is_quoted())) continue;
    if (p[i].text.find('\'') != std::string_view::npos) continue;  // Friday's
    size_t last = i;
    if (TrailingPunctuation(p[i].text) == 0 && i + 1 < p.size() &&
        OneOf(Bare(p[i + 1].text), kDayParts)) {
      last = i + 1;
    }
    size_t first = i;
    if (first > from + 1 && p[first - 1].text == "on") --first;
    if (first > from + 1 && p[first - 1].text == "here") --first;  // Xinhua's "vowed here Tuesday"
    if (first <= from) continue;
    const Piece& before = p[first - 1];
    if (TrailingPunctuation(before.text) > 0 || OneOf(Bare(before.text), kNeedsObject)) continue;
    // "Monday and Tuesday", "Friday to Sunday": a span of days stays whole.
    if (last + 1 < p.size() && TrailingPunctuation(p[last].text) == 0) {
      const std::string_view next = Bare(p[last + 1].text);
      if (OneOf(next, std::array<std::string_view, 4>{"to", "through", "and", "or"}) &&
          last + 2 < p.size() && OneOf(Bare(p[last + 2].text), kWeekdays)) {
        continue;
      }
    }
    if (last + 1 == p.size() && TrailingPunctuation(p[last].text) == 0) continue;
    removed->push_back({before.end, p[last].end - TrailingPunctuation(p[last].text)});
    i = last;
  }
}

// The first " (" at or after `from`, found through its '(' (find(" (")
// would stop at every space).
size_t NextOpening(std::string_view text, size_t from) {
  for (size_t q = text.find('(', from + 1); q != std::string_view::npos;
       q = text.find('(', q + 1)) {
    if (text[q - 1] == ' ') return q - 1;
  }
  return std::string_view::npos;
}

// Parentheticals " (...)" without nesting or quotes, not opening the sentence.
void RemoveParentheticals(std::string_view text, std::vector<ByteSpan>* removed) {
  for (size_t open = NextOpening(text, 0); open != std::string_view::npos;
       open = NextOpening(text, open + 1)) {
    const size_t close = text.find(')', open);
    if (close == std::string_view::npos || close - open > 80) continue;
    const std::string_view inside = text.substr(open + 2, close - open - 2);
    if (inside.find('(') != std::string_view::npos || HasQuote(inside)) continue;
    // "Q. (italics)Earlier": a parenthetical glued to the next word is markup.
    if (close + 1 < text.size() && std::isalnum(static_cast<unsigned char>(text[close + 1])))
      continue;
    removed->push_back({static_cast<uint32_t>(open), static_cast<uint32_t>(close + 1)});
  }
}

// ", 82," after a name.
void RemoveAges(const std::vector<Piece>& p, std::vector<ByteSpan>* removed) {
  for (size_t i = 1; i + 1 < p.size(); ++i) {
    const std::string_view t = p[i].text;
    if (t.size() < 2 || t.size() > 4 || t.back() != ',' || p[i - 1].text.back() != ',') continue;
    if (!std::all_of(t.begin(), t.end() - 1, [](char c) { return std::isdigit(c); })) continue;
    if (!std::isupper(static_cast<unsigned char>(p[i - 1].text[0]))) continue;
    // A name that is itself an apposition keeps its commas ("a third
    // campaigner, Qin Yongmin, 44, has not been").
    size_t name = i - 1;
    while (name > 0 && std::isupper(static_cast<unsigned char>(p[name - 1].text[0])) &&
           TrailingPunctuation(p[name - 1].text) == 0) {
      --name;
    }
    if (name > 0 && p[name - 1].text.back() == ',') continue;
    // "Kopp, 44, whose address ..." and "Smith, 52, a lawyer, ..." need
    // their comma (the optional deletions remove the whole description).
    if (OneOf(Bare(p[i + 1].text),
              std::array<std::string_view, 7>{"who", "whose", "which", "and", "a", "an", "the"})) {
      continue;
    }
    removed->push_back({p[i - 1].end - 1, p[i].end});
  }
}

bool IsAttributionVerb(std::string_view w) {
  return OneOf(w, std::array<std::string_view, 11>{"said", "says", "announced", "reported", "added",
                                                   "stated", "noted", "explained", "confirmed",
                                                   "reports", "reported"});
}

bool IsCapitalized(std::string_view w) {
  return !w.empty() && std::isupper(static_cast<unsigned char>(w[0]));
}

// Whether pieces [from, end) name a source ("Nolly Soliman, a resident",
// "the agency's spokesman"): a name or determiner first, no auxiliary or
// clause ("said agents demand bribes", "said there was no order" are the
// main verb's clause).
bool NamesOnly(const std::vector<Piece>& p, size_t from) {
  if (from >= p.size()) return false;
  if (!IsCapitalized(p[from].text) &&
      !OneOf(Bare(p[from].text),
             std::array<std::string_view, 7>{"a", "an", "the", "his", "her", "its", "their"})) {
    return false;
  }
  constexpr std::array<std::string_view, 22> kClause = {
      "is",  "are",   "was",    "were", "will", "would", "has",  "have",  "had",   "can", "could",
      "may", "might", "should", "must", "did",  "does",  "that", "there", "which", "who", "if"};
  for (size_t i = from; i < p.size(); ++i) {
    if (OneOf(Bare(p[i].text), kClause)) return false;
  }
  return true;
}

// Whether pieces [from, end) are a source in plain words ("officials",
// "the National Emergency Commission"): no punctuation, conjunction or
// auxiliary among them.
bool IsPlainSource(const std::vector<Piece>& p, size_t from, size_t end) {
  constexpr std::array<std::string_view, 24> kNotSource = {
      "and",  "but",   "while", "as",   "because", "although", "when",  "after",
      "been", "be",    "being", "not",  "was",     "were",     "is",    "are",
      "will", "would", "has",   "have", "had",     "can",      "could", "should"};
  for (size_t i = from; i < end; ++i) {
    if (TrailingPunctuation(p[i].text) > 0 || OneOf(Bare(p[i].text), kNotSource)) return false;
  }
  return true;
}

// "..., officials said Friday." / "..., said X, a Y." / "..., according to X."
void RemoveTrailingAttribution(std::string_view text, const std::vector<Piece>& p, size_t from,
                               std::vector<ByteSpan>* removed) {
  if (p.size() < from + 8 || text.back() != '.') return;
  std::vector<size_t> commas;  // pieces ending in a comma
  for (size_t i = from; i + 1 < p.size(); ++i) {
    if (p[i].text.back() == ',') commas.push_back(i);
  }
  for (size_t c = commas.size() > 2 ? commas.size() - 2 : 0; c < commas.size(); ++c) {
    const size_t k = commas[c];
    const size_t words = p.size() - k - 1;
    if (k - from + 1 < 6 || words < 2 || words > 12) continue;
    const std::string_view clause = text.substr(p[k + 1].begin);
    if (HasQuote(clause) || HasQuote(text.substr(0, p[k].end))) return;
    size_t j = p.size() - 1;  // the clause's last word before trailing time words
    while (j > k + 1 && (OneOf(Bare(p[j].text), kWeekdays) || OneOf(Bare(p[j].text), kDayParts) ||
                         Bare(p[j].text) == "today" || Bare(p[j].text) == "yesterday")) {
      --j;
    }
    const std::string_view first = p[k + 1].text, last = Bare(p[j].text);
    // "said Nolly Soliman, a resident": what follows the verb names a source
    // and states nothing ("..., said there was no order" is the main verb of
    // an earlier subject, not an attribution).
    const bool verb_first =
        IsAttributionVerb(Bare(first)) && first == Bare(first) && NamesOnly(p, k + 2);
    const bool according = first == "according" && p[k + 2].text == "to";
    // "officials said" after a comma, its source a few plain words: not "no
    // deaths have been reported", "..., and police said" (a statement of its
    // own) nor "..., one of two boxes, should tell investigators if ..., he
    // said" (the main verb of the sentence).
    const size_t verb = last == "reporters" && p[j - 1].text == "told" ? j - 1 : j;
    const bool verb_last = verb > k + 1 && verb - k - 1 <= 6 &&
                           (verb < j || IsAttributionVerb(last)) && IsPlainSource(p, k + 1, verb);
    if (verb_first || according || verb_last) {
      removed->push_back({p[k].end - 1, static_cast<uint32_t>(text.size() - 1)});
      return;
    }
  }
}

// Whether `w` is likely the verb that follows a sentence's subject ("said",
// "has", "resigned"): auxiliaries, common news verbs, and past forms in -ed.
bool IsLikelyVerb(std::string_view w) {
  constexpr std::array<std::string_view, 44> kVerbs = {
      "is",    "are",    "was",     "were",  "will",   "would", "has",      "have",   "had",
      "can",   "could",  "may",     "might", "should", "must",  "did",      "does",   "said",
      "says",  "told",   "tells",   "wrote", "writes", "made",  "makes",    "became", "won",
      "lost",  "led",    "leads",   "left",  "met",    "took",  "takes",    "gave",   "sent",
      "spoke", "thinks", "thought", "wants", "plans",  "hopes", "believes", "knew"};
  if (OneOf(w, kVerbs)) return true;
  constexpr std::array<std::string_view, 4> kNotVerbs = {"hundred", "speed", "breed", "greed"};
  return w.size() > 4 && w.ends_with("ed") && !OneOf(w, kNotVerbs) &&
         std::all_of(w.begin(), w.end(),
                     [](char c) { return std::islower(static_cast<unsigned char>(c)); });
}

// Whether pieces [first, last] add a side fact about the name before them:
// a participle phrase ("elected in December", "appearing with Clinton") or a
// non-restrictive relative clause ("who heads that party"). An apposition
// ("a former minister") is not: it says who the person is.
bool IsSideFact(const std::vector<Piece>& p, size_t first, size_t last) {
  if (last - first > 11 || first == last) return false;
  const std::string_view head = Bare(p[first].text);
  const bool relative = head == "who" || head == "whose";
  const bool participle = head.size() > 4 && (head.ends_with("ed") || head.ends_with("ing"));
  if (!relative && !participle) return false;
  for (size_t i = first; i <= last; ++i) {
    if (HasQuote(p[i].text) || p[i].text.find('(') != std::string_view::npos) return false;
    // A finite verb inside makes it a statement of its own, unless it is the
    // relative clause's.
    const std::string_view w = Bare(p[i].text);
    if (!relative && i > first && IsLikelyVerb(w) && !w.ends_with("ed")) return false;
  }
  return true;
}

// Index of the first piece of the subject after an opening adverbial
// ("In Nairobi, ..." / "Jailed and beaten, ..."): a comma there closes the
// adverbial, not a name's apposition.
size_t AfterOpeningAdverbial(const std::vector<Piece>& p, size_t from) {
  const std::string_view first = Bare(p[from].text);
  constexpr std::array<std::string_view, 16> kPrepositions = {
      "In",    "At",     "On",    "After", "Before",  "During", "Despite", "For",
      "Since", "Unlike", "Under", "With",  "Without", "As",     "Like",    "From"};
  const bool adverbial = OneOf(first, kPrepositions) || first.ends_with("ed") ||
                         first.ends_with("ing") || first.ends_with("ly");
  if (!adverbial) return from;
  for (size_t i = from; i < p.size(); ++i) {
    if (TrailingPunctuation(p[i].text) > 0) return i + 1;
  }
  return p.size();
}

// ", who heads the party, " / ", courting voters, " between a name and its
// verb: "Lamberto Dini, who heads that party, said" -> "Lamberto Dini said".
void RemoveSideFacts(const std::vector<Piece>& p, size_t from, std::vector<ByteSpan>* removed) {
  for (size_t i = AfterOpeningAdverbial(p, from); i + 2 < p.size(); ++i) {
    if (p[i].text.back() != ',' || TrailingPunctuation(p[i].text) != 1 || !IsCapitalized(p[i].text))
      continue;
    // The name must not itself be an apposition ("her husband, Paul, a
    // nurse, have"): the word before it is not a comma's.
    size_t name = i;
    while (name > from && IsCapitalized(p[name - 1].text) &&
           TrailingPunctuation(p[name - 1].text) == 0)
      --name;
    if (name > from && p[name - 1].text.back() == ',') continue;
    // One or two comma-closed side facts.
    size_t end = i;
    for (size_t j = i + 1, segments = 0; j < p.size() && segments < 2; ++j) {
      if (TrailingPunctuation(p[j].text) == 0) continue;
      if (p[j].text.back() != ',' || TrailingPunctuation(p[j].text) != 1 ||
          !IsSideFact(p, end + 1, j))
        break;
      end = j;
      ++segments;
      if (j + 1 < p.size() && IsLikelyVerb(p[j + 1].text)) {
        removed->push_back({p[i].end - 1, p[end].end});
        i = end;
        break;
      }
    }
  }
}

// Pieces of an opening prepositional phrase closed by a comma ("In a
// televised address, ", "After a day of fighting, "), 0 when there is none
// or its comma may be a list's ("In Paris, London and Rome, ...").
size_t OpeningPhraseLength(const std::vector<Piece>& p, size_t from) {
  constexpr std::array<std::string_view, 12> kPrepositions = {
      "In",   "At",      "After", "Before",    "During", "By",
      "With", "Despite", "Amid",  "Following", "Under",  "Over"};
  if (from >= p.size() || !OneOf(p[from].text, kPrepositions)) return 0;
  for (size_t i = from + 1; i < p.size() && i <= from + 8; ++i) {
    if (TrailingPunctuation(p[i].text) == 0) {
      if (OneOf(p[i].text, std::array<std::string_view, 2>{"and", "or"}) || HasQuote(p[i].text))
        return 0;
      continue;
    }
    if (p[i].text.back() != ',' || TrailingPunctuation(p[i].text) != 1 || i + 1 >= p.size())
      return 0;
    // What follows opens a subject, not a list's next item nor an apposition
    // of the phrase ("By one vote, a defector from its own ranks, ...").
    for (size_t j = i + 1; j < p.size() && j <= i + 6; ++j) {
      if (OneOf(p[j].text, std::array<std::string_view, 2>{"and", "or"})) return 0;
      if (TrailingPunctuation(p[j].text) == 0) continue;
      if (p[j].text.back() == ',' && std::islower(static_cast<unsigned char>(p[i + 1].text[0])))
        return 0;
      break;
    }
    return i + 1 - from;
  }
  return 0;
}

}  // namespace

bool IsRemoved(const std::vector<ByteSpan>& removed, uint32_t offset) {
  auto it = std::upper_bound(removed.begin(), removed.end(), ByteSpan{offset, UINT32_MAX});
  return it != removed.begin() && offset < std::prev(it)->second;
}

namespace {

// `text` without the `removed` ranges, spaces and punctuation tidied, or an
// empty text when fewer than `min_words` words would remain. Sorts `removed`.
CompressedSentence Render(std::string_view text, std::vector<ByteSpan>* removed,
                          uint32_t min_words) {
  // Merge overlapping ranges, then rebuild the text with single spaces.
  std::sort(removed->begin(), removed->end());
  std::vector<ByteSpan> merged;
  merged.reserve(removed->size());
  for (const ByteSpan& r : *removed) {
    if (!merged.empty() && r.first <= merged.back().second) {
      merged.back().second = std::max(merged.back().second, r.second);
    } else {
      merged.push_back(r);
    }
  }
  // The kept bytes are read in place, range by range (not copied out first).
  size_t kept_size = text.size();
  for (const ByteSpan& r : merged) kept_size -= r.second - r.first;
  // Written by index into a string of the kept size (a byte kept adds at
  // most one), cut to its length at the end.
  std::string tidy(kept_size, '\0');
  size_t len = 0;
  size_t k = 0;  // index among the kept bytes
  const auto tidy_up = [&](std::string_view kept) {
    for (const char c : kept) {
      const bool last = ++k == kept_size;
      const char back = len > 0 ? tidy[len - 1] : '\0';
      if (c == ' ' && (len == 0 || back == ' ')) continue;
      if ((c == ',' || c == '.') && back == ' ') {
        --len;
        if (c == ',' && len > 0 && tidy[len - 1] == ',') continue;
        if (c == '.' && last && len > 0 && tidy[len - 1] == '.') continue;  // "Corp.."
      } else {
        if (c == ',' && back == ',') continue;
        if (c == '.' && last && back == '.') continue;
      }
      tidy[len++] = c;
    }
  };
  uint32_t pos = 0;
  for (const ByteSpan& r : merged) {
    tidy_up(text.substr(pos, r.first - pos));
    pos = r.second;
  }
  tidy_up(text.substr(pos));
  tidy.resize(len);
  while (!tidy.empty() && tidy.back() == ' ') tidy.pop_back();
  if (!tidy.empty()) tidy[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(tidy[0])));
  // Pieces counted as Pieces(tidy) would cut them, without building them.
  uint32_t words = 0;
  for (size_t k = 0; k < tidy.size();) {
    while (k < tidy.size() && tidy[k] == ' ') ++k;
    const size_t begin = k;
    while (k < tidy.size() && tidy[k] != ' ') ++k;
    if (k > begin) words += k - begin > 1 || std::isalnum(tidy[begin]);
  }
  if (words < min_words || tidy == text) return {};
  return {std::move(tidy), std::move(merged)};
}

}  // namespace

std::vector<CompressedSentence> CompressSentence(std::string_view text, uint32_t min_words) {
  const std::vector<Piece> p = Pieces(text);
  std::vector<ByteSpan> light;
  size_t start = DatelineEnd(p);
  for (size_t n; (n = ConnectiveLength(p, start)) > 0 || (n = LeadingDayLength(p, start)) > 0;)
    start += n;
  if (start >= p.size()) return {};
  if (start > 0) light.push_back({0, p[start].begin});
  RemoveWeekdays(p, start, &light);
  RemoveParentheticals(text, &light);
  RemoveAges(p, &light);
  RemoveTrailingAttribution(text, p, start, &light);

  std::vector<ByteSpan> optional;  // each a deletion of its own
  if (const size_t n = OpeningPhraseLength(p, start); n > 0 && start + n < p.size()) {
    optional.push_back({p[start].begin, p[start + n].begin});
    start += n;
  }
  RemoveSideFacts(p, start, &optional);

  // Light; light and each optional deletion; light and all of them.
  std::vector<CompressedSentence> variants;
  std::vector<ByteSpan> removed;  // one choice's deletions, reused
  const auto add_variant = [&](std::span<const ByteSpan> extra) {
    removed.assign(light.begin(), light.end());
    removed.insert(removed.end(), extra.begin(), extra.end());
    if (removed.empty()) return;
    CompressedSentence c = Render(text, &removed, min_words);
    if (c.text.empty()) return;
    if (std::none_of(variants.begin(), variants.end(),
                     [&](const CompressedSentence& v) { return v.text == c.text; })) {
      variants.push_back(std::move(c));
    }
  };
  add_variant({});
  for (const ByteSpan& span : optional) add_variant({&span, 1});
  if (optional.size() > 1) add_variant(optional);
  return variants;
}

}  // namespace chorus
