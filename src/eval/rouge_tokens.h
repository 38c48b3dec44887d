// Turning ROUGE summaries into token ids, by the reading rules of
// ROUGE-1.5.5.pl (readText / readText_LCS, createNGram / tokenizeText_LCS):
//
//   1. The text is split into lines (sentences); empty lines are skipped.
//   2. -l N / -b N keep a prefix of the sentences (see TruncateSentences).
//   3. Tokens are the maximal runs of [A-Za-z0-9], ASCII-lowercased: this is
//      what the script's "s/-/ - /; s/[^A-Za-z0-9-]/ /; split; keep tokens
//      starting with [a-z0-9]" leaves.
//   4. With -s, stopwords are dropped; with -m, tokens longer than 3 bytes
//      become their exception-table base form or their Porter stem.
//   5. Each resulting string is interned to a dense uint32 id, so the hot
//      loops compare integers.
#ifndef CHORUS_SRC_EVAL_ROUGE_TOKENS_H_
#define CHORUS_SRC_EVAL_ROUGE_TOKENS_H_

#include <libstemmer.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "chorus/rouge.h"
#include "chorus/status.h"

namespace chorus::rouge {

// A summary as the scorer sees it.
struct SummaryTokens {
  // The readText view: all kept sentences, truncated by -l / -b. ROUGE-N,
  // ROUGE-S and ROUGE-L's unigram clipping use it.
  std::vector<uint32_t> flat;
  // The readText_LCS view: one token list per kept sentence, concatenated;
  // sentence k is [sentence_ends[k-1], sentence_ends[k]). It differs from
  // `flat` only under -b, where the script never advances its byte counter
  // (so whole sentences are kept until one alone exceeds the limit).
  std::vector<uint32_t> lcs;
  std::vector<uint32_t> sentence_ends;
};

// The sentences of `text`: its '\n'-separated lines, empty ones skipped
// (other whitespace is kept, as the script keeps it).
std::vector<std::string_view> SplitSentences(std::string_view text);

// Words as the script counts them for -l: Perl's split(/\s+/, $s), which
// counts a leading empty field when the sentence starts with whitespace.
int CountPerlWords(std::string_view sentence);

// The readText truncation: sentences are kept whole while
// `taken + length < limit`; the sentence that reaches the limit contributes
// only its first `limit - taken` words (or bytes) and reading stops. Returns
// the kept pieces (prefixes of the input sentences). No limit: all of them.
std::vector<std::string_view> TruncateSentences(const std::vector<std::string_view>& sentences,
                                                int word_limit, int byte_limit);

// The readText_LCS truncation: identical for -l; for -b the script forgets
// to add each sentence's length to its running total, so a sentence is cut
// only when it alone reaches the limit.
std::vector<std::string_view> TruncateSentencesForLcs(
    const std::vector<std::string_view>& sentences, int word_limit, int byte_limit);

// Maps raw tokens to ids. Owns the intern table and a cache from raw token
// to final id, so each distinct word is lowercased/stemmed once.
// Not thread-safe (the caches and the Snowball stemmer are mutable).
class TokenInterner {
 public:
  static constexpr uint32_t kDropped = UINT32_MAX;  // a removed stopword

  // Loads the embedded stopword list and exception table as `options` need.
  static Result<std::unique_ptr<TokenInterner>> Create(const RougeOptions& options);
  ~TokenInterner();
  TokenInterner(const TokenInterner&) = delete;
  TokenInterner& operator=(const TokenInterner&) = delete;

  // Appends the ids of the tokens of `piece` (one kept sentence) to `out`.
  void Tokenize(std::string_view piece, std::vector<uint32_t>* out);

  // Both views of a summary.
  void TokenizeSummary(std::string_view text, SummaryTokens* out);

  // The string of an id (for tests and debugging).
  const std::string& Text(uint32_t id) const { return strings_[id]; }
  // Number of distinct ids handed out so far.
  size_t size() const { return strings_.size(); }

  // What a lowercase raw token becomes: "" when dropped as a stopword.
  std::string Normalize(std::string_view lowercase_token);

 private:
  struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using StringMap = std::unordered_map<std::string, uint32_t, StringHash, std::equal_to<>>;

  TokenInterner(const RougeOptions& options);
  uint32_t Intern(std::string_view text);
  uint32_t IdOfRaw(std::string_view lowercase_token);

  RougeOptions options_;
  std::unordered_set<std::string, StringHash, std::equal_to<>> stopwords_;
  // inflected -> base, sorted by inflected; views into the embedded table.
  std::vector<std::pair<std::string_view, std::string_view>> exceptions_;
  sb_stemmer* snowball_ = nullptr;  // owned; only for RougeStemmer::kSnowballPorter
  StringMap ids_;                   // final string -> id
  std::vector<std::string> strings_;
  // Raw lowercase token -> id or kDropped: an open-addressing table over a
  // byte arena, because this lookup runs once per token of every summary.
  struct RawEntry {
    uint64_t hash = 0;  // 0: empty slot
    uint32_t offset = 0;
    uint32_t length = 0;
    uint32_t id = 0;
  };
  bool FindRaw(std::string_view token, uint64_t hash, uint32_t* id) const;
  void InsertRaw(std::string_view token, uint64_t hash, uint32_t id);
  std::vector<RawEntry> raw_slots_;
  size_t raw_count_ = 0;
  std::string raw_arena_;
  std::string scratch_;
};

}  // namespace chorus::rouge

#endif  // CHORUS_SRC_EVAL_ROUGE_TOKENS_H_
