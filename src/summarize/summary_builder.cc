#include "summarize/summary_builder.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <tuple>

#include "represent/claim_features.h"

namespace chorus {
namespace {

// Inverse sentence frequency of every term of the cluster (0 for bare
// terms, which are not stems), computed once per summary.
std::vector<double> ContentIdf(const AnalyzedCluster& cluster) {
  const TermIndex& terms = cluster.terms;
  std::vector<double> idf(terms.size(), 0.0);
  const double n = static_cast<double>(cluster.sentences.size());
  for (size_t t = 0; t < terms.size(); ++t) {
    if (terms.sentence_frequency[t] > 0 && !terms.bare[t])
      idf[t] = std::log(1.0 + n / terms.sentence_frequency[t]);
  }
  return idf;
}

// What support knows of a cluster, computed once per summary: the idf of
// every term, and the rule profiles (represent/claim_features.h) of the
// sentences it has checked, made when first needed.
class SupportIndex {
 public:
  explicit SupportIndex(const AnalyzedCluster& cluster)
      : cluster_(cluster), idf_(ContentIdf(cluster)), profiles_(cluster.sentences.size()) {}

  const std::vector<double>& idf() const { return idf_; }

  // Whether sentences `a` and `b` give different numbers in one slot (the
  // claim matcher's numbers rule). Its negation rule is not asked: on DUC 2004
  // it vetoed agreeing sentences ("not only to hook up" / "hook up", "said
  // there were no rebels" / "denied that rebels were").
  bool NumbersDiffer(uint32_t a, uint32_t b) {
    return represent::NumbersConflict(Profile(a), Profile(b));
  }

 private:
  const represent::ClaimProfile& Profile(uint32_t s) {
    if (!profiles_[s]) profiles_[s] = represent::ProfileRules(cluster_.sentences[s].tokens);
    return *profiles_[s];
  }

  const AnalyzedCluster& cluster_;
  std::vector<double> idf_;
  std::vector<std::optional<represent::ClaimProfile>> profiles_;
};

// Fills out->support and out->support_sentences.
void FindSupporters(const AnalyzedCluster& cluster, SupportIndex* index, uint32_t sentence,
                    const SupportOptions& options, SummarySentence* out) {
  const std::vector<double>& idf = index->idf();
  const uint32_t own = cluster.sentences[sentence].sentence.doc;
  // Per document: the sentence (index in cluster.sentences) that backs this
  // one, or kNone.
  constexpr uint32_t kNone = UINT32_MAX;
  std::vector<uint32_t> backing(std::max<size_t>(cluster.documents.size(), own + 1), kNone);
  backing[own] = sentence;
  // The idf of the sentence's own stems, 0 for every other stem: adding 0
  // leaves a sum unchanged, so a shared-stem sum needs no membership test.
  std::vector<double> key_idf(idf.size(), 0.0);
  double total = 0;
  for (uint32_t w : cluster.terms.Content(sentence)) {
    key_idf[w] = idf[w];
    total += idf[w];
  }
  if (total > 0) {
    for (size_t j = 0; j < cluster.sentences.size(); ++j) {
      const uint32_t doc = cluster.sentences[j].sentence.doc;
      if (doc >= backing.size() || backing[doc] != kNone) continue;
      double covered = 0;
      for (uint32_t w : cluster.terms.Content(j)) covered += key_idf[w];
      if (covered >= options.min_coverage * total &&
          !index->NumbersDiffer(sentence, static_cast<uint32_t>(j))) {
        backing[doc] = static_cast<uint32_t>(j);
      }
    }
  }
  out->support.clear();
  out->support_sentences.clear();
  for (uint32_t d = 0; d < backing.size(); ++d) {
    if (backing[d] == kNone) continue;
    out->support.push_back(d);
    out->support_sentences.push_back(cluster.sentences[backing[d]].sentence.index);
  }
}

}  // namespace

std::vector<uint32_t> SupportingDocuments(const AnalyzedCluster& cluster, uint32_t sentence,
                                          const SupportOptions& options) {
  SummarySentence out;
  FindSupport(cluster, sentence, &out, options);
  return out.support;
}

void FindSupport(const AnalyzedCluster& cluster, uint32_t sentence, SummarySentence* out,
                 const SupportOptions& options) {
  SupportIndex index(cluster);
  FindSupporters(cluster, &index, sentence, options, out);
}

std::vector<uint32_t> ReadingOrder(const AnalyzedCluster& cluster, std::vector<uint32_t> chosen,
                                   uint32_t opener) {
  auto key = [&](uint32_t i) {
    const Sentence& s = cluster.sentences[i].sentence;
    // A view into the cluster, never into a temporary: the key outlives this lambda.
    const std::string_view date = s.doc < cluster.documents.size()
                                      ? std::string_view(cluster.documents[s.doc].date)
                                      : std::string_view();
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
  SupportIndex index(cluster);
  for (uint32_t i : ReadingOrder(cluster, chosen, opener)) {
    const Sentence& s = cluster.sentences[i].sentence;
    SummarySentence out;
    out.text = s.text;
    out.doc = s.doc;
    out.doc_id = s.doc < cluster.documents.size() ? cluster.documents[s.doc].id : "";
    out.sentence = s.index;
    FindSupporters(cluster, &index, i, options, &out);
    summary.sentences.push_back(std::move(out));
  }
  return summary;
}

}  // namespace chorus
