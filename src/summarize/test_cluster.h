// Test support: builds AnalyzedClusters from article texts with the real
// ClusterAnalyzer, cleaning off.
#ifndef CHORUS_SUMMARIZE_TEST_CLUSTER_H_
#define CHORUS_SUMMARIZE_TEST_CLUSTER_H_

#include <string>
#include <vector>

#include "chorus/analyzer.h"

namespace chorus::testing {

struct TestArticle {
  std::string id;
  std::string date;  // may be empty
  std::string text;
};

inline AnalyzedCluster AnalyzeArticles(const std::vector<TestArticle>& articles,
                                       std::string id = "c1") {
  Cluster cluster;
  cluster.id = std::move(id);
  for (const TestArticle& a : articles) {
    Document d;
    d.id = a.id;
    d.date = a.date;
    d.text = a.text;
    cluster.documents.push_back(std::move(d));
  }
  AnalyzerOptions options;
  options.clean = false;  // tests give text as it should be read
  return ClusterAnalyzer(options).Analyze(cluster);
}

// A fictional event told by five outlets (dates out of order on purpose),
// plus one unrelated article.
inline std::vector<TestArticle> FloodArticles() {
  return {
      {"wire-b", "2024-03-02",
       "Rescue teams in the river town of Kelburn pulled twelve people from flooded homes on "
       "Saturday. "
       "The Marra River burst its banks after three days of heavy rain across the northern valley. "
       "Officials said the water reached the second floor of houses near the old bridge. "
       "The regional governor declared a state of emergency for the whole valley on Saturday "
       "evening."},
      {"wire-a", "2024-03-01",
       "Heavy rain has fallen on the northern valley for three days, and forecasters warned the "
       "Marra River "
       "could burst its banks near Kelburn. "
       "Residents of low streets in Kelburn were told to move their cars and belongings to higher "
       "ground. "
       "Schools in the valley will stay closed on Friday because of the storm."},
      {"paper-c", "2024-03-03",
       "The Marra River burst its banks after three days of heavy rain, flooding much of Kelburn. "
       "Rescue teams pulled twelve people from flooded homes, and no deaths have been reported. "
       "The governor declared a state of emergency for the valley and promised money for repairs. "
       "Engineers will inspect the old bridge, which was closed after the water rose above its "
       "arches."},
      {"tv-d", "",
       "The governor declared a state of emergency for the northern valley after the Marra River "
       "burst its banks. "
       "Twelve people were pulled from flooded homes in Kelburn by rescue teams using boats. "
       "Is this the worst flood the valley has seen in a generation? "
       "Long-time residents said the water had not been this high since the great flood of 1987."},
      {"blog-e", "2024-03-03",
       "Volunteers in Kelburn are collecting blankets, food and clothing for families whose homes "
       "were flooded. "
       "The Marra River burst its banks after three days of heavy rain across the valley. "
       "A shelter opened in the town hall on Sunday for people who cannot return home."},
      {"sport-f", "2024-03-02",
       "The Kelburn football club won its home match four to one on Saturday afternoon in front of "
       "a small crowd. "
       "The coach praised the young striker who scored two goals in the second half of the match."},
  };
}

}  // namespace chorus::testing

#endif  // CHORUS_SUMMARIZE_TEST_CLUSTER_H_
