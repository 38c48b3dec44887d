// Plain-text rendering of a Comparison for a terminal.
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

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

// Greedy word wrap to `width` display columns (a UTF-8 continuation byte
// takes none).
std::vector<std::string> Wrap(const std::string& text, size_t width) {
  std::vector<std::string> lines(1);
  size_t used = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(start, end - start);
    size_t cols = 0;
    for (unsigned char ch : word) cols += (ch & 0xC0) != 0x80;
    if (used > 0 && used + 1 + cols > width) lines.emplace_back(), used = 0;
    if (used > 0) lines.back() += ' ', ++used;
    lines.back() += word;
    used += cols;
    start = end + 1;
  }
  return lines;
}

size_t Columns(const std::string& s) {
  size_t cols = 0;
  for (unsigned char ch : s) cols += (ch & 0xC0) != 0x80;
  return cols;
}

// One column of the side-by-side perspectives.
std::vector<std::string> PerspectiveColumn(const Comparison& c, const Perspective& p,
                                           size_t width) {
  std::vector<std::string> col;
  auto add = [&](const std::string& text) {
    for (std::string& line : Wrap(text, width)) col.push_back(std::move(line));
  };
  add(fmt::format("{} ({})", p.lean, fmt::join(p.outlets, ", ")));
  add("only here:");
  for (uint32_t i : p.only_here) add("- " + Clip(c.facts[i].text, 110));
  if (p.only_here.empty()) add("  (nothing)");
  add("leaves out:");
  for (uint32_t i : p.left_out) add("- " + Clip(c.facts[i].text, 110));
  if (p.left_out.empty()) add("  (nothing)");
  std::string terms = "terms:";
  for (const FramingTerm& t : p.terms) terms += " " + t.term + ";";
  for (const LoadedTermUse& u : p.loaded) terms += fmt::format(" \"{}\" [{}];", u.term, u.referent);
  add(terms);
  return col;
}

std::string PerspectivesText(const Comparison& c) {
  if (c.perspectives.empty()) return {};
  constexpr size_t kWidth = 110;
  const size_t width = std::max<size_t>(24, kWidth / c.perspectives.size() - 3);
  std::vector<std::vector<std::string>> cols;
  size_t rows = 0;
  for (const Perspective& p : c.perspectives) {
    cols.push_back(PerspectiveColumn(c, p, width));
    rows = std::max(rows, cols.back().size());
  }
  std::string out = "\nPERSPECTIVES (by lean, side by side)\n";
  for (size_t r = 0; r < rows; ++r) {
    std::string line = " ";
    for (size_t k = 0; k < cols.size(); ++k) {
      const std::string cell = r < cols[k].size() ? cols[k][r] : "";
      line += " " + cell;
      if (k + 1 < cols.size())
        line += std::string(width - std::min(width, Columns(cell)), ' ') + " |";
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

}  // namespace

std::string ComparisonToText(const Comparison& c) {
  std::string out =
      fmt::format("== compare: cluster {} ({} sources) ==\n", c.cluster_id, c.sources.size());
  for (const ComparedSource& s : c.sources) {
    out += fmt::format("  {}  {}  {}{}\n", s.id, s.date.empty() ? "----------" : s.date,
                       Clip(s.title, 70),
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
      for (const LoadedTermUse& u : f.loaded)
        out += fmt::format(" {} x{} [{}];", u.term, u.count, u.referent);
      out += "\n";
    }
  }
  return out + PerspectivesText(c);
}

}  // namespace chorus
