// The JSON schema of a Comparison: what `chorus compare --format json` prints
// and what the HTTP API returns.
#include <nlohmann/json.hpp>

#include "chorus/compare.h"

namespace chorus {
namespace {

using nlohmann::json;

json MentionsJson(const std::vector<FactMention>& mentions) {
  json out = json::array();
  for (const FactMention& m : mentions) {
    out.push_back({{"doc", m.doc}, {"sentence", m.sentence}, {"text", m.text}});
  }
  return out;
}

// References to facts by index, with enough to read them in place.
json FactRefsJson(const Comparison& c, const std::vector<uint32_t>& indices) {
  json list = json::array();
  for (uint32_t i : indices) {
    list.push_back({{"index", i},
                    {"kind", FactKindName(c.facts[i].kind)},
                    {"text", c.facts[i].text},
                    {"support", c.facts[i].support}});
  }
  return list;
}

json TermsJson(const std::vector<FramingTerm>& terms) {
  json out = json::array();
  for (const FramingTerm& t : terms) {
    out.push_back(
        {{"term", t.term}, {"score", std::round(t.score * 1000) / 1000}, {"count", t.count}});
  }
  return out;
}

json LoadedJson(const std::vector<LoadedTermUse>& uses) {
  json out = json::array();
  for (const LoadedTermUse& u : uses) {
    out.push_back({{"referent", u.referent}, {"term", u.term}, {"count", u.count}});
  }
  return out;
}

json FactJson(const Fact& f) {
  json j = {{"kind", FactKindName(f.kind)}, {"text", f.text}};
  if (!f.value.empty()) j["value"] = f.value;
  if (!f.unit.empty()) j["unit"] = f.unit;
  if (f.kind == FactKind::kQuote && !f.speaker.empty()) j["speaker"] = f.speaker;
  j["support"] = f.support;
  j["sources"] = f.sources;
  j["mentions"] = MentionsJson(f.mentions);
  return j;
}

}  // namespace

std::string ComparisonToJson(const Comparison& c) {
  json root;
  root["cluster"] = c.cluster_id;
  json& sources = root["sources"] = json::array();
  for (const ComparedSource& s : c.sources) {
    sources.push_back({{"id", s.id},
                       {"title", s.title},
                       {"date", s.date},
                       {"outlet", s.outlet},
                       {"group", s.group},
                       {"lean", s.lean}});
  }
  json& entities = root["entities"] = json::array();
  for (const ComparedEntity& e : c.entities) {
    entities.push_back({{"name", e.name},
                        {"type", EntityTypeName(e.type)},
                        {"aliases", e.aliases},
                        {"support", e.support},
                        {"sources", e.sources},
                        {"mentions", MentionsJson(e.mentions)}});
  }
  json& facts = root["facts"] = json::array();
  for (const Fact& f : c.facts) facts.push_back(FactJson(f));
  json& discrepancies = root["discrepancies"] = json::array();
  for (const Discrepancy& d : c.discrepancies) {
    json values = json::array();
    for (const DisputedValue& v : d.values) {
      values.push_back(
          {{"value", v.value}, {"sources", v.sources}, {"mentions", MentionsJson(v.mentions)}});
    }
    discrepancies.push_back({{"about", d.about}, {"values", std::move(values)}});
  }
  json& exclusives = root["exclusives"] = json::array();
  for (const Exclusive& x : c.exclusives) {
    json list = json::array();
    for (uint32_t i : x.facts) {
      list.push_back(
          {{"index", i}, {"kind", FactKindName(c.facts[i].kind)}, {"text", c.facts[i].text}});
    }
    exclusives.push_back({{"source", x.source}, {"facts", std::move(list)}});
  }
  json& framing = root["framing"] = json::array();
  for (const SourceFraming& f : c.framing) {
    framing.push_back(
        {{"source", f.source}, {"terms", TermsJson(f.terms)}, {"loaded", LoadedJson(f.loaded)}});
  }
  json& perspectives = root["perspectives"] = json::array();
  for (const Perspective& p : c.perspectives) {
    perspectives.push_back({{"lean", p.lean},
                            {"outlets", p.outlets},
                            {"sources", p.sources},
                            {"only_here", FactRefsJson(c, p.only_here)},
                            {"left_out", FactRefsJson(c, p.left_out)},
                            {"terms", TermsJson(p.terms)},
                            {"loaded", LoadedJson(p.loaded)}});
  }
  // Invalid UTF-8 cannot reach here from the analyzer, but a library caller
  // may build a Comparison by hand: replace rather than throw.
  // Only when a part was cut short, as in a summary.
  if (!c.warnings.empty()) root["warnings"] = c.warnings;
  return root.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace chorus
