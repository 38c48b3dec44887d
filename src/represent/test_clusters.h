// Tests' clusters: texts analyzed as one cluster of documents "0", "1", ...
// without cleaning, so a test states its sentences exactly.
#ifndef CHORUS_REPRESENT_TEST_CLUSTERS_H_
#define CHORUS_REPRESENT_TEST_CLUSTERS_H_

#include <string>
#include <utility>
#include <vector>

#include "chorus/analyzer.h"

namespace chorus {

inline AnalyzedCluster AnalyzeTexts(const std::vector<std::string>& texts) {
  Cluster cluster;
  for (size_t i = 0; i < texts.size(); ++i) {
    Document doc;
    doc.id = std::to_string(i);
    doc.text = texts[i];
    cluster.documents.push_back(std::move(doc));
  }
  AnalyzerOptions options;
  options.clean = false;
  return ClusterAnalyzer(options).Analyze(cluster);
}

}  // namespace chorus

#endif  // CHORUS_REPRESENT_TEST_CLUSTERS_H_
