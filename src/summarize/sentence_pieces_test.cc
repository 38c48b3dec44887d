#include "summarize/sentence_pieces.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "base/strings.h"

namespace chorus::compression {
namespace {

TEST(SentencePiecesTest, MatchesByteByByteCutAcrossBlockEdges) {
  // The pieces SplitSpaces (base/strings.h) cuts byte by byte are expected,
  // on texts of every length up to 70 (past four 16-byte blocks) with spaces
  // drawn so that runs of them, leading and trailing ones and pieces that
  // end on a block's last byte all occur; tabs are not separators.
  uint64_t state = 12345;
  for (int round = 0; round < 40; ++round) {
    for (size_t length = 0; length <= 70; ++length) {
      std::string text;
      for (size_t k = 0; k < length; ++k) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        const uint32_t draw = static_cast<uint32_t>(state >> 33) % 7;
        text += draw < 2 ? ' ' : draw == 2 ? '\t' : static_cast<char>('a' + draw);
      }
      const std::vector<Piece> pieces = Pieces(text);
      const std::vector<std::string_view> expected = SplitSpaces(text);
      ASSERT_EQ(pieces.size(), expected.size()) << '"' << text << '"';
      for (size_t k = 0; k < pieces.size(); ++k) {
        EXPECT_EQ(pieces[k].text, expected[k]) << '"' << text << '"';
        EXPECT_EQ(pieces[k].text.data(), text.data() + pieces[k].begin);
        EXPECT_EQ(pieces[k].end, pieces[k].begin + pieces[k].text.size());
      }
    }
  }
}

TEST(SentencePiecesTest, KeepsPunctuationAndSplitsOnSpacesOnly) {
  const std::string text = "  WASHINGTON _ Officials,  who  declined\tto comment, said. ";
  std::vector<std::string_view> got;
  for (const Piece& p : Pieces(text)) got.push_back(p.text);
  EXPECT_EQ(got, (std::vector<std::string_view>{"WASHINGTON", "_", "Officials,", "who",
                                                "declined\tto", "comment,", "said."}));
}

}  // namespace
}  // namespace chorus::compression
