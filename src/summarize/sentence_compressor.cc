#include "summarize/sentence_compressor.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <span>

#include "summarize/clause_deletions.h"
#include "summarize/sentence_pieces.h"

namespace chorus {
namespace {

using compression::Bare;
using compression::HasQuote;
using compression::IsTrailingPunctuation;
using compression::kDayParts;
using compression::kWeekdays;
using compression::OneOf;
using compression::Piece;
using compression::Pieces;
using compression::TrailingPunctuation;

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
    // Every word sought ends in "y" ("...day") or "t" ("tonight"): a cheap
    // test that rejects almost every piece before the list look-ups, read
    // off the piece's last byte unless punctuation follows the word.
    const char end = p[i].text.back();
    if (end != 'y' && end != 't' && !IsTrailingPunctuation(end)) continue;
    const std::string_view bare = Bare(p[i].text);
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
      // Bytes other than space, comma and period are kept as they are (the
      // rules below would keep them too, after reading the byte before).
      if (c != ' ' && c != ',' && c != '.') {
        ++k;
        tidy[len++] = c;
        continue;
      }
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
  compression::RemoveTrailingAttribution(text, p, start, &light);

  std::vector<ByteSpan> optional;  // each a deletion of its own
  if (const size_t n = OpeningPhraseLength(p, start); n > 0 && start + n < p.size()) {
    optional.push_back({p[start].begin, p[start + n].begin});
    start += n;
  }
  compression::RemoveSideFacts(p, start, &optional);

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
