#include "compare/lexicon.h"

#include "base/strings.h"
#include "chorus/tokenizer.h"

namespace chorus {
namespace embedded {
extern const std::string_view kEntityLexicon;
extern const std::string_view kWordnetEntities;
extern const std::string_view kFramingLexicon;
}  // namespace embedded

namespace compare {
namespace {

std::vector<std::string_view> SplitOn(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  while (true) {
    const size_t at = s.find(sep);
    parts.push_back(Trim(s.substr(0, at)));
    if (at == std::string_view::npos) break;
    s.remove_prefix(at + 1);
  }
  return parts;
}

std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> out;
  for (std::string_view line : SplitOn(text, '\n')) {
    if (!line.empty() && line[0] != '#') out.push_back(line);
  }
  return out;
}

EntityType ParseType(std::string_view s) {
  if (s == "person") return EntityType::kPerson;
  if (s == "organisation") return EntityType::kOrganisation;
  if (s == "place") return EntityType::kPlace;
  return EntityType::kOther;
}

}  // namespace

EntityLexicon ParseEntityLexicon(std::string_view text) {
  EntityLexicon lex;
  std::string section;
  for (std::string_view line : Lines(text)) {
    if (line.front() == '[' && line.back() == ']') {
      section = std::string(line.substr(1, line.size() - 2));
      continue;
    }
    if (section == "person_titles") {
      std::vector<std::string> words;
      for (std::string_view w : SplitOn(line, ' ')) {
        if (w.empty()) continue;
        words.emplace_back(w);
        lex.title_words.emplace(w);
      }
      if (words.empty()) continue;
      const auto index = static_cast<uint32_t>(lex.person_titles.size());
      lex.titles_by_first_word[words[0]].push_back(index);
      if (words[0].size() > 1 && words[0].back() == '.')
        lex.titles_by_first_word[words[0].substr(0, words[0].size() - 1)].push_back(index);
      lex.person_titles.push_back(std::move(words));
    } else if (section == "modifiers") {
      lex.modifiers.emplace(line);
    } else if (section == "organisation_words") {
      lex.organisation_words.emplace(line);
    } else if (section == "place_words") {
      lex.place_words.emplace(line);
    } else if (section == "place_prepositions") {
      lex.place_prepositions.emplace(line);
    } else if (section == "not_names") {
      lex.not_names.emplace(line);
    } else if (section == "adjectives") {
      lex.adjectives.emplace(line);
    } else if (section == "acronyms") {
      const size_t eq = line.find('=');
      if (eq == std::string_view::npos) continue;
      std::vector<std::string_view> rhs = SplitOn(line.substr(eq + 1), '|');
      AcronymEntry entry{std::string(rhs[0]),
                         rhs.size() > 1 ? ParseType(rhs[1]) : EntityType::kOther};
      lex.acronyms.emplace(std::string(Trim(line.substr(0, eq))), std::move(entry));
    }
  }
  return lex;
}

std::vector<LoadedTermGroup> ParseFramingLexicon(std::string_view text) {
  std::vector<LoadedTermGroup> groups;
  for (std::string_view line : Lines(text)) {
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    LoadedTermGroup group;
    group.referent = std::string(Trim(line.substr(0, colon)));
    for (std::string_view term : SplitOn(line.substr(colon + 1), ',')) {
      if (term.empty()) continue;
      std::vector<std::string> stems;
      for (std::string_view w : SplitOn(term, ' ')) {
        if (!w.empty()) stems.push_back(Tokenizer::Stem(Tokenizer::Normalize(w)));
      }
      if (!stems.empty()) group.terms.emplace_back(std::string(term), std::move(stems));
    }
    groups.push_back(std::move(group));
  }
  return groups;
}

void AddKnownNames(std::string_view text, EntityLexicon* lexicon) {
  while (!text.empty()) {
    const size_t eol = std::min(text.find('\n'), text.size());
    const std::string_view line = text.substr(0, eol);
    text.remove_prefix(std::min(eol + 1, text.size()));
    const size_t tab = line.find('\t');
    if (line.empty() || line[0] == '#' || tab == std::string_view::npos) continue;
    const std::string_view kind = line.substr(tab + 1);
    EntityType type = EntityType::kOther;
    if (kind == "person") type = EntityType::kPerson;
    if (kind == "place") type = EntityType::kPlace;
    if (kind == "organisation") type = EntityType::kOrganisation;
    if (type == EntityType::kOther) continue;
    lexicon->known_names.emplace(Tokenizer::Normalize(line.substr(0, tab)), type);
  }
}

const EntityLexicon& DefaultEntityLexicon() {
  static const auto* lex = [] {
    auto* lexicon = new EntityLexicon(ParseEntityLexicon(embedded::kEntityLexicon));
    AddKnownNames(embedded::kWordnetEntities, lexicon);
    return lexicon;
  }();
  return *lex;
}

const std::vector<LoadedTermGroup>& DefaultFramingLexicon() {
  static const auto* groups =
      new std::vector<LoadedTermGroup>(ParseFramingLexicon(embedded::kFramingLexicon));
  return *groups;
}

}  // namespace compare
}  // namespace chorus
