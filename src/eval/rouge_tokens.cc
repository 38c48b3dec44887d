#include "eval/rouge_tokens.h"

#include <fmt/format.h>

#include <algorithm>

#include "eval/rouge_porter.h"

namespace chorus::embedded {
extern const std::string_view kRougeStopwords;
extern const std::string_view kRougeWordnetExceptions;
}  // namespace chorus::embedded

namespace chorus::rouge {
namespace {

// Perl's \s on a byte string: [ \t\n\v\f\r].
bool IsPerlSpace(char ch) {
  return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\v' || ch == '\f' || ch == '\r';
}

bool IsAsciiAlnum(char ch) {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
}

char AsciiLower(char ch) { return (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch + 32) : ch; }

// The prefix of `sentence` made of its first `k` Perl split fields.
std::string_view FirstPerlWords(std::string_view sentence, int k) {
  size_t pos = 0;
  int fields = 0;
  if (!sentence.empty() && IsPerlSpace(sentence[0])) {
    fields = 1;  // the leading empty field
    if (fields >= k) return sentence.substr(0, 0);
  }
  while (pos < sentence.size()) {
    while (pos < sentence.size() && IsPerlSpace(sentence[pos])) ++pos;
    if (pos >= sentence.size()) break;
    while (pos < sentence.size() && !IsPerlSpace(sentence[pos])) ++pos;
    if (++fields >= k) return sentence.substr(0, pos);
  }
  return sentence;
}

// Shared by both truncations; `advance_bytes` is false for the LCS view.
std::vector<std::string_view> Truncate(const std::vector<std::string_view>& sentences,
                                       int word_limit, int byte_limit, bool advance_bytes) {
  if (word_limit <= 0 && byte_limit <= 0) return sentences;
  std::vector<std::string_view> kept;
  int64_t taken = 0;
  for (std::string_view s : sentences) {
    if (word_limit > 0) {
      const int words = CountPerlWords(s);
      if (taken + words < word_limit) {
        taken += words;
        kept.push_back(s);
        continue;
      }
      kept.push_back(FirstPerlWords(s, static_cast<int>(word_limit - taken)));
      break;
    }
    const int64_t bytes = static_cast<int64_t>(s.size());
    if (taken + bytes < byte_limit) {
      if (advance_bytes) taken += bytes;
      kept.push_back(s);
      continue;
    }
    kept.push_back(s.substr(0, static_cast<size_t>(byte_limit - taken)));
    break;
  }
  return kept;
}

}  // namespace

std::vector<std::string_view> SplitSentences(std::string_view text) {
  std::vector<std::string_view> sentences;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) sentences.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return sentences;
}

int CountPerlWords(std::string_view sentence) {
  int words = 0;
  size_t pos = 0;
  while (pos < sentence.size()) {
    while (pos < sentence.size() && IsPerlSpace(sentence[pos])) ++pos;
    if (pos >= sentence.size()) break;
    ++words;
    while (pos < sentence.size() && !IsPerlSpace(sentence[pos])) ++pos;
  }
  // split keeps a leading empty field, but drops it with the trailing ones
  // when there is no word at all.
  if (words > 0 && IsPerlSpace(sentence[0])) ++words;
  return words;
}

std::vector<std::string_view> TruncateSentences(const std::vector<std::string_view>& sentences,
                                                int word_limit, int byte_limit) {
  return Truncate(sentences, word_limit, byte_limit, /*advance_bytes=*/true);
}

std::vector<std::string_view> TruncateSentencesForLcs(
    const std::vector<std::string_view>& sentences, int word_limit, int byte_limit) {
  return Truncate(sentences, word_limit, byte_limit, /*advance_bytes=*/false);
}

// ---------------------------------------------------------------------------

TokenInterner::TokenInterner(const RougeOptions& options) : options_(options) {}

TokenInterner::~TokenInterner() {
  if (snowball_ != nullptr) sb_stemmer_delete(snowball_);
}

Result<std::unique_ptr<TokenInterner>> TokenInterner::Create(const RougeOptions& options) {
  std::unique_ptr<TokenInterner> interner(new TokenInterner(options));
  if (options.remove_stopwords) {
    for (std::string_view line : SplitSentences(embedded::kRougeStopwords)) {
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      interner->stopwords_.emplace(line);
    }
  }
  if (options.stem) {
    int line_number = 0;
    for (std::string_view line : SplitSentences(embedded::kRougeWordnetExceptions)) {
      ++line_number;
      const size_t tab = line.find('\t');
      if (tab == std::string_view::npos) {
        return InternalError(fmt::format(
            "embedded wordnet-2.0-exceptions.tsv:{}: expected 'inflected<TAB>base'", line_number));
      }
      std::string_view base = line.substr(tab + 1);
      if (!base.empty() && base.back() == '\r') base.remove_suffix(1);
      interner->exceptions_.emplace_back(line.substr(0, tab), base);
    }
    // The shipped table is already sorted; sorting is only a safeguard.
    if (!std::is_sorted(interner->exceptions_.begin(), interner->exceptions_.end())) {
      std::sort(interner->exceptions_.begin(), interner->exceptions_.end());
    }
    if (options.stemmer == RougeStemmer::kSnowballPorter) {
      interner->snowball_ = sb_stemmer_new("porter", nullptr);
      if (interner->snowball_ == nullptr) {
        return InternalError("libstemmer has no 'porter' algorithm");
      }
    }
  }
  return interner;
}

std::string TokenInterner::Normalize(std::string_view token) {
  if (options_.remove_stopwords && stopwords_.find(token) != stopwords_.end()) return "";
  if (!options_.stem || token.size() <= 3) return std::string(token);
  auto it = std::lower_bound(exceptions_.begin(), exceptions_.end(), token,
                             [](const auto& entry, std::string_view t) { return entry.first < t; });
  if (it != exceptions_.end() && it->first == token) return std::string(it->second);
  if (snowball_ != nullptr) {
    const sb_symbol* stem =
        sb_stemmer_stem(snowball_, reinterpret_cast<const sb_symbol*>(token.data()),
                        static_cast<int>(token.size()));
    if (stem == nullptr) return std::string(token);  // out of memory: keep the word
    return std::string(reinterpret_cast<const char*>(stem),
                       static_cast<size_t>(sb_stemmer_length(snowball_)));
  }
  return Rouge155PorterStem(token);
}

uint32_t TokenInterner::Intern(std::string_view text) {
  if (auto it = ids_.find(text); it != ids_.end()) return it->second;
  const auto id = static_cast<uint32_t>(strings_.size());
  strings_.emplace_back(text);
  ids_.emplace(std::string(text), id);
  return id;
}

namespace {

uint64_t Fnv1a(std::string_view s) {
  uint64_t h = 0xCBF29CE484222325ULL;
  for (char ch : s) h = (h ^ static_cast<unsigned char>(ch)) * 0x100000001B3ULL;
  return h | 1;  // never 0, the empty-slot mark
}

}  // namespace

bool TokenInterner::FindRaw(std::string_view token, uint64_t hash, uint32_t* id) const {
  if (raw_slots_.empty()) return false;
  const size_t mask = raw_slots_.size() - 1;
  for (size_t slot = hash & mask; raw_slots_[slot].hash != 0; slot = (slot + 1) & mask) {
    const RawEntry& e = raw_slots_[slot];
    if (e.hash == hash && e.length == token.size() &&
        std::string_view(raw_arena_).substr(e.offset, e.length) == token) {
      *id = e.id;
      return true;
    }
  }
  return false;
}

void TokenInterner::InsertRaw(std::string_view token, uint64_t hash, uint32_t id) {
  if (2 * (raw_count_ + 1) > raw_slots_.size()) {
    std::vector<RawEntry> old(std::max<size_t>(1024, raw_slots_.size() * 2));
    old.swap(raw_slots_);
    const size_t mask = raw_slots_.size() - 1;
    for (const RawEntry& e : old) {
      if (e.hash == 0) continue;
      size_t slot = e.hash & mask;
      while (raw_slots_[slot].hash != 0) slot = (slot + 1) & mask;
      raw_slots_[slot] = e;
    }
  }
  const size_t mask = raw_slots_.size() - 1;
  size_t slot = hash & mask;
  while (raw_slots_[slot].hash != 0) slot = (slot + 1) & mask;
  raw_slots_[slot] = RawEntry{hash, static_cast<uint32_t>(raw_arena_.size()),
                              static_cast<uint32_t>(token.size()), id};
  raw_arena_.append(token);
  ++raw_count_;
}

uint32_t TokenInterner::IdOfRaw(std::string_view token) {
  const uint64_t hash = Fnv1a(token);
  uint32_t id = 0;
  if (FindRaw(token, hash, &id)) return id;
  const std::string normal = Normalize(token);
  id = normal.empty() ? kDropped : Intern(normal);
  InsertRaw(token, hash, id);
  return id;
}

void TokenInterner::Tokenize(std::string_view piece, std::vector<uint32_t>* out) {
  size_t pos = 0;
  while (pos < piece.size()) {
    if (!IsAsciiAlnum(piece[pos])) {
      ++pos;
      continue;
    }
    scratch_.clear();
    while (pos < piece.size() && IsAsciiAlnum(piece[pos]))
      scratch_.push_back(AsciiLower(piece[pos++]));
    const uint32_t id = IdOfRaw(scratch_);
    if (id != kDropped) out->push_back(id);
  }
}

void TokenInterner::TokenizeSummary(std::string_view text, SummaryTokens* out) {
  out->flat.clear();
  out->lcs.clear();
  out->sentence_ends.clear();
  const std::vector<std::string_view> sentences = SplitSentences(text);
  if (options_.byte_limit > 0) {
    for (std::string_view piece :
         TruncateSentences(sentences, options_.word_limit, options_.byte_limit)) {
      Tokenize(piece, &out->flat);
    }
    for (std::string_view piece :
         TruncateSentencesForLcs(sentences, options_.word_limit, options_.byte_limit)) {
      Tokenize(piece, &out->lcs);
      out->sentence_ends.push_back(static_cast<uint32_t>(out->lcs.size()));
    }
    return;
  }
  // Without -b both views keep the same sentences: tokenize once.
  out->flat.clear();
  for (std::string_view piece :
       TruncateSentences(sentences, options_.word_limit, options_.byte_limit)) {
    Tokenize(piece, &out->lcs);
    out->sentence_ends.push_back(static_cast<uint32_t>(out->lcs.size()));
  }
  out->flat = out->lcs;
}

}  // namespace chorus::rouge
