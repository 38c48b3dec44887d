#include "chorus/featurized_partition.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <type_traits>

#include "fmt/format.h"

namespace chorus {
namespace {

constexpr std::string_view kMagic = "chorus-featurized/1\n";

using TermPairs = std::vector<std::pair<uint32_t, float>>;

class Writer {
 public:
  explicit Writer(std::string* out) : out_(out) {}
  template <typename T>
  void Put(T value) {
    static_assert(std::is_trivially_copyable_v<T>);
    out_->append(reinterpret_cast<const char*>(&value), sizeof(value));
  }
  void PutString(std::string_view s) {
    Put(static_cast<uint32_t>(s.size()));
    out_->append(s);
  }
  void PutPairs(const TermPairs& pairs) {
    Put(static_cast<uint32_t>(pairs.size()));
    for (const auto& [term, weight] : pairs) {
      Put(term);
      Put(weight);
    }
  }

 private:
  std::string* out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  template <typename T>
  bool Get(T* value) {
    if (in_.size() - at_ < sizeof(T)) return false;
    std::memcpy(value, in_.data() + at_, sizeof(T));
    at_ += sizeof(T);
    return true;
  }
  bool GetString(std::string* s) {
    uint32_t n = 0;
    if (!Get(&n) || in_.size() - at_ < n) return false;
    s->assign(in_.substr(at_, n));
    at_ += n;
    return true;
  }
  // Pairs whose terms are below `terms`.
  bool GetPairs(uint32_t terms, TermPairs* pairs) {
    uint32_t n = 0;
    if (!Get(&n) || (in_.size() - at_) / 8 < n) return false;
    pairs->resize(n);
    for (auto& [term, weight] : *pairs) {
      if (!Get(&term) || !Get(&weight) || term >= terms || !std::isfinite(weight)) return false;
    }
    return true;
  }
  size_t at() const { return at_; }
  bool done() const { return at_ == in_.size(); }

 private:
  std::string_view in_;
  size_t at_ = 0;
};

bool GetRecord(Reader& in, uint32_t terms, ArticleRecord* r, std::string* source,
               bool* no_content) {
  uint8_t empty = 0;
  uint32_t hashes = 0;
  if (!in.Get(&empty) || !in.Get(&r->day) || !in.Get(&r->words) || !in.GetString(source)) {
    return false;
  }
  // Days of years 0 to 9999 at most: day arithmetic elsewhere must not overflow.
  constexpr int32_t kFirstDay = -719528, kLastDay = 2932896;
  if (r->day != ArticleRecord::kNoDay && (r->day < kFirstDay || r->day > kLastDay)) return false;
  *no_content = empty != 0;
  for (TermPairs* v : {&r->terms, &r->headline, &r->names, &r->numbers}) {
    if (!in.GetPairs(terms, v)) return false;
  }
  if (!in.Get(&hashes)) return false;
  r->minhash.resize(std::min<uint32_t>(hashes, 1u << 16));
  if (r->minhash.size() != hashes) return false;
  for (uint32_t& h : r->minhash) {
    if (!in.Get(&h)) return false;
  }
  return true;
}

// `pairs` with their terms mapped through `ids`, sorted by term again.
void MapTerms(const std::vector<uint32_t>& ids, TermPairs* pairs) {
  for (auto& pair : *pairs) pair.first = ids[pair.first];
  std::sort(pairs->begin(), pairs->end());
}

}  // namespace

FeaturizedPartition FeaturizePartition(std::span<const Document> articles,
                                       const ClustererOptions& options) {
  EventClusterer featurizer(options);
  FeaturizedPartition out;
  out.records.reserve(articles.size());
  out.sources.reserve(articles.size());
  out.no_content.reserve(articles.size());
  for (const Document& d : articles) {
    bool no_content = false;
    out.records.push_back(featurizer.Represent(d, &no_content));
    out.sources.push_back(d.source);
    out.no_content.push_back(no_content);
  }
  out.terms.reserve(featurizer.TermCount());
  out.labels.reserve(featurizer.TermCount());
  for (uint32_t t = 0; t < featurizer.TermCount(); ++t) {
    out.terms.push_back(featurizer.Term(t));
    out.labels.push_back(featurizer.TermLabel(t));
  }
  return out;
}

std::string EncodeFeaturized(const FeaturizedPartition& partition) {
  std::string out(kMagic);
  Writer w(&out);
  w.Put(static_cast<uint32_t>(partition.terms.size()));
  for (size_t t = 0; t < partition.terms.size(); ++t) {
    w.PutString(partition.terms[t]);
    w.PutString(t < partition.labels.size() ? partition.labels[t] : std::string_view());
  }
  w.Put(static_cast<uint64_t>(partition.records.size()));
  for (size_t i = 0; i < partition.records.size(); ++i) {
    const ArticleRecord& r = partition.records[i];
    const bool empty = i < partition.no_content.size() && partition.no_content[i];
    w.Put(static_cast<uint8_t>(empty ? 1 : 0));
    w.Put(r.day);
    w.Put(r.words);
    w.PutString(i < partition.sources.size() ? partition.sources[i] : std::string_view());
    for (const TermPairs* v : {&r.terms, &r.headline, &r.names, &r.numbers}) w.PutPairs(*v);
    w.Put(static_cast<uint32_t>(r.minhash.size()));
    for (uint32_t h : r.minhash) w.Put(h);
  }
  return out;
}

Result<FeaturizedPartition> DecodeFeaturized(std::string_view bytes) {
  if (!bytes.starts_with(kMagic)) {
    return InvalidArgumentError(
        "featurized partition: the bytes are not EncodeFeaturized's (no chorus-featurized/1 "
        "header)");
  }
  Reader in(bytes.substr(kMagic.size()));
  auto damaged = [&](std::string_view where) {
    return InvalidArgumentError(
        fmt::format("featurized partition: damaged or truncated {} at byte {}", where,
                    kMagic.size() + in.at()));
  };
  FeaturizedPartition out;
  uint32_t terms = 0;
  // Every term takes at least its two 4-byte lengths: a count beyond that is
  // damage, not a reason to allocate billions of strings.
  if (!in.Get(&terms) || terms > bytes.size() / 8) return damaged("term list");
  out.terms.resize(terms);
  out.labels.resize(terms);
  for (uint32_t t = 0; t < terms; ++t) {
    if (!in.GetString(&out.terms[t]) || !in.GetString(&out.labels[t])) return damaged("term list");
  }
  uint64_t articles = 0;
  // An article takes at least 25 bytes (flag, day, words, five lengths).
  if (!in.Get(&articles) || articles > bytes.size() / 25) return damaged("article count");
  out.records.resize(articles);
  out.sources.resize(articles);
  out.no_content.resize(articles);
  for (uint64_t i = 0; i < articles; ++i) {
    bool no_content = false;
    if (!GetRecord(in, terms, &out.records[i], &out.sources[i], &no_content)) {
      return damaged(fmt::format("article {}", i));
    }
    out.no_content[i] = no_content;
  }
  if (!in.done()) return damaged("end");
  return out;
}

Status PlaceFeaturized(FeaturizedPartition partition, EventClusterer* clusterer,
                       std::vector<ArticleAssignment>* out) {
  const size_t n = partition.records.size();
  if (partition.labels.size() != partition.terms.size() || partition.sources.size() != n ||
      partition.no_content.size() != n) {
    return InvalidArgumentError(fmt::format(
        "featurized partition: {} terms with {} labels, {} records with {} sources and {} "
        "no-content flags",
        partition.terms.size(), partition.labels.size(), n, partition.sources.size(),
        partition.no_content.size()));
  }
  // In local id order, i.e. the partition's order of first appearance: terms
  // new to the clusterer get the ids one clusterer reading on would give.
  std::vector<uint32_t> ids(partition.terms.size());
  for (size_t t = 0; t < ids.size(); ++t) {
    ids[t] = clusterer->InternTerm(partition.terms[t], partition.labels[t]);
  }
  out->reserve(out->size() + n);
  for (size_t i = 0; i < n; ++i) {
    ArticleRecord& r = partition.records[i];
    for (TermPairs* v : {&r.terms, &r.headline, &r.names, &r.numbers}) {
      for (const auto& pair : *v) {
        if (pair.first >= ids.size()) {
          return InvalidArgumentError(fmt::format(
              "featurized partition: article {} uses term {} of {}", i, pair.first, ids.size()));
        }
      }
      MapTerms(ids, v);
    }
    ArticleAssignment a = clusterer->Add(std::move(r), partition.sources[i]);
    a.no_content = partition.no_content[i];
    a.record = {};
    out->push_back(std::move(a));
  }
  return Status::Ok();
}

}  // namespace chorus
