// Comparer: what the sources of one cluster agree on, where they differ, and
// how each one tells the story.
//
// From an analysed cluster (clean -> split -> tokenize) it finds
//   - entities (people, organisations, places) with spellings merged across
//     sources ("Abdul-Mahdi", "Abd al-Mahdi", "Abdel Mahdi" are one person);
//   - facts: numbers with what they count, quotations with their speaker, and
//     key claims (sentences that several sources state alike), each with the
//     sources that report it and the exact sentences;
//   - consensus (facts ranked by independent sources; syndicated copies of one
//     article count once), discrepancies (one slot filled differently),
//     exclusives (facts only one source reports);
//   - framing: per source, its distinctive terms by the weighted log-odds
//     ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn
//     2008), and its loaded terms for shared referents;
//   - perspectives: per political lean (the articles' "lean", else the
//     outlet's AllSides rating), its outlets, the facts only it reports, what
//     the other sides report that it leaves out, and its framing.
//
//   chorus::ClusterAnalyzer analyzer;
//   chorus::Comparer comparer;
//   chorus::Comparison c = comparer.Compare(analyzer.Analyze(cluster));
//   std::cout << chorus::ComparisonToJson(c) << "\n";
//
// Every part is near-linear in the cluster's sentences (indexes, and work
// limits reported in Comparison::warnings), so any cluster is compared in
// bounded time and memory.
//
// Thread safety: Compare is const and may run concurrently. A Comparer holds
// only its options and immutable compiled-in lexicons; copy it freely.
#ifndef CHORUS_COMPARE_H_
#define CHORUS_COMPARE_H_

#include <cstdint>
#include <stop_token>
#include <string>
#include <vector>

#include "chorus/analyzer.h"

namespace chorus {

struct CompareOptions {
  // Candidate pairs for the claim model: sentences of different sources
  // whose IDF-weighted cosine of content stems reaches this. Default 0.05
  // (the model, not this, decides; paraphrases share few words).
  double claim_similarity = 0.05;
  // ... and that share at least this many content stems. Default 2.
  uint32_t claim_min_shared_stems = 2;
  // ... at most this many per sentence, the closest first. Default 4: keeps
  // claim matching linear in the cluster's sentences.
  uint32_t claim_candidates = 4;
  // Probability at which the claim model calls two sentences the same claim;
  // negative: the model's own threshold (data/claim_model.txt, 0.5).
  double claim_probability = -1;
  // Once two sources are linked at claim_probability, another source's
  // sentence joins the claim from this probability on (it states the claim
  // among other things). Default 0.35: out of fold on msrp-train (5 x 10-fold
  // cross-validation) the shipped model keeps 94% of the paraphrases from
  // there at precision 0.76, the same operating point as the earlier smaller
  // model's 0.35 (notes/issue-12.md).
  double claim_join_probability = 0.35;
  // Two quotations are the same when this share of the shorter one's words
  // appears in the other. Default 0.6.
  double quote_overlap = 0.6;
  // Quotations shorter than this many words are scare quotes, not facts.
  uint32_t quote_min_words = 4;
  // Claims only one source states are kept as facts when they are among the
  // source's most central sentences: at most this many per source. Default 3.
  uint32_t single_source_claims = 3;
  // Two numbers for the same counted noun conflict only when their sentences
  // share at least this many other content stems (same slot, not two
  // different counts of troops). Default 2.
  uint32_t discrepancy_min_context = 2;
  // Facts listed per perspective as only that side's or as left out by it,
  // most-supported first. Default 8.
  uint32_t perspective_facts = 8;
  // Distinctive terms reported per source. Default 10.
  uint32_t framing_terms = 10;
  // Terms a source uses fewer times than this are not reported as its
  // framing (one use is not a habit). Default 2.
  uint32_t framing_min_count = 2;
  // Strength of the informative Dirichlet prior (alpha_0), as a multiple of
  // the cluster's word count. Default 1: the prior weighs as much as the data.
  double framing_prior_scale = 1.0;
};

// One sentence that states a fact or names an entity.
struct FactMention {
  std::string doc;        // document id
  uint32_t sentence = 0;  // sentence index within the document
  std::string text;       // the sentence text
};

// One document of the cluster, as a source.
struct ComparedSource {
  std::string id;
  std::string title;
  std::string date;
  std::string outlet;  // Document::source; may be empty
  uint32_t group =
      0;  // independent-source group; copies of one article share one (chorus/copy_groups.h)
  std::string lean;  // Document::lean (lower-case; "centre" reads "center"), else the
                     // outlet's in the shipped AllSides lean table; may be empty
};

enum class EntityType { kPerson, kOrganisation, kPlace, kOther };

struct ComparedEntity {
  std::string name;  // the fullest, most common spelling
  EntityType type = EntityType::kOther;
  std::vector<std::string> aliases;  // every other spelling seen
  std::vector<std::string> sources;  // document ids that mention it
  uint32_t support = 0;              // independent sources that mention it
  std::vector<FactMention> mentions;
};

enum class FactKind { kNumber, kQuote, kClaim };

struct Fact {
  FactKind kind = FactKind::kClaim;
  std::string text;                  // "5,000 troops", the quotation, or the claim sentence
  std::string value;                 // numbers: normalised value ("5000", "170-0", "2020-01-05")
  std::string unit;                  // numbers: the counted noun's stem ("troop"), or "date"
  std::string speaker;               // quotes: who said it, when the text says (may be empty)
  std::vector<std::string> sources;  // document ids reporting it
  uint32_t support = 0;              // independent sources reporting it
  std::vector<FactMention> mentions;
};

// One value of a disputed slot and who reports it.
struct DisputedValue {
  std::string value;
  std::vector<std::string> sources;
  std::vector<FactMention> mentions;
};

struct Discrepancy {
  std::string about;  // "number of troops", "date of ...", "speaker of \"...\""
  std::vector<DisputedValue> values;
};

struct Exclusive {
  std::string source;           // document id
  std::vector<uint32_t> facts;  // indices into Comparison::facts
};

struct FramingTerm {
  std::string term;
  double score = 0;    // z-score of the weighted log-odds ratio
  uint32_t count = 0;  // uses in this source
};

// The words one source picks for a referent of the shared lexicon.
struct LoadedTermUse {
  std::string referent;  // "killing of a person"
  std::string term;      // "assassination"
  uint32_t count = 0;
};

struct SourceFraming {
  std::string source;                 // document id
  std::vector<FramingTerm> terms;     // distinctive terms, highest z first
  std::vector<LoadedTermUse> loaded;  // loaded-term uses, by referent
};

// How one side (all sources of one lean) tells the story against the others,
// as AllSides sets left, center and right coverage side by side.
struct Perspective {
  std::string lean;                  // "left", "center", "right" or the articles' own label
  std::vector<std::string> outlets;  // its outlets (document ids where no outlet is given)
  std::vector<std::string> sources;  // its document ids
  std::vector<uint32_t> only_here;  // facts (indices into Comparison::facts) only this side reports
  std::vector<uint32_t> left_out;   // facts every other side reports and this one does not
  std::vector<FramingTerm> terms;   // its distinctive terms against the other sides
  std::vector<LoadedTermUse> loaded;  // its loaded-term uses, by referent
};

struct Comparison {
  std::string cluster_id;
  std::vector<ComparedSource> sources;
  std::vector<ComparedEntity> entities;  // most sources first
  std::vector<Fact> facts;               // consensus order: most sources first
  std::vector<Discrepancy> discrepancies;
  std::vector<Exclusive> exclusives;   // one per source with any
  std::vector<SourceFraming> framing;  // one per source
  // One per lean, left, center, right first; empty unless the sources have at
  // least two leans.
  std::vector<Perspective> perspectives;
  // Parts cut short by a work limit (a cluster built to make matching
  // quadratic: thousands of near-identical quotes or values of one slot).
  std::vector<std::string> warnings;
};

class Comparer {
 public:
  explicit Comparer(CompareOptions options = {});

  Comparison Compare(const AnalyzedCluster& cluster) const;
  // The same, or kCancelled once `stop` is requested (checked between the
  // parts, each bounded in work: a server's deadline ends a comparison soon).
  Result<Comparison> Compare(const AnalyzedCluster& cluster, const std::stop_token& stop) const;

  const CompareOptions& options() const { return options_; }

 private:
  CompareOptions options_;
};

// Renderings of a Comparison. The JSON is the one schema every face serves
// (CLI --format json and the HTTP API print exactly this, compact, one line).
std::string ComparisonToJson(const Comparison& comparison);
// Readable plain text for a terminal.
std::string ComparisonToText(const Comparison& comparison);
// A self-contained HTML page (inline CSS, no external resources).
std::string ComparisonToHtml(const Comparison& comparison);

std::string_view EntityTypeName(EntityType type);  // "person", "organisation", ...
std::string_view FactKindName(FactKind kind);      // "number", "quote", "claim"

}  // namespace chorus

#endif  // CHORUS_COMPARE_H_
