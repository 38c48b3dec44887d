#include "compare/name_discrepancies.h"

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "base/sorted_sets.h"
#include "compare/name_key.h"
#include "compare/pair_budget.h"

namespace chorus::compare {
namespace {

// People compared for one-letter spellings (each a short edit distance).
constexpr uint64_t kNamePairs = 4'000'000;

// A person with a surname of four letters or more, by the words of the
// folded name.
struct Person {
  size_t entity;  // index in the entities
  std::vector<std::string> parts;
};

std::vector<Person> PeopleOf(const std::vector<ComparedEntity>& entities) {
  std::vector<Person> people;
  for (size_t i = 0; i < entities.size(); ++i) {
    if (entities[i].type != EntityType::kPerson) continue;
    std::vector<std::string> parts;
    const std::string folded = FoldName(entities[i].name);
    size_t b = 0;
    while (b < folded.size()) {
      size_t e = folded.find(' ', b);
      if (e == std::string::npos) e = folded.size();
      if (e > b) parts.push_back(folded.substr(b, e - b));
      b = e + 1;
    }
    if (parts.size() >= 2 && parts.back().size() >= 4) people.push_back({i, std::move(parts)});
  }
  return people;
}

// Pairs (x < y, ascending) of people with the same other names and surnames
// of equal length or one longer: an index on those, not all pairs.
std::vector<std::pair<size_t, size_t>> CandidatePairs(const std::vector<Person>& people,
                                                      PairBudget* budget) {
  std::map<std::pair<std::vector<std::string>, size_t>, std::vector<size_t>> by_rest;
  for (size_t x = 0; x < people.size(); ++x) {
    const std::vector<std::string>& parts = people[x].parts;
    by_rest[{std::vector<std::string>(parts.begin(), parts.end() - 1), parts.back().size()}]
        .push_back(x);
  }
  std::vector<std::pair<size_t, size_t>> pairs;
  for (const auto& [rest, members] : by_rest) {
    for (size_t x : members) {
      // Surnames one edit apart are of equal length or one longer.
      for (size_t length : {rest.second, rest.second + 1}) {
        auto it = by_rest.find({rest.first, length});
        if (it == by_rest.end() || !budget->Take(it->second.size())) continue;
        for (size_t y : it->second) {
          if (length > rest.second || y > x) pairs.emplace_back(std::min(x, y), std::max(x, y));
        }
      }
    }
  }
  std::sort(pairs.begin(), pairs.end());  // the order all pairs were once visited in
  return pairs;
}

}  // namespace

void AddNameDiscrepancies(const std::vector<ComparedEntity>& entities, Comparison* out) {
  PairBudget budget(kNamePairs, "names");
  const std::vector<Person> people = PeopleOf(entities);
  std::vector<std::vector<std::string_view>> sorted_sources(people.size());
  const auto sources_of = [&](size_t x) -> const std::vector<std::string_view>& {
    std::vector<std::string_view>& s = sorted_sources[x];
    if (s.empty()) {
      const std::vector<std::string>& ids = entities[people[x].entity].sources;
      s.assign(ids.begin(), ids.end());
      std::sort(s.begin(), s.end());
    }
    return s;
  };
  for (const auto& [x, y] : CandidatePairs(people, &budget)) {
    const ComparedEntity& ex = entities[people[x].entity];
    const ComparedEntity& ey = entities[people[y].entity];
    if (EditDistance(people[x].parts.back(), people[y].parts.back(), 1) != 1) continue;
    if (!budget.Take(ex.sources.size() + ey.sources.size()) ||
        ShareAny(sources_of(x), sources_of(y))) {
      continue;
    }
    Discrepancy d;
    d.about = "spelling of " + ex.name;
    d.values.push_back({ex.name, ex.sources, ex.mentions});
    d.values.push_back({ey.name, ey.sources, ey.mentions});
    out->discrepancies.push_back(std::move(d));
  }
  budget.Report(&out->warnings);
}

}  // namespace chorus::compare
