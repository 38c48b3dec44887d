// Cleaner: applies the rule file's named rules to each paragraph of an article.
#define PCRE2_CODE_UNIT_WIDTH 8
#include "chorus/cleaner.h"

#include <fmt/format.h>
#include <pcre2.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "clean/literal_finder.h"
#include "clean/paragraphs.h"
#include "clean/rule_file.h"
#include "ingest/text_article.h"
#include "ingest/text_checks.h"

namespace chorus {
namespace embedded {
extern const std::string_view clean_rules;
}  // namespace embedded

namespace {

constexpr size_t kMinSplitWords = 25;    // a pasted "article" shorter than this is a tail
constexpr size_t kRemovalTextBytes = 200;  // Removal::text is cut here

struct CodeFree {
  void operator()(pcre2_code* c) const { pcre2_code_free(c); }
};
struct MatchDataFree {
  void operator()(pcre2_match_data* m) const { pcre2_match_data_free(m); }
};
struct ContextFree {
  void operator()(pcre2_match_context* m) const { pcre2_match_context_free(m); }
};

pcre2_match_data* ThreadMatchData() {
  static thread_local std::unique_ptr<pcre2_match_data, MatchDataFree> data(
      pcre2_match_data_create(1, nullptr));
  return data.get();
}

std::string Cut(std::string_view text) {
  std::string s(text.substr(0, kRemovalTextBytes + 4));
  if (ingest::TruncateUtf8(&s, kRemovalTextBytes)) s += "...";
  return s;
}

}  // namespace

// Whether `s` contains one of the spellings of a required word.
static bool Contains(std::string_view s, const std::vector<clean::LiteralFinder>& forms) {
  for (const clean::LiteralFinder& f : forms) {
    if (f.FoundIn(s)) return true;
  }
  return false;
}

struct Cleaner::Rules {
  struct Rule {
    std::string name;
    clean::RuleAction action;
    std::unique_ptr<pcre2_code, CodeFree> code;
    bool jit = false;
    // For patterns anchored at the start: which first bytes can match at all.
    // Skipping the call for other paragraphs is most of the cleaner's speed.
    bool has_first_bytes = false;
    std::array<bool, 256> first_bytes{};
    size_t max_bytes = 0;   // see clean::RuleSpec
    size_t tail_bytes = 0;
    std::vector<clean::LiteralFinder> needs;  // lower, Capitalized, UPPER forms; empty: none
  };
  std::vector<Rule> rules;
  std::unique_ptr<pcre2_match_context, ContextFree> context;

  // Finds the first match of `rule` in `s` at or after `from`.
  bool Find(const Rule& rule, std::string_view s, size_t from, size_t* begin, size_t* end) const {
    if (rule.has_first_bytes &&
        (s.empty() || !rule.first_bytes[static_cast<unsigned char>(s[0])])) {
      return false;
    }
    if (rule.max_bytes > 0 && s.size() > rule.max_bytes) return false;
    if (!rule.needs.empty() && !Contains(s, rule.needs)) return false;
    if (rule.tail_bytes > 0 && s.size() > rule.tail_bytes) {
      size_t tail = s.size() - rule.tail_bytes;
      while (tail < s.size() && (static_cast<unsigned char>(s[tail]) & 0xC0) == 0x80) ++tail;
      from = std::max(from, tail);
    }
    pcre2_match_data* md = ThreadMatchData();
    const auto* subject = reinterpret_cast<PCRE2_SPTR>(s.data());
    int rc = rule.jit ? pcre2_jit_match(rule.code.get(), subject, s.size(), from, 0, md,
                                        context.get())
                      : pcre2_match(rule.code.get(), subject, s.size(), from,
                                    PCRE2_NO_UTF_CHECK, md, context.get());
    if (rc < 0) return false;  // no match, or a resource limit: keep the text
    const PCRE2_SIZE* ov = pcre2_get_ovector_pointer(md);
    *begin = ov[0];
    *end = ov[1] < ov[0] ? ov[0] : ov[1];
    return true;
  }
};

Cleaner::Cleaner(std::unique_ptr<Rules> rules) : rules_(std::move(rules)) {}
Cleaner::Cleaner(Cleaner&&) noexcept = default;
Cleaner& Cleaner::operator=(Cleaner&&) noexcept = default;
Cleaner::~Cleaner() = default;

Result<Cleaner> Cleaner::FromRules(std::string_view rules_text, std::string_view origin) {
  ASSIGN_OR_RETURN(std::vector<clean::RuleSpec> specs, clean::ParseRuleFile(rules_text, origin));
  auto rules = std::make_unique<Rules>();
  rules->context.reset(pcre2_match_context_create(nullptr));
  // Bounds on backtracking so a pathological rule or paragraph cannot hang a run.
  pcre2_set_match_limit(rules->context.get(), 1000000);
  pcre2_set_depth_limit(rules->context.get(), 10000);
  for (clean::RuleSpec& spec : specs) {
    int error = 0;
    PCRE2_SIZE offset = 0;
    pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(spec.pattern.data()),
                                     spec.pattern.size(), PCRE2_UTF, &error, &offset,
                                     nullptr);
    if (code == nullptr) {
      std::array<PCRE2_UCHAR, 256> message{};
      pcre2_get_error_message(error, message.data(), message.size());
      return ParseError(fmt::format("{}:{}: rule \"{}\": bad pattern at offset {}: {}", origin,
                                    spec.line, spec.name, offset,
                                    reinterpret_cast<const char*>(message.data())));
    }
    Rules::Rule rule;
    rule.name = std::move(spec.name);
    rule.action = spec.action;
    rule.code.reset(code);
    rule.max_bytes = spec.max_bytes;
    rule.tail_bytes = spec.tail_bytes;
    if (!spec.needs.empty()) {
      std::string lower = spec.needs, capitalized, upper = spec.needs;
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      capitalized = lower;
      capitalized[0] = upper[0];
      for (const std::string* form : {&lower, &capitalized, &upper}) {
        if (form != &lower && *form == lower) continue;
        if (form == &upper && *form == capitalized) continue;
        rule.needs.emplace_back(*form);
      }
    }
    // JIT makes matching several times faster; without it (no executable
    // memory) pcre2_match interprets the same pattern.
    rule.jit = pcre2_jit_compile(code, PCRE2_JIT_COMPLETE) == 0;
    uint32_t options = 0;
    pcre2_pattern_info(code, PCRE2_INFO_ALLOPTIONS, &options);
    const uint8_t* bitmap = nullptr;
    pcre2_pattern_info(code, PCRE2_INFO_FIRSTBITMAP, &bitmap);
    uint32_t first_type = 0, first_unit = 0;
    pcre2_pattern_info(code, PCRE2_INFO_FIRSTCODETYPE, &first_type);
    pcre2_pattern_info(code, PCRE2_INFO_FIRSTCODEUNIT, &first_unit);
    if ((options & PCRE2_ANCHORED) != 0 && first_type == 1 && first_unit < 256) {
      rule.has_first_bytes = true;
      rule.first_bytes[first_unit] = true;
      // A caseless first letter may also start with its other case.
      if (first_unit < 128 && std::isalpha(static_cast<int>(first_unit))) {
        rule.first_bytes[std::tolower(static_cast<int>(first_unit))] = true;
        rule.first_bytes[std::toupper(static_cast<int>(first_unit))] = true;
      }
    } else if ((options & PCRE2_ANCHORED) != 0 && bitmap != nullptr) {
      rule.has_first_bytes = true;
      for (int b = 0; b < 256; ++b) rule.first_bytes[b] = (bitmap[b / 8] >> (b % 8)) & 1;
    }
    rules->rules.push_back(std::move(rule));
  }
  return Cleaner(std::move(rules));
}

const Cleaner& Cleaner::Default() {
  static const Cleaner* const kDefault = [] {
    Result<Cleaner> r = FromRules(embedded::clean_rules, "data/clean_rules.txt");
    // The shipped rules are tested; failing here is a build defect, not input.
    if (!r.ok()) {
      std::fprintf(stderr, "chorus: built-in cleaning rules are broken: %s\n",
                   r.status().ToString().c_str());
      std::abort();
    }
    return new Cleaner(std::move(r).value());
  }();
  return *kDefault;
}

namespace {

// The documents one article becomes as the cleaner walks its paragraphs.
class ArticleBuilder {
 public:
  ArticleBuilder(const Document& source, std::vector<Removal>* removals)
      : source_(source), removals_(removals) {}

  void Remove(std::string_view rule, std::string_view text) {
    if (removals_ != nullptr) removals_->push_back({CurrentId(), std::string(rule), Cut(text)});
  }

  void Keep(std::string paragraph) { kept_.push_back(std::move(paragraph)); }

  // The paragraph that opens a pasted article is its title when it reads like one.
  bool TakeTitle(const std::string& paragraph) {
    if (!at_part_start_) return false;
    at_part_start_ = false;
    if (part_ == 0 || !ingest::LooksLikeHeadline(paragraph)) return false;
    title_ = paragraph;
    return true;
  }
  void NoteParagraph() { at_part_start_ = false; }

  // Ends the current part; `split_rule` names the rule that split the text.
  void EndPart(std::string_view split_rule) {
    size_t words = 0;
    if (part_ > 0) {
      for (const std::string& p : kept_) words += clean::CountWords(p);
    }
    bool keep = !kept_.empty() && (part_ == 0 || words >= kMinSplitWords);
    if (keep) {
      Document doc;
      doc.id = CurrentId();
      doc.source = source_.source;
      doc.date = source_.date;
      doc.url = source_.url;
      doc.title = part_ == 0 ? source_.title : title_;
      for (const std::string& p : kept_) {
        if (!doc.text.empty()) doc.text.push_back('\n');
        doc.text += p;
      }
      out_.push_back(std::move(doc));
    } else {
      if (!title_.empty()) Remove(split_rule, title_);
      for (const std::string& p : kept_) Remove(split_rule, p);
    }
    kept_.clear();
    title_.clear();
    at_part_start_ = true;
    ++part_;
  }

  std::vector<Document> Finish() {
    EndPart(last_split_rule_);
    return std::move(out_);
  }
  void SetSplitRule(std::string_view rule) { last_split_rule_ = rule; }

 private:
  std::string CurrentId() const {
    return out_.empty() && part_ == 0 ? source_.id
                                      : fmt::format("{}#{}", source_.id, out_.size() + 1);
  }

  const Document& source_;
  std::vector<Removal>* removals_;
  std::vector<Document> out_;
  std::vector<std::string> kept_;
  std::string title_;
  std::string last_split_rule_ = "split";
  size_t part_ = 0;
  bool at_part_start_ = true;
};

}  // namespace

std::vector<Document> Cleaner::Clean(const Document& doc, std::vector<Removal>* removals) const {
  std::string repaired;
  std::string_view text = doc.text;
  if (!ingest::IsValidUtf8(text)) {  // PCRE2 runs without UTF checks: it must be valid
    repaired.assign(text);
    ingest::RepairUtf8(&repaired);
    text = repaired;
  }
  ArticleBuilder builder(doc, removals);
  bool cutting = false;  // inside a cut-rest region
  std::string cut_rule;
  const Rules::Rule* listing = nullptr;  // the drop-list rule whose link titles follow
  for (std::string& paragraph : clean::SplitParagraphs(text)) {
    if (!cutting && builder.TakeTitle(paragraph)) continue;
    builder.NoteParagraph();
    if (listing != nullptr && !cutting) {
      if (ingest::LooksLikeHeadline(paragraph)) {
        builder.Remove(listing->name, paragraph);
        continue;
      }
      listing = nullptr;  // prose again: the list is over
    }
    bool removed = false;
    for (const Rules::Rule& rule : rules_->rules) {
      size_t begin = 0, end = 0;
      if (cutting && rule.action != clean::RuleAction::kSplit) continue;
      if (!rules_->Find(rule, paragraph, 0, &begin, &end)) continue;
      switch (rule.action) {
        case clean::RuleAction::kDropLine:
          builder.Remove(rule.name, paragraph);
          removed = true;
          break;
        case clean::RuleAction::kDropList:
          builder.Remove(rule.name, paragraph);
          listing = &rule;
          removed = true;
          break;
        case clean::RuleAction::kCutRest:
          builder.Remove(rule.name, paragraph);
          cutting = true;
          cut_rule = rule.name;
          removed = true;
          break;
        case clean::RuleAction::kSplit:
          builder.Remove(rule.name, paragraph);
          builder.SetSplitRule(rule.name);
          builder.EndPart(rule.name);
          cutting = false;
          listing = nullptr;
          removed = true;
          break;
        case clean::RuleAction::kDropPrefix:
          if (begin != 0 || end == 0) break;
          builder.Remove(rule.name, std::string_view(paragraph).substr(0, end));
          paragraph.erase(0, end);
          break;
        case clean::RuleAction::kDropMatch: {
          std::string kept;
          size_t from = 0;
          while (end > begin) {  // an empty match removes nothing
            builder.Remove(rule.name, std::string_view(paragraph).substr(begin, end - begin));
            kept.append(paragraph, from, begin - from);
            from = end;
            if (from >= paragraph.size() || !rules_->Find(rule, paragraph, from, &begin, &end)) {
              break;
            }
          }
          kept.append(paragraph, from, std::string::npos);
          paragraph = clean::CollapseWhitespace(kept);
          break;
        }
      }
      if (removed) break;
      if (!clean::HasWordCharacter(paragraph)) {
        if (!paragraph.empty()) builder.Remove(rule.name, paragraph);
        removed = true;
        break;
      }
    }
    if (cutting && !removed) builder.Remove(cut_rule, paragraph);
    if (!removed && !cutting) builder.Keep(std::move(paragraph));
  }
  return builder.Finish();
}

}  // namespace chorus
