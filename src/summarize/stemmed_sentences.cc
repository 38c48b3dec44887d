#include "summarize/stemmed_sentences.h"

#include <algorithm>
#include <cmath>

namespace chorus {

uint32_t StemmedSentences::Id(std::string_view stem) {
  return ids.emplace(stem, static_cast<uint32_t>(ids.size())).first->second;
}

uint32_t StemmedSentences::EndRow() {
  const auto content = content_.begin() + content_first_.back();
  std::sort(content, content_.end());
  content_.erase(std::unique(content, content_.end()), content_.end());
  stem_first_.push_back(static_cast<uint32_t>(stems_.size()));
  content_first_.push_back(static_cast<uint32_t>(content_.size()));
  return static_cast<uint32_t>(rows() - 1);
}

uint32_t StemmedSentences::AddRow(const std::vector<Token>& tokens) {
  for (const Token& t : tokens) {
    stems_.push_back(Id(t.stem.empty() ? std::string_view(t.norm) : std::string_view(t.stem)));
    stopword_.push_back(t.stopword ? 1 : 0);
    if (!t.stopword) content_.push_back(stems_.back());
  }
  return EndRow();
}

void StemmedSentences::RemoveLastRow() {
  stem_first_.pop_back();
  content_first_.pop_back();
  stems_.resize(stem_first_.back());
  stopword_.resize(stem_first_.back());
  content_.resize(content_first_.back());
}

uint32_t StemmedSentences::AddPartOf(uint32_t row, const std::vector<char>& keep) {
  const uint32_t first = stem_first_[row];
  for (size_t k = 0; k < keep.size(); ++k) {
    if (!keep[k]) continue;
    // Read by index: the arrays may grow (and move) while appending.
    stems_.push_back(stems_[first + k]);
    stopword_.push_back(stopword_[first + k]);
    if (!stopword_.back()) content_.push_back(stems_.back());
  }
  return EndRow();
}

std::vector<uint64_t> StemmedSentences::Concepts(size_t row, bool unigrams) const {
  std::vector<uint64_t> keys;
  const std::span<const uint32_t> row_stems = Stems(row);
  const std::span<const uint32_t> row_content = Content(row);
  const char* stop = stopword_.data() + stem_first_[row];
  keys.reserve(row_stems.size() + (unigrams ? row_content.size() : 0));
  for (size_t k = 0; k + 1 < row_stems.size(); ++k) {
    if (stop[k] && stop[k + 1]) continue;
    keys.push_back((uint64_t{row_stems[k]} << 32) | row_stems[k + 1]);
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  // Unigram keys carry the top bit, which no bigram key has (the key scheme
  // needs ids < 2^31), and content stems are sorted unique: appended after
  // the bigrams, they keep the keys sorted unique.
  if (unigrams) {
    for (uint32_t id : row_content) keys.push_back(kUnigramTag | id);
  }
  return keys;
}

bool StemmedSentences::Holds(size_t row, uint32_t stem) const {
  const std::span<const uint32_t> content = Content(row);
  return std::binary_search(content.begin(), content.end(), stem);
}

StemmedSentences Intern(const AnalyzedCluster& cluster, bool by_text) {
  const TermIndex& index = cluster.terms;
  StemmedSentences out;
  if (by_text) {
    out.ids.reserve(index.size());
    for (uint32_t t = 0; t < index.size(); ++t) out.ids.emplace(index.text[t], t);
  }
  // The term index's rows already have this layout: copied whole. A
  // sentence the index lacks (a cluster assembled by hand) is an empty row.
  const size_t n = cluster.sentences.size();
  const size_t m = std::min(n, index.sentences());
  if (m > 0) {
    out.stems_.assign(index.token_terms.begin(), index.token_terms.begin() + index.token_first[m]);
    out.stem_first_.assign(index.token_first.begin(), index.token_first.begin() + m + 1);
    out.content_.assign(index.content_terms.begin(),
                        index.content_terms.begin() + index.content_first[m]);
    out.content_first_.assign(index.content_first.begin(), index.content_first.begin() + m + 1);
  }
  out.stopword_.reserve(out.stems_.size());
  for (size_t i = 0; i < m; ++i) {
    const size_t terms = out.stem_first_[i + 1] - out.stem_first_[i];
    const std::vector<Token>& tokens = cluster.sentences[i].tokens;
    for (size_t k = 0; k < terms; ++k) {
      out.stopword_.push_back(k < tokens.size() && tokens[k].stopword ? 1 : 0);
    }
  }
  for (size_t i = m; i < n; ++i) out.EndRow();
  return out;
}

size_t CommonCount(std::span<const uint32_t> a, std::span<const uint32_t> b) {
  size_t common = 0;
  for (size_t x = 0, y = 0; x < a.size() && y < b.size();) {
    if (a[x] == b[y]) {
      ++common, ++x, ++y;
    } else if (a[x] < b[y]) {
      ++x;
    } else {
      ++y;
    }
  }
  return common;
}

double CosineOfCounts(size_t common, size_t na, size_t nb) {
  if (na == 0 || nb == 0) return 0;
  return static_cast<double>(common) / std::sqrt(static_cast<double>(na) * static_cast<double>(nb));
}

double Cosine(std::span<const uint32_t> a, std::span<const uint32_t> b) {
  return CosineOfCounts(CommonCount(a, b), a.size(), b.size());
}

}  // namespace chorus
