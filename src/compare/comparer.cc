// Comparer: the compare stage's coordination. It runs the parts over one
// analysed cluster (entities, then number, quote and claim facts beside their
// extractors, name discrepancies, framing, perspectives) and orders what they
// found into consensus and exclusives.
#include <algorithm>
#include <unordered_map>

#include "chorus/compare.h"
#include "compare/claims.h"
#include "compare/entities.h"
#include "compare/fact_assembler.h"
#include "compare/framing.h"
#include "compare/lexicon.h"
#include "compare/name_discrepancies.h"
#include "compare/number_facts.h"
#include "compare/perspectives.h"
#include "compare/quote_facts.h"

namespace chorus {
namespace compare {
namespace {

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
    case EntityType::kPerson:
      return "person";
    case EntityType::kOrganisation:
      return "organisation";
    case EntityType::kPlace:
      return "place";
    case EntityType::kOther:
      return "other";
  }
  return "other";
}

std::string_view FactKindName(FactKind kind) {
  switch (kind) {
    case FactKind::kNumber:
      return "number";
    case FactKind::kQuote:
      return "quote";
    case FactKind::kClaim:
      return "claim";
  }
  return "claim";
}

}  // namespace chorus
