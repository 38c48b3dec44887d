#include "base/strings.h"

#include <algorithm>

namespace chorus {

bool LooksLikeHeadline(std::string_view line) {
  line = Trim(line);
  if (line.empty() || line.size() > 200 || line.back() == '.' || line.back() == ':') return false;
  if (line.find("://") != std::string_view::npos) return false;
  const size_t words = 1 + std::count(line.begin(), line.end(), ' ');
  return words <= 25;
}

}  // namespace chorus
