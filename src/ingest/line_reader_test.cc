#include "ingest/line_reader.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

namespace chorus::ingest {
namespace {

// A FILE* holding `bytes` (tmpfile, so the reader goes through fread).
std::FILE* FileOf(const std::string& bytes) {
  std::FILE* f = std::tmpfile();
  std::fwrite(bytes.data(), 1, bytes.size(), f);
  std::rewind(f);
  return f;
}

std::vector<std::string> ReadLines(const std::string& bytes, size_t chunk_bytes) {
  std::FILE* f = FileOf(bytes);
  std::vector<std::string> lines;
  {
    LineReader reader(f, chunk_bytes);
    std::string_view line;
    while (reader.Next(&line)) lines.emplace_back(line);
    EXPECT_FALSE(reader.failed());
  }
  std::fclose(f);
  return lines;
}

TEST(LineReaderTest, SplitsLinesAcrossChunksAndGrowsForLongLines) {
  std::string bytes;
  std::vector<std::string> expected;
  for (int i = 0; i < 300; ++i) {
    std::string line(static_cast<size_t>(i * 7 % 97), static_cast<char>('a' + i % 26));
    if (i == 150) line.assign(5000, 'L');  // longer than several chunks
    expected.push_back(line);
    bytes += line + (i % 3 == 0 ? "\r\n" : "\n");
  }
  bytes += "last line without newline";
  expected.emplace_back("last line without newline");
  EXPECT_EQ(ReadLines(bytes, 64), expected);
  EXPECT_EQ(ReadLines(bytes, 1 << 20), expected);
}

TEST(LineReaderTest, OverlongLinesAreSkippedWithoutBeingHeld) {
  const std::string bytes =
      "short\n" + std::string(100000, 'x') + "\nafter\n" + std::string(5000, 'y');
  std::FILE* f = FileOf(bytes);
  {
    LineReader reader(f, 64);
    reader.set_max_line_bytes(1000);
    std::string_view line;
    ASSERT_TRUE(reader.Next(&line));
    EXPECT_EQ(line, "short");
    EXPECT_FALSE(reader.line_too_long());
    ASSERT_TRUE(reader.Next(&line));
    EXPECT_TRUE(reader.line_too_long());
    EXPECT_EQ(line, "");
    EXPECT_EQ(reader.line_number(), 2u);
    ASSERT_TRUE(reader.Next(&line));
    EXPECT_EQ(line, "after");
    EXPECT_FALSE(reader.line_too_long());
    ASSERT_TRUE(reader.Next(&line));  // the last one, without a newline
    EXPECT_TRUE(reader.line_too_long());
    EXPECT_FALSE(reader.Next(&line));
  }
  std::fclose(f);
}

TEST(LineReaderTest, ReusedBufferHoldsNoStaleBytes) {
  // The first reader fills the thread's buffer; the second, shorter input
  // must not see the first one's bytes.
  EXPECT_EQ(ReadLines(std::string(3000, 'x') + "\n" + std::string(3000, 'y'), 1 << 20).size(), 2u);
  EXPECT_EQ(ReadLines("ab\ncd", 1 << 20), (std::vector<std::string>{"ab", "cd"}));
  EXPECT_EQ(ReadLines("", 1 << 20), std::vector<std::string>{});
}

TEST(LineReaderTest, PaddingAfterTheLastLineIsZeroedInAReusedBuffer) {
  EXPECT_EQ(ReadLines(std::string(500, '{'), 1 << 20).size(), 1u);  // dirties the buffer
  std::FILE* f = FileOf("ab\ncd");
  {
    LineReader reader(f, 1 << 20);
    std::string_view line;
    ASSERT_TRUE(reader.Next(&line));
    ASSERT_TRUE(reader.Next(&line));
    ASSERT_EQ(line, "cd");
    for (size_t i = 0; i < LineReader::kPadding; ++i)
      EXPECT_EQ(line.data()[line.size() + i], '\0') << i;
  }
  std::fclose(f);
}

TEST(LineReaderTest, PeekDoesNotConsumeAndReadRestStopsAtItsBound) {
  std::FILE* f = FileOf("first\nsecond\nthird");
  {
    LineReader reader(f, 4);
    EXPECT_EQ(reader.Peek(8), "first\nse");
    std::string_view line;
    ASSERT_TRUE(reader.Next(&line));
    EXPECT_EQ(line, "first");
    EXPECT_EQ(reader.line_number(), 1u);
    std::string rest;
    EXPECT_FALSE(reader.ReadRest(&rest, 5));
    EXPECT_EQ(rest, "secon");
    EXPECT_TRUE(reader.ReadRest(&rest, 100));
    EXPECT_EQ(rest, "second\nthird");
  }
  std::fclose(f);
}

}  // namespace
}  // namespace chorus::ingest
