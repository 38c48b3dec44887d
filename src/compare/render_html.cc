// Self-contained HTML report of a Comparison: inline CSS, no scripts, no
// external resources; every text from the articles is escaped.
#include <fmt/format.h>

#include <string>
#include <string_view>

#include "chorus/compare.h"

namespace chorus {
namespace {

std::string Escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string Sources(const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) out += "<span class=src>" + Escape(id) + "</span> ";
  return out;
}

std::string Mentions(const std::vector<FactMention>& mentions) {
  std::string out = "<details><summary>sentences</summary><ul>";
  for (const FactMention& m : mentions) {
    out += fmt::format("<li><b>{}</b> #{}: {}</li>", Escape(m.doc), m.sentence, Escape(m.text));
  }
  return out + "</ul></details>";
}

constexpr std::string_view kStyle = R"(<style>
body{font:15px/1.45 system-ui,sans-serif;max-width:70em;margin:2em auto;padding:0 1em;color:#222}
h1{font-size:1.4em}h2{font-size:1.15em;border-bottom:1px solid #ccc;margin-top:1.6em}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #eee;padding:.3em .5em;
text-align:left;vertical-align:top}.src{display:inline-block;background:#eef;border-radius:3px;
padding:0 .3em;margin:1px;font-size:.85em}.n{font-weight:bold;text-align:right}
.kind{color:#666;font-size:.85em}details{font-size:.85em;color:#444}.z{color:#666}
.sides{display:flex;gap:1em}.side{flex:1;min-width:0;border-top:4px solid #999;padding:.3em .5em}
.side.left{border-color:#2a6fdb}.side.center{border-color:#8a4fbf}.side.right{border-color:#d33}
.side h3{margin:.2em 0;font-size:1em}.side ul{padding-left:1.1em;margin:.2em 0}
</style>)";

// Left, center and right (or the articles' own labels) in columns.
std::string PerspectivesHtml(const Comparison& c) {
  if (c.perspectives.empty()) return {};
  auto facts = [&](const std::vector<uint32_t>& indices) {
    if (indices.empty()) return std::string("<p class=kind>nothing</p>");
    std::string out = "<ul>";
    for (uint32_t i : indices) {
      out += fmt::format("<li>{} <span class=z>[{}]</span></li>", Escape(c.facts[i].text),
                         c.facts[i].support);
    }
    return out + "</ul>";
  };
  std::string h = "\n<h2>Perspectives</h2><div class=sides>";
  for (const Perspective& p : c.perspectives) {
    std::string outlets, terms;
    for (const std::string& o : p.outlets) outlets += (outlets.empty() ? "" : ", ") + Escape(o);
    for (const FramingTerm& t : p.terms) terms += Escape(t.term) + "; ";
    for (const LoadedTermUse& u : p.loaded)
      terms += fmt::format("<i>{}</i> ({}); ", Escape(u.term), Escape(u.referent));
    h += fmt::format(
        "<div class=\"side {}\"><h3>{}</h3><p class=kind>{}</p><b>Only here</b>{}"
        "<b>Leaves out</b>{}<b>Words</b><p>{}</p></div>",
        Escape(p.lean), Escape(p.lean), outlets, facts(p.only_here), facts(p.left_out), terms);
  }
  return h + "</div>";
}

}  // namespace

std::string ComparisonToHtml(const Comparison& c) {
  std::string h = "<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8>";
  h += "<title>chorus compare: " + Escape(c.cluster_id) + "</title>";
  h += kStyle;
  h += "</head><body>\n<h1>What the sources say: " + Escape(c.cluster_id) + "</h1>\n";
  h += "<h2>Sources</h2><table><tr><th>id</th><th>date</th><th>title</th><th>group</th></tr>";
  for (const ComparedSource& s : c.sources) {
    h += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", Escape(s.id),
                     Escape(s.date), Escape(s.title), s.group);
  }
  h += "</table>\n<h2>Entities</h2><table><tr><th>sources</th><th>name</th><th>also "
       "written</th></tr>";
  for (const ComparedEntity& e : c.entities) {
    h +=
        fmt::format("<tr><td class=n>{}</td><td>{} <span class=kind>{}</span></td><td>{}</td></tr>",
                    e.support, Escape(e.name), EntityTypeName(e.type),
                    Escape(fmt::format("{}", fmt::join(e.aliases, "; "))));
  }
  h += "</table>\n<h2>Facts, by independent sources</h2><table>";
  h += "<tr><th>sources</th><th>fact</th><th>reported by</th></tr>";
  for (const Fact& f : c.facts) {
    std::string text =
        f.kind == FactKind::kQuote ? "&ldquo;" + Escape(f.text) + "&rdquo;" : Escape(f.text);
    if (!f.speaker.empty()) text += " &mdash; " + Escape(f.speaker);
    h += fmt::format(
        "<tr><td class=n>{}</td><td><span class=kind>{}</span> {}{}</td><td>{}</td></tr>",
        f.support, FactKindName(f.kind), text, Mentions(f.mentions), Sources(f.sources));
  }
  h += "</table>\n<h2>Discrepancies</h2>";
  if (c.discrepancies.empty()) h += "<p>None found.</p>";
  for (const Discrepancy& d : c.discrepancies) {
    h += "<h3>" + Escape(d.about) + "</h3><table>";
    for (const DisputedValue& v : d.values) {
      h += fmt::format("<tr><td>{}{}</td><td>{}</td></tr>", Escape(v.value), Mentions(v.mentions),
                       Sources(v.sources));
    }
    h += "</table>";
  }
  h += "\n<h2>Exclusives</h2>";
  for (const Exclusive& x : c.exclusives) {
    h += "<h3>" + Escape(x.source) + "</h3><ul>";
    for (uint32_t i : x.facts) {
      h += fmt::format("<li><span class=kind>{}</span> {}</li>", FactKindName(c.facts[i].kind),
                       Escape(c.facts[i].text));
    }
    h += "</ul>";
  }
  h += "\n<h2>Framing</h2><table><tr><th>source</th><th>distinctive terms (z)</th><th>loaded "
       "terms</th></tr>";
  for (const SourceFraming& f : c.framing) {
    std::string terms, loaded;
    for (const FramingTerm& t : f.terms)
      terms += fmt::format("{} <span class=z>{:.1f}</span>; ", Escape(t.term), t.score);
    for (const LoadedTermUse& u : f.loaded) {
      loaded += fmt::format("{} &times;{} <span class=z>({})</span>; ", Escape(u.term), u.count,
                            Escape(u.referent));
    }
    h += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>", Escape(f.source), terms, loaded);
  }
  h += "</table>" + PerspectivesHtml(c) + "\n</body></html>\n";
  return h;
}

}  // namespace chorus
