// Entities without a trained model: capitalised token runs shaped by rules
// (titles, name connectors, sentence-initial words, acronyms, nationality
// adjectives) and typed by hints (a title -> person; "Ministry", "Council" ->
// organisation; "in X" -> place), then linked across sources by name keys
// (see name_key.h): exact and fuzzy key matches merge, and a shorter form
// ("Abdul-Mahdi", "al-Mahdi") joins the unique full name it is a tail of.
//
// Thread safety: pure functions over their arguments.
#ifndef CHORUS_COMPARE_ENTITIES_H_
#define CHORUS_COMPARE_ENTITIES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "chorus/analyzer.h"
#include "chorus/compare.h"
#include "compare/lexicon.h"
#include "compare/name_key.h"

namespace chorus::compare {

// One capitalised run judged to be a name, before linking.
struct EntityMention {
  uint32_t sentence = 0;  // index in AnalyzedCluster::sentences
  uint32_t begin = 0;     // byte offsets of the name in the sentence text
  uint32_t end = 0;
  std::string surface;  // the name as written, titles and possessive removed
  NameKey key;
  std::string canonical;  // acronym table's canonical name, when it matched
  bool titled = false;    // preceded by a person title
  EntityType hint = EntityType::kOther;
};

// A linked mention: where an entity is named in a sentence.
struct EntitySpan {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t entity = 0;  // index in EntityAnalysis::entities
};

struct EntityAnalysis {
  std::vector<ComparedEntity> entities;              // most independent sources first
  std::vector<std::vector<EntitySpan>> by_sentence;  // per cluster sentence
};

// Finds name mentions in every sentence of the cluster.
std::vector<EntityMention> ExtractEntityMentions(const AnalyzedCluster& cluster,
                                                 const EntityLexicon& lexicon);

// Links mentions into entities. `doc_group` gives each document's
// independent-source group.
EntityAnalysis LinkEntities(const AnalyzedCluster& cluster, std::vector<EntityMention> mentions,
                            const std::vector<uint32_t>& doc_group);

}  // namespace chorus::compare

#endif  // CHORUS_COMPARE_ENTITIES_H_
