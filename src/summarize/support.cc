#include "summarize/support.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>

namespace chorus {

SupportIndex::SupportIndex(const AnalyzedCluster& cluster, double min_cosine)
    : min_cosine_(min_cosine), num_documents_(static_cast<uint32_t>(cluster.documents.size())) {
  const size_t n = cluster.sentences.size();
  doc_of_.resize(n);
  vectors_.resize(n);
  norms_.assign(n, 0.0);
  std::unordered_map<std::string_view, uint32_t> ids;
  std::vector<uint32_t> terms;
  for (size_t s = 0; s < n; ++s) {
    const AnalyzedSentence& as = cluster.sentences[s];
    doc_of_[s] = as.sentence.doc;
    terms.clear();
    for (const Token& tok : as.tokens) {
      if (tok.stopword || tok.stem.empty()) continue;
      terms.push_back(ids.try_emplace(tok.stem, static_cast<uint32_t>(ids.size())).first->second);
    }
    std::sort(terms.begin(), terms.end());
    Vector& v = vectors_[s];
    for (uint32_t t : terms) {
      if (!v.empty() && v.back().first == t) {
        v.back().second += 1;
      } else {
        v.emplace_back(t, 1.0);
      }
    }
    double sq = 0;
    for (const auto& [t, c] : v) sq += c * c;
    norms_[s] = std::sqrt(sq);
  }
}

double SupportIndex::Cosine(uint32_t a, uint32_t b) const {
  if (norms_[a] == 0 || norms_[b] == 0) return 0;
  const Vector& x = vectors_[a];
  const Vector& y = vectors_[b];
  double dot = 0;
  size_t i = 0, j = 0;
  while (i < x.size() && j < y.size()) {
    if (x[i].first < y[j].first) {
      ++i;
    } else if (y[j].first < x[i].first) {
      ++j;
    } else {
      dot += x[i++].second * y[j++].second;
    }
  }
  return dot / (norms_[a] * norms_[b]);
}

std::vector<uint32_t> SupportIndex::Support(uint32_t sentence) const {
  std::vector<bool> supports(num_documents_, false);
  if (sentence < doc_of_.size() && doc_of_[sentence] < num_documents_) {
    supports[doc_of_[sentence]] = true;
  }
  for (uint32_t other = 0; other < doc_of_.size(); ++other) {
    const uint32_t doc = doc_of_[other];
    if (doc >= num_documents_ || supports[doc]) continue;
    if (Cosine(sentence, other) >= min_cosine_) supports[doc] = true;
  }
  std::vector<uint32_t> docs;
  for (uint32_t d = 0; d < num_documents_; ++d) {
    if (supports[d]) docs.push_back(d);
  }
  return docs;
}

}  // namespace chorus
