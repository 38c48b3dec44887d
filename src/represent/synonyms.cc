#include "represent/synonyms.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>

#include "chorus/tokenizer.h"

namespace chorus::embedded {
extern const std::string_view kWordnetSynonyms;
}  // namespace chorus::embedded

namespace chorus::represent {

Result<Synonyms> Synonyms::Parse(std::string_view text, std::string_view name) {
  Synonyms synonyms;
  size_t line_no = 0;
  while (!text.empty()) {
    const size_t eol = std::min(text.find('\n'), text.size());
    std::string_view line = text.substr(0, eol);
    text.remove_prefix(std::min(eol + 1, text.size()));
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> stems;
    while (!line.empty()) {
      const size_t sp = std::min(line.find(' '), line.size());
      const std::string_view word = line.substr(0, sp);
      line.remove_prefix(std::min(sp + 1, line.size()));
      for (char c : word) {
        if (c < 'a' || c > 'z') {
          return ParseError(
              fmt::format("{}:{}: \"{}\" is not a lower-case word (a synonym line "
                          "lists words separated by single spaces)",
                          name, line_no, word));
        }
      }
      if (word.empty()) continue;
      stems.push_back(Tokenizer::Stem(word));
    }
    std::sort(stems.begin(), stems.end());
    stems.erase(std::unique(stems.begin(), stems.end()), stems.end());
    if (stems.size() < 2) continue;  // inflections of one stem: nothing to relate
    const auto id = static_cast<uint32_t>(synonyms.sets_++);
    for (std::string& stem : stems) synonyms.sets_of_[std::move(stem)].push_back(id);
  }
  return synonyms;
}

const Synonyms& Synonyms::Default() {
  static const Synonyms* synonyms = [] {
    Result<Synonyms> parsed = Parse(embedded::kWordnetSynonyms, "data/wordnet_synonyms.txt");
    if (!parsed.ok()) {
      std::fprintf(stderr, "chorus: %s\n", parsed.status().ToString().c_str());
      return new Synonyms();
    }
    return new Synonyms(std::move(parsed).value());
  }();
  return *synonyms;
}

const std::vector<uint32_t>* Synonyms::SetsOf(std::string_view stem) const {
  auto it = sets_of_.find(stem);
  return it == sets_of_.end() ? nullptr : &it->second;
}

bool Synonyms::ShareSorted(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  // Branch-free advance: which list moves is unpredictable; a match is rare.
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    const uint32_t x = a[i], y = b[j];
    if (x == y) return true;
    i += static_cast<size_t>(x < y);
    j += static_cast<size_t>(y < x);
  }
  return false;
}

bool Synonyms::Related(std::string_view stem_a, std::string_view stem_b) const {
  return stem_a != stem_b && Share(SetsOf(stem_a), SetsOf(stem_b));
}

}  // namespace chorus::represent
