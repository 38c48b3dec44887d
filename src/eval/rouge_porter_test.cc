#include "eval/rouge_porter.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace chorus::rouge {
namespace {

// Every DUC 2004 word (of 15,967) on which Snowball's "porter" disagrees with
// the stemmer inside ROUGE-1.5.5.pl, with the script's stem (obtained by
// running the script's stem() on them).
const std::vector<std::pair<std::string, std::string>> kScriptStemsWhereSnowballDiffers = {
    {"accidentally", "accid"},
    {"agreement", "agreem"},
    {"agreements", "agreem"},
    {"anthropology", "anthropolog"},
    {"apologies", "apolog"},
    {"apology", "apolog"},
    {"argument", "argum"},
    {"arguments", "argum"},
    {"assembly", "assembl"},
    {"bubbly", "bubbl"},
    {"cardiology", "cardiolog"},
    {"coincidentally", "coincid"},
    {"commissioner", "commiss"},
    {"commissioners", "commiss"},
    {"compassionate", "compass"},
    {"componentized", "compon"},
    {"congressional", "congress"},
    {"continental", "contin"},
    {"detrimental", "detrim"},
    {"dimensional", "dimens"},
    {"disproportionate", "disproport"},
    {"divisional", "divis"},
    {"document", "docum"},
    {"documentation", "docum"},
    {"documented", "docum"},
    {"documenting", "docum"},
    {"documents", "docum"},
    {"element", "elem"},
    {"elements", "elem"},
    {"environmental", "environ"},
    {"experimentation", "experi"},
    {"fundamental", "fundam"},
    {"fundamentalism", "fundam"},
    {"governmental", "govern"},
    {"ideologies", "ideolog"},
    {"ideology", "ideolog"},
    {"immiment", "immim"},
    {"implement", "implem"},
    {"implementation", "implem"},
    {"implemented", "implem"},
    {"implementers", "implem"},
    {"implementing", "implem"},
    {"impossibly", "imposs"},
    {"impressionable", "impress"},
    {"incredibly", "incred"},
    {"instrument", "instrum"},
    {"instrumental", "instrum"},
    {"instruments", "instrum"},
    {"intentionally", "intent"},
    {"intergovernmental", "intergovern"},
    {"internationalize", "internat"},
    {"internationally", "internat"},
    {"judgement", "judgem"},
    {"monument", "monum"},
    {"monumental", "monum"},
    {"movement", "movem"},
    {"movements", "movem"},
    {"mythology", "mytholog"},
    {"neurobiology", "neurobiolog"},
    {"occasional", "occas"},
    {"occasionally", "occas"},
    {"ostensibly", "ostens"},
    {"parliament", "parliam"},
    {"pharmacology", "pharmacolog"},
    {"physiology", "physiolog"},
    {"placement", "placem"},
    {"possibly", "possibl"},
    {"professional", "profess"},
    {"professionals", "profess"},
    {"psychology", "psycholog"},
    {"representation", "repres"},
    {"responsibly", "respons"},
    {"revolutionize", "revolut"},
    {"revolutionized", "revolut"},
    {"sentiment", "sentim"},
    {"sentimental", "sentim"},
    {"sentiments", "sentim"},
    {"settlement", "settlem"},
    {"settlements", "settlem"},
    {"statement", "statem"},
    {"statements", "statem"},
    {"supplement", "supplem"},
    {"supplements", "supplem"},
    {"technologies", "technolog"},
    {"technology", "technolog"},
    {"terribly", "terribl"},
    {"testament", "testam"},
    {"tournament", "tournam"},
    {"toxicology", "toxicolog"},
    {"traditionally", "tradit"},
    {"transnationalism", "transnat"},
    {"trekking", "trek"},
    {"unconstitutionally", "unconstitut"},
    {"unintentionally", "unintent"},
    {"unrepentant", "unrep"},
    {"vacationers", "vacat"},
    {"visibly", "visibl"},
};

TEST(Rouge155PorterTest, MatchesTheScriptWhereSnowballDoesNot) {
  for (const auto& [word, stem] : kScriptStemsWhereSnowballDiffers) {
    EXPECT_EQ(Rouge155PorterStem(word), stem) << word;
  }
  EXPECT_EQ(kScriptStemsWhereSnowballDiffers.size(), 97u);
}

TEST(Rouge155PorterTest, ClassicPorterExamples) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"caresses", "caress"},   {"ponies", "poni"},      {"ties", "ti"},
      {"cats", "cat"},          {"feed", "feed"},        {"agreed", "agre"},
      {"plastered", "plaster"}, {"motoring", "motor"},   {"sing", "sing"},
      {"conflated", "conflat"}, {"troubled", "troubl"},  {"sized", "size"},
      {"hopping", "hop"},       {"falling", "fall"},     {"filing", "file"},
      {"happy", "happi"},       {"relational", "relat"}, {"generalization", "gener"},
      {"hopeful", "hope"},      {"goodness", "good"},    {"revival", "reviv"},
      {"adjustment", "adjust"}, {"controll", "control"}, {"roll", "roll"},
      {"yelling", "yell"},      {"youth", "youth"},      {"syllogism", "syllog"},
  };
  for (const auto& [word, stem] : cases) EXPECT_EQ(Rouge155PorterStem(word), stem) << word;
}

TEST(Rouge155PorterTest, ShortWordsAreUnchanged) {
  EXPECT_EQ(Rouge155PorterStem("is"), "is");
  EXPECT_EQ(Rouge155PorterStem("a"), "a");
  EXPECT_EQ(Rouge155PorterStem(""), "");
}

}  // namespace
}  // namespace chorus::rouge
