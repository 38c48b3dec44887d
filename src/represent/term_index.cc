#include "represent/term_index.h"

#include <algorithm>

#include "base/hashing.h"

namespace chorus::represent {
namespace {

// Vocabulary id -> term: open addressing in one array (a cluster has
// thousands of terms; a node-based map cost an allocation each).
class TermsById {
 public:
  explicit TermsById(size_t expected) {
    size_t slots = 16;
    while (slots < 2 * expected) slots *= 2;
    slots_.assign(slots, Slot{});
  }

  // The term of `id`, or `next` (then recorded as its term) if it has none;
  // `added` says which.
  uint32_t Find(uint32_t id, uint32_t next, bool* added) {
    if (2 * (used_ + 1) > slots_.size()) Grow();
    size_t i = Mix64(id) & (slots_.size() - 1);
    while (slots_[i].term_plus_1 != 0) {
      if (slots_[i].id == id) {
        *added = false;
        return slots_[i].term_plus_1 - 1;
      }
      i = (i + 1) & (slots_.size() - 1);
    }
    slots_[i] = {id, next + 1};
    ++used_;
    *added = true;
    return next;
  }

 private:
  struct Slot {
    uint32_t id = 0;
    uint32_t term_plus_1 = 0;  // 0: empty
  };
  void Grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    for (const Slot& s : old) {
      if (s.term_plus_1 == 0) continue;
      size_t i = Mix64(s.id) & (slots_.size() - 1);
      while (slots_[i].term_plus_1 != 0) i = (i + 1) & (slots_.size() - 1);
      slots_[i] = s;
    }
  }
  std::vector<Slot> slots_;
  size_t used_ = 0;
};

}  // namespace

TermIndex BuildTermIndex(const AnalyzedCluster& cluster) {
  TermIndex index;
  const size_t n = cluster.sentences.size();
  size_t tokens = 0;
  for (const AnalyzedSentence& s : cluster.sentences) tokens += s.tokens.size();
  index.token_terms.reserve(tokens);
  index.token_first.reserve(n + 1);
  index.content_first.reserve(n + 1);
  TermsById term_of(tokens / 4);
  std::vector<uint32_t> last_document;  // per term: 1 + the last document counted
  for (const AnalyzedSentence& s : cluster.sentences) {
    index.token_first.push_back(static_cast<uint32_t>(index.token_terms.size()));
    index.content_first.push_back(static_cast<uint32_t>(index.content_terms.size()));
    for (const Token& t : s.tokens) {
      const bool stemmed = !t.stem.empty();
      bool added = false;
      const uint32_t term = term_of.Find(stemmed ? t.stem_id : t.norm_id,
                                         static_cast<uint32_t>(index.text.size()), &added);
      if (added) {
        index.text.push_back(stemmed ? t.stem : t.norm);
        index.sentence_frequency.push_back(0);
        index.document_frequency.push_back(0);
        index.bare.push_back(0);
        last_document.push_back(0);
      }
      if (!stemmed) index.bare[term] = 1;
      index.token_terms.push_back(term);
      if (!t.stopword) index.content_terms.push_back(term);
    }
    const auto content = index.content_terms.begin() + index.content_first.back();
    std::sort(content, index.content_terms.end());
    index.content_terms.erase(std::unique(content, index.content_terms.end()),
                              index.content_terms.end());
    for (auto term = content; term != index.content_terms.end(); ++term) {
      ++index.sentence_frequency[*term];
      if (last_document[*term] != s.sentence.doc + 1) {
        last_document[*term] = s.sentence.doc + 1;
        ++index.document_frequency[*term];
      }
    }
  }
  index.token_first.push_back(static_cast<uint32_t>(index.token_terms.size()));
  index.content_first.push_back(static_cast<uint32_t>(index.content_terms.size()));
  return index;
}

}  // namespace chorus::represent
