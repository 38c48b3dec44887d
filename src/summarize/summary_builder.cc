#include "summarize/summary_builder.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <tuple>
#include <unordered_map>

namespace chorus {
namespace {

// Content-word stems of a sentence, unique, in string order.
std::vector<std::string_view> ContentStems(const AnalyzedSentence& s) {
  std::vector<std::string_view> stems;
  for (const Token& t : s.tokens) {
    if (!t.stopword && !t.stem.empty()) stems.push_back(t.stem);
  }
  std::sort(stems.begin(), stems.end());
  stems.erase(std::unique(stems.begin(), stems.end()), stems.end());
  return stems;
}

// Content stems of every sentence (as ids, each sentence's in string order so
// sums run in a fixed order) and their inverse sentence frequency, computed
// once per summary.
struct ContentIndex {
  std::vector<std::vector<uint32_t>> stems;
  std::vector<double> idf;  // per stem id
};

ContentIndex BuildContentIndex(const AnalyzedCluster& cluster) {
  ContentIndex index;
  std::unordered_map<std::string_view, uint32_t> ids;
  index.stems.reserve(cluster.sentences.size());
  for (const AnalyzedSentence& s : cluster.sentences) {
    std::vector<uint32_t>& stems = index.stems.emplace_back();
    for (std::string_view w : ContentStems(s)) {
      const uint32_t id = ids.emplace(w, static_cast<uint32_t>(ids.size())).first->second;
      if (id == index.idf.size()) index.idf.push_back(0);
      index.idf[id] += 1;
      stems.push_back(id);
    }
  }
  const double n = static_cast<double>(cluster.sentences.size());
  for (double& count : index.idf) count = std::log(1.0 + n / count);
  return index;
}

std::vector<uint32_t> Supporters(const AnalyzedCluster& cluster, const ContentIndex& index,
                                 uint32_t sentence, const SupportOptions& options) {
  const uint32_t own = cluster.sentences[sentence].sentence.doc;
  std::vector<char> supports(std::max<size_t>(cluster.documents.size(), own + 1), 0);
  supports[own] = 1;
  // The idf of the sentence's own stems, 0 for every other stem: adding 0
  // leaves a sum unchanged, so a shared-stem sum needs no membership test.
  std::vector<double> key_idf(index.idf.size(), 0.0);
  double total = 0;
  for (uint32_t w : index.stems[sentence]) {
    key_idf[w] = index.idf[w];
    total += index.idf[w];
  }
  if (total > 0) {
    for (size_t j = 0; j < cluster.sentences.size(); ++j) {
      const uint32_t doc = cluster.sentences[j].sentence.doc;
      if (doc >= supports.size() || supports[doc]) continue;
      double covered = 0;
      for (uint32_t w : index.stems[j]) covered += key_idf[w];
      if (covered >= options.min_coverage * total) supports[doc] = 1;
    }
  }
  std::vector<uint32_t> support;
  for (uint32_t d = 0; d < supports.size(); ++d) {
    if (supports[d]) support.push_back(d);
  }
  return support;
}

}  // namespace

std::vector<uint32_t> SupportingDocuments(const AnalyzedCluster& cluster, uint32_t sentence,
                                          const SupportOptions& options) {
  return Supporters(cluster, BuildContentIndex(cluster), sentence, options);
}

std::vector<uint32_t> ReadingOrder(const AnalyzedCluster& cluster, std::vector<uint32_t> chosen, uint32_t opener) {
  auto key = [&](uint32_t i) {
    const Sentence& s = cluster.sentences[i].sentence;
    // A view into the cluster, never into a temporary: the key outlives this lambda.
    const std::string_view date =
        s.doc < cluster.documents.size() ? std::string_view(cluster.documents[s.doc].date) : std::string_view();
    return std::make_tuple(i != opener, date.empty(), date, s.doc, s.index);
  };
  std::stable_sort(chosen.begin(), chosen.end(),
                   [&](uint32_t a, uint32_t b) { return key(a) < key(b); });
  return chosen;
}

Summary BuildSummary(const AnalyzedCluster& cluster, const std::vector<uint32_t>& chosen,
                     std::string_view method, const SupportOptions& options, uint32_t opener) {
  Summary summary;
  summary.cluster_id = cluster.id;
  summary.method = std::string(method);
  if (chosen.empty()) return summary;
  const ContentIndex index = BuildContentIndex(cluster);
  for (uint32_t i : ReadingOrder(cluster, chosen, opener)) {
    const Sentence& s = cluster.sentences[i].sentence;
    SummarySentence out;
    out.text = s.text;
    out.doc = s.doc;
    out.doc_id = s.doc < cluster.documents.size() ? cluster.documents[s.doc].id : "";
    out.sentence = s.index;
    out.support = Supporters(cluster, index, i, options);
    summary.sentences.push_back(std::move(out));
  }
  return summary;
}

}  // namespace chorus
