#include "cluster/event_index.h"

#include <algorithm>
#include <iterator>

namespace chorus {
namespace {

void ExtendSpan(Event& e, int32_t day) {
  if (day == ArticleRecord::kNoDay) return;
  if (e.min_day == ArticleRecord::kNoDay || day < e.min_day) e.min_day = day;
  if (e.max_day == ArticleRecord::kNoDay || day > e.max_day) e.max_day = day;
}

bool ByWeight(const std::pair<float, uint32_t>& x, const std::pair<float, uint32_t>& y) {
  return x.first > y.first || (x.first == y.first && x.second < y.second);
}

}  // namespace

bool Event::HasSource(std::string_view source) const {
  return std::binary_search(sources.begin(), sources.end(), source);
}

int32_t DaysOutside(int32_t day, const Event& event) {
  if (day == ArticleRecord::kNoDay || event.min_day == ArticleRecord::kNoDay) return -1;
  return std::max({0, event.min_day - day, day - event.max_day});
}

void EventIndex::Count(const ArticleRecord& record) {
  for (const TermVector* v : {&record.terms, &record.numbers}) {
    for (const auto& [term, w] : *v) CountTerm(term, 1);
  }
  CountDocs(1);
}

void EventIndex::CountTerm(uint32_t term, uint32_t df) {
  if (df == 0) return;
  if (term >= df_.size()) {
    df_.resize(std::max<size_t>(term + 1, df_.size() * 2), 0);
    log_df_.resize(df_.size(), 0);
  }
  df_[term] += df;
  log_df_[term] = std::log(static_cast<double>(df_[term]) + 1);
}

void EventIndex::CountDocs(uint64_t docs) {
  docs_ += docs;
  log_docs_ = std::log(static_cast<double>(docs_) + 1);
}

bool EventIndex::Retired(uint32_t index, uint64_t arrival) {
  Event& e = events_[index];
  if (e.retired) return true;
  if (options_.retire_after == 0 || arrival - e.last_join <= options_.retire_after) return false;
  // Only Describe needs what is left.
  e.retired = true;
  e.recent = {};
  e.headline = {};
  e.names = {};
  e.numbers = {};
  e.sources.shrink_to_fit();
  return true;
}

void EventIndex::Candidates(const ArticleRecord& record, uint64_t arrival, uint32_t limit,
                            std::vector<uint32_t>* out) {
  out->clear();
  std::vector<std::pair<float, uint32_t>> query;
  query.reserve(record.terms.size());
  for (const auto& [term, w] : record.terms) {
    query.emplace_back(static_cast<float>(w * Idf(term)), term);
  }
  const size_t top = std::min<size_t>(options_.query_terms, query.size());
  std::partial_sort(query.begin(), query.begin() + top, query.end(), ByWeight);
  if (accumulated_.size() < events_.size()) {
    accumulated_.resize(events_.size(), 0);
    stamp_.resize(events_.size(), 0);
  }
  ++current_stamp_;
  for (size_t q = 0; q < top; ++q) {
    auto it = postings_.find(query[q].second);
    if (it == postings_.end()) continue;
    std::vector<uint32_t>& posting = it->second;
    size_t kept = 0;
    for (uint32_t e : posting) {
      if (Retired(e, arrival)) continue;  // dropped from the posting list
      posting[kept++] = e;
      if (stamp_[e] != current_stamp_) {
        const int32_t gap = DaysOutside(record.day, events_[e]);
        if (options_.window_days > 0 && gap > options_.window_days) continue;
        stamp_[e] = current_stamp_;
        accumulated_[e] = 0;
        out->push_back(e);
      }
      accumulated_[e] += query[q].first;
    }
    posting.resize(kept);
  }
  if (limit == 0 || out->size() <= limit) {
    // Every candidate is judged: only the order must be fixed.
    std::sort(out->begin(), out->end());
    return;
  }
  auto by_weight = [&](uint32_t a, uint32_t b) {
    return accumulated_[a] > accumulated_[b] || (accumulated_[a] == accumulated_[b] && a > b);
  };
  std::partial_sort(out->begin(), out->begin() + limit, out->end(), by_weight);
  out->resize(limit);
}

uint32_t EventIndex::Create() {
  events_.emplace_back();
  return static_cast<uint32_t>(events_.size() - 1);
}

// Adds the unit vector of `add` (or `add` itself, when !unit: another
// centroid) to `centroid` and keeps its top `limit` terms by TF-IDF; `ranked`
// gets (TF-IDF weight, term) of the kept terms.
void EventIndex::AddToCentroid(const TermVector& add, uint32_t limit, TermVector* centroid,
                               std::vector<std::pair<float, uint32_t>>* ranked, bool unit) const {
  double norm2 = 0;
  for (const auto& [term, w] : add) norm2 += static_cast<double>(w) * w;
  const double inv = !unit ? 1 : norm2 > 0 ? 1 / std::sqrt(norm2) : 0;
  TermVector merged;
  merged.reserve(centroid->size() + add.size());
  auto a = centroid->begin();
  auto b = add.begin();
  while (a != centroid->end() || b != add.end()) {
    if (b == add.end() || (a != centroid->end() && a->first < b->first)) {
      merged.push_back(*a++);
    } else if (a == centroid->end() || b->first < a->first) {
      merged.emplace_back(b->first, static_cast<float>(b->second * inv));
      ++b;
    } else {
      merged.emplace_back(a->first, static_cast<float>(a->second + b->second * inv));
      ++a, ++b;
    }
  }
  // Keep the top terms by TF-IDF; ties broken by term id so replays match.
  ranked->clear();
  ranked->reserve(merged.size());
  for (const auto& [term, c] : merged)
    ranked->emplace_back(static_cast<float>(c * Idf(term)), term);
  if (merged.size() > limit) {
    std::nth_element(ranked->begin(), ranked->begin() + limit, ranked->end(), ByWeight);
    ranked->resize(limit);
    std::vector<uint32_t> keep;
    keep.reserve(ranked->size());
    for (const auto& r : *ranked) keep.push_back(r.second);
    std::sort(keep.begin(), keep.end());
    std::erase_if(merged, [&](const auto& m) {
      return !std::binary_search(keep.begin(), keep.end(), m.first);
    });
  }
  *centroid = std::move(merged);
}

void EventIndex::Join(uint32_t index, const ArticleRecord& record, std::string_view source,
                      uint64_t arrival) {
  Event& ev = events_[index];
  std::vector<std::pair<float, uint32_t>> ranked;
  AddToCentroid(record.terms, options_.centroid_terms, &ev.centroid, &ranked);
  PostTopTerms(index, &ranked);
  if (!ev.retired) {
    AddToCentroid(record.headline, options_.bag_terms, &ev.headline, &ranked);
    AddToCentroid(record.names, options_.bag_terms, &ev.names, &ranked);
    AddToCentroid(record.numbers, options_.bag_terms, &ev.numbers, &ranked);
    if (options_.recent_members > 0) {
      AddRecent(ev, TopTerms(record.terms));
    }
  }
  ExtendSpan(ev, record.day);
  if (record.day != ArticleRecord::kNoDay) {
    ev.day_sum += record.day;
    ++ev.dated;
  }
  ++ev.articles;
  ev.words += record.words;
  ev.last_join = arrival;
  if (source.empty()) {
    ++ev.anonymous;
  } else {
    auto it = std::lower_bound(ev.sources.begin(), ev.sources.end(), source);
    if (it == ev.sources.end() || *it != source) ev.sources.emplace(it, source);
  }
}

TermVector EventIndex::TopTerms(const TermVector& terms) const {
  std::vector<std::pair<float, uint32_t>> own;
  for (const auto& [term, w] : terms) own.emplace_back(static_cast<float>(w * Idf(term)), term);
  const size_t keep = std::min<size_t>(options_.member_terms, own.size());
  std::partial_sort(own.begin(), own.begin() + keep, own.end(), ByWeight);
  std::vector<uint32_t> kept;
  for (size_t i = 0; i < keep; ++i) kept.push_back(own[i].second);
  std::sort(kept.begin(), kept.end());
  TermVector top;
  for (const auto& tw : terms) {
    if (std::binary_search(kept.begin(), kept.end(), tw.first)) top.push_back(tw);
  }
  return top;
}

// Posts the event's top terms of `ranked` (TF-IDF weight, term) not yet posted.
void EventIndex::PostTopTerms(uint32_t index, std::vector<std::pair<float, uint32_t>>* ranked) {
  Event& ev = events_[index];
  const size_t top = std::min<size_t>(options_.index_terms, ranked->size());
  std::partial_sort(ranked->begin(), ranked->begin() + top, ranked->end(), ByWeight);
  for (size_t i = 0; i < top; ++i) {
    const uint32_t term = (*ranked)[i].second;
    if (std::find(ev.indexed.begin(), ev.indexed.end(), term) != ev.indexed.end()) continue;
    ev.indexed.push_back(term);
    postings_[term].push_back(index);
  }
}

void EventIndex::AddRecent(Event& ev, TermVector member) const {
  if (ev.recent.size() < options_.recent_members) {
    ev.recent.push_back(std::move(member));
  } else {
    ev.recent[ev.recent_next] = std::move(member);
    ev.recent_next = (ev.recent_next + 1) % options_.recent_members;
  }
}

void EventIndex::Merge(uint32_t from, uint32_t into, uint64_t arrival) {
  Event& src = events_[from];
  Event& ev = events_[into];
  std::vector<std::pair<float, uint32_t>> ranked;
  AddToCentroid(src.centroid, options_.centroid_terms, &ev.centroid, &ranked, /*unit=*/false);
  PostTopTerms(into, &ranked);
  AddToCentroid(src.headline, options_.bag_terms, &ev.headline, &ranked, false);
  AddToCentroid(src.names, options_.bag_terms, &ev.names, &ranked, false);
  AddToCentroid(src.numbers, options_.bag_terms, &ev.numbers, &ranked, false);
  // The absorbed members, oldest first, as if they had joined last.
  for (size_t i = 0; i < src.recent.size(); ++i) {
    AddRecent(ev, std::move(src.recent[(src.recent_next + i) % src.recent.size()]));
  }
  ExtendSpan(ev, src.min_day);
  ExtendSpan(ev, src.max_day);
  ev.day_sum += src.day_sum;
  ev.dated += src.dated;
  ev.articles += src.articles;
  ev.duplicates += src.duplicates;
  ev.anonymous += src.anonymous;
  ev.words += src.words;
  ev.last_join = arrival;
  std::vector<std::string> sources;
  std::set_union(ev.sources.begin(), ev.sources.end(), src.sources.begin(), src.sources.end(),
                 std::back_inserter(sources));
  ev.sources = std::move(sources);
  src.retired = true;
  src.recent = {};
  src.headline = {};
  src.names = {};
  src.numbers = {};
}

void EventIndex::JoinAsDuplicate(uint32_t index, int32_t day) {
  Event& ev = events_[index];
  ++ev.articles;
  ++ev.duplicates;
  ExtendSpan(ev, day);
}

}  // namespace chorus
