#include "summarize/candidates.h"

#include <algorithm>
#include <string>
#include <unordered_set>

#include "base/hashing.h"
#include "summarize/budget.h"

namespace chorus {
namespace {

// Identity of a sentence's wording: its token norms, so spacing and
// punctuation differences do not hide a repeat. A cluster's tokens share one
// vocabulary (AnalyzedCluster::vocabulary), so equal norms have equal ids.
uint64_t WordingHash(const AnalyzedSentence& s) {
  uint64_t h = s.tokens.size();
  for (const Token& t : s.tokens) h = Mix64(h ^ t.norm_id);
  return h;
}

std::string_view TrimClosers(std::string_view text) {
  while (!text.empty()) {
    const char c = text.back();
    if (c == ' ' || c == '"' || c == '\'' || c == ')' || c == ']') {
      text.remove_suffix(1);
    } else if (text.size() >= 3 &&
               (text.ends_with("\xE2\x80\x9D") || text.ends_with("\xE2\x80\x99"))) {
      text.remove_suffix(3);  // closing curly quotes
    } else {
      break;
    }
  }
  return text;
}

}  // namespace

bool IsQuestion(std::string_view text) { return TrimClosers(text).ends_with('?'); }

bool HasQuotation(std::string_view text) {
  return text.find('"') != std::string_view::npos || text.find("``") != std::string_view::npos ||
         text.find("''") != std::string_view::npos ||
         text.find("\xE2\x80\x9C") != std::string_view::npos ||
         text.find("\xE2\x80\x9D") != std::string_view::npos;
}

bool IsBareQuote(std::string_view text) {
  const auto opens = [&](std::string_view mark) { return text.starts_with(mark); };
  if (!opens("\"") && !opens("``") && !opens("\xE2\x80\x9C")) return false;
  const std::string_view body = TrimClosers(text);
  // The closing mark comes right after the final punctuation, and no closing
  // mark occurs before it (else a speaker may sit between two quotes).
  if (body.size() == text.size()) return false;
  const std::string_view inner = text.substr(1, body.size() - 1);
  return inner.find("''") == std::string_view::npos && inner.find('"') == std::string_view::npos &&
         inner.find("\xE2\x80\x9D") == std::string_view::npos;
}

namespace {

// A longer sentence says more than the note.
constexpr uint32_t kMaxNoteWords = 20;

bool HoldsReportingNote(std::string_view text) {
  constexpr std::string_view kNotes[] = {"could not be independently confirmed",
                                         "could not be confirmed",
                                         "could not be independently verified",
                                         "could not be verified",
                                         "available for comment",
                                         "declined to comment",
                                         "did not return",
                                         "did not immediately return",
                                         "no immediate comment",
                                         "not immediately available"};
  // Every note holds "not" or "comment": two scans rule most sentences out
  // before ten.
  if (text.find("not") == std::string_view::npos &&
      text.find("comment") == std::string_view::npos) {
    return false;
  }
  for (std::string_view note : kNotes) {
    if (text.find(note) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace

bool IsReportingNote(std::string_view text) {
  return CountWords(text) <= kMaxNoteWords && HoldsReportingNote(text);
}

std::vector<uint32_t> CandidateSentences(const AnalyzedCluster& cluster,
                                         const CandidateFilter& filter,
                                         const SummaryBudget& budget) {
  const uint64_t capacity = BudgetCapacity(budget);
  // Filters from strictest to loosest; the first that leaves a candidate wins.
  const CandidateFilter relaxed[] = {
      filter,
      {std::min<uint32_t>(filter.min_words, 4), filter.drop_questions, filter.drop_quotations, 0,
       filter.drop_bare_quotes, filter.drop_reporting_notes},
      {1, false, false, 0, false, false},
  };
  for (const CandidateFilter& f : relaxed) {
    std::vector<uint32_t> out;
    std::unordered_set<uint64_t> seen;
    for (uint32_t i = 0; i < cluster.sentences.size(); ++i) {
      const AnalyzedSentence& s = cluster.sentences[i];
      if (s.tokens.empty()) continue;
      const uint32_t words = CountWords(s.sentence.text);
      const uint32_t cost =
          budget.unit == BudgetUnit::kWords ? words : SentenceCost(s.sentence.text, budget.unit);
      if (cost > capacity) continue;
      if (words < f.min_words) continue;
      if (f.drop_questions && IsQuestion(s.sentence.text)) continue;
      if (f.drop_quotations && HasQuotation(s.sentence.text)) continue;
      if (f.drop_bare_quotes && IsBareQuote(s.sentence.text)) continue;
      if (f.drop_reporting_notes && words <= kMaxNoteWords && HoldsReportingNote(s.sentence.text))
        continue;
      if (f.max_position > 0 && s.sentence.index >= f.max_position) continue;
      if (!seen.insert(WordingHash(s)).second) continue;
      out.push_back(i);
    }
    if (!out.empty()) return out;
  }
  return {};
}

}  // namespace chorus
