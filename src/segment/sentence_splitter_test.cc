#include "chorus/sentence_splitter.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "shared_data.h"

namespace chorus {
namespace {

std::vector<std::string> SplitTexts(std::string_view text, SentenceSplitterOptions opt = {}) {
  std::vector<std::string> out;
  for (auto& s : SentenceSplitter(opt).Split(text)) out.push_back(s.text);
  return out;
}

using Sentences = std::vector<std::string>;

TEST(SentenceSplitterTest, SplitsPlainSentences) {
  EXPECT_EQ(
      SplitTexts("The vote passed. Lawmakers cheered! Was it binding? No one knew."),
      (Sentences{"The vote passed.", "Lawmakers cheered!", "Was it binding?", "No one knew."}));
}

TEST(SentenceSplitterTest, KeepsTitlesAndAbbreviations) {
  EXPECT_EQ(
      SplitTexts("Maj. Gen. John Smith met Sen. Jones and Rep. Lee in St. Petersburg on Oct. "
                 "23. Mr. Smith and Dr. Brown left."),
      (Sentences{"Maj. Gen. John Smith met Sen. Jones and Rep. Lee in St. Petersburg on Oct. 23.",
                 "Mr. Smith and Dr. Brown left."}));
}

TEST(SentenceSplitterTest, AmbiguousAbbreviationDecidedByNextWord) {
  EXPECT_EQ(
      SplitTexts("Troops left the U.S. Embassy. They returned to the U.S. The war ended."),
      (Sentences{"Troops left the U.S. Embassy.", "They returned to the U.S.", "The war ended."}));
  EXPECT_EQ(SplitTexts("It opened at 9 a.m. Eastern time on Friday."),
            (Sentences{"It opened at 9 a.m. Eastern time on Friday."}));
  EXPECT_EQ(SplitTexts("It opened at 9 a.m. The crowd waited."),
            (Sentences{"It opened at 9 a.m.", "The crowd waited."}));
}

TEST(SentenceSplitterTest, InitialsAndNumbers) {
  EXPECT_EQ(
      SplitTexts("J. R. R. Tolkien wrote it in 1937. It sold 5,000 copies at 3.5 dollars."),
      (Sentences{"J. R. R. Tolkien wrote it in 1937.", "It sold 5,000 copies at 3.5 dollars."}));
  EXPECT_EQ(SplitTexts("The count rose 2.5 percent. 170 lawmakers voted."),
            (Sentences{"The count rose 2.5 percent.", "170 lawmakers voted."}));
}

TEST(SentenceSplitterTest, QuotesAndBracketsAfterTheStop) {
  EXPECT_EQ(SplitTexts("He said, \"We will stay.\" Then he left. (It was late.) Next came rain."),
            (Sentences{"He said, \"We will stay.\"", "Then he left.", "(It was late.)",
                       "Next came rain."}));
  EXPECT_EQ(SplitTexts("\xE2\x80\x9COut, out!\xE2\x80\x9D the lawmakers shouted. It ended."),
            (Sentences{"\xE2\x80\x9COut, out!\xE2\x80\x9D the lawmakers shouted.", "It ended."}));
  EXPECT_EQ(SplitTexts("``It is over,'' he said. ``We won.'' Crowds cheered."),
            (Sentences{"``It is over,'' he said.", "``We won.''", "Crowds cheered."}));
}

TEST(SentenceSplitterTest, Ellipses) {
  EXPECT_EQ(SplitTexts("The leadership that \xE2\x80\xA6 we are pushing back against. Next."),
            (Sentences{"The leadership that \xE2\x80\xA6 we are pushing back against.", "Next."}));
  EXPECT_EQ(SplitTexts("There are more bases around... The MPs chanted."),
            (Sentences{"There are more bases around...", "The MPs chanted."}));
}

TEST(SentenceSplitterTest, ParagraphBreaksEndSentences) {
  auto spans = SentenceSplitter().Split("Headline without stop\n\nFirst line. Second line\nThird");
  ASSERT_EQ(spans.size(), 4u);
  EXPECT_EQ(spans[0].text, "Headline without stop");
  EXPECT_EQ(spans[0].paragraph, 0u);
  EXPECT_EQ(spans[1].text, "First line.");
  EXPECT_EQ(spans[2].text, "Second line");
  EXPECT_EQ(spans[2].paragraph, 1u);
  EXPECT_EQ(spans[3].paragraph, 2u);

  SentenceSplitterOptions wrapped;
  wrapped.newline_is_boundary = false;
  EXPECT_EQ(SplitTexts("A hard\nwrapped sentence.\n\nNew paragraph", wrapped),
            (Sentences{"A hard wrapped sentence.", "New paragraph"}));
}

// The scans run 16 bytes a step: whitespace to collapse and terminators
// must be found at every offset, including across step boundaries.
TEST(SentenceSplitterTest, CollapsesAndSplitsAtEveryOffset) {
  const std::string words = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu";
  for (size_t at = 1; at + 1 < words.size(); ++at) {
    if (words[at] != ' ') continue;
    for (const std::string_view gap : {"  ", "\t", "\xC2\xA0", " \r "}) {
      std::string text = words;
      text.replace(at, 1, gap);
      EXPECT_EQ(SplitTexts(text + "."), (std::vector<std::string>{words + "."}))
          << at << " " << gap;
    }
    std::string two = words;
    two[at] = '.';
    two.insert(at + 1, " Next");
    EXPECT_EQ(SplitTexts(two).size(), 2u) << at;
  }
}

TEST(SentenceSplitterTest, OffsetsPointIntoInput) {
  const std::string text = "  One here.   Two  there. ";
  auto spans = SentenceSplitter().Split(text);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(text.substr(spans[0].begin, spans[0].end - spans[0].begin), "One here.");
  EXPECT_EQ(spans[1].text, "Two there.");
}

TEST(SentenceSplitterTest, CutsOverlongRunsWithoutLosingText) {
  std::string text;
  for (int i = 0; i < 3000; ++i) text += "word ";
  SentenceSplitterOptions opt;
  opt.max_sentence_bytes = 1000;
  auto spans = SentenceSplitter(opt).Split(text);
  size_t words = 0;
  for (auto& s : spans) {
    EXPECT_LE(s.text.size(), 1000u);
    words += std::count(s.text.begin(), s.text.end(), ' ') + 1;
  }
  EXPECT_EQ(words, 3000u);
  EXPECT_TRUE(SentenceSplitter().Split("").empty());
  EXPECT_TRUE(SentenceSplitter().Split(" \n\n \t").empty());
}

// Gold: the 1,319 reference sentences of DUC 2004, each reference's sentences
// joined by a space and split again. The floor is 99.5% recovered exactly.
// Regression: a run longer than max_sentence_bytes made only of UTF-8
// continuation bytes (invalid UTF-8, no space, no character boundary) looped
// forever.
TEST(SentenceSplitterTest, CutsOverlongRunOfContinuationBytes) {
  const std::string text(5000, '\x80');
  SentenceSplitterOptions opt;
  opt.max_sentence_bytes = 1000;
  auto spans = SentenceSplitter(opt).Split(text);
  ASSERT_EQ(spans.size(), 5u);
  for (const auto& s : spans) EXPECT_EQ(s.text.size(), 1000u);
}

TEST(SentenceSplitterTest, RecoversDuc2004ReferenceSentences) {
  CHORUS_REQUIRE_SHARED_DATA(path, "duc2004/clusters.jsonl");
  std::ifstream in(path);
  std::string line;
  size_t gold_total = 0, recovered = 0;
  std::vector<std::string> misses;
  SentenceSplitter splitter;
  while (std::getline(in, line)) {
    auto cluster = nlohmann::json::parse(line);
    for (const auto& ref : cluster["references"]) {
      std::vector<std::string> gold;
      std::istringstream lines(ref.get<std::string>());
      std::string s, joined;
      while (std::getline(lines, s)) {
        auto b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t\r");
        if (b == std::string::npos) continue;
        gold.push_back(s.substr(b, e - b + 1));
        joined += (joined.empty() ? "" : " ") + gold.back();
      }
      std::multiset<std::string> got;
      for (auto& span : splitter.Split(joined)) got.insert(span.text);
      for (const auto& g : gold) {
        ++gold_total;
        if (auto it = got.find(g); it != got.end()) {
          ++recovered;
          got.erase(it);
        } else if (misses.size() < 20) {
          misses.push_back(g);
        }
      }
    }
  }
  EXPECT_EQ(gold_total, 1319u);
  const double share = static_cast<double>(recovered) / gold_total;
  std::cout << "DUC 2004 reference sentences recovered: " << recovered << "/" << gold_total << " ("
            << share * 100 << "%)\n";
  for (const auto& m : misses) std::cout << "  missed: " << m << "\n";
  EXPECT_GE(share, 0.995);
}

}  // namespace
}  // namespace chorus
