// The compiled-in word lists of the compare stage (data/entity_lexicon.txt and
// data/framing_lexicon.txt), parsed once on first use.
//
// Thread safety: the accessors return immutable singletons; share freely.
#ifndef CHORUS_COMPARE_LEXICON_H_
#define CHORUS_COMPARE_LEXICON_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "chorus/compare.h"

namespace chorus::compare {

struct AcronymEntry {
  std::string canonical;  // "United States"
  EntityType type = EntityType::kOther;
};

// Word sets looked up with token views (std::string_view) without a copy.
struct WordHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};
using WordSet = std::unordered_set<std::string, WordHash, std::equal_to<>>;

struct EntityLexicon {
  // Titles, one entry per title, each split into its lower-case words.
  std::vector<std::vector<std::string>> person_titles;
  // Indices into person_titles by first word, and by that word without its
  // period ("gen." also under "gen", which a title may match): a name's
  // title is looked for at every capitalised run of every sentence, too
  // often to try each title.
  std::unordered_map<std::string, std::vector<uint32_t>, WordHash, std::equal_to<>>
      titles_by_first_word;
  WordSet title_words;  // every word of any title
  WordSet modifiers;    // stripped, but no title
  WordSet organisation_words;
  WordSet place_words;  // last word of a place name
  WordSet place_prepositions;
  WordSet not_names;
  WordSet adjectives;
  // Normalised variant ("u.s.", "united states") -> canonical entry.
  std::unordered_map<std::string, AcronymEntry> acronyms;
  // Lower-case names WordNet knows as people, places or organisations
  // ("iran" -> place, "vladimir putin" -> person), from
  // data/wordnet_entities.txt.
  std::unordered_map<std::string, EntityType, WordHash, std::equal_to<>> known_names;
};

struct LoadedTermGroup {
  std::string referent;
  // Each term as its sequence of Porter stems, with its display form.
  std::vector<std::pair<std::string, std::vector<std::string>>> terms;
};

// Parses the entity lexicon format ("[section]" headings, one entry a line).
EntityLexicon ParseEntityLexicon(std::string_view text);
// Adds "Name<TAB>person|place|organisation" lines ('#' comments) to
// lexicon->known_names; other lines are skipped (the file is compiled in and
// checked by a test).
void AddKnownNames(std::string_view text, EntityLexicon* lexicon);
// Parses "referent: term, term" lines.
std::vector<LoadedTermGroup> ParseFramingLexicon(std::string_view text);

const EntityLexicon& DefaultEntityLexicon();
const std::vector<LoadedTermGroup>& DefaultFramingLexicon();

}  // namespace chorus::compare

#endif  // CHORUS_COMPARE_LEXICON_H_
