#include "compare/quote_facts.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "compare/name_key.h"
#include "compare/pair_budget.h"
#include "compare/quotes.h"

namespace chorus::compare {
namespace {

// At most 20M quote look-ups in all (well under a second; pair_budget.h).
constexpr uint64_t kQuoteLookups = 20'000'000;
// Speakers of one quotation compared for a "who said it" discrepancy.
constexpr size_t kMaxQuoteSpeakers = 16;

// Keeps the `most` speakers with the most quotes (ties: the lower entity).
void KeepMostQuoted(size_t most, std::map<int64_t, std::vector<size_t>>* by_speaker) {
  if (by_speaker->size() <= most) return;
  std::vector<std::pair<size_t, int64_t>> order;  // (-quotes, entity)
  for (const auto& [e, members] : *by_speaker) order.emplace_back(SIZE_MAX - members.size(), e);
  std::sort(order.begin(), order.end());
  for (size_t k = most; k < order.size(); ++k) by_speaker->erase(order[k].second);
}

// One quotation's tellings: by named speaker, and who most name.
struct Speakers {
  std::map<int64_t, std::vector<size_t>> by_entity;  // entity -> its quotes
  std::vector<std::string> unlinked;                 // speakers named as text only
  int64_t most_named = -1;                           // entity, or -1
};

Speakers SpeakersOf(const std::vector<QuoteMention>& quotes, const std::vector<size_t>& set) {
  Speakers speakers;
  std::map<int64_t, uint32_t> votes;
  for (size_t i : set) {
    const QuoteMention& q = quotes[i];
    if (q.speaker_entity >= 0) {
      ++votes[q.speaker_entity];
      speakers.by_entity[q.speaker_entity].push_back(i);
    } else if (!q.speaker_text.empty()) {
      speakers.unlinked.push_back(q.speaker_text);
    }
  }
  uint32_t most = 0;
  for (const auto& [e, n] : votes) {
    if (n > most) speakers.most_named = e, most = n;
  }
  return speakers;
}

// Joins each speaker whose name is the tail of another's ("Trent", "Carlie
// Trent") to the fuller name: only names that cannot be the same person
// conflict, even when linking could not tell which Trent.
class SpeakerJoiner {
 public:
  explicit SpeakerJoiner(const EntityAnalysis& entities)
      : entities_(entities),
        keys_(entities.entities.size()),
        keyed_(entities.entities.size(), false) {}

  void Join(Speakers* speakers) {
    auto& by_entity = speakers->by_entity;
    for (auto it = by_entity.begin(); it != by_entity.end();) {
      const NameKey& key = KeyOf(it->first);
      auto fuller = std::find_if(by_entity.begin(), by_entity.end(), [&](const auto& other) {
        return other.first != it->first && IsTailOf(key, KeyOf(other.first));
      });
      if (fuller == by_entity.end()) {
        ++it;
        continue;
      }
      fuller->second.insert(fuller->second.end(), it->second.begin(), it->second.end());
      if (speakers->most_named == it->first) speakers->most_named = fuller->first;
      it = by_entity.erase(it);
    }
  }

 private:
  const NameKey& KeyOf(int64_t e) {
    const auto i = static_cast<size_t>(e);
    if (!keyed_[i]) keys_[i] = MakeNameKey(entities_.entities[i].name);
    keyed_[i] = true;
    return keys_[i];
  }

  const EntityAnalysis& entities_;
  std::vector<NameKey> keys_;  // by entity, made when first asked
  std::vector<bool> keyed_;
};

Discrepancy SpeakerDiscrepancy(const Fact& fact, const Speakers& speakers,
                               const std::vector<QuoteMention>& quotes,
                               const EntityAnalysis& entities, const FactAssembler& assembler) {
  Discrepancy d;
  d.about = "speaker of \"" + fact.text.substr(0, 80) + (fact.text.size() > 80 ? "...\"" : "\"");
  for (const auto& [e, members] : speakers.by_entity) {
    Fact part;
    std::vector<uint32_t> sentences;
    for (size_t i : members) sentences.push_back(quotes[i].sentence);
    assembler.Attach(std::move(sentences), &part);
    d.values.push_back(
        {entities.entities[static_cast<size_t>(e)].name, part.sources, part.mentions});
  }
  return d;
}

}  // namespace

void AddQuoteFacts(const AnalyzedCluster& cluster, const EntityAnalysis& entities,
                   const FactAssembler& assembler, const CompareOptions& options, Comparison* out) {
  const std::vector<QuoteMention> quotes =
      ExtractQuotes(cluster, entities, options.quote_min_words);
  PairBudget budget(kQuoteLookups, "quotes");
  const std::vector<std::vector<size_t>> same = SameQuotes(quotes, options.quote_overlap, &budget);
  budget.Report(&out->warnings);
  SpeakerJoiner joiner(entities);
  for (const std::vector<size_t>& set : same) {
    Fact fact;
    fact.kind = FactKind::kQuote;
    std::vector<uint32_t> sentences;
    for (size_t i : set) {
      sentences.push_back(quotes[i].sentence);
      if (quotes[i].text.size() > fact.text.size()) fact.text = quotes[i].text;
    }
    assembler.Attach(std::move(sentences), &fact);
    Speakers speakers = SpeakersOf(quotes, set);
    // One quotation given to more speakers than a reader can weigh is not a
    // dispute about who said it: only the most frequent are compared.
    KeepMostQuoted(kMaxQuoteSpeakers, &speakers.by_entity);
    joiner.Join(&speakers);
    fact.speaker = speakers.most_named >= 0
                       ? entities.entities[static_cast<size_t>(speakers.most_named)].name
                       : MostCommon(speakers.unlinked);
    if (speakers.by_entity.size() >= 2) {
      out->discrepancies.push_back(SpeakerDiscrepancy(fact, speakers, quotes, entities, assembler));
    }
    out->facts.push_back(std::move(fact));
  }
}

}  // namespace chorus::compare
