#include "chorus/summary_json.h"

#include <nlohmann/json.hpp>

namespace chorus {
namespace {

std::string DocId(const AnalyzedCluster& cluster, uint32_t doc) {
  return doc < cluster.documents.size() ? cluster.documents[doc].id : std::to_string(doc);
}

}  // namespace

std::string SummaryToJson(const Summary& summary, const AnalyzedCluster& cluster, int indent) {
  nlohmann::ordered_json sentences = nlohmann::ordered_json::array();
  for (const SummarySentence& s : summary.sentences) {
    nlohmann::ordered_json support = nlohmann::ordered_json::array();
    for (uint32_t d : s.support) support.push_back(DocId(cluster, d));
    nlohmann::ordered_json support_sentences = nlohmann::ordered_json::array();
    for (size_t k = 0; k < s.support.size() && k < s.support_sentences.size(); ++k) {
      support_sentences.push_back(
          {{"doc", DocId(cluster, s.support[k])}, {"sentence", s.support_sentences[k]}});
    }
    nlohmann::ordered_json sentence = {{"text", s.text},
                                       {"doc", s.doc_id.empty() ? DocId(cluster, s.doc) : s.doc_id},
                                       {"sentence", s.sentence},
                                       {"support", std::move(support)},
                                       {"support_sentences", std::move(support_sentences)}};
    if (s.compressed) {
      sentence["compressed"] = true;
      sentence["original"] = s.original;
    }
    sentences.push_back(std::move(sentence));
  }
  nlohmann::ordered_json out = {
      {"id", summary.cluster_id}, {"method", summary.method}, {"summary", std::move(sentences)}};
  if (!summary.warnings.empty()) out["warnings"] = summary.warnings;
  // Invalid UTF-8 cannot reach here (ingest repairs it), but never throw: replace.
  return out.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string SummaryToText(const Summary& summary, const AnalyzedCluster& cluster, bool cite) {
  std::string out;
  for (const SummarySentence& s : summary.sentences) {
    out += s.text;
    if (cite) {
      out += " [";
      for (size_t i = 0; i < s.support.size(); ++i) {
        if (i > 0) out += ", ";
        out += DocId(cluster, s.support[i]);
      }
      out += "]";
    }
    out += '\n';
  }
  return out;
}

}  // namespace chorus
