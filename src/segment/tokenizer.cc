#include "chorus/tokenizer.h"

#include <libstemmer.h>
#include <utf8proc.h>

#include <array>
#include <cstdlib>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "segment/vocabulary.h"
#include "segment/word_cache.h"

namespace chorus {
namespace embedded {
extern const std::string_view kStopwords;
}  // namespace embedded

namespace {

// Parsed once: the compiled-in stopword list.
const std::unordered_set<std::string_view>& Stopwords() {
  static const auto* set = [] {
    auto* s = new std::unordered_set<std::string_view>();
    std::string_view data = embedded::kStopwords;
    while (!data.empty()) {
      size_t nl = data.find('\n');
      std::string_view line = data.substr(0, nl);
      data = nl == std::string_view::npos ? std::string_view() : data.substr(nl + 1);
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
      if (!line.empty() && line[0] != '#') s->insert(line);
    }
    return s;
  }();
  return *set;
}

// libstemmer instances are not thread-safe: one per thread, with a cache of
// stems because news text repeats its words heavily (the cache turns the
// stemmer's ~100 ns per word into a hash lookup).
class ThreadStemmer {
 public:
  ThreadStemmer() : stemmer_(sb_stemmer_new("porter", nullptr), &sb_stemmer_delete) {}

  const std::string& Stem(std::string_view word) {
    auto it = cache_.find(word);
    if (it != cache_.end()) return it->second;
    if (cache_.size() > kMaxCache) cache_.clear();
    return cache_.emplace(std::string(word), StemUncached(word)).first->second;
  }

  // For callers with their own cache (the Tokenizer's word cache).
  std::string StemUncached(std::string_view word) {
    const sb_symbol* out =
        sb_stemmer_stem(stemmer_.get(), reinterpret_cast<const sb_symbol*>(word.data()),
                        static_cast<int>(word.size()));
    return out ? std::string(reinterpret_cast<const char*>(out),
                             static_cast<size_t>(sb_stemmer_length(stemmer_.get())))
               : std::string(word);
  }

 private:
  static constexpr size_t kMaxCache = 1 << 18;
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unique_ptr<sb_stemmer, decltype(&sb_stemmer_delete)> stemmer_;
  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> cache_;
};

ThreadStemmer& Stemmer() {
  thread_local ThreadStemmer stemmer;
  return stemmer;
}

constexpr bool IsAsciiAlnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

struct CodePoint {
  int32_t value = -1;  // -1: invalid byte
  size_t width = 1;
};

CodePoint DecodeAt(std::string_view s, size_t i) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i);
  utf8proc_int32_t cp = -1;
  utf8proc_ssize_t n = utf8proc_iterate(p, static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
  if (n <= 0) return {-1, 1};
  return {cp, static_cast<size_t>(n)};
}

// Letters, digits and combining marks make up words.
bool IsWordCodePoint(int32_t cp) {
  if (cp < 0) return false;
  if (cp < 0x80) return IsAsciiAlnum(static_cast<unsigned char>(cp));
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

bool IsWordAt(std::string_view s, size_t i, size_t* width) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    *width = 1;
    return IsAsciiAlnum(c);
  }
  CodePoint cp = DecodeAt(s, i);
  *width = cp.width;
  return IsWordCodePoint(cp.value);
}

bool IsDigitAt(std::string_view s, size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; }

// Width of an apostrophe (' or ’) at i, else 0.
size_t ApostropheWidth(std::string_view s, size_t i) {
  if (s[i] == '\'') return 1;
  // Byte tests, not compare(): a memcmp call at every word's end cost ~10%.
  if (s[i] == '\xE2' && i + 2 < s.size() && s[i + 1] == '\x80' && s[i + 2] == '\x99') return 3;
  return 0;
}

// Given a word character run that ended at `i`, returns the width of a joiner
// at i that continues the token ("o'brien", "al-sadr", "5,000", "3.5",
// "u.s."), or 0.
size_t JoinerWidth(std::string_view s, size_t token_begin, size_t i) {
  if (i + 1 >= s.size()) return 0;
  size_t w = 0;
  const size_t apos = ApostropheWidth(s, i);
  if (apos > 0) return i + apos < s.size() && IsWordAt(s, i + apos, &w) ? apos : 0;
  const char c = s[i];
  if (c == '-') return IsWordAt(s, i + 1, &w) ? 1 : 0;
  if (c == ',') {  // thousands separator: digit , ddd (not followed by another digit)
    return IsDigitAt(s, i - 1) && IsDigitAt(s, i + 1) && IsDigitAt(s, i + 2) &&
                   IsDigitAt(s, i + 3) && !IsDigitAt(s, i + 4)
               ? 1
               : 0;
  }
  if (c == '.') {
    if (IsDigitAt(s, i - 1) && IsDigitAt(s, i + 1)) return 1;  // decimal
    // Dotted acronym: single letters separated by periods ("u.s.", "d.c.").
    const bool single_letter_before = i - token_begin == 1 || s[i - 2] == '.';
    const bool single_letter_after = IsAsciiAlnum(static_cast<unsigned char>(s[i + 1])) &&
                                     (i + 2 >= s.size() || s[i + 2] == '.');
    return single_letter_before && single_letter_after ? 1 : 0;
  }
  return 0;
}

bool IsAscii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

bool IsUpperAt(std::string_view s, size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  CodePoint cp = DecodeAt(s, i);
  return cp.value >= 0 && (utf8proc_category(cp.value) == UTF8PROC_CATEGORY_LU ||
                           utf8proc_category(cp.value) == UTF8PROC_CATEGORY_LT);
}

// "US", "UN", "ISIS": all upper-case, at least two letters.
bool IsAllCapsAscii(std::string_view s) {
  size_t letters = 0;
  for (unsigned char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters >= 2;
}

// One apostrophe form, so "Iraq’s" and "Iraq's" are one word.
std::string FoldApostrophes(std::string s) {
  if (s.find("\xE2\x80\x99") == std::string::npos) return s;
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 3, "\xE2\x80\x99") == 0) {
      out.push_back('\'');
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

// Everything a token carries but its offsets, from its surface bytes.
segment::WordEntry AnalyseWord(std::string_view surface, segment::Vocabulary& vocabulary) {
  segment::WordEntry e;
  e.surface = std::string(surface);
  e.capitalized = IsUpperAt(surface, 0);
  const segment::Vocabulary::Word norm =
      vocabulary.Intern(FoldApostrophes(Tokenizer::Normalize(surface)));
  e.norm = norm.text;
  e.norm_id = norm.id;
  for (char c : e.norm) e.numeric |= c >= '0' && c <= '9';
  e.stopword = Tokenizer::IsStopword(e.norm) && !IsAllCapsAscii(surface);
  return e;
}

void ComputeStem(segment::WordEntry* e, segment::Vocabulary& vocabulary) {
  std::string_view base = e->norm;
  if (base.size() > 2 && base.substr(base.size() - 2) == "'s") base.remove_suffix(2);
  if (!base.empty() && base.back() == '\'') base.remove_suffix(1);
  const segment::Vocabulary::Word stem =
      vocabulary.Intern(e->numeric ? base : std::string_view(Stemmer().StemUncached(base)));
  e->stem = stem.text;
  e->stem_id = stem.id;
  e->stemmed = true;
}

// Letters and digits: the bytes that make up ASCII words.
constexpr std::array<bool, 256> kAsciiWordByte = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = IsAsciiAlnum(static_cast<unsigned char>(c));
  return t;
}();

bool IsAsciiWordByte(char c) { return kAsciiWordByte[static_cast<unsigned char>(c)]; }

// One cache per thread: Tokenizer is shared by threads and its methods are
// const. Its entries view one vocabulary generation, so it starts over when
// the thread tokenizes into another (generation numbers, unlike addresses,
// are never reused).
segment::WordCache& ThreadWordCache(const segment::Vocabulary& vocabulary) {
  thread_local segment::WordCache cache;
  thread_local uint64_t cache_generation = 0;
  if (cache_generation != vocabulary.generation()) {
    cache.Clear();
    cache_generation = vocabulary.generation();
  }
  return cache;
}

thread_local const TokenScope* tls_scope = nullptr;

}  // namespace

TokenScope::TokenScope() : TokenScope(nullptr) {}

TokenScope::TokenScope(std::shared_ptr<const void> keep_alive) : enclosing_(tls_scope) {
  if (keep_alive != nullptr) {
    // Only TokenScope hands these out, and they always own a Vocabulary.
    generation_ = std::const_pointer_cast<segment::Vocabulary>(
        std::static_pointer_cast<const segment::Vocabulary>(std::move(keep_alive)));
  } else if (enclosing_ != nullptr) {
    generation_ = enclosing_->generation_;
  } else {
    generation_ = segment::Vocabulary::Current();
  }
  tls_scope = this;
}

TokenScope::~TokenScope() { tls_scope = enclosing_; }

segment::Vocabulary* TokenScope::Active() {
  return tls_scope != nullptr ? tls_scope->generation_.get() : nullptr;
}

Tokenizer::Tokenizer(TokenizerOptions options) : options_(options) {}

std::vector<Token> Tokenizer::Tokenize(std::string_view text) const {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 6 + 1);
  // Outside a scope, hold the current generation for the call itself.
  std::shared_ptr<segment::Vocabulary> held;
  segment::Vocabulary* vocabulary = TokenScope::Active();
  if (vocabulary == nullptr) {
    held = segment::Vocabulary::Current();
    vocabulary = held.get();
  }
  segment::WordCache& cache = ThreadWordCache(*vocabulary);
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    // Skip to the next word character; bytes >= 0x80 take the Unicode path.
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      if (!IsAsciiWordByte(text[i])) {
        ++i;
        continue;
      }
    } else {
      size_t w = 1;
      if (!IsWordAt(text, i, &w)) {
        i += w;
        continue;
      }
    }
    const size_t b = i;
    while (i < n) {
      if (IsAsciiWordByte(text[i])) {
        ++i;
        continue;
      }
      size_t w = 1;
      if (static_cast<unsigned char>(text[i]) >= 0x80 && IsWordAt(text, i, &w)) {
        i += w;
        continue;
      }
      const size_t j = JoinerWidth(text, b, i);
      if (j == 0) break;
      i += j;
    }
    // A dotted acronym keeps its final period ("u.s."), as it is part of it.
    if (i < n && text[i] == '.' && i >= 2 && text[i - 2] == '.' && i - b >= 3) ++i;
    const std::string_view surface = text.substr(b, i - b);
    segment::WordEntry* e = cache.Find(surface);
    if (e == nullptr) e = cache.Insert(AnalyseWord(surface, *vocabulary));
    // A run of default-ignorable marks (U+034F, variation selectors) passes
    // IsWordAt but normalises to nothing: not a word.
    if (e->norm_id == 0) continue;
    if (options_.stem && !e->stemmed) ComputeStem(e, *vocabulary);
    Token& t = tokens.emplace_back();
    t.norm = e->norm;
    t.norm_id = e->norm_id;
    if (options_.stem) {
      t.stem = e->stem;
      t.stem_id = e->stem_id;
    }
    t.begin = static_cast<uint32_t>(b);
    t.end = static_cast<uint32_t>(i);
    t.stopword = e->stopword;
    t.numeric = e->numeric;
    t.capitalized = e->capitalized;
  }
  // A sentence of short words outgrows the reservation and doubles it: an
  // analysed cluster holds every sentence's tokens, so give the slack back.
  if (tokens.capacity() > tokens.size() + tokens.size() / 4 + 4) tokens.shrink_to_fit();
  return tokens;
}

std::string Tokenizer::Normalize(std::string_view text) {
  if (IsAscii(text)) {
    std::string out(text);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }
  utf8proc_uint8_t* mapped = nullptr;
  const int options =
      UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE;
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                    static_cast<utf8proc_ssize_t>(text.size()), &mapped,
                                    static_cast<utf8proc_option_t>(options));
  if (n < 0) {
    // Invalid UTF-8: replace bad bytes with U+FFFD and try again.
    std::string repaired;
    for (size_t i = 0; i < text.size();) {
      CodePoint cp = DecodeAt(text, i);
      if (cp.value < 0) {
        repaired += "\xEF\xBF\xBD";
      } else {
        repaired.append(text.substr(i, cp.width));
      }
      i += cp.width;
    }
    return Normalize(repaired);
  }
  std::string out(reinterpret_cast<char*>(mapped), static_cast<size_t>(n));
  std::free(mapped);
  return out;
}

std::string Tokenizer::Stem(std::string_view normalized_word) {
  return Stemmer().Stem(normalized_word);
}

bool Tokenizer::IsStopword(std::string_view normalized_word) {
  return Stopwords().count(normalized_word) > 0;
}

}  // namespace chorus
