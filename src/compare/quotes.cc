#include "compare/quotes.h"

#include <algorithm>
#include <map>
#include <string_view>
#include <unordered_map>

#include "base/disjoint_sets.h"
#include "base/sorted_sets.h"
#include "chorus/tokenizer.h"

namespace chorus::compare {
namespace {

bool IsSpeechVerb(std::string_view w) {
  static constexpr std::string_view kVerbs[] = {
      "said",      "says",      "say",       "told",     "tells",     "added",     "adds",
      "stated",    "declared",  "stressed",  "noted",    "wrote",     "writes",    "tweeted",
      "warned",    "explained", "exclaimed", "insisted", "asked",     "shouted",   "announced",
      "argued",    "claimed",   "urged",     "replied",  "continued", "recalled",  "acknowledged",
      "admitted",  "cautioned", "commented", "remarked", "chanted",   "yelled",    "posted",
      "read",      "reads",     "stressing", "saying",   "adding",    "telling",   "warning",
      "declaring", "insisting", "asserted",  "vowed",    "promised",  "responded", "contended"};
  for (std::string_view v : kVerbs) {
    if (w == v) return true;
  }
  return false;
}

bool IsPersonalPronoun(std::string_view w) { return w == "he" || w == "she"; }

// Quote marks: kind 1 opens, 2 closes, 3 toggles (straight quote).
int MarkAt(std::string_view s, size_t i, size_t* width) {
  *width = 1;
  if (s[i] == '"') return 3;
  // Every other mark is UTF-8 starting with one of these two bytes; this
  // runs for every byte of every sentence.
  if (s[i] != '\xE2' && s[i] != '\xC2') return 0;
  if (s.compare(i, 3, "\xE2\x80\x9C") == 0 || s.compare(i, 3, "\xE2\x80\x9E") == 0) {
    *width = 3;
    return 1;
  }
  if (s.compare(i, 3, "\xE2\x80\x9D") == 0) {
    *width = 3;
    return 2;
  }
  if (s.compare(i, 2, "\xC2\xAB") == 0) {
    *width = 2;
    return 1;
  }
  if (s.compare(i, 2, "\xC2\xBB") == 0) {
    *width = 2;
    return 2;
  }
  return 0;
}

class DocumentQuotes {
 public:
  DocumentQuotes(const AnalyzedCluster& cluster, const EntityAnalysis& entities, uint32_t doc,
                 uint32_t min_words, std::vector<QuoteMention>* out)
      : cluster_(cluster), entities_(entities), doc_(doc), min_words_(min_words), out_(out) {}

  void Scan() {
    const uint32_t first = cluster_.doc_first_sentence[doc_];
    const uint32_t last = cluster_.doc_first_sentence[doc_ + 1];
    bool open = false;
    uint32_t open_sentence = 0, open_offset = 0;
    std::string pieces;
    for (uint32_t s = first; s < last; ++s) {
      const Sentence& sent = cluster_.sentences[s].sentence;
      if (open && s > first && sent.paragraph != cluster_.sentences[s - 1].sentence.paragraph) {
        open = false;  // an unclosed quote does not run past its paragraph
        pieces.clear();
      }
      std::string_view text = sent.text;
      size_t start = 0;
      for (size_t i = 0; i < text.size();) {
        size_t width = 1;
        const int mark = MarkAt(text, i, &width);
        if (mark == 1 || (mark == 3 && !open)) {
          open = true;
          open_sentence = s;
          open_offset = static_cast<uint32_t>(i);
          start = i + width;
          pieces.clear();
        } else if ((mark == 2 || mark == 3) && open) {
          pieces.append(text.substr(start, i - start));
          Finish(pieces, open_sentence, open_offset, s, static_cast<uint32_t>(i + width));
          open = false;
          pieces.clear();
        }
        i += width;
      }
      if (open) {
        pieces.append(text.substr(start));
        pieces.push_back(' ');
      }
    }
  }

 private:
  void Finish(const std::string& raw, uint32_t open_sentence, uint32_t open_offset,
              uint32_t close_sentence, uint32_t close_offset) {
    static const Tokenizer kWords(TokenizerOptions{.stem = false});
    QuoteMention q;
    q.sentence = open_sentence;
    size_t b = 0, e = raw.size();
    while (b < e && (raw[b] == ' ' || raw[b] == ',')) ++b;
    while (e > b && (raw[e - 1] == ' ' || raw[e - 1] == ',')) --e;
    q.text = raw.substr(b, e - b);
    // Matched on content words: long quotes share many function words.
    for (const Token& t : kWords.Tokenize(q.text)) {
      ++q.word_count;
      if (!t.stopword) q.words.push_back(t.norm_id);
    }
    if (q.word_count < min_words_ || q.words.empty()) return;
    std::sort(q.words.begin(), q.words.end());
    q.words.erase(std::unique(q.words.begin(), q.words.end()), q.words.end());
    if (!AfterQuote(close_sentence, close_offset, &q) &&
        !BeforeQuote(open_sentence, open_offset, &q) &&
        !AccordingTo(close_sentence, close_offset, &q) && !AccordingTo(open_sentence, 0, &q) &&
        open_offset == 0) {
      PreviousSentence(open_sentence, &q);
    }
    out_->push_back(std::move(q));
  }

  const std::vector<Token>& Tokens(uint32_t s) const { return cluster_.sentences[s].tokens; }

  // The entity named within [begin, end) of sentence s (the last one).
  int64_t EntityIn(uint32_t s, uint32_t begin, uint32_t end) const {
    int64_t found = -1;
    for (const EntitySpan& span : entities_.by_sentence[s]) {
      if (span.begin >= begin && span.end <= end) found = span.entity;
    }
    return found;
  }

  // The last person named in this document before (s, offset).
  int64_t LastPerson(uint32_t s, uint32_t offset) const {
    const uint32_t first = cluster_.doc_first_sentence[doc_];
    for (int64_t k = s; k >= static_cast<int64_t>(first); --k) {
      const auto& spans = entities_.by_sentence[static_cast<size_t>(k)];
      for (auto it = spans.rbegin(); it != spans.rend(); ++it) {
        if (static_cast<uint32_t>(k) == s && it->end > offset) continue;
        if (entities_.entities[it->entity].type == EntityType::kPerson) return it->entity;
      }
    }
    return -1;
  }

  // Sets the speaker from tokens [b, e) of sentence s: an entity, a pronoun
  // resolved to the last person, or the words as written.
  bool SetSpeaker(uint32_t s, size_t b, size_t e, QuoteMention* q) const {
    const auto& tokens = Tokens(s);
    if (b >= e || e - b > 8) return false;
    const int64_t entity = EntityIn(s, tokens[b].begin, tokens[e - 1].end);
    if (entity >= 0) {
      q->speaker_entity = entity;
      return true;
    }
    if (e - b == 1 && IsPersonalPronoun(tokens[b].norm)) {
      q->speaker_entity = LastPerson(s, tokens[b].begin);
      return q->speaker_entity >= 0;
    }
    if (e - b == 1 && tokens[b].stopword) return false;  // "they said", "I said"
    const std::string& text = cluster_.sentences[s].sentence.text;
    q->speaker_text = text.substr(tokens[b].begin, tokens[e - 1].end - tokens[b].begin);
    return true;
  }

  // `"...," X said` and `"...," said X`.
  bool AfterQuote(uint32_t s, uint32_t offset, QuoteMention* q) const {
    const auto& tokens = Tokens(s);
    size_t first = 0;
    while (first < tokens.size() && tokens[first].begin < offset) ++first;
    for (size_t v = first; v < tokens.size() && v < first + 7; ++v) {
      if (!IsSpeechVerb(tokens[v].norm)) continue;
      if (v > first) return SetSpeaker(s, first, v, q);
      size_t e = v + 1;  // "said X": the name after the verb
      while (e < tokens.size() && e < v + 6 && !tokens[e].stopword) ++e;
      return SetSpeaker(s, v + 1, e, q);
    }
    return false;
  }

  // `X said: "..."`, `X told reporters, "..."`.
  bool BeforeQuote(uint32_t s, uint32_t offset, QuoteMention* q) const {
    const auto& tokens = Tokens(s);
    size_t end = 0;
    while (end < tokens.size() && tokens[end].end <= offset) ++end;
    for (size_t k = end; k > 0 && k + 6 > end; --k) {
      const size_t v = k - 1;
      if (!IsSpeechVerb(tokens[v].norm)) continue;
      const int64_t entity = EntityIn(s, 0, tokens[v].begin);
      if (entity >= 0) {
        q->speaker_entity = entity;
        return true;
      }
      size_t b = v;
      while (b > 0 && v - b < 6 && !tokens[b - 1].stopword) --b;
      if (b == v && v > 0 && IsPersonalPronoun(tokens[v - 1].norm)) b = v - 1;
      return SetSpeaker(s, b, v, q);
    }
    return false;
  }

  // "according to X" outside the quote, from `offset` on.
  bool AccordingTo(uint32_t s, uint32_t offset, QuoteMention* q) const {
    const auto& tokens = Tokens(s);
    for (size_t k = 0; k + 2 < tokens.size(); ++k) {
      if (tokens[k].begin < offset || tokens[k].norm != "according" || tokens[k + 1].norm != "to") {
        continue;
      }
      const int64_t entity = EntityIn(s, tokens[k + 2].begin, static_cast<uint32_t>(-1));
      if (entity >= 0) {
        q->speaker_entity = entity;
        return true;
      }
    }
    return false;
  }

  // A sentence that is only the quote, after "X said ..." or "X said:".
  void PreviousSentence(uint32_t s, QuoteMention* q) const {
    if (s == cluster_.doc_first_sentence[doc_]) return;
    const uint32_t p = s - 1;
    const auto& tokens = Tokens(p);
    const std::string& text = cluster_.sentences[p].sentence.text;
    const bool colon = !text.empty() && text.back() == ':';
    for (size_t v = 0; v < tokens.size(); ++v) {
      if (!colon && !IsSpeechVerb(tokens[v].norm)) continue;
      const uint32_t limit = colon ? static_cast<uint32_t>(text.size()) : tokens[v].begin;
      for (auto it = entities_.by_sentence[p].rbegin(); it != entities_.by_sentence[p].rend();
           ++it) {
        if (it->end <= limit && entities_.entities[it->entity].type == EntityType::kPerson) {
          q->speaker_entity = it->entity;
          return;
        }
      }
      if (v > 0 && IsPersonalPronoun(tokens[v - 1].norm)) {
        q->speaker_entity = LastPerson(p, tokens[v - 1].begin);
      }
      return;
    }
  }

  const AnalyzedCluster& cluster_;
  const EntityAnalysis& entities_;
  uint32_t doc_;
  uint32_t min_words_;
  std::vector<QuoteMention>* out_;
};

}  // namespace

std::vector<QuoteMention> ExtractQuotes(const AnalyzedCluster& cluster,
                                        const EntityAnalysis& entities, uint32_t min_words) {
  // Words are numbered in the cluster's vocabulary, so that quotes compare
  // integers, and the ids mean the words the cluster's tokens mean.
  const TokenScope scope(cluster.vocabulary);
  std::vector<QuoteMention> quotes;
  for (uint32_t d = 0; d < cluster.documents.size(); ++d) {
    DocumentQuotes(cluster, entities, d, min_words, &quotes).Scan();
  }
  return quotes;
}

double QuoteOverlap(const QuoteMention& a, const QuoteMention& b) {
  const size_t smaller = std::min(a.words.size(), b.words.size());
  if (smaller == 0) return 0;
  const size_t common = SharedCount(a.words, b.words);
  // Two content words in common are coincidence, not the same quotation.
  if (common < std::min<size_t>(3, smaller)) return 0;
  return static_cast<double>(common) / static_cast<double>(smaller);
}

// Words of `quote` a pair reaching `min_overlap` with a longer (or equally
// long) quote must share one of: all but need-1 of its rarest, where need is
// the fewest shared words that reach it.
size_t PrefixLength(size_t words, double min_overlap) {
  for (size_t need = 1; need <= words; ++need) {
    if (need >= std::min<size_t>(3, words) &&
        static_cast<double>(need) / static_cast<double>(words) >= min_overlap) {
      return words - need + 1;
    }
  }
  return 0;
}

std::vector<std::vector<size_t>> SameQuotes(const std::vector<QuoteMention>& quotes,
                                            double min_overlap, PairBudget* budget) {
  const size_t n = quotes.size();
  DisjointSets sets(n);
  // A quote repeated word for word joins its first telling; only first
  // tellings are indexed and looked up.
  std::map<std::vector<uint32_t>, size_t> first_telling;
  std::vector<size_t> distinct;
  for (size_t q = 0; q < n; ++q) {
    if (quotes[q].words.empty()) continue;
    auto [it, inserted] = first_telling.emplace(quotes[q].words, q);
    if (inserted) {
      distinct.push_back(q);
    } else if (QuoteOverlap(quotes[q], quotes[it->second]) >= min_overlap) {
      sets.Union(it->second, q);
    }
  }
  // Postings, numbered by first use; each quote's words (as those numbers)
  // rarest first.
  std::unordered_map<uint32_t, uint32_t> posting_of;  // word -> its postings
  std::vector<std::vector<uint32_t>> words(n);
  std::vector<std::vector<uint32_t>> postings;
  for (size_t q : distinct) {
    for (uint32_t w : quotes[q].words) {
      auto [it, inserted] = posting_of.emplace(w, static_cast<uint32_t>(postings.size()));
      if (inserted) postings.emplace_back();
      postings[it->second].push_back(static_cast<uint32_t>(q));
      words[q].push_back(it->second);
    }
  }
  for (size_t q : distinct) {
    std::sort(words[q].begin(), words[q].end(), [&](uint32_t a, uint32_t b) {
      return postings[a].size() != postings[b].size() ? postings[a].size() < postings[b].size()
                                                      : a < b;
    });
  }
  std::vector<size_t> seen_by(n, SIZE_MAX);
  for (size_t a : distinct) {
    const size_t size_a = quotes[a].words.size();
    const size_t prefix = PrefixLength(size_a, min_overlap);
    for (size_t k = 0; k < prefix; ++k) {
      const std::vector<uint32_t>& with = postings[words[a][k]];
      if (!budget->Take(with.size())) break;
      for (uint32_t b : with) {
        const size_t size_b = quotes[b].words.size();
        // Each pair is looked up from its shorter quote (the lower index of two alike).
        if (b == a || size_b < size_a || (size_b == size_a && b < a) || seen_by[b] == a) continue;
        seen_by[b] = a;
        if (sets.Find(a) == sets.Find(b)) continue;
        if (QuoteOverlap(quotes[a], quotes[b]) >= min_overlap) sets.Union(a, b);
      }
    }
    if (budget->spent()) break;
  }
  return sets.Sets();
}

}  // namespace chorus::compare
