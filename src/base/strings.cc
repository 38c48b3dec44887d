#include "base/strings.h"

#include <algorithm>

namespace chorus {

std::vector<std::string_view> SplitSpaces(std::string_view line) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && line[i] == ' ') ++i;
    const size_t start = i;
    while (i < line.size() && line[i] != ' ') ++i;
    if (i > start) out.push_back(line.substr(start, i - start));
  }
  return out;
}

bool LooksLikeHeadline(std::string_view line) {
  line = Trim(line);
  if (line.empty() || line.size() > 200 || line.back() == '.' || line.back() == ':') return false;
  if (line.find("://") != std::string_view::npos) return false;
  const size_t words = 1 + std::count(line.begin(), line.end(), ' ');
  return words <= 25;
}

}  // namespace chorus
