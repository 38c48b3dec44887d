#define PCRE2_CODE_UNIT_WIDTH 8
#include "clean/compiled_rule.h"

#include <fmt/format.h>
#include <pcre2.h>

#include <algorithm>
#include <cctype>

namespace chorus::clean {
namespace {

struct MatchDataFree {
  void operator()(pcre2_match_data* m) const { pcre2_match_data_free(m); }
};

pcre2_match_data* ThreadMatchData() {
  static thread_local std::unique_ptr<pcre2_match_data, MatchDataFree> data(
      pcre2_match_data_create(1, nullptr));
  return data.get();
}

}  // namespace

struct CompiledRule::Pcre {
  pcre2_code* code = nullptr;
  pcre2_match_context* context = nullptr;
  bool jit = false;
  ~Pcre() {
    pcre2_match_context_free(context);
    pcre2_code_free(code);
  }
};

CompiledRule::CompiledRule() = default;
CompiledRule::CompiledRule(CompiledRule&&) noexcept = default;
CompiledRule& CompiledRule::operator=(CompiledRule&&) noexcept = default;
CompiledRule::~CompiledRule() = default;

Result<CompiledRule> CompiledRule::Compile(const RuleSpec& spec, std::string_view origin) {
  int error = 0;
  PCRE2_SIZE offset = 0;
  pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(spec.pattern.data()),
                                   spec.pattern.size(), PCRE2_UTF, &error, &offset, nullptr);
  if (code == nullptr) {
    std::array<PCRE2_UCHAR, 256> message{};
    pcre2_get_error_message(error, message.data(), message.size());
    return ParseError(fmt::format("{}:{}: rule \"{}\": bad pattern at offset {}: {}", origin,
                                  spec.line, spec.name, offset,
                                  reinterpret_cast<const char*>(message.data())));
  }
  CompiledRule rule;
  rule.name_ = spec.name;
  rule.action_ = spec.action;
  rule.pcre_ = std::make_unique<Pcre>();
  rule.pcre_->code = code;
  // Bounds on backtracking so a pathological rule or paragraph cannot hang a run.
  rule.pcre_->context = pcre2_match_context_create(nullptr);
  pcre2_set_match_limit(rule.pcre_->context, 1000000);
  pcre2_set_depth_limit(rule.pcre_->context, 10000);
  // JIT makes matching several times faster; without it (no executable
  // memory) pcre2_match interprets the same pattern.
  rule.pcre_->jit = pcre2_jit_compile(code, PCRE2_JIT_COMPLETE) == 0;
  rule.max_bytes_ = spec.max_bytes;
  rule.tail_bytes_ = spec.tail_bytes;
  for (const std::string& word : spec.needs) rule.needs_.emplace_back(word);
  rule.needs_words_ = spec.needs;
  rule.lacks_ = spec.lacks;

  uint32_t options = 0, first_type = 0, first_unit = 0;
  const uint8_t* bitmap = nullptr;
  pcre2_pattern_info(code, PCRE2_INFO_ALLOPTIONS, &options);
  pcre2_pattern_info(code, PCRE2_INFO_FIRSTBITMAP, &bitmap);
  pcre2_pattern_info(code, PCRE2_INFO_FIRSTCODETYPE, &first_type);
  pcre2_pattern_info(code, PCRE2_INFO_FIRSTCODEUNIT, &first_unit);
  const bool anchored = (options & PCRE2_ANCHORED) != 0;
  if (anchored && first_type == 1 && first_unit < 256) {
    rule.has_first_bytes_ = true;
    rule.first_bytes_[first_unit] = true;
    // A caseless first letter may also start with its other case.
    if (first_unit < 128 && std::isalpha(static_cast<int>(first_unit))) {
      rule.first_bytes_[std::tolower(static_cast<int>(first_unit))] = true;
      rule.first_bytes_[std::toupper(static_cast<int>(first_unit))] = true;
    }
  } else if (anchored && bitmap != nullptr) {
    rule.has_first_bytes_ = true;
    for (int b = 0; b < 256; ++b) rule.first_bytes_[b] = (bitmap[b / 8] >> (b % 8)) & 1;
  }
  return rule;
}

bool CompiledRule::Find(std::string_view s, size_t from, size_t* begin, size_t* end) const {
  if (has_first_bytes_ && (s.empty() || !first_bytes_[static_cast<unsigned char>(s[0])])) {
    return false;
  }
  if (max_bytes_ > 0 && s.size() > max_bytes_) return false;
  if (tail_bytes_ > 0 && s.size() > tail_bytes_) {
    size_t tail = s.size() - tail_bytes_;
    while (tail < s.size() && (static_cast<unsigned char>(s[tail]) & 0xC0) == 0x80) ++tail;
    from = std::max(from, tail);
  }
  if (from > s.size()) return false;
  if (!needs_.empty()) {
    // The required word is part of any match, so it lies at or after `from`.
    std::string_view rest = s.substr(from);
    if (std::none_of(needs_.begin(), needs_.end(),
                     [&](const LiteralFinder& f) { return f.FoundIn(rest); })) {
      return false;
    }
  }
  if (!lacks_.empty() && s.find_first_of(lacks_) != std::string_view::npos) return false;
  pcre2_match_data* md = ThreadMatchData();
  const auto* subject = reinterpret_cast<PCRE2_SPTR>(s.data());
  int rc = pcre_->jit ? pcre2_jit_match(pcre_->code, subject, s.size(), from, 0, md, pcre_->context)
                      : pcre2_match(pcre_->code, subject, s.size(), from, PCRE2_NO_UTF_CHECK, md,
                                    pcre_->context);
  if (rc < 0) return false;
  const PCRE2_SIZE* ov = pcre2_get_ovector_pointer(md);
  *begin = ov[0];
  *end = ov[1] < ov[0] ? ov[0] : ov[1];
  return true;
}

}  // namespace chorus::clean
