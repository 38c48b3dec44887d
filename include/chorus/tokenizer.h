// Tokenizer: the one tokenizer every stage downstream of segmentation uses.
//
// A token is a maximal run of letters and digits (Unicode-aware, after NFKC
// normalisation and case folding with utf8proc), with inner apostrophes,
// hyphens, periods and commas kept where they join letters or digits
// ("o'brien", "al-sadr", "u.s.", "5,000", "3.5"). Each token carries its
// Porter stem (Snowball libstemmer's original "porter" algorithm, with a
// per-thread cache) and whether it is a stopword (the list in
// data/stopwords.txt, compiled in).
//
// A token's strings are interned: `norm` and `stem` view a shared vocabulary,
// so a token is a few words of plain data (no heap copies) and its views stay
// valid after the Tokenizer and the input text are gone, for as long as the
// vocabulary generation they live in. A TokenScope keeps that generation alive
// and makes every Tokenize call on its thread use it, so ids compare equal
// across calls (ClusterAnalyzer holds one for each AnalyzedCluster). Without a
// scope, views are valid until the process next starts a vocabulary generation
// (after ~1M new distinct words): enough for a quick look, not for keeping
// tokens while other threads tokenize. Copy a view into a std::string
// (std::string(t.norm)) only to build a new string from it.
//
//   chorus::TokenScope scope;  // optional: pins the strings the tokens view
//   chorus::Tokenizer tok;
//   for (const chorus::Token& t : tok.Tokenize("Iraq's parliament voted")) ...
//
// Thread safety: a Tokenizer is immutable after construction and may be shared
// by threads; stemming state is per thread. Copyable.
#ifndef CHORUS_TOKENIZER_H_
#define CHORUS_TOKENIZER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace chorus {
namespace segment {
class Vocabulary;
}  // namespace segment

struct Token {
  std::string_view norm;  // NFKC, case-folded form ("Iraq's" -> "iraq's"); interned
  std::string_view stem;  // Porter stem of norm with possessive 's dropped ("iraq"); interned;
                          // empty when TokenizerOptions::stem is off
  uint32_t norm_id = 0;   // vocabulary id of norm: equal ids <=> equal norms (within a TokenScope)
  uint32_t stem_id = 0;   // vocabulary id of stem, same id space; 0 <=> empty stem
  uint32_t begin = 0;     // byte offset in the input text
  uint32_t end = 0;       // one past the last byte in the input text
  bool stopword = false;  // norm is in the stopword list
  bool numeric = false;   // contains a digit ("5,000", "1998", "170-0")
  bool capitalized = false;  // first letter upper-case in the input
};

struct TokenizerOptions {
  // Compute Token::stem. Off saves ~40% of the time when only surface forms
  // are needed.
  bool stem = true;
};

// Pins one vocabulary generation: while a TokenScope is alive, Tokenize calls
// on its thread intern into that generation, and the strings their tokens view
// stay valid at least as long as the scope or a copy of keep_alive(). Scopes
// nest: an inner scope made with no argument shares the enclosing one's
// generation. Make it on the stack: it is its thread's current scope until it
// goes, so it is neither copyable nor movable.
class TokenScope {
 public:
  // The enclosing scope's generation on this thread, else the current one.
  TokenScope();
  // The generation `keep_alive` holds, so new tokens compare with those.
  // It must come from keep_alive() or AnalyzedCluster::vocabulary; nullptr
  // acts as TokenScope().
  explicit TokenScope(std::shared_ptr<const void> keep_alive);
  ~TokenScope();
  TokenScope(const TokenScope&) = delete;
  TokenScope& operator=(const TokenScope&) = delete;

  // Shares ownership of the generation: hold it beside tokens that outlive
  // the scope.
  std::shared_ptr<const void> keep_alive() const { return generation_; }

  // The innermost scope's generation on this thread, or nullptr (for the
  // Tokenizer).
  static segment::Vocabulary* Active();

 private:
  std::shared_ptr<segment::Vocabulary> generation_;
  const TokenScope* enclosing_;
};

class Tokenizer {
 public:
  explicit Tokenizer(TokenizerOptions options = {});

  std::vector<Token> Tokenize(std::string_view text) const;

  // NFKC + case folding of arbitrary text (invalid UTF-8 is replaced by
  // U+FFFD first). Exposed so callers can normalise queries and keys the same
  // way tokens are normalised.
  static std::string Normalize(std::string_view text);

  // Porter stem of an already normalised word.
  static std::string Stem(std::string_view normalized_word);

  // Whether a normalised word is a stopword.
  static bool IsStopword(std::string_view normalized_word);

 private:
  TokenizerOptions options_;
};

}  // namespace chorus

#endif  // CHORUS_TOKENIZER_H_
