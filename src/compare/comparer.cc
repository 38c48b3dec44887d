// Comparer: runs the compare stage's parts over one analysed cluster and
// assembles consensus, discrepancies and exclusives from their facts.
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <unordered_map>

#include "base/disjoint_sets.h"
#include "chorus/compare.h"
#include "compare/claims.h"
#include "compare/entities.h"
#include "compare/framing.h"
#include "compare/lexicon.h"
#include "compare/name_key.h"
#include "compare/numbers.h"
#include "compare/pair_budget.h"
#include "compare/perspectives.h"
#include "compare/quotes.h"

namespace chorus {
namespace compare {
namespace {

// Fills sources, support and mentions of `fact` from the sentences stating it.
class FactAssembler {
 public:
  FactAssembler(const AnalyzedCluster& cluster, const std::vector<uint32_t>& doc_group)
      : cluster_(cluster), doc_group_(doc_group) {}

  // Work in the sentences stating the fact, not in the cluster's documents
  // (a cluster of 100k articles has as many facts).
  void Attach(std::vector<uint32_t> sentences, Fact* fact) const {
    std::sort(sentences.begin(), sentences.end());
    sentences.erase(std::unique(sentences.begin(), sentences.end()), sentences.end());
    std::vector<uint32_t> groups;
    for (size_t k = 0; k < sentences.size(); ++k) {
      const Sentence& sent = cluster_.sentences[sentences[k]].sentence;
      fact->mentions.push_back({cluster_.documents[sent.doc].id, sent.index, sent.text});
      // Sentences are numbered document by document.
      if (k > 0 && cluster_.sentences[sentences[k - 1]].sentence.doc == sent.doc) continue;
      fact->sources.push_back(cluster_.documents[sent.doc].id);
      groups.push_back(doc_group_[sent.doc]);
    }
    std::sort(groups.begin(), groups.end());
    fact->support = static_cast<uint32_t>(std::unique(groups.begin(), groups.end()) - groups.begin());
  }

  uint32_t Group(uint32_t sentence) const {
    return doc_group_[cluster_.sentences[sentence].sentence.doc];
  }

 private:
  const AnalyzedCluster& cluster_;
  const std::vector<uint32_t>& doc_group_;
};

std::string MostCommon(const std::vector<std::string>& values) {
  std::map<std::string, uint32_t> counts;
  for (const std::string& v : values) ++counts[v];
  std::string best;
  uint32_t most = 0;
  for (const auto& [v, c] : counts) {
    if (c > most) best = v, most = c;
  }
  return best;
}

// Two number mentions fill one slot only when their sentences agree on at
// least this share of their other content words.
constexpr double kMinSlotJaccard = 0.2;
// ... and when the larger value is at most this multiple of the smaller.
constexpr double kMaxConflictRatio = 3.0;

// Bounds on the pairwise parts (pair_budget.h), above what news needs (on
// 2,000 articles on gun violence the output equals unbounded matching; 64
// values and 16 tellings did not): a slot is compared on its 256 most told values, a
// value on 64 distinct ways it is told, and at most 20M comparisons of
// tellings and 20M quote look-ups are made in all (well under a second).
constexpr size_t kMaxSlotValues = 256;
constexpr size_t kMaxFactTellings = 64;
constexpr uint64_t kNumberPairs = 20'000'000;
constexpr uint64_t kQuoteLookups = 20'000'000;
// People compared for one-letter spellings (each a short edit distance).
constexpr uint64_t kNamePairs = 4'000'000;
// Speakers of one quotation compared for a "who said it" discrepancy.
constexpr size_t kMaxQuoteSpeakers = 16;

std::string SlotName(NumberKind kind, const std::string& unit_word) {
  switch (kind) {
    case NumberKind::kCount: return "number of " + unit_word;
    case NumberKind::kMoney: return "amount (" + unit_word + ")";
    case NumberKind::kPercent: return "percentage";
    case NumberKind::kTally: return "tally";
    case NumberKind::kDate: return "date";
    case NumberKind::kYear: return "year";
  }
  return "value";
}

// Whether two ascending lists share an element (their sizes in steps).
template <typename T>
bool ShareAny(const std::vector<T>& a, const std::vector<T>& b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      return true;
    }
  }
  return false;
}

// The documents (indices, ascending) whose sentences are `mentions`.
std::vector<uint32_t> DocumentsOf(const AnalyzedCluster& cluster,
                                  const std::vector<NumberMention>& all,
                                  const std::vector<size_t>& mentions) {
  std::vector<uint32_t> docs;
  for (size_t m : mentions) docs.push_back(cluster.sentences[all[m].sentence].sentence.doc);
  std::sort(docs.begin(), docs.end());
  docs.erase(std::unique(docs.begin(), docs.end()), docs.end());
  return docs;
}

// One way a number fact is told: its sentence's other content stems (ids,
// sorted) and the sentence's independent-source group.
struct Telling {
  std::vector<uint32_t> context;
  uint32_t group = 0;
};

// The distinct tellings of each number fact (one per context and group, at
// most kMaxFactTellings), stems numbered once for the whole cluster so that
// comparing two contexts compares integers.
std::vector<std::vector<Telling>> TellingsOf(const std::vector<NumberMention>& mentions,
                                             const std::vector<std::vector<size_t>>& mentions_of_fact,
                                             const FactAssembler& assembler) {
  std::unordered_map<std::string_view, uint32_t> stem_id;
  std::vector<std::vector<Telling>> tellings(mentions_of_fact.size());
  for (size_t k = 0; k < mentions_of_fact.size(); ++k) {
    for (size_t m : mentions_of_fact[k]) {
      Telling t;
      t.group = assembler.Group(mentions[m].sentence);
      for (const std::string& stem : mentions[m].context) {
        t.context.push_back(stem_id.emplace(stem, static_cast<uint32_t>(stem_id.size())).first->second);
      }
      std::sort(t.context.begin(), t.context.end());
      std::vector<Telling>& told = tellings[k];
      if (std::none_of(told.begin(), told.end(), [&](const Telling& o) {
            return o.group == t.group && o.context == t.context;
          })) {
        told.push_back(std::move(t));
      }
      if (told.size() == kMaxFactTellings) break;
    }
  }
  return tellings;
}

size_t SharedCount(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  size_t i = 0, j = 0, n = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++n, ++i, ++j;
    }
  }
  return n;
}

// The best context Jaccard of two facts told by different groups with at
// least `min_context` stems in common (and a Jaccard of kMinSlotJaccard): how
// surely they fill one slot; 0 when no two tellings agree so, or when the
// budget is spent.
double Agreement(const std::vector<Telling>& a, const std::vector<Telling>& b, size_t min_context,
                 PairBudget* budget) {
  if (!budget->Take(a.size() * b.size())) return 0;
  double best = 0;
  for (const Telling& ta : a) {
    for (const Telling& tb : b) {
      if (ta.group == tb.group) continue;
      const size_t shared = SharedCount(ta.context, tb.context);
      const double jaccard = static_cast<double>(shared) /
                             static_cast<double>(ta.context.size() + tb.context.size() - shared);
      if (shared >= min_context && jaccard >= kMinSlotJaccard) best = std::max(best, jaccard);
    }
  }
  return best;
}

// The `most` facts (indices into `mentions_of_fact`) told most often, in
// their order in `facts`: a slot or a value with more is compared on these.
std::vector<size_t> MostTold(std::vector<size_t> facts, size_t most,
                             const std::vector<std::vector<size_t>>& mentions_of_fact) {
  if (facts.size() <= most) return facts;
  std::vector<size_t> order = facts;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return mentions_of_fact[a].size() > mentions_of_fact[b].size();
  });
  order.resize(most);
  std::sort(order.begin(), order.end());
  return order;
}

// "200 people" and "200 residents" evacuated from the same houseboats: one
// count named with two nouns. Counts of equal value whose sentences (from
// different sources) agree on their other words become one fact.
void MergeSameCountInOtherWords(const std::vector<NumberMention>& mentions,
                                const std::vector<std::vector<size_t>>& mentions_of_fact,
                                const std::vector<std::vector<Telling>>& tellings, size_t first_fact,
                                const FactAssembler& assembler, PairBudget* budget,
                                Comparison* out) {
  const size_t n = mentions_of_fact.size();
  std::map<std::string, std::vector<size_t>> counts_of_value;
  for (size_t k = 0; k < n; ++k) {
    const NumberMention& first = mentions[mentions_of_fact[k][0]];
    if (first.kind == NumberKind::kCount) counts_of_value[first.value].push_back(k);
  }
  DisjointSets sets(n);
  bool any = false;
  for (const auto& [value, all] : counts_of_value) {
    const std::vector<size_t> facts = MostTold(all, kMaxSlotValues, mentions_of_fact);
    for (size_t i = 0; i < facts.size(); ++i) {
      for (size_t j = i + 1; j < facts.size(); ++j) {
        const size_t a = facts[i], b = facts[j];
        if (mentions[mentions_of_fact[a][0]].unit == mentions[mentions_of_fact[b][0]].unit) continue;
        if (Agreement(tellings[a], tellings[b], 2, budget) > 0) sets.Union(a, b), any = true;
      }
    }
  }
  if (!any) return;
  std::vector<Fact> merged;
  for (const std::vector<size_t>& set : sets.Sets()) {
    if (set.size() == 1) {
      merged.push_back(std::move(out->facts[first_fact + set[0]]));
      continue;
    }
    size_t widest = set[0];
    std::vector<uint32_t> sentences;
    for (size_t k : set) {
      if (out->facts[first_fact + k].support > out->facts[first_fact + widest].support) widest = k;
      for (size_t m : mentions_of_fact[k]) sentences.push_back(mentions[m].sentence);
    }
    Fact fact;
    fact.kind = FactKind::kNumber;
    fact.text = out->facts[first_fact + widest].text;
    fact.value = out->facts[first_fact + widest].value;
    fact.unit = out->facts[first_fact + widest].unit;
    assembler.Attach(std::move(sentences), &fact);
    merged.push_back(std::move(fact));
  }
  out->facts.resize(first_fact);
  for (Fact& f : merged) out->facts.push_back(std::move(f));
}

// Number facts: one per (kind, value, counted noun); slots filled with
// different values by different sources become discrepancies.
void AddNumberFacts(const AnalyzedCluster& cluster, const FactAssembler& assembler,
                    const CompareOptions& options, Comparison* out) {
  std::vector<NumberMention> mentions;
  for (uint32_t s = 0; s < cluster.sentences.size(); ++s) {
    for (NumberMention& m : ExtractNumbers(cluster.sentences[s], s)) mentions.push_back(std::move(m));
  }
  std::map<std::string, std::vector<size_t>> by_key;
  for (size_t i = 0; i < mentions.size(); ++i) {
    const NumberMention& m = mentions[i];
    by_key[std::to_string(static_cast<int>(m.kind)) + "|" + m.unit + "|" + m.match_value].push_back(i);
  }
  std::map<std::string, std::vector<size_t>> by_slot;  // kind|unit -> facts (indices below)
  const size_t first_fact = out->facts.size();
  std::vector<std::vector<size_t>> mentions_of_fact;  // parallel to the facts added here
  for (const auto& [key, members] : by_key) {
    Fact fact;
    fact.kind = FactKind::kNumber;
    std::vector<std::string> texts;
    std::vector<uint32_t> sentences;
    for (size_t i : members) {
      texts.push_back(mentions[i].text);
      sentences.push_back(mentions[i].sentence);
      if (mentions[i].value.size() > fact.value.size()) fact.value = mentions[i].value;
    }
    const NumberMention& first = mentions[members[0]];
    fact.text = MostCommon(texts);
    fact.unit = first.unit;
    assembler.Attach(std::move(sentences), &fact);
    by_slot[std::to_string(static_cast<int>(first.kind)) + "|" + first.unit].push_back(
        mentions_of_fact.size());
    mentions_of_fact.push_back(members);
    out->facts.push_back(std::move(fact));
  }
  const std::vector<std::vector<Telling>> tellings = TellingsOf(mentions, mentions_of_fact, assembler);
  PairBudget budget(kNumberPairs, "numbers");
  size_t crowded_slots = 0;
  std::pair<size_t, std::string> most_crowded;  // values, slot name
  for (const auto& [slot, all] : by_slot) {
    if (all.size() < 2) continue;
    if (all.size() > kMaxSlotValues) {
      ++crowded_slots;
      const NumberMention& first = mentions[mentions_of_fact[all[0]][0]];
      const std::string& text = out->facts[first_fact + all[0]].text;  // "40 people"
      const std::string noun = text.substr(text.rfind(' ') + 1);
      if (all.size() > most_crowded.first) {
        most_crowded = {all.size(),
                        SlotName(first.kind, first.kind == NumberKind::kCount ? noun : first.unit)};
      }
    }
    // A slot told with more values than a reader can weigh is compared on
    // its most told values.
    const std::vector<size_t> facts = MostTold(all, kMaxSlotValues, mentions_of_fact);
    const bool dated = slot[0] == '0' + static_cast<int>(NumberKind::kDate) ||
                       slot[0] == '0' + static_cast<int>(NumberKind::kYear);
    // Dates, sums and shares are everywhere in news; they need more shared
    // context than counts of a named thing to be one slot.
    const bool measured = slot[0] == '0' + static_cast<int>(NumberKind::kMoney) ||
                          slot[0] == '0' + static_cast<int>(NumberKind::kPercent);
    const size_t min_context = options.discrepancy_min_context + (dated ? 2 : measured ? 1 : 0);
    // Conflicting pairs, strongest context agreement first.
    struct Conflict {
      double agreement;
      size_t a, b;
    };
    std::vector<Conflict> conflicts;
    std::vector<char> conflicting(facts.size() * facts.size(), 0);
    std::vector<std::vector<uint32_t>> docs;
    for (size_t k : facts) docs.push_back(DocumentsOf(cluster, mentions, mentions_of_fact[k]));
    for (size_t a = 0; a < facts.size(); ++a) {
      for (size_t b = a + 1; b < facts.size(); ++b) {
        // A source that reports both values tells two slots apart itself
        // ("64 of the 122 seats"; two dates for two events).
        if (!budget.Take(docs[a].size() + docs[b].size()) || ShareAny(docs[a], docs[b])) continue;
        const Fact& fa = out->facts[first_fact + facts[a]];
        const Fact& fb = out->facts[first_fact + facts[b]];
        // Reports of one count disagree by margins (300 vs 250 tents, 40 vs
        // 52 dead); numbers far apart count different things.
        if (!dated && slot[0] != '0' + static_cast<int>(NumberKind::kTally)) {
          const double va = std::strtod(fa.value.c_str(), nullptr);
          const double vb = std::strtod(fb.value.c_str(), nullptr);
          if (va <= 0 || vb <= 0 || std::max(va, vb) > kMaxConflictRatio * std::min(va, vb)) continue;
        }
        const double best = Agreement(tellings[facts[a]], tellings[facts[b]], min_context, &budget);
        if (best > 0) {
          conflicts.push_back({best, a, b});
          conflicting[a * facts.size() + b] = conflicting[b * facts.size() + a] = 1;
        }
      }
    }
    std::sort(conflicts.begin(), conflicts.end(),
              [](const Conflict& x, const Conflict& y) { return x.agreement > y.agreement; });
    // Slots are cliques: a value joins a slot only if it conflicts with every
    // value already there, so chains of loosely related numbers do not merge.
    std::vector<std::vector<size_t>> slots;
    std::vector<int64_t> slot_of(facts.size(), -1);
    for (const Conflict& c : conflicts) {
      if (slot_of[c.a] < 0 && slot_of[c.b] < 0) {
        slot_of[c.a] = slot_of[c.b] = static_cast<int64_t>(slots.size());
        slots.push_back({c.a, c.b});
        continue;
      }
      if (slot_of[c.a] >= 0 && slot_of[c.b] >= 0) continue;
      const size_t joined = slot_of[c.a] >= 0 ? c.a : c.b;
      const size_t joining = joined == c.a ? c.b : c.a;
      std::vector<size_t>& members = slots[static_cast<size_t>(slot_of[joined])];
      if (std::all_of(members.begin(), members.end(),
                      [&](size_t m) { return conflicting[m * facts.size() + joining] != 0; })) {
        members.push_back(joining);
        slot_of[joining] = slot_of[joined];
      }
    }
    for (const std::vector<size_t>& set : slots) {
      const NumberMention& first = mentions[mentions_of_fact[facts[set[0]]][0]];
      std::vector<std::string> words;
      Discrepancy d;
      for (size_t k : set) {
        const Fact& f = out->facts[first_fact + facts[k]];
        const size_t space = f.text.rfind(' ');
        if (space != std::string::npos) words.push_back(f.text.substr(space + 1));
        d.values.push_back({f.text, f.sources, f.mentions});
      }
      d.about = SlotName(first.kind, first.kind == NumberKind::kCount ? MostCommon(words) : first.unit);
      out->discrepancies.push_back(std::move(d));
    }
  }
  MergeSameCountInOtherWords(mentions, mentions_of_fact, tellings, first_fact, assembler, &budget,
                             out);
  budget.Report(&out->warnings);
  if (crowded_slots > 0) {
    out->warnings.push_back(fmt::format(
        "{} number slot(s) have more than {} values (the most: {}, {} values); each was checked "
        "for discrepancies among its {} most told values",
        crowded_slots, kMaxSlotValues, most_crowded.second, most_crowded.first, kMaxSlotValues));
  }
}

// Keeps the `most` speakers with the most quotes (ties: the lower entity).
void KeepMostQuoted(size_t most, std::map<int64_t, std::vector<size_t>>* by_speaker) {
  if (by_speaker->size() <= most) return;
  std::vector<std::pair<size_t, int64_t>> order;  // (-quotes, entity)
  for (const auto& [e, members] : *by_speaker) order.emplace_back(SIZE_MAX - members.size(), e);
  std::sort(order.begin(), order.end());
  for (size_t k = most; k < order.size(); ++k) by_speaker->erase(order[k].second);
}

// Quote facts: quotes of different sources with mostly the same words are
// one; different named speakers for one quote are a discrepancy.
void AddQuoteFacts(const AnalyzedCluster& cluster, const EntityAnalysis& entities,
                   const FactAssembler& assembler, const CompareOptions& options, Comparison* out) {
  std::vector<QuoteMention> quotes = ExtractQuotes(cluster, entities, options.quote_min_words);
  PairBudget budget(kQuoteLookups, "quotes");
  const std::vector<std::vector<size_t>> same = SameQuotes(quotes, options.quote_overlap, &budget);
  budget.Report(&out->warnings);
  std::vector<NameKey> speaker_keys(entities.entities.size());
  std::vector<bool> keyed(entities.entities.size(), false);
  for (const std::vector<size_t>& set : same) {
    Fact fact;
    fact.kind = FactKind::kQuote;
    std::vector<uint32_t> sentences;
    std::map<int64_t, uint32_t> entity_votes;
    std::vector<std::string> text_speakers;
    std::map<int64_t, std::vector<size_t>> by_speaker;
    for (size_t i : set) {
      const QuoteMention& q = quotes[i];
      sentences.push_back(q.sentence);
      if (q.text.size() > fact.text.size()) fact.text = q.text;
      if (q.speaker_entity >= 0) {
        ++entity_votes[q.speaker_entity];
        by_speaker[q.speaker_entity].push_back(i);
      } else if (!q.speaker_text.empty()) {
        text_speakers.push_back(q.speaker_text);
      }
    }
    int64_t speaker = -1;
    uint32_t most = 0;
    for (const auto& [e, votes] : entity_votes) {
      if (votes > most) speaker = e, most = votes;
    }
    assembler.Attach(std::move(sentences), &fact);
    // One quotation given to more speakers than a reader can weigh is not a
    // dispute about who said it: only the most frequent are compared.
    KeepMostQuoted(kMaxQuoteSpeakers, &by_speaker);
    const auto key_of = [&](int64_t e) -> const NameKey& {
      const auto i = static_cast<size_t>(e);
      if (!keyed[i]) speaker_keys[i] = MakeNameKey(entities.entities[i].name);
      keyed[i] = true;
      return speaker_keys[i];
    };
    // "Trent" and "Carlie Trent" are one speaker even when linking could not
    // tell which Trent: only names that cannot be the same person conflict.
    for (auto it = by_speaker.begin(); it != by_speaker.end();) {
      const NameKey& key = key_of(it->first);
      auto fuller = std::find_if(by_speaker.begin(), by_speaker.end(), [&](const auto& other) {
        return other.first != it->first && IsTailOf(key, key_of(other.first));
      });
      if (fuller == by_speaker.end()) {
        ++it;
        continue;
      }
      fuller->second.insert(fuller->second.end(), it->second.begin(), it->second.end());
      if (speaker == it->first) speaker = fuller->first;
      it = by_speaker.erase(it);
    }
    fact.speaker = speaker >= 0 ? entities.entities[static_cast<size_t>(speaker)].name
                                : MostCommon(text_speakers);
    if (by_speaker.size() >= 2) {
      Discrepancy d;
      d.about = "speaker of \"" + fact.text.substr(0, 80) + (fact.text.size() > 80 ? "...\"" : "\"");
      for (const auto& [e, members] : by_speaker) {
        Fact part;
        std::vector<uint32_t> ss;
        for (size_t i : members) ss.push_back(quotes[i].sentence);
        assembler.Attach(std::move(ss), &part);
        d.values.push_back({entities.entities[static_cast<size_t>(e)].name, part.sources, part.mentions});
      }
      out->discrepancies.push_back(std::move(d));
    }
    out->facts.push_back(std::move(fact));
  }
}

// Two people whose names differ by one letter in the surname ("Aurelio
// Quinn"/"Aurelio Quint"), named by different sources, are most likely one
// person spelled two ways: a discrepancy to show, not a merge to make.
void AddNameDiscrepancies(const std::vector<ComparedEntity>& entities, Comparison* out) {
  PairBudget budget(kNamePairs, "names");
  std::vector<std::pair<size_t, std::vector<std::string>>> people;
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
    if (parts.size() >= 2 && parts.back().size() >= 4) people.emplace_back(i, std::move(parts));
  }
  // Only people with the same other names and surnames of about one length
  // are compared: an index on those, not all pairs.
  std::map<std::pair<std::vector<std::string>, size_t>, std::vector<size_t>> by_rest;
  for (size_t x = 0; x < people.size(); ++x) {
    const std::vector<std::string>& parts = people[x].second;
    by_rest[{std::vector<std::string>(parts.begin(), parts.end() - 1), parts.back().size()}]
        .push_back(x);
  }
  std::vector<std::pair<size_t, size_t>> pairs;
  for (const auto& [rest, members] : by_rest) {
    for (size_t x : members) {
      // Surnames one edit apart are of equal length or one longer.
      for (size_t length : {rest.second, rest.second + 1}) {
        auto it = by_rest.find({rest.first, length});
        if (it == by_rest.end() || !budget.Take(it->second.size())) continue;
        for (size_t y : it->second) {
          if (length > rest.second || y > x) pairs.emplace_back(std::min(x, y), std::max(x, y));
        }
      }
    }
  }
  std::sort(pairs.begin(), pairs.end());  // the order all pairs were once visited in
  std::vector<std::vector<std::string_view>> sorted_sources(people.size());
  const auto sources_of = [&](size_t x) -> const std::vector<std::string_view>& {
    std::vector<std::string_view>& s = sorted_sources[x];
    if (s.empty()) {
      const std::vector<std::string>& ids = entities[people[x].first].sources;
      s.assign(ids.begin(), ids.end());
      std::sort(s.begin(), s.end());
    }
    return s;
  };
  for (const auto& [x, y] : pairs) {
    const auto& [ex, px] = people[x];
    const auto& [ey, py] = people[y];
    if (EditDistance(px.back(), py.back(), 1) != 1) continue;
    const auto& sx = entities[ex].sources;
    const auto& sy = entities[ey].sources;
    if (!budget.Take(sx.size() + sy.size()) || ShareAny(sources_of(x), sources_of(y))) continue;
    Discrepancy d;
    d.about = "spelling of " + entities[ex].name;
    d.values.push_back({entities[ex].name, sx, entities[ex].mentions});
    d.values.push_back({entities[ey].name, sy, entities[ey].mentions});
    out->discrepancies.push_back(std::move(d));
  }
  budget.Report(&out->warnings);
}

void AddClaimFacts(const AnalyzedCluster& cluster, const std::vector<uint32_t>& groups,
                   const FactAssembler& assembler, const CompareOptions& options, Comparison* out) {
  for (Claim& claim : FindClaims(cluster, groups, options)) {
    Fact fact;
    fact.kind = FactKind::kClaim;
    fact.text = cluster.sentences[claim.center].sentence.text;
    assembler.Attach(std::move(claim.sentences), &fact);
    out->facts.push_back(std::move(fact));
  }
}

}  // namespace
}  // namespace compare

Comparer::Comparer(CompareOptions options) : options_(options) {}

Comparison Comparer::Compare(const AnalyzedCluster& cluster) const {
  return *Compare(cluster, std::stop_token());
}

Result<Comparison> Comparer::Compare(const AnalyzedCluster& cluster,
                                     const std::stop_token& stop) const {
  using namespace compare;
  const auto stopped = [&stop] { return stop.stop_requested(); };
  const Status cancelled(StatusCode::kCancelled, "comparison stopped");
  Comparison out;
  out.cluster_id = cluster.id;
  // Syndicated copies count as one independent source (chorus/copy_groups.h);
  // in a cluster assembled without Represent, every document is its own.
  const std::vector<uint32_t> groups = cluster.copies.group.size() == cluster.documents.size()
                                           ? cluster.copies.group
                                           : DistinctDocuments(cluster.documents.size()).group;
  for (size_t d = 0; d < cluster.documents.size(); ++d) {
    const Document& doc = cluster.documents[d];
    out.sources.push_back({doc.id, doc.title, doc.date, doc.source, groups[d], SourceLean(doc)});
  }
  if (stopped()) return cancelled;
  EntityAnalysis entities =
      LinkEntities(cluster, ExtractEntityMentions(cluster, DefaultEntityLexicon()), groups);
  const FactAssembler assembler(cluster, groups);
  if (stopped()) return cancelled;
  AddNumberFacts(cluster, assembler, options_, &out);
  if (stopped()) return cancelled;
  AddQuoteFacts(cluster, entities, assembler, options_, &out);
  if (stopped()) return cancelled;
  AddClaimFacts(cluster, groups, assembler, options_, &out);
  if (stopped()) return cancelled;
  out.entities = std::move(entities.entities);
  AddNameDiscrepancies(out.entities, &out);

  // Consensus order: independent sources, then how often it is stated.
  std::stable_sort(out.facts.begin(), out.facts.end(), [](const Fact& a, const Fact& b) {
    if (a.support != b.support) return a.support > b.support;
    if (a.mentions.size() != b.mentions.size()) return a.mentions.size() > b.mentions.size();
    return static_cast<int>(a.kind) < static_cast<int>(b.kind);
  });
  std::unordered_map<std::string, size_t> exclusive_of;
  for (uint32_t i = 0; i < out.facts.size(); ++i) {
    if (out.facts[i].support != 1) continue;
    for (const std::string& source : out.facts[i].sources) {
      auto [it, inserted] = exclusive_of.emplace(source, out.exclusives.size());
      if (inserted) out.exclusives.push_back({source, {}});
      out.exclusives[it->second].facts.push_back(i);
    }
  }
  std::sort(out.exclusives.begin(), out.exclusives.end(),
            [](const Exclusive& a, const Exclusive& b) { return a.source < b.source; });
  if (stopped()) return cancelled;
  out.framing = ComputeFraming(cluster, DefaultFramingLexicon(), options_);
  out.perspectives = ComputePerspectives(cluster, out, DefaultFramingLexicon(), options_);
  return out;
}

std::string_view EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kPerson: return "person";
    case EntityType::kOrganisation: return "organisation";
    case EntityType::kPlace: return "place";
    case EntityType::kOther: return "other";
  }
  return "other";
}

std::string_view FactKindName(FactKind kind) {
  switch (kind) {
    case FactKind::kNumber: return "number";
    case FactKind::kQuote: return "quote";
    case FactKind::kClaim: return "claim";
  }
  return "claim";
}

}  // namespace chorus
