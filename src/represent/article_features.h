// Turning one article into what the event clusterer compares: weighted stems
// (all of them, the headline's, the name-like ones), the numbers it gives and
// the MinHash signature of its word shingles.
#ifndef CHORUS_REPRESENT_ARTICLE_FEATURES_H_
#define CHORUS_REPRESENT_ARTICLE_FEATURES_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "chorus/document.h"
#include "chorus/tokenizer.h"
#include "represent/term_dictionary.h"

namespace chorus {

// (term id, weight) pairs, sorted by term id.
using TermVector = std::vector<std::pair<uint32_t, float>>;

// What featurizing keeps between articles: a tokenizer that skips stemming,
// and a cache from each normalised surface form to its stem's term id (found
// once per distinct form with the shared stemming Tokenizer), so the common
// case per token is one table lookup. Also per-article counts by term id,
// dense, reused across articles.
struct FeatureContext {
  static constexpr uint32_t kNoTerm = UINT32_MAX;  // no term, or no number
  // What one surface form stands for: its stem's term, or the number it
  // writes in digits.
  struct Form {
    uint32_t term = kNoTerm;
    uint32_t number = kNoTerm;
  };
  Tokenizer surface_tokenizer{TokenizerOptions{.stem = false}};
  Tokenizer stemming_tokenizer;
  TermDictionary forms;                 // normalised surface forms
  std::vector<Form> form;               // by form id
  std::vector<std::string> term_label;  // by term id: first form seen with that stem
  std::vector<double> count;            // by term id
  std::vector<uint32_t> touched;        // term ids with a non-zero count
};

struct FeatureWeights {
  double title = 2.0;  // weight of a title occurrence
  double name = 1.5;   // weight of a capitalized token that does not open a sentence
  uint32_t min_duplicate_shingles = 20;
};

struct ArticleFeatures {
  // Every content term: (term id, 1 + ln(weighted count)), title occurrences
  // and names weighted up as FeatureWeights says.
  TermVector terms;
  // The headline's terms, (id, 1 + ln(count)): the title's, or when there is
  // none the text's opening line or sentence (a feed item's headline).
  TermVector headline;
  // Name-like terms, (id, 1 + ln(count)): capitalized where capitals say
  // something, i.e. not opening a sentence and not in a Title Case line.
  TermVector names;
  // Numbers written in digits ("5,000" is the term "5000"), (id, 1 + ln(count)).
  TermVector numbers;
  std::vector<uint32_t> minhash;  // empty when the text has too few shingles
  uint32_t words = 0;             // word tokens in title and text
};

// Title and body are tokenized with the shared Tokenizer; stopwords,
// one-character stems and stems without a letter carry no topic and are left
// out of the terms (but not of the shingles, which must see the text as
// written).
ArticleFeatures ComputeArticleFeatures(const Document& article, const FeatureWeights& weights,
                                       TermDictionary* dictionary, FeatureContext* context);

}  // namespace chorus

#endif  // CHORUS_REPRESENT_ARTICLE_FEATURES_H_
