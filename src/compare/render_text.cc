// Plain-text rendering of a Comparison for a terminal.
#include <fmt/format.h>

#include <string>

#include "chorus/compare.h"

namespace chorus {
namespace {

constexpr size_t kMaxEntities = 15;
constexpr size_t kMaxFacts = 25;
constexpr size_t kMaxExclusivesPerSource = 5;

std::string Clip(const std::string& s, size_t n) {
  if (s.size() <= n) return s;
  size_t cut = n;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 boundary
  return s.substr(0, cut) + "...";
}

std::string FactLine(const Fact& f) {
  std::string line = fmt::format("[{}] {}: ", f.support, FactKindName(f.kind));
  line += f.kind == FactKind::kQuote ? fmt::format("\"{}\"", Clip(f.text, 160)) : Clip(f.text, 160);
  if (!f.speaker.empty()) line += " -- " + f.speaker;
  line += fmt::format("\n      sources: {}", fmt::join(f.sources, ", "));
  return line;
}

}  // namespace

std::string ComparisonToText(const Comparison& c) {
  std::string out = fmt::format("== compare: cluster {} ({} sources) ==\n", c.cluster_id, c.sources.size());
  for (const ComparedSource& s : c.sources) {
    out += fmt::format("  {}  {}  {}{}\n", s.id, s.date.empty() ? "----------" : s.date, Clip(s.title, 70),
                       s.group != 0 && s.group < c.sources.size() && c.sources[s.group].id != s.id
                           ? fmt::format("  (group {})", s.group)
                           : "");
  }
  out += "\nENTITIES (sources)\n";
  for (size_t i = 0; i < c.entities.size() && i < kMaxEntities; ++i) {
    const ComparedEntity& e = c.entities[i];
    out += fmt::format("  [{}] {} ({})", e.support, e.name, EntityTypeName(e.type));
    if (!e.aliases.empty()) out += fmt::format("  aka {}", fmt::join(e.aliases, "; "));
    out += "\n";
  }
  out += "\nCONSENSUS (facts by independent sources)\n";
  size_t shown = 0;
  for (const Fact& f : c.facts) {
    if (f.support < 2 || shown++ >= kMaxFacts) continue;
    out += "  " + FactLine(f) + "\n";
  }
  if (shown == 0) out += "  (no fact is reported by two independent sources)\n";
  out += "\nDISCREPANCIES\n";
  for (const Discrepancy& d : c.discrepancies) {
    out += fmt::format("  {}:\n", d.about);
    for (const DisputedValue& v : d.values) {
      out += fmt::format("    {:<24} {}\n", v.value, fmt::join(v.sources, ", "));
    }
  }
  if (c.discrepancies.empty()) out += "  (none found)\n";
  out += "\nEXCLUSIVES (reported by one source only)\n";
  for (const Exclusive& x : c.exclusives) {
    out += fmt::format("  {}:\n", x.source);
    for (size_t k = 0; k < x.facts.size() && k < kMaxExclusivesPerSource; ++k) {
      const Fact& f = c.facts[x.facts[k]];
      out += fmt::format("    - {}: {}\n", FactKindName(f.kind), Clip(f.text, 140));
    }
    if (x.facts.size() > kMaxExclusivesPerSource) {
      out += fmt::format("    ... and {} more\n", x.facts.size() - kMaxExclusivesPerSource);
    }
  }
  out += "\nFRAMING (distinctive terms, z-score; loaded terms)\n";
  for (const SourceFraming& f : c.framing) {
    out += fmt::format("  {}:", f.source);
    for (const FramingTerm& t : f.terms) out += fmt::format(" {} ({:.1f})", t.term, t.score);
    out += "\n";
    if (!f.loaded.empty()) {
      out += "    loaded:";
      for (const LoadedTermUse& u : f.loaded) out += fmt::format(" {} x{} [{}];", u.term, u.count, u.referent);
      out += "\n";
    }
  }
  return out;
}

}  // namespace chorus
