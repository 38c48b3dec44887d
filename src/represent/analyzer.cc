#include "chorus/analyzer.h"

#include <span>

#include "represent/copy_groups.h"
#include "represent/term_index.h"

namespace chorus {

ClusterAnalyzer::ClusterAnalyzer(AnalyzerOptions options, const Cleaner& cleaner)
    : options_(options),
      cleaner_(cleaner),
      splitter_(options.splitter),
      tokenizer_(options.tokenizer) {}

AnalyzedCluster ClusterAnalyzer::Analyze(const Cluster& cluster) const {
  return std::move(Analyze(cluster, std::stop_token())).value();  // never cancelled
}

Result<AnalyzedCluster> ClusterAnalyzer::Analyze(const Cluster& cluster,
                                                 const std::stop_token& stop) const {
  AnalyzedCluster out;
  out.id = cluster.id;
  // Every sentence's tokens in one vocabulary generation, kept with them.
  const TokenScope scope;
  out.vocabulary = scope.keep_alive();
  for (const Document& input : cluster.documents) {
    if (stop.stop_requested()) return CancelledError("analysis stopped");
    std::vector<Document> cleaned;
    if (options_.clean) {
      cleaned = cleaner_.Clean(input, &out.removals);
    } else {
      cleaned.push_back(input);
    }
    for (Document& doc : cleaned) {
      const uint32_t doc_index = static_cast<uint32_t>(out.documents.size());
      out.doc_first_sentence.push_back(static_cast<uint32_t>(out.sentences.size()));
      uint32_t index = 0;
      for (SentenceSpan& span : splitter_.Split(doc.text)) {
        AnalyzedSentence s;
        s.tokens = tokenizer_.Tokenize(span.text);
        s.sentence.text = std::move(span.text);
        s.sentence.doc = doc_index;
        s.sentence.index = index++;
        s.sentence.paragraph = span.paragraph;
        out.sentences.push_back(std::move(s));
      }
      out.documents.push_back(std::move(doc));
    }
  }
  out.doc_first_sentence.push_back(static_cast<uint32_t>(out.sentences.size()));
  Represent(&out, options_.copies);
  return out;
}

void Represent(AnalyzedCluster* cluster, const CopyGroupOptions& copies) {
  cluster->terms = represent::BuildTermIndex(*cluster);
  const size_t n = cluster->documents.size();
  const std::span<const AnalyzedSentence> sentences(cluster->sentences);
  std::vector<std::vector<uint64_t>> shingles(n);
  for (size_t d = 0; d < n && d + 1 < cluster->doc_first_sentence.size(); ++d) {
    const uint32_t begin = cluster->doc_first_sentence[d];
    shingles[d] = represent::DocumentShingles(
        sentences.subspan(begin, cluster->doc_first_sentence[d + 1] - begin));
  }
  cluster->copies = represent::GroupCopies(shingles, copies);
}

}  // namespace chorus
