#include "represent/word_vectors.h"

#include <fmt/format.h>

#include <cmath>
#include <cstdio>

namespace chorus::embedded {
extern const std::string_view kWordVectors;
}  // namespace chorus::embedded

namespace chorus::represent {
namespace {

constexpr std::string_view kMagic = "chorus word_vectors v1 ";
// Bounds that a genuine table respects; anything past them is corruption.
constexpr uint64_t kMaxWords = 1'000'000;
constexpr uint64_t kMaxDims = 1024;

// Value of " key=<digits>" in the header line, or -1.
int64_t HeaderNumber(std::string_view header, std::string_view key) {
  const std::string needle = fmt::format(" {}=", key);
  const size_t at = header.find(needle);
  if (at == std::string_view::npos) return -1;
  int64_t value = 0;
  size_t i = at + needle.size();
  if (i >= header.size() || header[i] < '0' || header[i] > '9') return -1;
  for (; i < header.size() && header[i] >= '0' && header[i] <= '9'; ++i) {
    value = value * 10 + (header[i] - '0');
    if (value > static_cast<int64_t>(kMaxWords)) return -1;
  }
  return value;
}

}  // namespace

Result<WordVectors> WordVectors::Parse(std::string_view bytes, std::string_view name) {
  auto error = [&](std::string_view what) {
    return ParseError(
        fmt::format("{}: not a chorus word-vector table: {} (rebuild it with "
                    "tools/lexicon/build_word_vectors.py)",
                    name, what));
  };
  const size_t eol = bytes.find('\n');
  if (bytes.substr(0, kMagic.size()) != kMagic || eol == std::string_view::npos) {
    return error("missing header line \"chorus word_vectors v1 ...\"");
  }
  const std::string_view header = bytes.substr(0, eol);
  const int64_t words = HeaderNumber(header, "words");
  const int64_t dims = HeaderNumber(header, "dims");
  if (words <= 0 || dims <= 0 || static_cast<uint64_t>(dims) > kMaxDims) {
    return error("header needs words=N and dims=D with 0 < N <= 1000000 and 0 < D <= 1024");
  }
  WordVectors table;
  table.dims_ = static_cast<uint32_t>(dims);
  table.words_.reserve(static_cast<size_t>(words));
  size_t pos = eol + 1;
  for (int64_t w = 0; w < words; ++w) {
    const size_t end = bytes.find('\n', pos);
    if (end == std::string_view::npos) {
      return error(fmt::format("truncated: word list ends after {} of {} words", w, words));
    }
    if (end == pos) return error(fmt::format("empty word at row {}", w));
    table.words_.emplace_back(bytes.substr(pos, end - pos));
    pos = end + 1;
  }
  const size_t values = static_cast<size_t>(words) * static_cast<size_t>(dims);
  if (bytes.size() - pos != values) {
    return error(fmt::format("expected {} vector bytes after the words, found {}", values,
                             bytes.size() - pos));
  }
  table.values_.resize(values);
  for (size_t i = 0; i < values; ++i) table.values_[i] = static_cast<int8_t>(bytes[pos + i]);
  table.inverse_norm_.resize(table.words_.size());
  for (size_t row = 0; row < table.words_.size(); ++row) {
    int32_t sq = 0;
    for (size_t k = 0; k < table.dims_; ++k) {
      const int32_t x = table.values_[row * table.dims_ + k];
      sq += x * x;
    }
    table.inverse_norm_[row] =
        sq > 0 ? static_cast<float>(1.0 / std::sqrt(static_cast<double>(sq))) : 0.0f;
  }
  table.index_.reserve(table.words_.size());
  for (uint32_t row = 0; row < table.words_.size(); ++row) {
    if (!table.index_.emplace(table.words_[row], row).second) {
      return error(fmt::format("word \"{}\" listed twice", table.words_[row]));
    }
  }
  return table;
}

const WordVectors& WordVectors::Default() {
  static const WordVectors* table = [] {
    Result<WordVectors> parsed = Parse(embedded::kWordVectors, "data/word_vectors.bin");
    if (!parsed.ok()) {
      std::fprintf(stderr, "chorus: %s\n", parsed.status().ToString().c_str());
      return new WordVectors();
    }
    return new WordVectors(std::move(parsed).value());
  }();
  return *table;
}

uint32_t WordVectors::Find(std::string_view word) const {
  auto it = index_.find(word);
  return it == index_.end() ? kUnknown : it->second;
}

double WordVectors::Cosine(uint32_t a, uint32_t b) const {
  if (a == kUnknown || b == kUnknown) return 0;
  const int8_t* x = &values_[static_cast<size_t>(a) * dims_];
  const int8_t* y = &values_[static_cast<size_t>(b) * dims_];
  int32_t dot = 0;
  for (uint32_t k = 0; k < dims_; ++k) dot += x[k] * y[k];
  return static_cast<double>(dot) * inverse_norm_[a] * inverse_norm_[b];
}

double WordVectors::Weight(uint32_t row) const {
  const double rank = row == kUnknown ? static_cast<double>(words_.size()) + 1 : row;
  return std::log(rank + 2);
}

}  // namespace chorus::represent
