#include "represent/term_index.h"

#include <algorithm>

#include "base/dense_ids.h"

namespace chorus::represent {

TermIndex BuildTermIndex(const AnalyzedCluster& cluster) {
  TermIndex index;
  const size_t n = cluster.sentences.size();
  size_t tokens = 0;
  for (const AnalyzedSentence& s : cluster.sentences) tokens += s.tokens.size();
  index.token_terms.reserve(tokens);
  index.token_first.reserve(n + 1);
  index.content_first.reserve(n + 1);
  // Vocabulary id -> term (a node-based map cost an allocation per term).
  DenseIds term_of(tokens / 4);
  std::vector<uint32_t> last_document;  // per term: 1 + the last document counted
  for (const AnalyzedSentence& s : cluster.sentences) {
    index.token_first.push_back(static_cast<uint32_t>(index.token_terms.size()));
    index.content_first.push_back(static_cast<uint32_t>(index.content_terms.size()));
    for (const Token& t : s.tokens) {
      const bool stemmed = !t.stem.empty();
      bool added = false;
      const uint32_t term = term_of.Insert(stemmed ? t.stem_id : t.norm_id, &added);
      if (added) {
        index.text.push_back(stemmed ? t.stem : t.norm);
        index.sentence_frequency.push_back(0);
        index.document_frequency.push_back(0);
        index.bare.push_back(0);
        last_document.push_back(0);
      }
      if (!stemmed) index.bare[term] = 1;
      index.token_terms.push_back(term);
      if (!t.stopword) index.content_terms.push_back(term);
    }
    const auto content = index.content_terms.begin() + index.content_first.back();
    std::sort(content, index.content_terms.end());
    index.content_terms.erase(std::unique(content, index.content_terms.end()),
                              index.content_terms.end());
    for (auto term = content; term != index.content_terms.end(); ++term) {
      ++index.sentence_frequency[*term];
      if (last_document[*term] != s.sentence.doc + 1) {
        last_document[*term] = s.sentence.doc + 1;
        ++index.document_frequency[*term];
      }
    }
  }
  index.token_first.push_back(static_cast<uint32_t>(index.token_terms.size()));
  index.content_first.push_back(static_cast<uint32_t>(index.content_terms.size()));
  return index;
}

}  // namespace chorus::represent
