// CountTerms and AddTermCounts (chorus/partitioned_clustering.h): the term
// statistics that seed a partition's clusterer.
#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "chorus/partitioned_clustering.h"
#include "cluster/clustering_state.h"
#include "cluster/near_duplicates.h"

namespace chorus {

std::vector<TermCounts> CountTerms(std::span<const Document> articles, std::span<const size_t> ends,
                                   const ClustererOptions& options) {
  ClusteringState state(options);
  NearDuplicateIndex originals;
  std::vector<TermCounts> out;
  std::vector<uint32_t> df;  // by term id, in the current run
  uint32_t new_terms = 0;    // terms from this id on first appeared in the current run
  size_t begin = 0;
  for (size_t end : ends) {
    end = std::min(std::max(end, begin), articles.size());
    TermCounts run;
    for (size_t i = begin; i < end; ++i) {
      bool no_content = false;
      ArticleRecord record = state.Represent(articles[i], &no_content);
      if (!record.minhash.empty()) {
        if (originals.FindOriginal(record.minhash, options.duplicate_jaccard)) continue;
        originals.Insert(i, std::move(record.minhash));
      }
      ++run.docs;
      df.resize(state.dictionary().size(), 0);
      for (const TermVector* v : {&record.terms, &record.numbers}) {
        for (const auto& [term, weight] : *v) ++df[term];
      }
    }
    const uint32_t terms = state.dictionary().size();
    df.resize(terms, 0);
    const std::vector<std::string>& labels = state.features().term_label;
    for (uint32_t t = 0; t < terms; ++t) {
      if (t < new_terms && df[t] == 0) continue;
      run.terms.push_back(state.dictionary().Term(t));
      run.labels.push_back(t < labels.size() ? labels[t] : std::string());
      run.df.push_back(df[t]);
      df[t] = 0;
    }
    new_terms = terms;
    begin = end;
    out.push_back(std::move(run));
  }
  return out;
}

void AddTermCounts(const TermCounts& later, TermCounts* sum) {
  // The index views sum's strings: no reallocation may move them.
  sum->terms.reserve(sum->terms.size() + later.terms.size());
  std::unordered_map<std::string_view, size_t> index;
  index.reserve(sum->terms.size());
  for (size_t i = 0; i < sum->terms.size(); ++i) index.emplace(sum->terms[i], i);
  for (size_t i = 0; i < later.terms.size(); ++i) {
    const auto found = index.find(later.terms[i]);
    if (found != index.end()) {
      sum->df[found->second] += later.df[i];
      continue;
    }
    sum->terms.push_back(later.terms[i]);
    sum->labels.push_back(later.labels[i]);
    sum->df.push_back(later.df[i]);
  }
  sum->docs += later.docs;
}

}  // namespace chorus
