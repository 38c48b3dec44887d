// ClusterAnalyzer: the text pipeline from raw articles to tokenized sentences
// (clean -> segment -> tokenize) and what the represent stage derives from them
// once per cluster (the term index and the copy groups), the common input of
// summarize and compare.
//
//   chorus::ClusterAnalyzer analyzer;               // default rules
//   chorus::AnalyzedCluster ac = analyzer.Analyze(cluster);
//   for (const auto& s : ac.sentences) Use(s.sentence.text, s.tokens);
//
// Thread safety: Analyze is const and may run concurrently. Not copyable
// (holds the cleaner by reference); the Cleaner passed in must outlive it.
#ifndef CHORUS_ANALYZER_H_
#define CHORUS_ANALYZER_H_

#include <memory>
#include <stop_token>
#include <string>
#include <vector>

#include "chorus/cleaner.h"
#include "chorus/copy_groups.h"
#include "chorus/document.h"
#include "chorus/sentence_splitter.h"
#include "chorus/status.h"
#include "chorus/term_index.h"
#include "chorus/tokenizer.h"

namespace chorus {

struct AnalyzedSentence {
  Sentence sentence;
  std::vector<Token> tokens;
};

struct AnalyzedCluster {
  std::string id;
  std::vector<Document> documents;           // after cleaning (may be more than input)
  std::vector<AnalyzedSentence> sentences;   // all sentences, document by document, in order
  std::vector<uint32_t> doc_first_sentence;  // index in `sentences` of each doc's first sentence;
                                             // size documents.size() + 1 (last = sentences.size())
  std::vector<Removal> removals;             // what cleaning removed (for --explain)
  // The sentences' words as cluster-local term ids with their sentence and
  // document frequencies (chorus/term_index.h).
  TermIndex terms;
  // Which documents copy one another (chorus/copy_groups.h): one entry per
  // document. Every stage counts a group as one independent source.
  CopyGroups copies;
  // Keeps alive the interned strings the tokens view (see TokenScope); pass
  // it to a TokenScope to tokenize more text comparable with these tokens.
  std::shared_ptr<const void> vocabulary;
};

struct AnalyzerOptions {
  bool clean = true;  // apply the Cleaner (off: text is used as given)
  SentenceSplitterOptions splitter;
  TokenizerOptions tokenizer;
  CopyGroupOptions copies;
};

class ClusterAnalyzer {
 public:
  explicit ClusterAnalyzer(AnalyzerOptions options = {},
                           const Cleaner& cleaner = Cleaner::Default());
  ClusterAnalyzer(const ClusterAnalyzer&) = delete;
  ClusterAnalyzer& operator=(const ClusterAnalyzer&) = delete;

  AnalyzedCluster Analyze(const Cluster& cluster) const;
  // The same, stopping with kCancelled (between documents) once `stop` is
  // requested: how a server gives up on a request past its deadline. The
  // result, when there is one, does not depend on `stop`.
  Result<AnalyzedCluster> Analyze(const Cluster& cluster, const std::stop_token& stop) const;

 private:
  AnalyzerOptions options_;
  const Cleaner& cleaner_;
  SentenceSplitter splitter_;
  Tokenizer tokenizer_;
};

// Derives the represent stage's per-cluster data (term index, copy groups) from
// `cluster`'s documents and tokenized sentences. Analyze calls it; call it on
// a cluster assembled by hand before handing it to a summarizer or comparer
// (without it they see no words and no copies: poor results, never a crash).
void Represent(AnalyzedCluster* cluster, const CopyGroupOptions& copies = {});

}  // namespace chorus

#endif  // CHORUS_ANALYZER_H_
