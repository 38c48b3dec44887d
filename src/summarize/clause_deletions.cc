#include "summarize/clause_deletions.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace chorus::compression {
namespace {

bool IsAttributionVerb(std::string_view w) {
  return OneOf(w, std::array<std::string_view, 11>{"said", "says", "announced", "reported", "added",
                                                   "stated", "noted", "explained", "confirmed",
                                                   "reports", "reported"});
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

}  // namespace

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

}  // namespace chorus::compression
