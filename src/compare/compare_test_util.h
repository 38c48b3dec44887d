// Builds analysed clusters from hand-written articles for compare tests.
#ifndef CHORUS_COMPARE_COMPARE_TEST_UTIL_H_
#define CHORUS_COMPARE_COMPARE_TEST_UTIL_H_

#include <string>
#include <utility>
#include <vector>

#include "chorus/analyzer.h"

namespace chorus::compare::testing {

// Each pair is (document id, text); text is used as given (no cleaning).
inline AnalyzedCluster Analyze(const std::vector<std::pair<std::string, std::string>>& docs) {
  Cluster cluster;
  cluster.id = "test";
  for (const auto& [id, text] : docs) {
    Document d;
    d.id = id;
    d.text = text;
    cluster.documents.push_back(std::move(d));
  }
  AnalyzerOptions options;
  options.clean = false;
  return ClusterAnalyzer(options).Analyze(cluster);
}

}  // namespace chorus::compare::testing

#endif  // CHORUS_COMPARE_COMPARE_TEST_UTIL_H_
