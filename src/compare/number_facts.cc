#include "compare/number_facts.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/disjoint_sets.h"
#include "base/sorted_sets.h"
#include "compare/numbers.h"
#include "compare/pair_budget.h"

namespace chorus::compare {
namespace {

// Two number mentions fill one slot only when their sentences agree on at
// least this share of their other content words.
constexpr double kMinSlotJaccard = 0.2;
// ... and when the larger value is at most this multiple of the smaller.
constexpr double kMaxConflictRatio = 3.0;

// Bounds on the pairwise parts (pair_budget.h), above what news needs (on
// 2,000 articles on gun violence the output equals unbounded matching; 64
// values and 16 tellings did not): a slot is compared on its 256 most told
// values, a value on 64 distinct ways it is told, and at most 20M comparisons
// of tellings are made in all (well under a second).
constexpr size_t kMaxSlotValues = 256;
constexpr size_t kMaxFactTellings = 64;
constexpr uint64_t kNumberPairs = 20'000'000;

// What a value is of: values of one slot can disagree.
struct SlotKey {
  NumberKind kind;
  std::string unit;  // NumberMention::unit
  auto operator<=>(const SlotKey&) const = default;
};

// What two mentions share when they state one fact.
struct NumberKey {
  SlotKey slot;
  std::string match_value;  // NumberMention::match_value
};

// Whether unit `a` sorts before `b` as the text "a|" before "b|": a unit
// comes after the longer units it begins ("offici" before "offic"). This is
// the order facts have always been listed in, kept so that equally supported
// facts keep their places.
bool UnitBefore(std::string_view a, std::string_view b) {
  const size_t n = std::min(a.size(), b.size());
  const int c = a.substr(0, n).compare(b.substr(0, n));
  if (c != 0 || a.size() == b.size()) return c < 0;
  constexpr unsigned char kEnd = '|';
  return a.size() < b.size() ? kEnd < static_cast<unsigned char>(b[n])
                             : static_cast<unsigned char>(a[n]) < kEnd;
}

bool operator<(const NumberKey& a, const NumberKey& b) {
  if (a.slot.kind != b.slot.kind) return a.slot.kind < b.slot.kind;
  if (a.slot.unit != b.slot.unit) return UnitBefore(a.slot.unit, b.slot.unit);
  return a.match_value < b.match_value;
}

std::string SlotName(NumberKind kind, const std::string& unit_word) {
  switch (kind) {
    case NumberKind::kCount:
      return "number of " + unit_word;
    case NumberKind::kMoney:
      return "amount (" + unit_word + ")";
    case NumberKind::kPercent:
      return "percentage";
    case NumberKind::kTally:
      return "tally";
    case NumberKind::kDate:
      return "date";
    case NumberKind::kYear:
      return "year";
  }
  return "value";
}

// The last word of a fact's text ("40 people": "people"), or "".
std::string LastWord(const std::string& text) {
  const size_t space = text.rfind(' ');
  return space == std::string::npos ? std::string() : text.substr(space + 1);
}

// One way a number fact is told: its sentence's other content stems (term
// ids, ascending) and the sentence's independent-source group.
struct Telling {
  std::vector<uint32_t> context;
  uint32_t group = 0;
};

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

// Two values of one slot that conflict, and how surely (Agreement).
struct Conflict {
  double agreement;
  size_t a, b;  // positions in the slot's compared values
};

// Slots are cliques: a value joins a slot only if it conflicts with every
// value already there, so chains of loosely related numbers do not merge.
// `conflicts` strongest first; `conflicting` the n x n matrix of them.
std::vector<std::vector<size_t>> CliquesOf(const std::vector<Conflict>& conflicts,
                                           const std::vector<char>& conflicting, size_t n) {
  std::vector<std::vector<size_t>> slots;
  std::vector<int64_t> slot_of(n, -1);
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
                    [&](size_t m) { return conflicting[m * n + joining] != 0; })) {
      members.push_back(joining);
      slot_of[joining] = slot_of[joined];
    }
  }
  return slots;
}

// Builds the number facts of one cluster into one Comparison.
class NumberFactBuilder {
 public:
  NumberFactBuilder(const AnalyzedCluster& cluster, const FactAssembler& assembler,
                    const CompareOptions& options, Comparison* out)
      : cluster_(cluster),
        assembler_(assembler),
        options_(options),
        out_(out),
        first_fact_(out->facts.size()),
        budget_(kNumberPairs, "numbers") {}

  void Run() {
    for (uint32_t s = 0; s < cluster_.sentences.size(); ++s) {
      for (NumberMention& m : ExtractNumbers(cluster_, s)) mentions_.push_back(std::move(m));
    }
    AddFacts();
    TellAll();
    for (const auto& [slot, all] : by_slot_) {
      if (all.size() >= 2) CompareSlot(slot, all);
    }
    MergeSameCountInOtherWords();
    budget_.Report(&out_->warnings);
    ReportCrowded();
  }

 private:
  const Fact& FactAt(size_t k) const { return out_->facts[first_fact_ + k]; }
  const NumberMention& FirstMention(size_t k) const { return mentions_[mentions_of_fact_[k][0]]; }

  // One fact per NumberKey, in key order; by_slot_ lists them by slot.
  void AddFacts() {
    std::map<NumberKey, std::vector<size_t>> by_key;
    for (size_t i = 0; i < mentions_.size(); ++i) {
      const NumberMention& m = mentions_[i];
      by_key[{{m.kind, m.unit}, m.match_value}].push_back(i);
    }
    for (auto& [key, members] : by_key) {
      Fact fact;
      fact.kind = FactKind::kNumber;
      std::vector<std::string> texts;
      std::vector<uint32_t> sentences;
      for (size_t i : members) {
        texts.push_back(mentions_[i].text);
        sentences.push_back(mentions_[i].sentence);
        if (mentions_[i].value.size() > fact.value.size()) fact.value = mentions_[i].value;
      }
      fact.text = MostCommon(texts);
      fact.unit = key.slot.unit;
      assembler_.Attach(std::move(sentences), &fact);
      by_slot_[key.slot].push_back(mentions_of_fact_.size());
      mentions_of_fact_.push_back(std::move(members));
      out_->facts.push_back(std::move(fact));
    }
  }

  // The distinct tellings of each fact (one per context and group, at most
  // kMaxFactTellings).
  void TellAll() {
    tellings_.resize(mentions_of_fact_.size());
    for (size_t k = 0; k < mentions_of_fact_.size(); ++k) {
      std::vector<Telling>& told = tellings_[k];
      for (size_t m : mentions_of_fact_[k]) {
        Telling t{mentions_[m].context, assembler_.Group(mentions_[m].sentence)};
        if (std::none_of(told.begin(), told.end(), [&](const Telling& o) {
              return o.group == t.group && o.context == t.context;
            })) {
          told.push_back(std::move(t));
        }
        if (told.size() == kMaxFactTellings) break;
      }
    }
  }

  // The `most` facts of `facts` told most often, in their order in `facts`:
  // a slot or a value with more is compared on these.
  std::vector<size_t> MostTold(std::vector<size_t> facts, size_t most) const {
    if (facts.size() <= most) return facts;
    std::vector<size_t> order = facts;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return mentions_of_fact_[a].size() > mentions_of_fact_[b].size();
    });
    order.resize(most);
    std::sort(order.begin(), order.end());
    return order;
  }

  // The documents (indices, ascending) that state fact k.
  std::vector<uint32_t> DocumentsOf(size_t k) const {
    std::vector<uint32_t> docs;
    for (size_t m : mentions_of_fact_[k]) {
      docs.push_back(cluster_.sentences[mentions_[m].sentence].sentence.doc);
    }
    std::sort(docs.begin(), docs.end());
    docs.erase(std::unique(docs.begin(), docs.end()), docs.end());
    return docs;
  }

  void CompareSlot(const SlotKey& slot, const std::vector<size_t>& all) {
    if (all.size() > kMaxSlotValues) NoteCrowded(slot, all);
    // A slot told with more values than a reader can weigh is compared on
    // its most told values.
    const std::vector<size_t> facts = MostTold(all, kMaxSlotValues);
    std::vector<char> conflicting(facts.size() * facts.size(), 0);
    const std::vector<Conflict> conflicts = ConflictsIn(slot, facts, &conflicting);
    for (const std::vector<size_t>& set : CliquesOf(conflicts, conflicting, facts.size())) {
      std::vector<std::string> words;
      Discrepancy d;
      for (size_t k : set) {
        const Fact& f = FactAt(facts[k]);
        if (f.text.find(' ') != std::string::npos) words.push_back(LastWord(f.text));
        d.values.push_back({f.text, f.sources, f.mentions});
      }
      d.about =
          SlotName(slot.kind, slot.kind == NumberKind::kCount ? MostCommon(words) : slot.unit);
      out_->discrepancies.push_back(std::move(d));
    }
  }

  // Pairs of `facts` (one slot's) that conflict, strongest context agreement
  // first; marks them in `conflicting`.
  std::vector<Conflict> ConflictsIn(const SlotKey& slot, const std::vector<size_t>& facts,
                                    std::vector<char>* conflicting) {
    const bool dated = slot.kind == NumberKind::kDate || slot.kind == NumberKind::kYear;
    // Dates, sums and shares are everywhere in news; they need more shared
    // context than counts of a named thing to be one slot.
    const bool measured = slot.kind == NumberKind::kMoney || slot.kind == NumberKind::kPercent;
    const size_t min_context = options_.discrepancy_min_context + (dated ? 2 : measured ? 1 : 0);
    std::vector<std::vector<uint32_t>> docs;
    for (size_t k : facts) docs.push_back(DocumentsOf(k));
    std::vector<Conflict> conflicts;
    for (size_t a = 0; a < facts.size(); ++a) {
      for (size_t b = a + 1; b < facts.size(); ++b) {
        // A source that reports both values tells two slots apart itself
        // ("64 of the 122 seats"; two dates for two events).
        if (!budget_.Take(docs[a].size() + docs[b].size()) || ShareAny(docs[a], docs[b])) continue;
        // Reports of one count disagree by margins (300 vs 250 tents, 40 vs
        // 52 dead); numbers far apart count different things.
        if (!dated && slot.kind != NumberKind::kTally &&
            !Near(FactAt(facts[a]), FactAt(facts[b]))) {
          continue;
        }
        const double best =
            Agreement(tellings_[facts[a]], tellings_[facts[b]], min_context, &budget_);
        if (best > 0) {
          conflicts.push_back({best, a, b});
          (*conflicting)[a * facts.size() + b] = (*conflicting)[b * facts.size() + a] = 1;
        }
      }
    }
    std::sort(conflicts.begin(), conflicts.end(),
              [](const Conflict& x, const Conflict& y) { return x.agreement > y.agreement; });
    return conflicts;
  }

  static bool Near(const Fact& a, const Fact& b) {
    const double va = std::strtod(a.value.c_str(), nullptr);
    const double vb = std::strtod(b.value.c_str(), nullptr);
    return va > 0 && vb > 0 && std::max(va, vb) <= kMaxConflictRatio * std::min(va, vb);
  }

  // "200 people" and "200 residents" evacuated from the same houseboats: one
  // count named with two nouns. Counts of equal value whose sentences (from
  // different sources) agree on their other words become one fact.
  void MergeSameCountInOtherWords() {
    const size_t n = mentions_of_fact_.size();
    std::map<std::string, std::vector<size_t>> counts_of_value;
    for (size_t k = 0; k < n; ++k) {
      if (FirstMention(k).kind == NumberKind::kCount)
        counts_of_value[FirstMention(k).value].push_back(k);
    }
    DisjointSets sets(n);
    bool any = false;
    for (const auto& [value, all] : counts_of_value) {
      const std::vector<size_t> facts = MostTold(all, kMaxSlotValues);
      for (size_t i = 0; i < facts.size(); ++i) {
        for (size_t j = i + 1; j < facts.size(); ++j) {
          const size_t a = facts[i], b = facts[j];
          if (FirstMention(a).unit == FirstMention(b).unit) continue;
          if (Agreement(tellings_[a], tellings_[b], 2, &budget_) > 0) sets.Union(a, b), any = true;
        }
      }
    }
    if (any) ReplaceBySets(sets.Sets());
  }

  // Replaces this builder's facts by one per set of them: the widest
  // supported member's text, stated by all the members' sentences.
  void ReplaceBySets(const std::vector<std::vector<size_t>>& sets) {
    std::vector<Fact> merged;
    for (const std::vector<size_t>& set : sets) {
      if (set.size() == 1) {
        merged.push_back(std::move(out_->facts[first_fact_ + set[0]]));
        continue;
      }
      size_t widest = set[0];
      std::vector<uint32_t> sentences;
      for (size_t k : set) {
        if (FactAt(k).support > FactAt(widest).support) widest = k;
        for (size_t m : mentions_of_fact_[k]) sentences.push_back(mentions_[m].sentence);
      }
      Fact fact;
      fact.kind = FactKind::kNumber;
      fact.text = FactAt(widest).text;
      fact.value = FactAt(widest).value;
      fact.unit = FactAt(widest).unit;
      assembler_.Attach(std::move(sentences), &fact);
      merged.push_back(std::move(fact));
    }
    out_->facts.resize(first_fact_);
    for (Fact& f : merged) out_->facts.push_back(std::move(f));
  }

  void NoteCrowded(const SlotKey& slot, const std::vector<size_t>& all) {
    ++crowded_slots_;
    if (all.size() <= most_crowded_.first) return;
    const std::string noun = LastWord(" " + FactAt(all[0]).text);  // "40 people"
    most_crowded_ = {all.size(),
                     SlotName(slot.kind, slot.kind == NumberKind::kCount ? noun : slot.unit)};
  }

  void ReportCrowded() {
    if (crowded_slots_ == 0) return;
    out_->warnings.push_back(fmt::format(
        "{} number slot(s) have more than {} values (the most: {}, {} values); each was checked "
        "for discrepancies among its {} most told values",
        crowded_slots_, kMaxSlotValues, most_crowded_.second, most_crowded_.first, kMaxSlotValues));
  }

  const AnalyzedCluster& cluster_;
  const FactAssembler& assembler_;
  const CompareOptions& options_;
  Comparison* out_;
  const size_t first_fact_;  // this builder's facts are out_->facts[first_fact_...]
  PairBudget budget_;
  std::vector<NumberMention> mentions_;
  std::vector<std::vector<size_t>> mentions_of_fact_;  // by fact: indices into mentions_
  std::map<SlotKey, std::vector<size_t>> by_slot_;     // facts of each slot
  std::vector<std::vector<Telling>> tellings_;         // by fact
  size_t crowded_slots_ = 0;
  std::pair<size_t, std::string> most_crowded_;  // values, slot name
};

}  // namespace

void AddNumberFacts(const AnalyzedCluster& cluster, const FactAssembler& assembler,
                    const CompareOptions& options, Comparison* out) {
  NumberFactBuilder(cluster, assembler, options, out).Run();
}

}  // namespace chorus::compare
