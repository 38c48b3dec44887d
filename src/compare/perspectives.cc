#include "compare/perspectives.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "compare/framing.h"
#include "compare/lean_table.h"

namespace chorus::compare {
namespace {

// left, center, right first (AllSides' order), then the rest by name.
// Sides compared at most; sources of other leans take no side. Labels past
// left, center and right come from the articles themselves.
constexpr size_t kMaxLeans = 8;

int LeanRank(std::string_view lean) {
  if (lean == "left") return 0;
  if (lean == "center") return 1;
  if (lean == "right") return 2;
  return 3;
}

}  // namespace

std::string SourceLean(const Document& doc) {
  std::string lean;
  for (char c : doc.lean)
    lean.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  const size_t first = lean.find_first_not_of(" \t");
  if (first == std::string::npos) return LeanTable::Default().Find(doc.source);
  lean = lean.substr(first, lean.find_last_not_of(" \t") - first + 1);
  if (lean == "centre") lean = "center";
  return lean;
}

std::vector<Perspective> ComputePerspectives(const AnalyzedCluster& cluster,
                                             const Comparison& comparison,
                                             const std::vector<LoadedTermGroup>& lexicon,
                                             const CompareOptions& options) {
  std::map<std::string, size_t> sources_of_lean;
  for (const ComparedSource& s : comparison.sources) {
    if (!s.lean.empty()) ++sources_of_lean[s.lean];
  }
  std::vector<std::string> leans;
  for (const auto& [lean, sources] : sources_of_lean) leans.push_back(lean);
  if (leans.size() > kMaxLeans) {  // the leans of most sources (ties: by name)
    std::stable_sort(leans.begin(), leans.end(), [&](const std::string& a, const std::string& b) {
      return sources_of_lean[a] > sources_of_lean[b];
    });
    leans.resize(kMaxLeans);
  }
  if (leans.size() < 2) return {};
  std::sort(leans.begin(), leans.end(), [](const std::string& a, const std::string& b) {
    return LeanRank(a) != LeanRank(b) ? LeanRank(a) < LeanRank(b) : a < b;
  });
  std::map<std::string, uint32_t> side_of_lean;
  for (uint32_t k = 0; k < leans.size(); ++k) side_of_lean[leans[k]] = k;
  // Sources without a lean take no side: they neither make nor break a fact's
  // claim to be one side's, and are left out of the framing contrast.
  const auto unrated = static_cast<uint32_t>(leans.size());
  std::map<std::string, uint32_t> side_of_doc_id;
  std::vector<uint32_t> side_of_doc(comparison.sources.size(), unrated);
  std::vector<Perspective> out(leans.size());
  std::vector<std::set<std::string>> outlets_seen(leans.size());
  for (size_t d = 0; d < comparison.sources.size(); ++d) {
    const ComparedSource& s = comparison.sources[d];
    auto lean = side_of_lean.find(s.lean);
    if (lean == side_of_lean.end()) continue;
    const uint32_t side = lean->second;
    side_of_doc[d] = side;
    side_of_doc_id[s.id] = side;
    Perspective& p = out[side];
    p.sources.push_back(s.id);
    const std::string& outlet = s.outlet.empty() ? s.id : s.outlet;
    if (outlets_seen[side].insert(outlet).second) p.outlets.push_back(outlet);
  }
  for (size_t k = 0; k < leans.size(); ++k) out[k].lean = leans[k];

  for (uint32_t f = 0; f < comparison.facts.size(); ++f) {
    std::set<uint32_t> sides;
    for (const std::string& id : comparison.facts[f].sources) {
      auto it = side_of_doc_id.find(id);
      if (it != side_of_doc_id.end()) sides.insert(it->second);
    }
    if (sides.size() == 1) {
      Perspective& p = out[*sides.begin()];
      if (p.only_here.size() < options.perspective_facts) p.only_here.push_back(f);
    } else if (sides.size() + 1 == leans.size()) {
      for (uint32_t k = 0; k < leans.size(); ++k) {
        if (!sides.count(k) && out[k].left_out.size() < options.perspective_facts)
          out[k].left_out.push_back(f);
      }
    }
  }

  // Framing of each side against the others; unrated sources form one more
  // side so they are not counted as anyone's words.
  std::vector<std::string> side_names = leans;
  side_names.emplace_back();
  std::vector<SourceFraming> framing =
      ComputeFraming(cluster, lexicon, options, side_of_doc, side_names);
  for (size_t k = 0; k < leans.size(); ++k) {
    out[k].terms = std::move(framing[k].terms);
    out[k].loaded = std::move(framing[k].loaded);
  }
  return out;
}

}  // namespace chorus::compare
