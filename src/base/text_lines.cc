#include "base/text_lines.h"

#include <fmt/format.h>

namespace chorus {

Status TextLines::Error(std::string_view problem) const {
  if (hint_.empty()) return ParseError(fmt::format("{}:{}: {}", name_, line_number_, problem));
  return ParseError(fmt::format("{}:{}: {} ({})", name_, line_number_, problem, hint_));
}

}  // namespace chorus
