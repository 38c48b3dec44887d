#include "summarize/stemmed_sentences.h"

#include <algorithm>
#include <cmath>

namespace chorus {

uint32_t StemmedSentences::Id(std::string_view stem) {
  return ids.emplace(stem, static_cast<uint32_t>(ids.size())).first->second;
}

uint32_t StemmedSentences::AddRow(const std::vector<Token>& tokens) {
  std::vector<uint32_t>& row_stems = stems.emplace_back();
  std::vector<char>& row_stop = stopword.emplace_back();
  std::vector<uint32_t>& row_content = content.emplace_back();
  row_stems.reserve(tokens.size());
  row_stop.reserve(tokens.size());
  for (const Token& t : tokens) {
    row_stems.push_back(Id(t.stem.empty() ? std::string_view(t.norm) : std::string_view(t.stem)));
    row_stop.push_back(t.stopword ? 1 : 0);
    if (!t.stopword) row_content.push_back(row_stems.back());
  }
  std::sort(row_content.begin(), row_content.end());
  row_content.erase(std::unique(row_content.begin(), row_content.end()), row_content.end());
  return static_cast<uint32_t>(stems.size() - 1);
}

uint32_t StemmedSentences::AddPartOf(uint32_t row, const std::vector<char>& keep) {
  std::vector<uint32_t> part_stems, part_content;
  std::vector<char> part_stop;
  part_stems.reserve(keep.size());
  part_stop.reserve(keep.size());
  part_content.reserve(keep.size());
  for (size_t k = 0; k < keep.size(); ++k) {
    if (!keep[k]) continue;
    part_stems.push_back(stems[row][k]);
    part_stop.push_back(stopword[row][k]);
    if (!part_stop.back()) part_content.push_back(part_stems.back());
  }
  std::sort(part_content.begin(), part_content.end());
  part_content.erase(std::unique(part_content.begin(), part_content.end()), part_content.end());
  stems.push_back(std::move(part_stems));
  stopword.push_back(std::move(part_stop));
  content.push_back(std::move(part_content));
  return static_cast<uint32_t>(stems.size() - 1);
}

std::vector<uint64_t> StemmedSentences::Concepts(size_t row, bool unigrams) const {
  std::vector<uint64_t> keys;
  const auto& row_stems = stems[row];
  const auto& stop = stopword[row];
  keys.reserve(row_stems.size() + (unigrams ? content[row].size() : 0));
  for (size_t k = 0; k + 1 < row_stems.size(); ++k) {
    if (stop[k] && stop[k + 1]) continue;
    keys.push_back((uint64_t{row_stems[k]} << 32) | row_stems[k + 1]);
  }
  if (unigrams) {
    for (uint32_t id : content[row]) keys.push_back(kUnigramTag | id);
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

bool StemmedSentences::Holds(size_t row, uint32_t stem) const {
  return std::binary_search(content[row].begin(), content[row].end(), stem);
}

StemmedSentences Intern(const AnalyzedCluster& cluster, bool by_text) {
  const TermIndex& index = cluster.terms;
  StemmedSentences out;
  if (by_text) {
    out.ids.reserve(index.size());
    for (uint32_t t = 0; t < index.size(); ++t) out.ids.emplace(index.text[t], t);
  }
  const size_t n = cluster.sentences.size();
  out.stems.reserve(n);
  out.stopword.reserve(n);
  out.content.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    const std::span<const uint32_t> terms = index.Terms(i);
    const std::span<const uint32_t> content = index.Content(i);
    out.stems.emplace_back(terms.begin(), terms.end());
    std::vector<char>& stop = out.stopword.emplace_back();
    stop.reserve(terms.size());
    for (const Token& t : cluster.sentences[i].tokens) stop.push_back(t.stopword ? 1 : 0);
    stop.resize(terms.size());
    out.content.emplace_back(content.begin(), content.end());
  }
  return out;
}

size_t CommonCount(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
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

double Cosine(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  return CosineOfCounts(CommonCount(a, b), a.size(), b.size());
}

}  // namespace chorus
