#include "compare/lean_table.h"

#include <algorithm>
#include <cctype>

namespace chorus::embedded {
extern const std::string_view kOutletLeans;
}  // namespace chorus::embedded

namespace chorus::compare {
namespace {

bool IsOpinion(std::string_view name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return lower.find("opinion") != std::string::npos;
}

std::string Squash(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c != ' ') out.push_back(c);
  }
  return out;
}

// "www.foxnews.com" -> "foxnews": the label before the top-level domain.
std::string_view DomainLabel(std::string_view name) {
  if (name.find(' ') != std::string_view::npos || name.find('.') == std::string_view::npos)
    return name;
  if (name.substr(0, 4) == "www.") name.remove_prefix(4);
  const size_t dot = name.find('.');
  return dot == 0 ? name : name.substr(0, dot);
}

}  // namespace

std::string LeanTable::Key(std::string_view name, bool drop_qualifier) {
  if (drop_qualifier) {
    const size_t paren = name.find('(');
    if (paren != std::string_view::npos && paren > 0) name = name.substr(0, paren);
  }
  std::string key;
  for (char ch : name) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c >= 0x80) {
      key.push_back(static_cast<char>(std::tolower(c)));
    } else if (!key.empty() && key.back() != ' ' && c != '.' && c != '\'') {
      key.push_back(' ');
    }
  }
  while (!key.empty() && key.back() == ' ') key.pop_back();
  if (key.substr(0, 4) == "the " && key.size() > 4) key.erase(0, 4);
  return key;
}

LeanTable LeanTable::Parse(std::string_view text) {
  LeanTable table;
  while (!text.empty()) {
    const size_t eol = std::min(text.find('\n'), text.size());
    const std::string_view line = text.substr(0, eol);
    text.remove_prefix(std::min(eol + 1, text.size()));
    const size_t tab = line.find('\t');
    if (line.empty() || line[0] == '#' || tab == std::string_view::npos || tab + 1 == line.size())
      continue;
    const std::string_view outlet = line.substr(0, tab);
    const std::string lean(line.substr(tab + 1));
    table.exact_[Key(outlet, false)] = lean;
    // The newsroom's rating wins the bare name over the opinion pages'.
    const std::string bare = Key(outlet, true);
    if (!IsOpinion(outlet) || !table.bare_.count(bare)) table.bare_[bare] = lean;
    if (!IsOpinion(outlet) || !table.squashed_.count(Squash(bare)))
      table.squashed_[Squash(bare)] = lean;
  }
  return table;
}

const LeanTable& LeanTable::Default() {
  static const auto* table = new LeanTable(Parse(embedded::kOutletLeans));
  return *table;
}

std::string LeanTable::Find(std::string_view outlet) const {
  if (auto it = exact_.find(Key(outlet, false)); it != exact_.end()) return it->second;
  const std::string bare = Key(outlet, true);
  if (bare.empty()) return {};
  if (auto it = bare_.find(bare); it != bare_.end()) return it->second;
  if (auto it = squashed_.find(Squash(Key(DomainLabel(outlet), true))); it != squashed_.end()) {
    return it->second;
  }
  return {};
}

}  // namespace chorus::compare
