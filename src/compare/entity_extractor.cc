// Finding name mentions: capitalised token runs shaped by the entity lexicon.
#include <string_view>
#include <unordered_map>

#include "base/dates.h"
#include "compare/entities.h"

namespace chorus::compare {
namespace {

bool StartsWithLetter(std::string_view s) {
  if (s.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(s[0]);
  return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool IsAllCaps(std::string_view s) {
  size_t letters = 0;
  for (unsigned char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters >= 2;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Counts of how each word is written across the cluster, to tell names from
// common words that happen to be capitalised.
struct CaseCounts {
  // Keyed by interned token norms (stable for the life of the process).
  std::unordered_map<std::string_view, uint32_t> lower;        // written in lower case
  std::unordered_map<std::string_view, uint32_t> mid_capital;  // capitalised mid-clause
  uint32_t Lower(std::string_view w) const {
    auto it = lower.find(w);
    return it == lower.end() ? 0 : it->second;
  }
  uint32_t MidCapital(std::string_view w) const {
    auto it = mid_capital.find(w);
    return it == mid_capital.end() ? 0 : it->second;
  }
};

// One sentence being scanned for names.
class SentenceScanner {
 public:
  SentenceScanner(const AnalyzedSentence& s, uint32_t index, const EntityLexicon& lex,
                  const CaseCounts& counts, std::vector<EntityMention>* out)
      : text_(s.sentence.text),
        tokens_(s.tokens),
        index_(index),
        lex_(lex),
        counts_(counts),
        out_(out) {}

  void Scan() {
    if (IsHeadline()) return;
    size_t i = 0;
    while (i < tokens_.size()) {
      if (!Namey(i) || StopsRun(i, /*at_start=*/true)) {
        ++i;
        continue;
      }
      size_t end = i + 1;
      while (end < tokens_.size() && Adjacent(end - 1, end) &&
             (!IsPossessive(end - 1) ||  // "People's Party" goes on
              (Namey(end) && lex_.organisation_words.count(tokens_[end].norm) > 0))) {
        if (Namey(end) && !StopsRun(end, false)) {
          ++end;
        } else if (end + 1 < tokens_.size() && Adjacent(end, end + 1) && Namey(end + 1) &&
                   (IsLowerConnector(end) ||
                    (tokens_[end].norm == "of" &&
                     (lex_.organisation_words.count(tokens_[end - 1].norm) > 0 ||
                      lex_.title_words.count(tokens_[end - 1].norm) > 0)))) {
          end += 2;
        } else {
          break;
        }
      }
      EmitRun(i, end);
      i = end;
    }
  }

  // Whether token i starts a clause: the first token, or after an opening
  // quote, bracket, colon or dash.
  static bool ClauseStart(std::string_view text, const std::vector<Token>& tokens, size_t i) {
    if (i == 0) return true;
    std::string_view gap = text.substr(tokens[i - 1].end, tokens[i].begin - tokens[i - 1].end);
    for (std::string_view mark : {"\"", "\xE2\x80\x9C", "(", ":", "\xE2\x80\x94", "\xE2\x80\x94"}) {
      if (gap.find(mark) != std::string_view::npos) return true;
    }
    return false;
  }

 private:
  std::string_view Surface(size_t i) const {
    return text_.substr(tokens_[i].begin, tokens_[i].end - tokens_[i].begin);
  }

  // Title-case lines (headlines that survived as sentences) capitalise
  // everything; names cannot be told from words there.
  // Told from a name-dense sentence by its capitalised function words
  // ("Iraq Votes To Expel US Troops").
  bool IsHeadline() const {
    size_t content = 0, capital = 0, capital_function_words = 0;
    for (size_t i = 0; i < tokens_.size(); ++i) {
      const Token& t = tokens_[i];
      if (t.stopword) {
        capital_function_words += t.capitalized && !ClauseStart(text_, tokens_, i);
        continue;
      }
      if (t.numeric) continue;
      ++content;
      capital += t.capitalized;
    }
    return content >= 4 && capital_function_words > 0 && capital * 10 >= content * 6;
  }

  // "al-Sadr": an article prefix written before a capitalised name.
  bool IsArticleName(size_t i) const {
    std::string_view n = tokens_[i].norm;
    if (n.size() < 4 || n[2] != '-' || !(n.substr(0, 2) == "al" || n.substr(0, 2) == "el")) {
      return false;
    }
    std::string_view s = Surface(i);
    return s.size() > 3 && s[3] >= 'A' && s[3] <= 'Z';
  }

  bool Namey(size_t i) const {
    const Token& t = tokens_[i];
    if (t.numeric || !StartsWithLetter(Surface(i))) return false;
    return t.capitalized || IsArticleName(i);
  }

  bool IsLowerConnector(size_t i) const {
    static constexpr std::string_view kConnectors[] = {
        "bin", "ibn", "bint", "de",    "da",  "di",  "du", "von", "van", "der", "den",
        "la",  "le",  "del",  "della", "dos", "das", "al", "el",  "abd", "abu"};
    if (tokens_[i].capitalized) return false;
    for (std::string_view c : kConnectors) {
      if (tokens_[i].norm == c) return true;
    }
    return false;
  }

  bool IsPossessive(size_t i) const {
    std::string_view s = Surface(i);
    return EndsWith(s, "'s") || EndsWith(s, "\xE2\x80\x99s") || EndsWith(s, "'");
  }

  // Only spaces between the tokens, or the period of an abbreviation that
  // is part of names ("St. Aldric Hospital", "Mt. Hood").
  bool Adjacent(size_t a, size_t b) const {
    const std::string_view prev = tokens_[a].norm;
    const bool name_abbreviation = prev == "st" || prev == "mt" || prev == "ft" || prev == "jr" ||
                                   prev == "sr" || prev == "ste";
    for (uint32_t p = tokens_[a].end; p < tokens_[b].begin; ++p) {
      if (text_[p] == ' ' || (name_abbreviation && p == tokens_[a].end && text_[p] == '.'))
        continue;
      return false;
    }
    return true;
  }

  // The token's normalised form without a possessive ending.
  std::string BaseNorm(size_t i) const {
    std::string n(tokens_[i].norm);
    if (EndsWith(n, "'s"))
      n.resize(n.size() - 2);
    else if (EndsWith(n, "'"))
      n.pop_back();
    return n;
  }

  bool StopsRun(size_t i, bool at_start) const {
    const Token& t = tokens_[i];
    if (t.stopword) return true;
    const std::string base = BaseNorm(i);
    if (lex_.not_names.count(base) == 0) return false;
    if (at_start || MonthNumber(base, MonthForms::kFullNames) == 0) return true;
    return i + 1 < tokens_.size() && tokens_[i + 1].numeric;  // "May 5" is a date
  }

  // Shapes of English adverbs, verbs and plurals ("Sometimes", "Finally",
  // "Asked"): a clause-initial word with such a shape, never capitalised
  // elsewhere, is not part of the name after it.
  static bool LooksLikeWord(std::string_view norm) {
    for (std::string_view suffix : {"ly", "ing", "ed", "es"}) {
      if (norm.size() > suffix.size() + 2 && EndsWith(norm, suffix)) return true;
    }
    return false;
  }

  bool IsAdjective(const std::string& norm) const {
    if (lex_.adjectives.count(norm) > 0) return true;
    for (std::string_view suffix : {"ian", "ese", "ish", "ean", "ians"}) {
      if (norm.size() > suffix.size() + 2 && EndsWith(norm, suffix)) return true;
    }
    return false;
  }

  // Length in tokens of the person title starting at token p, 0 if none.
  size_t TitleAt(size_t p, size_t end) const {
    if (p >= end) return 0;
    const auto starting = lex_.titles_by_first_word.find(tokens_[p].norm);
    if (starting == lex_.titles_by_first_word.end()) return 0;
    size_t best = 0;
    for (uint32_t index : starting->second) {
      const std::vector<std::string>& title = lex_.person_titles[index];
      if (title.size() <= best || p + title.size() > end) continue;
      bool match = true;
      for (size_t k = 0; k < title.size() && match; ++k) {
        const Token& t = tokens_[p + k];
        match =
            t.norm == title[k] || (title[k].back() == '.' && t.end < text_.size() &&
                                   text_[t.end] == '.' && t.norm.size() + 1 == title[k].size() &&
                                   title[k].compare(0, t.norm.size(), t.norm) == 0);
      }
      if (match) best = title.size();
    }
    return best;
  }

  // Whether a lower-case title ends just before token b ("prime minister,
  // Adil Abdul Mahdi"; "cleric Moktada al-Sadr").
  bool TitledBefore(size_t b) const {
    for (size_t len = 1; len <= 3 && len <= b; ++len) {
      if (TitleAt(b - len, b) == len) return true;
    }
    return false;
  }

  void EmitRun(size_t b, size_t e) {
    const size_t run_start = b;
    while (b < e && (tokens_[b].stopword || lex_.modifiers.count(tokens_[b].norm) > 0)) ++b;
    // A clause-initial capital proves nothing: drop the word when the cluster
    // writes it in lower case elsewhere, or when it stands alone and is never
    // capitalised mid-sentence ("Despite", "Protests").
    if (b < e && ClauseStart(text_, tokens_, b) && !IsAllCaps(Surface(b)) &&
        lex_.title_words.count(tokens_[b].norm) == 0 &&
        lex_.modifiers.count(tokens_[b].norm) == 0 &&
        (counts_.Lower(tokens_[b].norm) > 0 || (counts_.MidCapital(tokens_[b].norm) == 0 &&
                                                (e - b == 1 || LooksLikeWord(tokens_[b].norm)))) &&
        !(e - b == 2 && lex_.organisation_words.count(BaseNorm(b + 1)) > 0)) {  // "Port Authority"
      ++b;
    }
    bool titled = b < e && TitledBefore(b);
    for (size_t p = b; p < e;) {
      const size_t len = TitleAt(p, e);
      if (len == 0) {
        ++p;
        continue;
      }
      p += len;
      b = p;
      titled = true;
    }
    while (b < e && (tokens_[b].stopword || !Namey(b))) ++b;  // "of Staff" after a title
    if (b >= e) return;
    if (e - b == 1) {
      const Token& t = tokens_[b];
      const bool acronym = IsAllCaps(Surface(b));
      if (IsAdjective(BaseNorm(b)) || t.norm.size() < 2) return;
      if (!acronym && !IsArticleName(b) && counts_.Lower(t.norm) > counts_.MidCapital(t.norm))
        return;
      // "Iran-backed", "U.S.-led": a compound adjective, not a name.
      std::string_view s = Surface(b);
      const size_t hyphen = s.rfind('-');
      if (hyphen != std::string_view::npos && hyphen + 1 < s.size() && s[hyphen + 1] >= 'a' &&
          s[hyphen + 1] <= 'z' && !IsArticleName(b)) {
        return;
      }
    }
    EntityMention m;
    m.sentence = index_;
    m.begin = tokens_[b].begin;
    m.end = tokens_[e - 1].end;
    std::string_view last = Surface(e - 1);
    if (EndsWith(last, "\xE2\x80\x99s"))
      m.end -= 4;
    else if (EndsWith(last, "'s"))
      m.end -= 2;
    else if (EndsWith(last, "'"))
      m.end -= 1;
    m.surface = std::string(text_.substr(m.begin, m.end - m.begin));
    std::string joined;
    bool organisation = false;
    for (size_t p = b; p < e; ++p) {
      std::string w(tokens_[p].norm);
      if (p + 1 == e && EndsWith(w, "'s")) w.resize(w.size() - 2);
      if (!joined.empty()) joined += ' ';
      joined += w;
      organisation |= lex_.organisation_words.count(w) > 0;
    }
    auto acr = lex_.acronyms.find(joined);
    if (acr != lex_.acronyms.end()) {
      m.canonical = acr->second.canonical;
      m.hint = acr->second.type;
    } else if (titled) {
      m.hint = EntityType::kPerson;
    } else if (organisation) {
      m.hint = EntityType::kOrganisation;
    } else if (auto known = lex_.known_names.find(joined); known != lex_.known_names.end()) {
      m.hint = known->second;
    } else if (e - b > 1 && lex_.place_words.count(BaseNorm(e - 1)) > 0) {
      m.hint = EntityType::kPlace;
    } else if (run_start > 0 && lex_.place_prepositions.count(tokens_[run_start - 1].norm) > 0) {
      m.hint = EntityType::kPlace;
    }
    m.titled = titled;
    m.key = MakeNameKey(m.surface);
    if (m.key.units.empty() && m.canonical.empty()) return;
    out_->push_back(std::move(m));
  }

  std::string_view text_;
  const std::vector<Token>& tokens_;
  uint32_t index_;
  const EntityLexicon& lex_;
  const CaseCounts& counts_;
  std::vector<EntityMention>* out_;
};

}  // namespace

std::vector<EntityMention> ExtractEntityMentions(const AnalyzedCluster& cluster,
                                                 const EntityLexicon& lexicon) {
  CaseCounts counts;
  for (const AnalyzedSentence& s : cluster.sentences) {
    for (size_t i = 0; i < s.tokens.size(); ++i) {
      const Token& t = s.tokens[i];
      if (t.numeric) continue;
      if (!t.capitalized) {
        ++counts.lower[t.norm];
      } else if (!SentenceScanner::ClauseStart(s.sentence.text, s.tokens, i)) {
        ++counts.mid_capital[t.norm];
      }
    }
  }
  std::vector<EntityMention> mentions;
  for (size_t i = 0; i < cluster.sentences.size(); ++i) {
    SentenceScanner(cluster.sentences[i], static_cast<uint32_t>(i), lexicon, counts, &mentions)
        .Scan();
  }
  return mentions;
}

}  // namespace chorus::compare
