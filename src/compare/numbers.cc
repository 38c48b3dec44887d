#include "compare/numbers.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <span>
#include <string_view>

#include "base/dates.h"

namespace chorus::compare {
namespace {

// Value of a plain number token ("5,000", "3.5"), if it is one.
std::optional<double> ParsePlain(std::string_view norm) {
  std::string digits;
  bool dot = false;
  for (char c : norm) {
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
    } else if (c == ',') {
      continue;
    } else if (c == '.' && !dot) {
      dot = true;
      digits.push_back(c);
    } else {
      return std::nullopt;
    }
  }
  if (digits.empty() || digits == ".") return std::nullopt;
  return std::strtod(digits.c_str(), nullptr);
}

bool IsTally(std::string_view norm) {
  const size_t dash = norm.find('-');
  if (dash == std::string_view::npos || dash == 0 || dash + 1 == norm.size()) return false;
  for (size_t i = 0; i < norm.size(); ++i) {
    if (i != dash && (norm[i] < '0' || norm[i] > '9')) return false;
  }
  return true;
}

// Value of a spelled-out number ("three", "twenty-five", "dozen"), 0 if none.
// "one" is left out: it is a pronoun more often than a count.
double WordValue(std::string_view w) {
  // string_views: compared by length first, no strlen per word (this runs for
  // every token of every sentence).
  static constexpr std::pair<std::string_view, int> kWords[] = {
      {"two", 2},        {"three", 3},     {"four", 4},      {"five", 5},     {"six", 6},
      {"seven", 7},      {"eight", 8},     {"nine", 9},      {"ten", 10},     {"eleven", 11},
      {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15}, {"sixteen", 16},
      {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19}, {"twenty", 20},  {"thirty", 30},
      {"forty", 40},     {"fifty", 50},    {"sixty", 60},    {"seventy", 70}, {"eighty", 80},
      {"ninety", 90},    {"dozen", 12}};
  const size_t hyphen = w.find('-');
  if (hyphen != std::string_view::npos) {  // "twenty-five"
    const double tens = WordValue(w.substr(0, hyphen)), units = WordValue(w.substr(hyphen + 1));
    return tens >= 20 && units > 0 && units < 10 ? tens + units : 0;
  }
  for (const auto& [word, value] : kWords) {
    if (w == word) return value;
  }
  return 0;
}

double Multiplier(std::string_view w) {
  if (w == "hundred") return 1e2;
  if (w == "thousand") return 1e3;
  if (w == "million") return 1e6;
  if (w == "billion") return 1e9;
  if (w == "trillion") return 1e12;
  return 0;
}

std::string CurrencyWord(std::string_view w) {
  if (w == "dollars" || w == "dollar") return "dollar";
  if (w == "euros" || w == "euro") return "euro";
  if (w == "pounds" || w == "pound") return "pound";
  if (w == "yen" || w == "yuan" || w == "rupees" || w == "rubles" || w == "roubles") {
    return std::string(w.substr(0, w.back() == 's' ? w.size() - 1 : w.size()));
  }
  return "";
}

std::string FormatValue(double v) {
  if (v == std::floor(v) && std::fabs(v) < 1e15) return fmt::format("{}", static_cast<int64_t>(v));
  return fmt::format("{:.6g}", v);
}

class NumberScanner {
 public:
  NumberScanner(const AnalyzedSentence& s, uint32_t index, std::span<const uint32_t> terms)
      : text_(s.sentence.text), tokens_(s.tokens), terms_(terms), index_(index) {}

  std::vector<NumberMention> Scan() {
    used_.assign(tokens_.size(), false);
    for (size_t i = 0; i < tokens_.size(); ++i) {
      if (used_[i]) continue;
      if (TryDate(i)) continue;
      if (tokens_[i].numeric) {
        TryNumber(i);
      } else if (WordValue(tokens_[i].norm) > 0) {
        TryWordNumber(i);
      }
    }
    for (NumberMention& m : out_) m.context = Context(m.unit);
    return std::move(out_);
  }

 private:
  std::string_view Surface(size_t i) const {
    return text_.substr(tokens_[i].begin, tokens_[i].end - tokens_[i].begin);
  }
  bool Adjacent(size_t a, size_t b) const {
    for (uint32_t p = tokens_[a].end; p < tokens_[b].begin; ++p) {
      if (text_[p] != ' ' && text_[p] != '.') return false;
    }
    return true;
  }
  bool Day(size_t i, int* day) const {
    std::optional<double> v = i < tokens_.size() ? ParsePlain(tokens_[i].norm) : std::nullopt;
    if (!v || *v < 1 || *v > 31 || *v != std::floor(*v) || tokens_[i].norm.size() > 2) return false;
    *day = static_cast<int>(*v);
    return true;
  }
  bool Year(size_t i, int* year) const {
    if (i >= tokens_.size() || tokens_[i].norm.size() != 4) return false;
    std::optional<double> v = ParsePlain(tokens_[i].norm);
    if (!v || *v < 1800 || *v > 2100) return false;
    *year = static_cast<int>(*v);
    return true;
  }

  // "January 5, 2020", "Jan. 5", "5 January 2020".
  bool TryDate(size_t i) {
    int month = MonthNumber(tokens_[i].norm, MonthForms::kAbbreviated), day = 0, year = 0;
    size_t last = i;
    if (month > 0 && tokens_[i].capitalized && i + 1 < tokens_.size() && Adjacent(i, i + 1) &&
        Day(i + 1, &day)) {
      last = i + 1;
    } else if (Day(i, &day) && i + 1 < tokens_.size() && Adjacent(i, i + 1) &&
               tokens_[i + 1].capitalized &&
               (month = MonthNumber(tokens_[i + 1].norm, MonthForms::kAbbreviated)) > 0) {
      last = i + 1;
    } else {
      return false;
    }
    if (last + 1 < tokens_.size() && Year(last + 1, &year) &&
        tokens_[last + 1].begin - tokens_[last].end <= 2) {
      ++last;
    }
    NumberMention m;
    m.sentence = index_;
    m.kind = NumberKind::kDate;
    m.match_value = fmt::format("{:02}-{:02}", month, day);
    m.value = year > 0 ? fmt::format("{}-{}", year, m.match_value) : m.match_value;
    m.unit = "date";
    m.text = std::string(text_.substr(tokens_[i].begin, tokens_[last].end - tokens_[i].begin));
    for (size_t k = i; k <= last; ++k) used_[k] = true;
    out_.push_back(std::move(m));
    return true;
  }

  void TryNumber(size_t i) {
    const Token& t = tokens_[i];
    const uint32_t b = t.begin, e = t.end;
    // Times, ratios and fractions ("11:30", "9/11") are not counts.
    if ((b > 0 && (text_[b - 1] == '/' || text_[b - 1] == ':')) ||
        (e < text_.size() && (text_[e] == '/' || text_[e] == ':'))) {
      return;
    }
    NumberMention m;
    m.sentence = index_;
    used_[i] = true;
    if (IsTally(t.norm)) {
      m.kind = NumberKind::kTally;
      m.value = m.match_value = t.norm;
      m.unit = "tally";
      m.text = std::string(Surface(i));
      out_.push_back(std::move(m));
      return;
    }
    std::optional<double> value = ParsePlain(t.norm);
    if (!value) return;
    size_t j = i + 1;
    uint32_t text_end = e;
    if (j < tokens_.size() && Adjacent(i, j) && Multiplier(tokens_[j].norm) > 0) {
      *value *= Multiplier(tokens_[j].norm);
      text_end = tokens_[j].end;
      used_[j] = true;
      ++j;
    }
    const bool dollar = b > 0 && text_[b - 1] == '$';
    const bool euro = b >= 3 && text_.compare(b - 3, 3, "\xE2\x82\xAC") == 0;
    const bool pound = b >= 2 && text_.compare(b - 2, 2, "\xC2\xA3") == 0;
    const uint32_t text_begin = dollar ? b - 1 : euro ? b - 3 : pound ? b - 2 : b;
    if (dollar || euro || pound || (j < tokens_.size() && !CurrencyWord(tokens_[j].norm).empty())) {
      m.kind = NumberKind::kMoney;
      m.unit = dollar ? "dollar" : euro ? "euro" : pound ? "pound" : CurrencyWord(tokens_[j].norm);
      if (!dollar && !euro && !pound) text_end = tokens_[j].end;
    } else if (text_end < text_.size() && text_[text_end] == '%') {
      m.kind = NumberKind::kPercent;
      m.unit = "percent";
      ++text_end;
    } else if (j < tokens_.size() && (tokens_[j].norm == "percent" || tokens_[j].norm == "pct")) {
      m.kind = NumberKind::kPercent;
      m.unit = "percent";
      text_end = tokens_[j].end;
    } else {
      int year = 0;
      const size_t head = Head(j);
      if (head == tokens_.size()) {
        if (!Year(i, &year) || text_end != e) return;
        m.kind = NumberKind::kYear;
        m.unit = "year";
      } else if (tokens_[head].norm == "a.m." || tokens_[head].norm == "p.m." ||
                 tokens_[head].norm == "a.m" || tokens_[head].norm == "p.m") {
        return;  // a clock time, not a count
      } else {
        m.kind = NumberKind::kCount;
        m.unit = tokens_[head].stem;
        // Shown with the lower-case words up to the noun ("600 job cuts"),
        // without capitalised modifiers ("5,000 U.S. troops" -> "5,000 troops").
        m.text = std::string(text_.substr(text_begin, text_end - text_begin));
        size_t shown_from = j;
        while (shown_from + 2 < head && tokens_[shown_from].norm == "of")
          shown_from += 3;  // partitive
        for (size_t k = shown_from; k <= head; ++k) {
          if (!tokens_[k].capitalized) m.text.append(" ").append(tokens_[k].norm);
        }
      }
    }
    m.value = m.match_value = FormatValue(*value);
    if (m.text.empty()) m.text = std::string(text_.substr(text_begin, text_end - text_begin));
    out_.push_back(std::move(m));
  }

  // "three firefighters": a spelled-out number counts only a plural noun
  // right after it (so "three of them", "all three were" are no facts).
  void TryWordNumber(size_t i) {
    const size_t head = Head(i + 1);
    if (head == tokens_.size() || !Plural(tokens_[head])) return;
    double value = WordValue(tokens_[i].norm);
    size_t j = i + 1;
    if (Multiplier(tokens_[j].norm) > 0) value *= Multiplier(tokens_[j++].norm);  // "two million"
    NumberMention m;
    m.sentence = index_;
    m.kind = NumberKind::kCount;
    m.unit = tokens_[head].stem;
    m.value = m.match_value = FormatValue(value);
    m.text = tokens_[i].norm;
    for (size_t k = i + 1; k <= head; ++k) {
      if (!tokens_[k].capitalized) m.text.append(" ").append(tokens_[k].norm);
    }
    used_[i] = true;
    out_.push_back(std::move(m));
  }

  static bool Plural(const Token& t) {
    return t.norm.size() > 3 && t.norm.back() == 's' && t.stem != t.norm;
  }

  // The counted noun after position j, or tokens_.size() when there is none.
  size_t Head(size_t j) const {
    // "64 of the 122 seats": the part counts what the whole counts.
    if (j + 2 < tokens_.size() && tokens_[j].norm == "of" &&
        (tokens_[j + 1].norm == "the" || tokens_[j + 1].norm == "its" ||
         tokens_[j + 1].norm == "their") &&
        tokens_[j + 2].numeric && ParsePlain(tokens_[j + 2].norm)) {
      return Head(j + 3);
    }
    size_t skipped = 0;
    for (size_t k = j; k < tokens_.size() && k < j + 4; ++k) {
      if (k > 0 && !Adjacent(k - 1, k)) break;
      const Token& t = tokens_[k];
      if (t.numeric || t.stopword) break;
      if (t.capitalized) {  // "5,000 U.S. troops"
        if (++skipped > 2) break;
        continue;
      }
      if (Plural(t)) return k;
      if (k + 1 < tokens_.size() && Adjacent(k, k + 1) && !tokens_[k + 1].stopword &&
          !tokens_[k + 1].numeric && !tokens_[k + 1].capitalized && Plural(tokens_[k + 1])) {
        return k + 1;  // "5,000 additional troops"
      }
      return k;
    }
    return tokens_.size();
  }

  std::vector<uint32_t> Context(const std::string& unit) const {
    std::vector<uint32_t> ctx;
    if (terms_.size() != tokens_.size()) return ctx;  // a cluster without a term index
    for (size_t i = 0; i < tokens_.size(); ++i) {
      const Token& t = tokens_[i];
      if (used_[i] || t.stopword || t.numeric || t.stem.size() < 3 || t.stem == unit) continue;
      ctx.push_back(terms_[i]);  // a stemmed token's term is its stem
    }
    std::sort(ctx.begin(), ctx.end());
    ctx.erase(std::unique(ctx.begin(), ctx.end()), ctx.end());
    return ctx;
  }

  std::string_view text_;
  const std::vector<Token>& tokens_;
  std::span<const uint32_t> terms_;  // the term of each token
  uint32_t index_;
  std::vector<bool> used_;
  std::vector<NumberMention> out_;
};

}  // namespace

std::vector<NumberMention> ExtractNumbers(const AnalyzedCluster& cluster, uint32_t index) {
  return NumberScanner(cluster.sentences[index], index, cluster.terms.Terms(index)).Scan();
}

}  // namespace chorus::compare
