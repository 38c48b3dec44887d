#include "cluster/pair_features.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace chorus {
namespace {

constexpr float kMissing = std::numeric_limits<float>::quiet_NaN();

float Log1p(double x) { return static_cast<float>(std::log1p(x)); }

// `shared` over the smaller of two bag sizes: 1 when the smaller bag is all
// shared, whatever the texts' lengths; missing when either bag is empty.
float Overlap(uint32_t shared, size_t a, size_t b) {
  const size_t fewer = std::min(a, b);
  return fewer == 0 ? kMissing : static_cast<float>(std::min<double>(1, double(shared) / fewer));
}

}  // namespace

const std::vector<std::string_view>& FeatureNames() {
  static const std::vector<std::string_view> kNames = {
      "cosine_terms",     "cosine_headline",  "cosine_names",   "cosine_numbers",  "best_member",
      "covered_weight",   "shared_names",     "shared_numbers", "article_numbers", "days_outside",
      "days_from_middle", "event_span",       "event_members",  "source_in_event", "article_words",
      "event_words",      "best_member_top",  "name_overlap",   "number_overlap",  "best_rank",
      "runner_up_rank",   "runner_up_cosine", "candidate_count"};
  return kNames;
}

int SimilarityDirection(uint32_t feature) {
  switch (feature) {
    case kCosineTerms:
    case kCosineHeadline:
    case kCosineNames:
    case kCosineNumbers:
    case kBestMember:
    case kCoveredWeight:
    case kSharedNames:
    case kSharedNumbers:
    case kBestMemberTop:
    case kNameOverlap:
    case kNumberOverlap:
    case kBestRank:
      return 1;
    default:
      return 0;
  }
}

void ArticleVectors::Bag::Set(const TermVector& v, const EventIndex& index) {
  for (uint32_t t : terms) dense[t] = 0;
  terms.clear();
  double norm2 = 0;
  for (const auto& [term, w] : v) {
    if (term >= dense.size()) dense.resize(std::max<size_t>(term + 1, dense.size() * 2), 0);
    const double x = w * index.Idf(term);
    dense[term] = static_cast<float>(x);
    terms.push_back(term);
    norm2 += x * x;
  }
  norm = std::sqrt(norm2);
}

// Cosine of this bag and `centroid` (TF-IDF); *shared counts the centroid's
// terms the bag has.
double ArticleVectors::Bag::Cosine(const TermVector& centroid, const EventIndex& index,
                                   uint32_t* shared) const {
  *shared = 0;
  if (norm <= 0) return 0;
  double dot = 0, cnorm2 = 0;
  for (const auto& [term, c] : centroid) {
    const double cw = c * index.Idf(term);
    cnorm2 += cw * cw;
    if (term < dense.size() && dense[term] != 0) {
      dot += cw * dense[term];
      ++*shared;
    }
  }
  return cnorm2 > 0 ? dot / (norm * std::sqrt(cnorm2)) : 0;
}

void ArticleVectors::Set(const ArticleRecord& record, const EventIndex& index) {
  record_ = &record;
  terms_.Set(record.terms, index);
  headline_.Set(record.headline, index);
  names_.Set(record.names, index);
  numbers_.Set(record.numbers, index);
  top_terms_.Set(index.TopTerms(record.terms), index);
}

PairFeatures ArticleVectors::Compare(const Event& event, std::string_view source,
                                     const EventIndex& index) const {
  PairFeatures f;
  uint32_t shared = 0;
  f[kCosineTerms] = static_cast<float>(terms_.Cosine(event.centroid, index, &shared));
  double covered = 0;
  for (const auto& [term, c] : event.centroid) {
    if (term < terms_.dense.size())
      covered += static_cast<double>(terms_.dense[term]) * terms_.dense[term];
  }
  f[kCoveredWeight] =
      terms_.norm > 0 ? static_cast<float>(covered / (terms_.norm * terms_.norm)) : 0;
  f[kCosineHeadline] = static_cast<float>(headline_.Cosine(event.headline, index, &shared));
  f[kCosineNames] = static_cast<float>(names_.Cosine(event.names, index, &shared));
  f[kSharedNames] = static_cast<float>(shared);
  f[kCosineNumbers] = static_cast<float>(numbers_.Cosine(event.numbers, index, &shared));
  f[kSharedNumbers] = static_cast<float>(shared);
  f[kArticleNumbers] = static_cast<float>(numbers_.terms.size());
  // The whole article and its top terms (as long as a lead's) against each
  // recent member's top terms.
  double best = 0, best_top = 0;
  for (const TermVector& member : event.recent) {
    best = std::max(best, terms_.Cosine(member, index, &shared));
    best_top = std::max(best_top, top_terms_.Cosine(member, index, &shared));
  }
  f[kBestMember] = static_cast<float>(best);
  f[kBestMemberTop] = static_cast<float>(best_top);
  f[kNameOverlap] =
      Overlap(static_cast<uint32_t>(f[kSharedNames]), names_.terms.size(), event.names.size());
  f[kNumberOverlap] = Overlap(static_cast<uint32_t>(f[kSharedNumbers]), numbers_.terms.size(),
                              event.numbers.size());

  const int32_t outside = DaysOutside(record_->day, event);
  if (outside < 0) {
    f[kDaysOutside] = f[kDaysFromMiddle] = f[kEventSpan] = kMissing;
  } else {
    f[kDaysOutside] = static_cast<float>(outside);
    const double middle = static_cast<double>(event.day_sum) / std::max<uint32_t>(event.dated, 1);
    f[kDaysFromMiddle] = static_cast<float>(std::abs(record_->day - middle));
    f[kEventSpan] = static_cast<float>(event.max_day - event.min_day);
  }
  const uint32_t members = event.members();
  f[kEventMembers] = Log1p(members);
  f[kSourceInEvent] = source.empty() ? kMissing : static_cast<float>(event.HasSource(source));
  f[kArticleWords] = Log1p(record_->words);
  f[kEventWords] = Log1p(static_cast<double>(event.words) / std::max<uint32_t>(members, 1));
  return f;
}

BestTwo FindBestTwo(std::span<const double> ranks) {
  BestTwo out;
  out.second = ranks.size();
  for (size_t i = 1; i < ranks.size(); ++i) {
    if (ranks[i] > ranks[out.best]) {
      out.second = out.best;
      out.best = i;
    } else if (out.second == ranks.size() || ranks[i] > ranks[out.second]) {
      out.second = i;
    }
  }
  return out;
}

DecisionFeatures MakeDecisionFeatures(const PairFeatures& best, double best_rank,
                                      const PairFeatures* runner_up, double runner_up_rank,
                                      size_t candidates) {
  DecisionFeatures d;
  std::copy(best.begin(), best.end(), d.begin());
  d[kBestRank] = static_cast<float>(best_rank);
  d[kRunnerUpRank] = runner_up ? static_cast<float>(runner_up_rank) : kMissing;
  d[kRunnerUpCosine] = runner_up ? (*runner_up)[kCosineTerms] : kMissing;
  d[kCandidateCount] = static_cast<float>(candidates);
  return d;
}

}  // namespace chorus
