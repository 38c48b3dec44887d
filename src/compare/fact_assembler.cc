#include "compare/fact_assembler.h"

#include <algorithm>
#include <map>

namespace chorus::compare {

void FactAssembler::Attach(std::vector<uint32_t> sentences, Fact* fact) const {
  std::sort(sentences.begin(), sentences.end());
  sentences.erase(std::unique(sentences.begin(), sentences.end()), sentences.end());
  std::vector<uint32_t> groups;
  for (size_t k = 0; k < sentences.size(); ++k) {
    const Sentence& sent = cluster_.sentences[sentences[k]].sentence;
    fact->mentions.push_back({cluster_.documents[sent.doc].id, sent.index, sent.text});
    // Sentences are numbered document by document.
    if (k > 0 && cluster_.sentences[sentences[k - 1]].sentence.doc == sent.doc) continue;
    fact->sources.push_back(cluster_.documents[sent.doc].id);
    groups.push_back(doc_group_[sent.doc]);
  }
  std::sort(groups.begin(), groups.end());
  fact->support = static_cast<uint32_t>(std::unique(groups.begin(), groups.end()) - groups.begin());
}

std::string MostCommon(const std::vector<std::string>& values) {
  std::map<std::string, uint32_t> counts;
  for (const std::string& v : values) ++counts[v];
  std::string best;
  uint32_t most = 0;
  for (const auto& [v, c] : counts) {
    if (c > most) best = v, most = c;
  }
  return best;
}

}  // namespace chorus::compare
