// Small hand-written articles about three unrelated events, for unit tests.
#ifndef CHORUS_CLUSTER_TEST_ARTICLES_H_
#define CHORUS_CLUSTER_TEST_ARTICLES_H_

#include <string>
#include <vector>

#include "chorus/document.h"

namespace chorus::testing {

inline Document Article(std::string id, std::string source, std::string date, std::string text) {
  Document d;
  d.id = std::move(id);
  d.source = std::move(source);
  d.date = std::move(date);
  d.text = std::move(text);
  return d;
}

// Two articles each on a flood in Bangladesh, a chess championship in Madrid
// and a volcano on Iceland, interleaved.
inline std::vector<Document> ThreeEvents() {
  return {
      Article("flood-1", "APW", "2024-07-01",
              "Monsoon floods in Bangladesh have killed 40 people and left two million stranded, "
              "officials in Dhaka said. The Brahmaputra river burst its banks near Sylhet and "
              "rescue boats reached flooded villages."),
      Article("chess-1", "NYT", "2024-07-02",
              "Magnus Carlsen won the opening game of the world chess championship in Madrid, "
              "outplaying Ding Liren in a long endgame. The chess match runs for fourteen games."),
      Article("volcano-1", "AFP", "2024-07-02",
              "A volcano erupted on the Reykjanes peninsula in Iceland, sending lava toward the "
              "town of Grindavik. Icelandic authorities evacuated the Blue Lagoon as the eruption "
              "grew overnight."),
      Article("flood-2", "AFP", "2024-07-03",
              "The death toll from floods in Bangladesh rose to 60 as the Brahmaputra kept rising. "
              "Rescue workers in Sylhet used boats to reach stranded villagers; Dhaka asked for "
              "international help with the floods."),
      Article("chess-2", "APW", "2024-07-04",
              "Ding Liren drew the second game against Magnus Carlsen in the world chess "
              "championship in Madrid. Carlsen leads the chess match after two games."),
      Article("volcano-2", "NYT", "2024-07-04",
              "Lava from the Reykjanes eruption reached the edge of Grindavik as the volcano in "
              "Iceland kept erupting. The Blue Lagoon stays closed and Icelandic scientists expect "
              "the eruption to continue."),
  };
}

// Flood articles after the first two of ThreeEvents().
inline std::vector<Document> LaterFloodArticles() {
  return {Article("flood-3", "BBC", "2024-07-04",
                  "Floods in Bangladesh: the Brahmaputra stayed above danger level near Sylhet and "
                  "rescue boats brought stranded villagers to camps, officials in Dhaka said."),
          Article("flood-4", "NYT", "2024-07-05",
                  "Aid reached flooded villages near Sylhet as the Brahmaputra began to fall; "
                  "Bangladesh said the floods had killed 60 people.")};
}

}  // namespace chorus::testing

#endif  // CHORUS_CLUSTER_TEST_ARTICLES_H_
