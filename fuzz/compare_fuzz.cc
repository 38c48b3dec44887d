// Fuzzes the compare stage on the many-articles shape (issue 16): each line
// of the input is one article (after UTF-8 repair; a line "@lean" gives the
// next article a lean), the cluster is analysed and compared, and the
// comparison rendered as JSON, text and HTML. Checks that every fact,
// discrepancy value and entity cites only the cluster's articles.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "base/utf8.h"
#include "chorus/analyzer.h"
#include "chorus/compare.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  chorus::RepairUtf8(&input);
  chorus::Cluster cluster;
  cluster.id = "fuzz";
  std::string lean;
  for (std::string_view rest = input; !rest.empty();) {
    const size_t nl = rest.find('\n');
    const std::string_view line = rest.substr(0, nl);
    rest.remove_prefix(nl == std::string_view::npos ? rest.size() : nl + 1);
    if (line.starts_with("@")) {
      lean = std::string(line.substr(1));
      continue;
    }
    chorus::Document d;
    d.id = "a" + std::to_string(cluster.documents.size());
    d.source = "Outlet " + std::to_string(cluster.documents.size() % 7);
    d.lean = lean;
    d.text = std::string(line);
    cluster.documents.push_back(std::move(d));
  }
  static const chorus::ClusterAnalyzer analyzer;
  static const chorus::Comparer comparer;
  const chorus::Comparison c = comparer.Compare(analyzer.Analyze(cluster));
  std::set<std::string> ids;
  for (const chorus::Document& d : cluster.documents) ids.insert(d.id);
  auto cited = [&](const std::vector<std::string>& sources) {
    for (const std::string& s : sources) {
      if (!ids.contains(s)) __builtin_trap();
    }
  };
  for (const chorus::Fact& f : c.facts) cited(f.sources);
  for (const chorus::Discrepancy& d : c.discrepancies) {
    for (const auto& v : d.values) cited(v.sources);
  }
  for (const chorus::ComparedEntity& e : c.entities) cited(e.sources);
  if (chorus::ComparisonToJson(c).empty()) __builtin_trap();
  chorus::ComparisonToText(c);
  chorus::ComparisonToHtml(c);
  return 0;
}
