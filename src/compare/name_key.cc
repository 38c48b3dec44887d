#include "compare/name_key.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>

namespace chorus::compare {
namespace {

bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

bool IsLower(char c) { return c >= 'a' && c <= 'z'; }

struct RawPart {
  std::string folded;
  bool lowercase = false;     // written in lower case ("al", "bin", "de")
  bool hyphen_after = false;  // joined to the next part by a hyphen
};

// Splits a surface name on spaces and hyphens, folding each part.
std::vector<RawPart> SplitParts(std::string_view surface) {
  std::vector<RawPart> parts;
  size_t i = 0;
  while (i < surface.size()) {
    while (i < surface.size() && (surface[i] == ' ' || surface[i] == '-')) ++i;
    const size_t b = i;
    while (i < surface.size() && surface[i] != ' ' && surface[i] != '-') ++i;
    if (i == b) break;
    RawPart part;
    std::string_view raw = surface.substr(b, i - b);
    part.lowercase = raw[0] >= 'a' && raw[0] <= 'z';
    part.hyphen_after = i < surface.size() && surface[i] == '-';
    part.folded = FoldName(raw);
    std::erase(part.folded, '.');
    if (!part.folded.empty()) parts.push_back(std::move(part));
  }
  return parts;
}

bool IsArticle(const RawPart& p) {
  return (p.folded == "al" || p.folded == "el" || p.folded == "ul" || p.folded == "ad" ||
          p.folded == "as" || p.folded == "ash" || p.folded == "an" || p.folded == "ar" ||
          p.folded == "at" || p.folded == "az") &&
         (p.lowercase || p.hyphen_after) &&
         !(p.folded.size() == 2 && !p.lowercase && !p.hyphen_after);
}

// A prefix that fuses with the next part into one unit; returns its tag.
std::string FusingPrefix(const RawPart& p) {
  static const char* kAbd[] = {"abd", "abdul", "abdel", "abdal", "abdol", "abdoul", "abdu"};
  for (const char* a : kAbd) {
    if (p.folded == a) return "abd";
  }
  if (p.folded == "abu" || p.folded == "abou" || p.folded == "abo") return "abu";
  if (p.folded == "bin" || p.folded == "ibn" || p.folded == "bint") return "bin";
  if (p.lowercase) {
    static const char* kParticles[] = {"ben",   "de",  "da",  "di",  "du", "von",
                                       "van",   "der", "den", "la",  "le", "del",
                                       "della", "dos", "das", "ter", "ten"};
    for (const char* a : kParticles) {
      if (p.folded == a) return p.folded;
    }
  }
  return "";
}

}  // namespace

std::string NameKey::Joined() const {
  std::string out;
  for (const std::string& u : units) {
    if (!out.empty()) out += ' ';
    out += u;
  }
  return out;
}

std::string FoldName(std::string_view text) {
  utf8proc_uint8_t* mapped = nullptr;
  const int options = UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                      UTF8PROC_STRIPMARK | UTF8PROC_IGNORE;
  const utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                          static_cast<utf8proc_ssize_t>(text.size()), &mapped,
                                          static_cast<utf8proc_option_t>(options));
  std::string folded;
  if (n >= 0) {
    folded.assign(reinterpret_cast<char*>(mapped), static_cast<size_t>(n));
    std::free(mapped);
  } else {
    folded.assign(text);
  }
  // Keep letters, digits, spaces, hyphens and periods; drop apostrophes,
  // ayn/hamza modifier letters and other punctuation.
  std::string out;
  out.reserve(folded.size());
  for (size_t i = 0; i < folded.size();) {
    const unsigned char c = static_cast<unsigned char>(folded[i]);
    if (c < 0x80) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' ' || c == '-' || c == '.') {
        out.push_back(static_cast<char>(c));
      } else if (c >= 'A' && c <= 'Z') {
        out.push_back(static_cast<char>(c - 'A' + 'a'));
      }
      ++i;
      continue;
    }
    utf8proc_int32_t cp = -1;
    const utf8proc_ssize_t w =
        utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(folded.data() + i),
                         static_cast<utf8proc_ssize_t>(folded.size() - i), &cp);
    if (w <= 0) {
      ++i;
      continue;
    }
    const auto category = utf8proc_category(cp);
    if (category == UTF8PROC_CATEGORY_LL || category == UTF8PROC_CATEGORY_LU ||
        category == UTF8PROC_CATEGORY_LO || category == UTF8PROC_CATEGORY_LT) {
      out.append(folded, i, static_cast<size_t>(w));
    }
    i += static_cast<size_t>(w);
  }
  return out;
}

std::string Skeleton(std::string_view part) {
  // Spelling variants of one sound, so that transliterations meet.
  std::string s;
  s.reserve(part.size());
  for (size_t i = 0; i < part.size(); ++i) {
    char c = part[i];
    if (c == 'p' && i + 1 < part.size() && part[i + 1] == 'h') {
      s.push_back('f');
      ++i;
      continue;
    }
    if (c == 'c' && i + 1 < part.size() && part[i + 1] == 'k') continue;
    if (c == 'q' || c == 'c') c = 'k';
    // An h after t, d, g, k or b only marks a transliteration
    // ("Theodora"/"Teodora", "Mohamed"/"Mohammed" keep theirs between vowels).
    if (c == 'h' && !s.empty() &&
        (s.back() == 't' || s.back() == 'd' || s.back() == 'g' || s.back() == 'k' ||
         s.back() == 'b')) {
      continue;
    }
    s.push_back(c);
  }
  // A final h after a vowel is silent ("Abdullah"/"Abdulla").
  if (s.size() > 2 && s.back() == 'h' && IsVowel(s[s.size() - 2])) s.pop_back();
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (i == 0) {
      out.push_back(IsVowel(c) ? 'a' : c);
      continue;
    }
    if (IsLower(c) && IsVowel(c)) continue;
    if (!out.empty() && out.back() == c) continue;
    out.push_back(c);
  }
  return out;
}

NameKey MakeNameKey(std::string_view surface) {
  std::vector<RawPart> parts = SplitParts(surface);
  NameKey key;
  std::string prefix;
  for (size_t i = 0; i < parts.size(); ++i) {
    RawPart& p = parts[i];
    const bool last = i + 1 == parts.size();
    if (!last && IsArticle(p)) continue;
    if (!last) {
      std::string fuse = FusingPrefix(p);
      if (!fuse.empty()) {
        if (prefix.empty()) prefix = fuse;  // "von der Leyen": one prefix
        continue;
      }
    }
    // "Abdulmahdi", "Abdelaziz": the prefix written fused to the name.
    if (prefix.empty()) {
      for (const char* a : {"abdul", "abdel", "abdal", "abdol"}) {
        const std::string_view av(a);
        if (p.folded.size() > av.size() + 2 && p.folded.compare(0, av.size(), av) == 0) {
          prefix = "abd";
          p.folded.erase(0, av.size());
          break;
        }
      }
    }
    std::string unit = Skeleton(p.folded);
    if (unit.empty()) continue;
    if (!prefix.empty()) unit = prefix + ":" + unit;
    prefix.clear();
    key.units.push_back(std::move(unit));
  }
  return key;
}

size_t EditDistance(std::string_view a, std::string_view b, size_t limit) {
  const size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  std::vector<size_t> prev(m + 1), cur(m + 1);
  for (size_t j = 0; j <= m; ++j) prev[j] = j;
  for (size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    size_t row_min = cur[0];
    for (size_t j = 1; j <= m; ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > limit) return limit + 1;
    std::swap(prev, cur);
  }
  return prev[m];
}

bool UnitsMatch(std::string_view a, std::string_view b) {
  if (a == b) return true;
  const size_t ca = a.find(':'), cb = b.find(':');
  const std::string_view pa = ca == std::string_view::npos ? "" : a.substr(0, ca);
  const std::string_view pb = cb == std::string_view::npos ? "" : b.substr(0, cb);
  if (pa != pb) return false;
  const std::string_view ra = ca == std::string_view::npos ? a : a.substr(ca + 1);
  const std::string_view rb = cb == std::string_view::npos ? b : b.substr(cb + 1);
  if (ra.empty() || rb.empty() || ra[0] != rb[0]) return false;
  if (std::min(ra.size(), rb.size()) < 4) return ra == rb;
  return EditDistance(ra, rb, 1) <= 1;
}

bool KeysMatch(const NameKey& a, const NameKey& b) {
  if (a.units.size() != b.units.size() || a.units.empty()) return false;
  for (size_t i = 0; i < a.units.size(); ++i) {
    if (!UnitsMatch(a.units[i], b.units[i])) return false;
  }
  return true;
}

// A lone surname has no other units to confirm a fuzzy match ("Separation"
// is one letter from "Spurgeon"), so tails must match exactly.
bool IsTailOf(const NameKey& part, const NameKey& full) {
  if (part.units.empty() || part.units.size() >= full.units.size() + 1) return false;
  if (part.units.size() < full.units.size()) {
    const size_t off = full.units.size() - part.units.size();
    bool all = true;
    for (size_t i = 0; i < part.units.size() && all; ++i) {
      all = part.units.size() > 1 ? UnitsMatch(part.units[i], full.units[off + i])
                                  : part.units[i] == full.units[off + i];
    }
    if (all) return true;
  }
  if (part.units.size() == 1 && part.units[0].find(':') == std::string::npos) {
    const std::string& last = full.units.back();
    const size_t colon = last.find(':');
    if (colon != std::string::npos)
      return part.units[0] == std::string_view(last).substr(colon + 1);
  }
  return false;
}

}  // namespace chorus::compare
