// Linking name mentions into entities across sources.
#include <algorithm>
#include <map>
#include <numeric>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "base/disjoint_sets.h"
#include "compare/entities.h"

namespace chorus::compare {
namespace {

// Mentions with one exact key.
struct KeyGroup {
  NameKey key;
  std::string canonical;
  std::vector<size_t> mentions;
  uint32_t votes[4] = {0, 0, 0, 0};  // by EntityType
};

EntityType Vote(const uint32_t votes[4]) {
  if (votes[static_cast<int>(EntityType::kPerson)] > 0 &&
      votes[static_cast<int>(EntityType::kPerson)] >=
          votes[static_cast<int>(EntityType::kOrganisation)]) {
    return EntityType::kPerson;
  }
  if (votes[static_cast<int>(EntityType::kOrganisation)] > 0) return EntityType::kOrganisation;
  // "in X" also precedes people ("in Hun Sen's view"): a place needs the
  // hint on a good share of its mentions.
  const uint32_t total = votes[0] + votes[1] + votes[2] + votes[3];
  if (votes[static_cast<int>(EntityType::kPlace)] * 4 >= total && total > 0 &&
      votes[static_cast<int>(EntityType::kPlace)] > 0) {
    return EntityType::kPlace;
  }
  return EntityType::kOther;
}

// Fuzzy matching (UnitsMatch) keeps a unit's fused prefix and first letter:
// units from `from` on, as a look-up key for the keys that can match.
std::string Shape(const std::vector<std::string>& units, size_t from) {
  std::string shape = std::to_string(units.size() - from);
  for (size_t i = from; i < units.size(); ++i) {
    const std::string& u = units[i];
    const size_t colon = u.find(':');
    const size_t rest = colon == std::string::npos ? 0 : colon + 1;
    shape += ' ';
    shape.append(u, 0, rest);
    if (rest < u.size()) shape += u[rest];
  }
  return shape;
}

// Bounds that keep linking near-linear in the names of any input (a news
// cluster's names stay far below them): keys of one shape compared with at
// most this many before them, tails of at most this many units, and at most
// this many full names read for one shorter form.
constexpr size_t kFuzzyPeers = 256;
constexpr size_t kMaxTailUnits = 6;
constexpr size_t kMaxTailCandidates = 4096;

}  // namespace

EntityAnalysis LinkEntities(const AnalyzedCluster& cluster, std::vector<EntityMention> mentions,
                            const std::vector<uint32_t>& doc_group) {
  // 1. Exact keys.
  std::vector<KeyGroup> groups;
  std::unordered_map<std::string, size_t> group_of_key;
  for (size_t i = 0; i < mentions.size(); ++i) {
    const EntityMention& m = mentions[i];
    const std::string exact = m.canonical.empty() ? "k:" + m.key.Joined() : "c:" + m.canonical;
    auto [it, inserted] = group_of_key.emplace(exact, groups.size());
    if (inserted) groups.push_back(KeyGroup{m.key, m.canonical, {}, {0, 0, 0, 0}});
    KeyGroup& g = groups[it->second];
    g.mentions.push_back(i);
    ++g.votes[static_cast<int>(m.hint)];
  }
  // 2. Fuzzy full-name matches (transliteration variants): keys that can
  // match have one shape (UnitShape of every unit); each is compared with
  // at most kFuzzyPeers of its shape before it.
  DisjointSets sets(groups.size());
  std::unordered_map<std::string, std::vector<size_t>> buckets;
  for (size_t g = 0; g < groups.size(); ++g) {
    if (!groups[g].canonical.empty() || groups[g].key.units.empty()) continue;
    buckets[Shape(groups[g].key.units, 0)].push_back(g);
  }
  for (const auto& [unused, members] : buckets) {
    for (size_t b = 1; b < members.size(); ++b) {
      for (size_t a = b > kFuzzyPeers ? b - kFuzzyPeers : 0; a < b; ++a) {
        if (KeysMatch(groups[members[a]].key, groups[members[b]].key)) {
          sets.Union(members[a], members[b]);
        }
      }
    }
  }
  // 3. Shorter forms join the unique longer name they are a tail of. Only
  // names not typed as organisations or places: "Council" is no tail of
  // "Security Council" worth guessing.
  std::vector<std::vector<uint32_t>> root_votes(groups.size(), std::vector<uint32_t>(4, 0));
  for (size_t g = 0; g < groups.size(); ++g) {
    for (int t = 0; t < 4; ++t) root_votes[sets.Find(g)][t] += groups[g].votes[t];
  }
  std::vector<EntityType> type_of(groups.size());
  for (size_t g = 0; g < groups.size(); ++g) type_of[g] = Vote(root_votes[sets.Find(g)].data());
  // Place hints ("in X") are weak evidence; a surname seen once after "in"
  // must still find its full name. Organisation words are strong.
  auto person_like = [&](size_t g) { return type_of[g] != EntityType::kOrganisation; };
  auto full_name_like = [&](size_t g) {
    return type_of[g] == EntityType::kPerson || type_of[g] == EntityType::kOther;
  };
  // Full names by the forms of their tails IsTailOf can match: a last unit
  // as it is, the core of a fused last unit, the shape of a longer tail.
  std::unordered_map<std::string, std::vector<size_t>> fulls_by_tail;
  for (size_t f = 0; f < groups.size(); ++f) {
    const std::vector<std::string>& units = groups[f].key.units;
    if (!groups[f].canonical.empty() || units.size() < 2 || !full_name_like(f)) continue;
    fulls_by_tail["=" + units.back()].push_back(f);
    if (const size_t colon = units.back().find(':'); colon != std::string::npos) {
      fulls_by_tail["=" + units.back().substr(colon + 1)].push_back(f);
    }
    for (size_t k = 2; k < units.size() && k <= kMaxTailUnits; ++k) {
      fulls_by_tail[Shape(units, units.size() - k)].push_back(f);
    }
  }
  std::vector<std::pair<size_t, size_t>> tail_links;
  for (size_t g = 0; g < groups.size(); ++g) {
    const std::vector<std::string>& units = groups[g].key.units;
    if (!groups[g].canonical.empty() || units.empty() || units.size() > kMaxTailUnits ||
        !person_like(g)) {
      continue;
    }
    auto fulls = fulls_by_tail.find(units.size() == 1 ? "=" + units[0] : Shape(units, 0));
    if (fulls == fulls_by_tail.end()) continue;
    std::vector<size_t> candidates;
    size_t scanned = 0;
    for (size_t f : fulls->second) {
      if (++scanned > kMaxTailCandidates) break;
      if (f == g || groups[f].key.units.size() <= units.size() ||
          !IsTailOf(groups[g].key, groups[f].key)) {
        continue;
      }
      candidates.push_back(sets.Find(f));
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    if (candidates.size() == 1) tail_links.emplace_back(g, candidates[0]);
  }
  for (auto [g, f] : tail_links) sets.Union(g, f);

  // 4. Build entities from roots.
  std::unordered_map<size_t, size_t> entity_of_root;
  std::vector<std::vector<size_t>> entity_mentions;
  std::vector<std::vector<uint32_t>> entity_votes;
  std::vector<std::string> entity_canonical;
  for (size_t g = 0; g < groups.size(); ++g) {
    const size_t root = sets.Find(g);
    auto [it, inserted] = entity_of_root.emplace(root, entity_mentions.size());
    if (inserted) {
      entity_mentions.emplace_back();
      entity_votes.emplace_back(4, 0);
      entity_canonical.emplace_back();
    }
    const size_t e = it->second;
    entity_mentions[e].insert(entity_mentions[e].end(), groups[g].mentions.begin(),
                              groups[g].mentions.end());
    for (int t = 0; t < 4; ++t) entity_votes[e][t] += groups[g].votes[t];
    if (!groups[g].canonical.empty()) entity_canonical[e] = groups[g].canonical;
  }

  std::vector<ComparedEntity> entities(entity_mentions.size());
  for (size_t e = 0; e < entities.size(); ++e) {
    ComparedEntity& out = entities[e];
    std::sort(entity_mentions[e].begin(), entity_mentions[e].end());
    // Name: the most frequent spelling among the fullest forms.
    size_t most_units = 0;
    for (size_t mi : entity_mentions[e])
      most_units = std::max(most_units, mentions[mi].key.units.size());
    std::map<std::string, uint32_t> full_counts;
    std::vector<std::string> spellings;  // in order of first use
    std::unordered_set<std::string_view> spelled;
    for (size_t mi : entity_mentions[e]) {
      const EntityMention& m = mentions[mi];
      if (m.key.units.size() == most_units) ++full_counts[m.surface];
      if (spelled.insert(m.surface).second) spellings.push_back(m.surface);
    }
    out.name = entity_canonical[e];
    if (out.name.empty()) {
      uint32_t best = 0;
      for (const auto& [surface, count] : full_counts) {
        if (count > best) out.name = surface, best = count;
      }
    }
    for (const std::string& s : spellings) {
      if (s != out.name) out.aliases.push_back(s);
    }
    out.type = Vote(entity_votes[e].data());
    // Work in the entity's mentions, not in the cluster's documents.
    std::vector<uint32_t> docs, doc_groups;
    int64_t last_sentence = -1;
    for (size_t mi : entity_mentions[e]) {
      const EntityMention& m = mentions[mi];
      const AnalyzedSentence& s = cluster.sentences[m.sentence];
      const uint32_t doc = s.sentence.doc;
      docs.push_back(doc);
      doc_groups.push_back(doc_group[doc]);
      if (static_cast<int64_t>(m.sentence) != last_sentence) {
        out.mentions.push_back({cluster.documents[doc].id, s.sentence.index, s.sentence.text});
        last_sentence = m.sentence;
      }
    }
    std::sort(docs.begin(), docs.end());
    docs.erase(std::unique(docs.begin(), docs.end()), docs.end());
    for (uint32_t d : docs) out.sources.push_back(cluster.documents[d].id);
    std::sort(doc_groups.begin(), doc_groups.end());
    out.support = static_cast<uint32_t>(std::unique(doc_groups.begin(), doc_groups.end()) -
                                        doc_groups.begin());
  }

  // 5. Order: most independent sources, then most mentions.
  std::vector<size_t> order(entities.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (entities[a].support != entities[b].support)
      return entities[a].support > entities[b].support;
    return entities[a].mentions.size() > entities[b].mentions.size();
  });
  std::vector<size_t> rank(entities.size());
  EntityAnalysis result;
  for (size_t r = 0; r < order.size(); ++r) {
    rank[order[r]] = r;
    result.entities.push_back(std::move(entities[order[r]]));
  }
  result.by_sentence.resize(cluster.sentences.size());
  for (size_t g = 0; g < groups.size(); ++g) {
    const uint32_t e = static_cast<uint32_t>(rank[entity_of_root[sets.Find(g)]]);
    for (size_t mi : groups[g].mentions) {
      const EntityMention& m = mentions[mi];
      result.by_sentence[m.sentence].push_back({m.begin, m.end, e});
    }
  }
  for (auto& spans : result.by_sentence) {
    std::sort(spans.begin(), spans.end(),
              [](const EntitySpan& a, const EntitySpan& b) { return a.begin < b.begin; });
  }
  return result;
}

}  // namespace chorus::compare
