#include "base/dates.h"

namespace chorus {
namespace {

constexpr std::string_view kMonthNames[] = {"january", "february", "march",     "april",
                                            "may",     "june",     "july",      "august",
                                            "september", "october", "november", "december"};

}  // namespace

bool IsIsoDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

int MonthNumber(std::string_view w, MonthForms forms) {
  for (int m = 0; m < 12; ++m) {
    const std::string_view full = kMonthNames[m];
    if (w == full) return m + 1;
    if (forms == MonthForms::kAbbreviated && w.size() >= 3 && w.size() <= 4 && full.starts_with(w)) {
      return m + 1;
    }
  }
  return 0;
}

}  // namespace chorus
