// Small hand-written news articles for the server's tests: two stories
// (a harbor fire told by three outlets, a city budget vote told by two).
#ifndef CHORUS_SERVE_TEST_ARTICLES_H_
#define CHORUS_SERVE_TEST_ARTICLES_H_

#include <nlohmann/json.hpp>
#include <string>

namespace chorus::serve::testing {

inline nlohmann::json FireArticles() {
  return nlohmann::json::array({
      {{"id", "fire-a"},
       {"source", "Harbor Gazette"},
       {"date", "2024-05-01"},
       {"title", "Fire destroys three warehouses at the harbor"},
       {"text",
        "A fire destroyed three warehouses at the east harbor on Sunday night, the fire brigade "
        "said. About 120 firefighters fought the blaze for six hours before it was under control. "
        "No one was hurt, according to fire chief Maria Lopez. \"The wind made this fire very hard "
        "to fight,\" Lopez said. The cause of the fire is not yet known. Harbor traffic was halted "
        "until Monday morning."}},
      {{"id", "fire-b"},
       {"source", "Daily Courier"},
       {"date", "2024-05-01"},
       {"title", "Massive blaze at harbor warehouses"},
       {"text",
        "A massive blaze tore through three warehouses at the east harbor late Sunday. Fire chief "
        "Maria Lopez said 150 firefighters battled the flames through the night. \"The wind made "
        "this fire very hard to fight,\" she told reporters. Nobody was injured. Investigators "
        "will look into the cause of the fire on Monday. Ships were kept out of the harbor "
        "overnight."}},
      {{"id", "fire-c"},
       {"source", "City Wire"},
       {"date", "2024-05-02"},
       {"title", "Harbor reopens after warehouse fire"},
       {"text",
        "The east harbor reopened on Monday after a fire destroyed three warehouses on Sunday. "
        "About 120 firefighters were needed to bring the fire under control, the fire brigade "
        "said. Fire chief Maria Lopez said the cause was still under investigation. Warehouse "
        "owners estimated the damage at 4 million dollars. No injuries were reported."}},
  });
}

inline nlohmann::json BudgetArticles() {
  return nlohmann::json::array({
      {{"id", "budget-a"},
       {"source", "Daily Courier"},
       {"date", "2024-06-10"},
       {"title", "Council passes city budget"},
       {"text",
        "The city council approved next year's budget on Tuesday by a vote of 9 to 4. The budget "
        "adds money for schools and public transport. Mayor Tom Reed called the vote a good day "
        "for the city. Opponents said the plan raises property taxes too much."}},
      {{"id", "budget-b"},
       {"source", "City Wire"},
       {"date", "2024-06-11"},
       {"title", "Budget vote splits council"},
       {"text",
        "A divided city council passed the budget in a 9 to 4 vote on Tuesday. The plan spends "
        "more on schools and buses and raises property taxes by two percent. Mayor Tom Reed "
        "praised the council. Four members voted against the budget."}},
  });
}

}  // namespace chorus::serve::testing

#endif  // CHORUS_SERVE_TEST_ARTICLES_H_
