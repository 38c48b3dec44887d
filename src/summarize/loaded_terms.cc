#include "summarize/loaded_terms.h"

#include <algorithm>

namespace chorus::embedded {
extern const std::string_view kLoadedTerms;
}  // namespace chorus::embedded

namespace chorus {

bool IsLoadableTerm(const Token& token) {
  if (token.stopword || token.numeric || token.stem.size() < 3) return false;
  const unsigned char c = static_cast<unsigned char>(token.norm[0]);
  return c >= 0x80 || (c >= 'a' && c <= 'z');
}

LoadedTerms LoadedTerms::Parse(std::string_view text) {
  LoadedTerms terms;
  while (!text.empty()) {
    const size_t eol = std::min(text.find('\n'), text.size());
    const std::string_view line = text.substr(0, eol);
    text.remove_prefix(std::min(eol + 1, text.size()));
    if (line.empty() || line[0] == '#') continue;
    const std::string_view stem = line.substr(0, line.find('\t'));
    if (!stem.empty()) terms.stems_.emplace(stem);
  }
  return terms;
}

const LoadedTerms& LoadedTerms::Default() {
  static const auto* terms = new LoadedTerms(Parse(embedded::kLoadedTerms));
  return *terms;
}

}  // namespace chorus
