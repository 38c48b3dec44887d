// Dates as chorus reads them: ISO dates ("YYYY-MM-DD", the one form a
// Document::date holds) and English month names.
//
// Thread safety: pure functions.
#ifndef CHORUS_BASE_DATES_H_
#define CHORUS_BASE_DATES_H_

#include <string_view>

namespace chorus {

// True when `s` is exactly "YYYY-MM-DD" and a day of the calendar
// ("2020-02-29" is, "2021-02-29" and "2020-13-45" are not).
bool IsIsoDate(std::string_view s);

enum class MonthForms {
  kFullNames,    // "january" ... "december"
  kAbbreviated,  // also 3- or 4-letter prefixes: "jan", "sept", "marc"
};

// 1 to 12 for a lower-case English month name (in the forms asked for), else 0.
int MonthNumber(std::string_view lower_case_word, MonthForms forms);

}  // namespace chorus

#endif  // CHORUS_BASE_DATES_H_
