#include "clean/rule_gate.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "clean/compiled_rule.h"
#include "clean/rule_file.h"

namespace chorus::clean {
namespace {

std::vector<CompiledRule> Compile(std::string_view text) {
  std::vector<CompiledRule> rules;
  Result<std::vector<RuleSpec>> specs = ParseRuleFile(text, "test");
  EXPECT_TRUE(specs.ok()) << specs.status().ToString();
  for (const RuleSpec& spec : *specs) rules.push_back(CompiledRule::Compile(spec, "test").value());
  return rules;
}

constexpr std::string_view kRules =
    "comment\tdrop-line\t(?i)comment section\tneeds=comment\n"                    // bit 0
    "credit\tdrop-line\t(?i:photo|image):\\s*\\w+$\ttail=40 needs=photo|image\n"  // bit 1
    "paren\tdrop-line\t\\([^()]*\\)$\ttail=30 needs=)\n"                          // bit 2
    "heading\tdrop-line\t^[A-Z][^.!?]*$\tmax=60 lacks=.!?\n"                      // bit 3
    "byline\tdrop-line\t^By \\w+$\tmax=40\n";                                     // bit 4

// Whatever Find matches, the gate lets through; and it shuts out what the
// options exclude.
TEST(RuleGateTest, LetsThroughEveryMatchAndSkipsWhatOptionsExclude) {
  std::vector<CompiledRule> rules = Compile(kRules);
  RuleGate gate(rules);
  const std::string filler(70, 'x');
  const std::vector<std::string> paragraphs = {
      "Readers left the COMMENT SECTION today.",
      filler + " comMent section " + filler,
      "comment section",
      "ment sec",
      filler + " PHOTO: Someone",
      "Photo: Someone " + filler,  // the word is outside the tail
      filler + " image: Else",
      "(as said)",
      filler + " end (AP)",
      "(AP) " + filler,
      "A Heading Without Stops",
      "A sentence with a stop.",
      "By Someone",
      "By",
      "",
      "x",
  };
  for (const std::string& p : paragraphs) {
    const uint64_t may = gate.Candidates(p);
    for (size_t i = 0; i < rules.size(); ++i) {
      size_t begin = 0, end = 0;
      if (rules[i].Find(p, 0, &begin, &end)) {
        EXPECT_TRUE((may >> i) & 1) << rules[i].name() << " on \"" << p << "\"";
      }
    }
  }
  EXPECT_FALSE(gate.Candidates("no such word here") & 1);
  EXPECT_FALSE(gate.Candidates(filler + " Picture: Someone") & 2);
  EXPECT_FALSE(gate.Candidates(filler + " end [AP]") & 4);
  EXPECT_FALSE(gate.Candidates("A sentence with a stop.") & 8);
  EXPECT_FALSE(gate.Candidates("Hi Someone") & 16);    // first byte
  EXPECT_FALSE(gate.Candidates("By " + filler) & 16);  // max=
}

// max= comes from a user's rule file: a huge one (found by rules_fuzz, where
// it made the length table ~10^20 entries and threw) leaves the rule ungated
// by length, and the rule's own max= still decides.
TEST(RuleGateTest, HugeMaxIsNotALengthTable) {
  std::vector<CompiledRule> rules = Compile(
      "short\tdrop-line\t^By \\w+$\tmax=40\n"
      "huge\tdrop-line\t^By \\w+$\tmax=14347467612885206847\n"
      "large\tdrop-line\t^By \\w+$\tmax=5000\n");
  RuleGate gate(rules);
  const std::string long_byline = "By " + std::string(6000, 'x');
  const std::string mid_byline = "By " + std::string(4500, 'x');
  EXPECT_EQ(gate.Candidates("By Someone") & 7, 7u);
  EXPECT_EQ(gate.Candidates(mid_byline) & 7, 6u);   // short shut out; large passes the gate
  EXPECT_EQ(gate.Candidates(long_byline) & 7, 6u);  // large passes; its own max= rejects it
  size_t begin = 0, end = 0;
  EXPECT_TRUE(rules[2].Find(mid_byline, 0, &begin, &end));
  EXPECT_FALSE(rules[2].Find(long_byline, 0, &begin, &end));
  EXPECT_TRUE(rules[1].Find(long_byline, 0, &begin, &end));
}

// A needed word is found at every offset and in any case, across the 16-byte
// blocks of the scan, and not where only part of it is.
TEST(RuleGateTest, FindsWordsAtEveryOffset) {
  std::vector<CompiledRule> rules = Compile(kRules);
  RuleGate gate(rules);
  for (size_t before = 0; before < 40; ++before) {
    for (size_t after = 0; after < 40; after += 3) {
      const std::string pad_before(before, 'o'), pad_after(after, 'n');
      EXPECT_TRUE(gate.Candidates(pad_before + "CoMmEnT" + pad_after) & 1)
          << before << " " << after;
      EXPECT_FALSE(gate.Candidates(pad_before + "commen" + pad_after) & 1)
          << before << " " << after;
      EXPECT_FALSE(gate.Candidates(pad_before + "omment" + pad_after) & 1)
          << before << " " << after;
    }
  }
}

// Two- and three-byte words (shorter than the four bytes the vector scan
// tests) and one-byte ones are found anywhere, the very end included, in
// paragraphs short and long.
TEST(RuleGateTest, FindsShortWordsAtTheEnds) {
  std::vector<CompiledRule> rules = Compile(
      "at\tdrop-line\t\\(@\tneeds=(@\nap\tdrop-line\t\\(AP\tneeds=(ap\n"
      "paren\tdrop-line\t\\)\tneeds=)\n");
  RuleGate gate(rules);
  for (size_t length = 0; length < 50; ++length) {
    const std::string pad(length, 'w');
    for (const std::string& p : {pad + "(@", "(@" + pad})
      EXPECT_EQ(gate.Candidates(p) & 1, 1u) << p;
    for (const std::string& p : {pad + "(aP", "(Ap" + pad})
      EXPECT_EQ(gate.Candidates(p) & 2, 2u) << p;
    for (const std::string& p : {pad + ")", ")" + pad}) EXPECT_EQ(gate.Candidates(p) & 4, 4u) << p;
    if (length > 0) {
      EXPECT_EQ(gate.Candidates(pad + "(" + pad + "@"), 0u) << length;
    }
  }
}

TEST(RuleGateTest, LacksTakesOnlyPunctuation) {
  EXPECT_FALSE(ParseRuleFile("a\tdrop-line\tx\tlacks=a\n", "t").ok());
  EXPECT_TRUE(ParseRuleFile("a\tdrop-line\tx\tlacks=.!?\n", "t").ok());
}

}  // namespace
}  // namespace chorus::clean
