// Cleaner: applies the rule file's named rules to each paragraph of an article.
#include "chorus/cleaner.h"

#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <deque>

#include "base/files.h"
#include "base/strings.h"
#include "base/utf8.h"
#include "clean/compiled_rule.h"
#include "clean/paragraphs.h"
#include "clean/rule_file.h"
#include "clean/rule_gate.h"

namespace chorus {
namespace embedded {
extern const std::string_view clean_rules;
}  // namespace embedded

namespace {

constexpr size_t kMinSplitWords = 25;      // a pasted "article" shorter than this is a tail
constexpr size_t kRemovalTextBytes = 200;  // Removal::text is cut here

std::string Cut(std::string_view text) {
  std::string s(text.substr(0, kRemovalTextBytes + 4));
  if (TruncateUtf8(&s, kRemovalTextBytes)) s += "...";
  return s;
}

}  // namespace

struct Cleaner::Rules {
  explicit Rules(std::vector<clean::CompiledRule> compiled)
      : rules(std::move(compiled)), gate(rules) {}
  std::vector<clean::CompiledRule> rules;
  clean::RuleGate gate;
};

Cleaner::Cleaner(std::unique_ptr<Rules> rules) : rules_(std::move(rules)) {}
Cleaner::Cleaner(Cleaner&&) noexcept = default;
Cleaner& Cleaner::operator=(Cleaner&&) noexcept = default;
Cleaner::~Cleaner() = default;

Result<Cleaner> Cleaner::FromRules(std::string_view rules_text, std::string_view origin) {
  ASSIGN_OR_RETURN(std::vector<clean::RuleSpec> specs, clean::ParseRuleFile(rules_text, origin));
  std::vector<clean::CompiledRule> compiled;
  for (const clean::RuleSpec& spec : specs) {
    ASSIGN_OR_RETURN(clean::CompiledRule rule, clean::CompiledRule::Compile(spec, origin));
    compiled.push_back(std::move(rule));
  }
  return Cleaner(std::make_unique<Rules>(std::move(compiled)));
}

Result<Cleaner> Cleaner::FromRuleFile(const std::string& path) {
  // The shipped rules are ~10 KB; a rule file of megabytes is a wrong path.
  ASSIGN_OR_RETURN(std::string text, ReadFileBounded(path, "rule file", size_t{4} << 20));
  return FromRules(text, path);
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

  // `paragraph` must outlive the builder (a view into the article or the cleaner's storage).
  void Keep(std::string_view paragraph) { kept_.push_back(paragraph); }

  // The paragraph that opens a pasted article is its title when it reads like one.
  bool TakeTitle(std::string_view paragraph) {
    if (!at_part_start_) return false;
    at_part_start_ = false;
    if (part_ == 0 || !LooksLikeHeadline(paragraph)) return false;
    title_ = paragraph;
    return true;
  }
  void NoteParagraph() { at_part_start_ = false; }

  // Ends the current part; `split_rule` names the rule that split the text.
  void EndPart(std::string_view split_rule) {
    size_t words = 0;
    if (part_ > 0) {
      for (std::string_view p : kept_) words += clean::CountWords(p);
    }
    bool keep = !kept_.empty() && (part_ == 0 || words >= kMinSplitWords);
    if (keep) {
      Document doc;
      doc.id = CurrentId();
      doc.source = source_.source;
      doc.date = source_.date;
      doc.url = source_.url;
      doc.title = part_ == 0 ? source_.title : title_;
      size_t bytes = kept_.size();
      for (std::string_view p : kept_) bytes += p.size();
      doc.text.reserve(bytes);
      for (std::string_view p : kept_) {
        if (!doc.text.empty()) doc.text.push_back('\n');
        doc.text += p;
      }
      out_.push_back(std::move(doc));
    } else {
      if (!title_.empty()) Remove(split_rule, title_);
      for (std::string_view p : kept_) Remove(split_rule, p);
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
  std::vector<std::string_view> kept_;
  std::string title_;
  std::string last_split_rule_ = "split";
  size_t part_ = 0;
  bool at_part_start_ = true;
};

}  // namespace

namespace {

// Walks one article's paragraphs through the rules, in order.
class ArticleCleaner {
 public:
  // Edited paragraphs are added to `*storage`, which outlives the builder.
  ArticleCleaner(const std::vector<clean::CompiledRule>& rules, const clean::RuleGate& gate,
                 ArticleBuilder* builder, std::deque<std::string>* storage)
      : rules_(rules), gate_(gate), builder_(*builder), storage_(*storage) {}

  // `paragraph` views the article text or the storage: most paragraphs are
  // kept as they are, without a copy.
  void Paragraph(std::string_view paragraph) {
    if (cut_rule_ == nullptr && builder_.TakeTitle(paragraph)) return;
    builder_.NoteParagraph();
    if (list_rule_ != nullptr && cut_rule_ == nullptr) {
      if (LooksLikeHeadline(paragraph)) {
        builder_.Remove(list_rule_->name(), paragraph);
        return;
      }
      list_rule_ = nullptr;  // prose again: the link list is over
    }
    // Most rules cannot match most paragraphs; the gate says which might.
    uint64_t may = gate_.Candidates(paragraph);
    const size_t rule_count = rules_.size();
    for (size_t i = 0; i < rule_count; ++i) {
      if (i < clean::RuleGate::kMaxGatedRules) {  // jump to the next rule the gate lets through
        const uint64_t rest = may & (~uint64_t{0} << i);
        if (rest == 0) {
          i = clean::RuleGate::kMaxGatedRules - 1;  // on to the ungated rules, if any
          continue;
        }
        i = static_cast<size_t>(__builtin_ctzll(rest));
      }
      const clean::CompiledRule& rule = rules_[i];
      if (cut_rule_ != nullptr && rule.action() != clean::RuleAction::kSplit) continue;
      size_t begin = 0, end = 0;
      if (!rule.Find(paragraph, 0, &begin, &end)) continue;
      if (Apply(rule, begin, end, &paragraph)) return;
      if (!clean::HasWordCharacter(paragraph)) {  // a match took all the words
        if (!paragraph.empty()) builder_.Remove(rule.name(), paragraph);
        return;
      }
      may = gate_.Candidates(paragraph);  // the paragraph changed
    }
    if (cut_rule_ != nullptr) {
      builder_.Remove(cut_rule_->name(), paragraph);
    } else {
      builder_.Keep(paragraph);
    }
  }

 private:
  // Applies a rule that matched [begin, end); returns true when the paragraph
  // is gone (removed, or consumed by a split).
  bool Apply(const clean::CompiledRule& rule, size_t begin, size_t end,
             std::string_view* paragraph) {
    switch (rule.action()) {
      case clean::RuleAction::kDropLine:
        builder_.Remove(rule.name(), *paragraph);
        return true;
      case clean::RuleAction::kDropList:
        builder_.Remove(rule.name(), *paragraph);
        list_rule_ = &rule;
        return true;
      case clean::RuleAction::kCutRest:
        builder_.Remove(rule.name(), *paragraph);
        cut_rule_ = &rule;
        return true;
      case clean::RuleAction::kSplit:
        builder_.Remove(rule.name(), *paragraph);
        builder_.SetSplitRule(rule.name());
        builder_.EndPart(rule.name());
        cut_rule_ = nullptr;
        list_rule_ = nullptr;
        return true;
      case clean::RuleAction::kDropPrefix:
        if (begin == 0 && end > 0) {
          builder_.Remove(rule.name(), paragraph->substr(0, end));
          paragraph->remove_prefix(end);
        }
        return false;
      case clean::RuleAction::kDropMatch:
        DropMatches(rule, begin, end, paragraph);
        return false;
    }
    return false;
  }

  void DropMatches(const clean::CompiledRule& rule, size_t begin, size_t end,
                   std::string_view* paragraph) {
    std::string kept;
    size_t from = 0;
    while (end > begin) {  // an empty match removes nothing
      builder_.Remove(rule.name(), paragraph->substr(begin, end - begin));
      kept.append(*paragraph, from, begin - from);
      from = end;
      if (from >= paragraph->size() || !rule.Find(*paragraph, from, &begin, &end)) break;
    }
    kept.append(paragraph->substr(from));
    storage_.push_back(clean::CollapseWhitespace(kept));
    *paragraph = storage_.back();
  }

  const std::vector<clean::CompiledRule>& rules_;
  const clean::RuleGate& gate_;
  ArticleBuilder& builder_;
  std::deque<std::string>& storage_;
  const clean::CompiledRule* cut_rule_ = nullptr;   // inside a cut-rest region
  const clean::CompiledRule* list_rule_ = nullptr;  // removing the links under a heading
};

}  // namespace

std::vector<Document> Cleaner::Clean(const Document& doc, std::vector<Removal>* removals) const {
  std::string repaired;
  std::string_view text = doc.text;
  if (!IsValidUtf8(text)) {  // PCRE2 runs without UTF checks: it must be valid
    repaired.assign(text);
    RepairUtf8(&repaired);
    text = repaired;
  }
  std::deque<std::string> storage;  // collapsed or edited paragraphs; declared first, dies last
  ArticleBuilder builder(doc, removals);
  ArticleCleaner cleaner(rules_->rules, rules_->gate, &builder, &storage);
  for (std::string_view paragraph : clean::SplitParagraphViews(text, &storage)) {
    cleaner.Paragraph(paragraph);
  }
  return builder.Finish();
}

}  // namespace chorus
