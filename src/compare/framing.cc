#include "compare/framing.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <unordered_map>

namespace chorus::compare {
namespace {

bool IsContent(const Token& t) {
  if (t.stopword || t.numeric || t.stem.size() < 3) return false;
  const unsigned char c = static_cast<unsigned char>(t.norm[0]);
  return c >= 0x80 || (c >= 'a' && c <= 'z');
}

// "first second", built without a format string: every adjacent pair of
// content words of the cluster is counted.
std::string Bigram(std::string_view first, std::string_view second) {
  std::string out;
  out.reserve(first.size() + 1 + second.size());
  out.append(first).push_back(' ');
  out.append(second);
  return out;
}

struct TermStats {
  std::vector<std::pair<uint32_t, uint32_t>> per_doc;  // (document, uses), by document
  uint32_t total = 0;
  std::unordered_map<std::string, uint32_t> surfaces;  // written forms
};

}  // namespace

double LogOddsZ(double y_i, double n_i, double y_j, double n_j, double alpha_w, double alpha_0) {
  const double delta = std::log((y_i + alpha_w) / (n_i + alpha_0 - y_i - alpha_w)) -
                       std::log((y_j + alpha_w) / (n_j + alpha_0 - y_j - alpha_w));
  const double variance = 1.0 / (y_i + alpha_w) + 1.0 / (y_j + alpha_w);
  return delta / std::sqrt(variance);
}

std::vector<SourceFraming> ComputeFraming(const AnalyzedCluster& cluster,
                                          const std::vector<LoadedTermGroup>& lexicon,
                                          const CompareOptions& options) {
  std::vector<uint32_t> side_of_doc(cluster.documents.size());
  std::vector<std::string> sides;
  for (uint32_t d = 0; d < side_of_doc.size(); ++d) {
    side_of_doc[d] = d;
    sides.push_back(cluster.documents[d].id);
  }
  return ComputeFraming(cluster, lexicon, options, side_of_doc, sides);
}

std::vector<SourceFraming> ComputeFraming(const AnalyzedCluster& cluster,
                                          const std::vector<LoadedTermGroup>& lexicon,
                                          const CompareOptions& options,
                                          const std::vector<uint32_t>& side_of_doc,
                                          const std::vector<std::string>& sides) {
  const size_t docs = sides.size();  // sides read as documents from here on
  std::unordered_map<std::string, TermStats> terms;
  std::vector<double> doc_total(docs, 0);
  double total = 0;
  auto count = [&](std::string_view key, std::string_view surface, uint32_t doc) {
    TermStats& st = terms[std::string(key)];
    // Sides are counted one after the other: this one's count, if any, is
    // the last (a search of the list made common words quadratic in the
    // documents).
    if (st.per_doc.empty() || st.per_doc.back().first != doc) st.per_doc.emplace_back(doc, 0);
    ++st.per_doc.back().second;
    ++st.total;
    ++st.surfaces[std::string(surface)];
    ++doc_total[doc];
    ++total;
  };
  std::vector<SourceFraming> framing(docs);
  // Lexicon terms by their first stem: (group, term) pairs.
  std::unordered_map<std::string_view, std::vector<std::pair<size_t, size_t>>> terms_starting_with;
  for (size_t g = 0; g < lexicon.size(); ++g) {
    for (size_t t = 0; t < lexicon[g].terms.size(); ++t) {
      terms_starting_with[lexicon[g].terms[t].second.front()].emplace_back(g, t);
    }
  }
  for (size_t d = 0; d < docs; ++d) framing[d].source = sides[d];
  std::vector<std::map<std::pair<size_t, size_t>, uint32_t>> loaded_of(
      docs);  // (group, term) -> uses
  std::vector<uint32_t> by_side(cluster.documents.size());
  for (uint32_t doc = 0; doc < by_side.size(); ++doc) by_side[doc] = doc;
  std::stable_sort(by_side.begin(), by_side.end(),
                   [&](uint32_t a, uint32_t b) { return side_of_doc[a] < side_of_doc[b]; });
  for (const uint32_t doc : by_side) {
    const uint32_t d = side_of_doc[doc];
    std::map<std::pair<size_t, size_t>, uint32_t>& loaded = loaded_of[d];
    for (uint32_t s = cluster.doc_first_sentence[doc]; s < cluster.doc_first_sentence[doc + 1];
         ++s) {
      const auto& tokens = cluster.sentences[s].tokens;
      for (size_t i = 0; i < tokens.size(); ++i) {
        if (!IsContent(tokens[i])) continue;
        count(tokens[i].stem, tokens[i].norm, static_cast<uint32_t>(d));
        if (i + 1 < tokens.size() && IsContent(tokens[i + 1])) {
          count(Bigram(tokens[i].stem, tokens[i + 1].stem),
                Bigram(tokens[i].norm, tokens[i + 1].norm), static_cast<uint32_t>(d));
        }
      }
      // Loaded terms: the longest lexicon term starting at each token.
      for (size_t i = 0; i < tokens.size();) {
        size_t best_len = 0, best_group = 0, best_term = 0;
        auto candidates = terms_starting_with.find(tokens[i].stem);
        if (candidates != terms_starting_with.end()) {
          for (const auto& [g, t] : candidates->second) {
            const auto& stems = lexicon[g].terms[t].second;
            if (stems.size() <= best_len || i + stems.size() > tokens.size()) continue;
            bool match = true;
            for (size_t k = 1; k < stems.size() && match; ++k)
              match = tokens[i + k].stem == stems[k];
            if (match) best_len = stems.size(), best_group = g, best_term = t;
          }
        }
        if (best_len == 0) {
          ++i;
          continue;
        }
        ++loaded[{best_group, best_term}];
        i += best_len;
      }
    }
  }
  for (size_t d = 0; d < docs; ++d) {
    for (const auto& [key, uses] : loaded_of[d]) {
      framing[d].loaded.push_back(
          {lexicon[key.first].referent, lexicon[key.first].terms[key.second].first, uses});
    }
  }
  // A referent matters for framing only where the sources word it differently.
  std::unordered_map<std::string, std::vector<std::string>> terms_of_referent;
  for (const SourceFraming& f : framing) {
    for (const LoadedTermUse& u : f.loaded) {
      auto& seen = terms_of_referent[u.referent];
      if (std::find(seen.begin(), seen.end(), u.term) == seen.end()) seen.push_back(u.term);
    }
  }
  for (SourceFraming& f : framing) {
    std::erase_if(f.loaded,
                  [&](const LoadedTermUse& u) { return terms_of_referent[u.referent].size() < 2; });
  }
  if (docs < 2 || total == 0) return framing;

  const double alpha_0 = options.framing_prior_scale * total;
  for (const auto& [key, st] : terms) {
    const double alpha_w = alpha_0 * static_cast<double>(st.total) / total;
    std::string shown;
    uint32_t best = 0;
    for (const auto& [surface, uses] : st.surfaces) {
      if (uses > best || (uses == best && surface < shown)) shown = surface, best = uses;
    }
    for (const auto& [d, y_i] : st.per_doc) {
      if (y_i < options.framing_min_count) continue;
      const double z =
          LogOddsZ(y_i, doc_total[d], st.total - y_i, total - doc_total[d], alpha_w, alpha_0);
      if (z > 0) framing[d].terms.push_back({shown, z, y_i});
    }
  }
  for (SourceFraming& f : framing) {
    std::sort(f.terms.begin(), f.terms.end(), [](const FramingTerm& a, const FramingTerm& b) {
      return a.score != b.score ? a.score > b.score : a.term < b.term;
    });
    if (f.terms.size() > options.framing_terms) f.terms.resize(options.framing_terms);
  }
  return framing;
}

}  // namespace chorus::compare
