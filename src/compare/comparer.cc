// Comparer: runs the compare stage's parts over one analysed cluster and
// assembles consensus, discrepancies and exclusives from their facts.
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

  void Attach(std::vector<uint32_t> sentences, Fact* fact) const {
    std::sort(sentences.begin(), sentences.end());
    sentences.erase(std::unique(sentences.begin(), sentences.end()), sentences.end());
    std::vector<bool> doc_seen(cluster_.documents.size(), false);
    std::vector<bool> group_seen(cluster_.documents.size() + 1, false);
    for (uint32_t s : sentences) {
      const Sentence& sent = cluster_.sentences[s].sentence;
      fact->mentions.push_back({cluster_.documents[sent.doc].id, sent.index, sent.text});
      if (doc_seen[sent.doc]) continue;
      doc_seen[sent.doc] = true;
      fact->sources.push_back(cluster_.documents[sent.doc].id);
      if (!group_seen[doc_group_[sent.doc]]) ++fact->support;
      group_seen[doc_group_[sent.doc]] = true;
    }
  }

  uint32_t Group(uint32_t sentence) const {
    return doc_group_[cluster_.sentences[sentence].sentence.doc];
  }

 private:
  const AnalyzedCluster& cluster_;
  const std::vector<uint32_t>& doc_group_;
};

size_t SharedCount(const std::vector<std::string>& a, const std::vector<std::string>& b) {
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

// "200 people" and "200 residents" evacuated from the same houseboats: one
// count named with two nouns. Counts of equal value whose sentences (from
// different sources) agree on their other words become one fact.
void MergeSameCountInOtherWords(const std::vector<NumberMention>& mentions,
                                const std::vector<std::vector<size_t>>& mentions_of_fact, size_t first_fact,
                                const FactAssembler& assembler, Comparison* out) {
  const size_t n = mentions_of_fact.size();
  DisjointSets sets(n);
  bool any = false;
  for (size_t a = 0; a < n; ++a) {
    const NumberMention& ma0 = mentions[mentions_of_fact[a][0]];
    if (ma0.kind != NumberKind::kCount) continue;
    for (size_t b = a + 1; b < n; ++b) {
      const NumberMention& mb0 = mentions[mentions_of_fact[b][0]];
      if (mb0.kind != NumberKind::kCount || mb0.value != ma0.value || mb0.unit == ma0.unit) continue;
      bool agree = false;
      for (size_t ma : mentions_of_fact[a]) {
        for (size_t mb : mentions_of_fact[b]) {
          if (assembler.Group(mentions[ma].sentence) == assembler.Group(mentions[mb].sentence)) continue;
          const auto& ca = mentions[ma].context;
          const auto& cb = mentions[mb].context;
          const size_t shared = SharedCount(ca, cb);
          agree |= shared >= 2 &&
                   static_cast<double>(shared) / static_cast<double>(ca.size() + cb.size() - shared) >=
                       kMinSlotJaccard;
        }
      }
      if (agree) sets.Union(a, b), any = true;
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
  struct NumberFact {
    size_t fact;  // index in out->facts
    std::vector<size_t> mentions;
  };
  std::map<std::string, std::vector<NumberFact>> by_slot;  // kind|unit -> facts
  const size_t first_fact = out->facts.size();
  std::vector<std::vector<size_t>> mentions_of_fact;  // parallel to the facts added here
  for (const auto& [key, members] : by_key) {
    mentions_of_fact.push_back(members);
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
        {out->facts.size(), members});
    out->facts.push_back(std::move(fact));
  }
  for (const auto& [slot, facts] : by_slot) {
    if (facts.size() < 2) continue;
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
    for (size_t a = 0; a < facts.size(); ++a) {
      for (size_t b = a + 1; b < facts.size(); ++b) {
        // A source that reports both values tells two slots apart itself
        // ("64 of the 122 seats"; two dates for two events).
        const Fact& fa = out->facts[facts[a].fact];
        const Fact& fb = out->facts[facts[b].fact];
        if (std::find_first_of(fa.sources.begin(), fa.sources.end(), fb.sources.begin(),
                               fb.sources.end()) != fa.sources.end()) {
          continue;
        }
        // Reports of one count disagree by margins (300 vs 250 tents, 40 vs
        // 52 dead); numbers far apart count different things.
        if (!dated && slot[0] != '0' + static_cast<int>(NumberKind::kTally)) {
          const double va = std::strtod(fa.value.c_str(), nullptr);
          const double vb = std::strtod(fb.value.c_str(), nullptr);
          if (va <= 0 || vb <= 0 || std::max(va, vb) > kMaxConflictRatio * std::min(va, vb)) continue;
        }
        double best = 0;
        for (size_t ma : facts[a].mentions) {
          for (size_t mb : facts[b].mentions) {
            if (assembler.Group(mentions[ma].sentence) == assembler.Group(mentions[mb].sentence)) continue;
            const auto& ca = mentions[ma].context;
            const auto& cb = mentions[mb].context;
            const size_t shared = SharedCount(ca, cb);
            const double jaccard = static_cast<double>(shared) / static_cast<double>(ca.size() + cb.size() - shared);
            if (shared >= min_context && jaccard >= kMinSlotJaccard) best = std::max(best, jaccard);
          }
        }
        if (best > 0) conflicts.push_back({best, a, b});
      }
    }
    std::sort(conflicts.begin(), conflicts.end(),
              [](const Conflict& x, const Conflict& y) { return x.agreement > y.agreement; });
    // Slots are cliques: a value joins a slot only if it conflicts with every
    // value already there, so chains of loosely related numbers do not merge.
    std::vector<std::vector<size_t>> slots;
    std::vector<int64_t> slot_of(facts.size(), -1);
    auto conflicting = [&](size_t a, size_t b) {
      for (const Conflict& c : conflicts) {
        if ((c.a == a && c.b == b) || (c.a == b && c.b == a)) return true;
      }
      return false;
    };
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
      if (std::all_of(members.begin(), members.end(), [&](size_t m) { return conflicting(m, joining); })) {
        members.push_back(joining);
        slot_of[joining] = slot_of[joined];
      }
    }
    for (const std::vector<size_t>& set : slots) {
      const NumberMention& first = mentions[facts[set[0]].mentions[0]];
      std::vector<std::string> words;
      Discrepancy d;
      for (size_t k : set) {
        const Fact& f = out->facts[facts[k].fact];
        const size_t space = f.text.rfind(' ');
        if (space != std::string::npos) words.push_back(f.text.substr(space + 1));
        d.values.push_back({f.text, f.sources, f.mentions});
      }
      d.about = SlotName(first.kind, first.kind == NumberKind::kCount ? MostCommon(words) : first.unit);
      out->discrepancies.push_back(std::move(d));
    }
  }
  MergeSameCountInOtherWords(mentions, mentions_of_fact, first_fact, assembler, out);
}

// Quote facts: quotes of different sources with mostly the same words are
// one; different named speakers for one quote are a discrepancy.
void AddQuoteFacts(const AnalyzedCluster& cluster, const EntityAnalysis& entities,
                   const FactAssembler& assembler, const CompareOptions& options, Comparison* out) {
  std::vector<QuoteMention> quotes = ExtractQuotes(cluster, entities, options.quote_min_words);
  DisjointSets sets(quotes.size());
  for (size_t a = 0; a < quotes.size(); ++a) {
    for (size_t b = a + 1; b < quotes.size(); ++b) {
      if (QuoteOverlap(quotes[a], quotes[b]) >= options.quote_overlap) sets.Union(a, b);
    }
  }
  for (const std::vector<size_t>& set : sets.Sets()) {
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
    // "Trent" and "Carlie Trent" are one speaker even when linking could not
    // tell which Trent: only names that cannot be the same person conflict.
    for (auto it = by_speaker.begin(); it != by_speaker.end();) {
      const NameKey key = MakeNameKey(entities.entities[static_cast<size_t>(it->first)].name);
      auto fuller = std::find_if(by_speaker.begin(), by_speaker.end(), [&](const auto& other) {
        const NameKey other_key = MakeNameKey(entities.entities[static_cast<size_t>(other.first)].name);
        return other.first != it->first && IsTailOf(key, other_key);
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
    if (parts.size() >= 2) people.emplace_back(i, std::move(parts));
  }
  for (size_t x = 0; x < people.size(); ++x) {
    for (size_t y = x + 1; y < people.size(); ++y) {
      const auto& [ex, px] = people[x];
      const auto& [ey, py] = people[y];
      if (px.size() != py.size() || px.back().size() < 4 || py.back().size() < 4) continue;
      bool same_rest = true;
      for (size_t k = 0; k + 1 < px.size() && same_rest; ++k) same_rest = px[k] == py[k];
      if (!same_rest || EditDistance(px.back(), py.back(), 1) != 1) continue;
      const auto& sx = entities[ex].sources;
      const auto& sy = entities[ey].sources;
      if (std::find_first_of(sx.begin(), sx.end(), sy.begin(), sy.end()) != sx.end()) continue;
      Discrepancy d;
      d.about = "spelling of " + entities[ex].name;
      d.values.push_back({entities[ex].name, sx, entities[ex].mentions});
      d.values.push_back({entities[ey].name, sy, entities[ey].mentions});
      out->discrepancies.push_back(std::move(d));
    }
  }
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
  using namespace compare;
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
  EntityAnalysis entities =
      LinkEntities(cluster, ExtractEntityMentions(cluster, DefaultEntityLexicon()), groups);
  const FactAssembler assembler(cluster, groups);
  AddNumberFacts(cluster, assembler, options_, &out);
  AddQuoteFacts(cluster, entities, assembler, options_, &out);
  AddClaimFacts(cluster, groups, assembler, options_, &out);
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
