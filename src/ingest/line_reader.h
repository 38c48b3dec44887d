// LineReader: streams the lines of a file (or standard input) through one
// growing buffer, so a 10,000-cluster JSON Lines file is never held whole and
// a 50 MB single line still works.
//
// Every line handed out is followed in memory by at least kPadding readable
// bytes, which lets simdjson parse it in place without a copy.
//
// The buffer is not zero-filled, and when a reader is done its buffer (if
// not grown past kKeepBytes) is kept for the thread's next reader: a fresh
// 1 MB buffer per file cost ~40% of reading a 2.5 MB JSON Lines file in page
// faults and zero-filling alone.
//
// Thread safety: none; one reader per stream. Not copyable (owns the buffer,
// borrows the FILE*, which must outlive it).
#ifndef CHORUS_SRC_INGEST_LINE_READER_H_
#define CHORUS_SRC_INGEST_LINE_READER_H_

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

namespace chorus::ingest {

class LineReader {
 public:
  static constexpr size_t kPadding = 64;  // >= SIMDJSON_PADDING
  // Largest buffer kept for the thread's next reader (a 50 MB line's is freed).
  static constexpr size_t kKeepBytes = size_t{4} << 20;

  explicit LineReader(std::FILE* file, size_t chunk_bytes = size_t{1} << 20);

  // Lines longer than this are not held: Next() skips one (reading past it
  // without buffering it) and returns it empty with line_too_long() true.
  // Default: no limit.
  void set_max_line_bytes(size_t max) { max_line_bytes_ = max; }
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // The next line without its "\n" (or "\r\n"); valid until the next call.
  // Returns false at the end of input or on a read error (see failed()).
  bool Next(std::string_view* line);

  // Up to `n` bytes from the current position, without consuming them.
  std::string_view Peek(size_t n);

  // Appends everything not yet consumed to `*out`, up to `max_bytes`; returns
  // false when more than `max_bytes` were available (the rest is left unread).
  bool ReadRest(std::string* out, size_t max_bytes);

  // 1-based number of the line last returned by Next().
  uint64_t line_number() const { return line_number_; }
  // The line last returned by Next() was longer than max_line_bytes.
  bool line_too_long() const { return too_long_; }
  bool failed() const { return failed_; }

 private:
  // Reads more input into the buffer; returns false when nothing more came.
  bool Fill();
  // Makes the buffer at least `size` bytes, keeping the buffered bytes.
  void Grow(size_t size);

  // Consumes the rest of an overlong line, up to and including its '\n'.
  void SkipRestOfLine();

  std::FILE* file_;
  size_t chunk_bytes_;
  size_t max_line_bytes_ = SIZE_MAX;
  bool too_long_ = false;
  std::unique_ptr<char[]> buffer_;  // capacity_ bytes, not zero-filled
  size_t capacity_ = 0;
  size_t begin_ = 0;    // first unconsumed byte
  size_t end_ = 0;      // one past the last buffered byte
  size_t scanned_ = 0;  // bytes from begin_ known to hold no newline
  uint64_t line_number_ = 0;
  bool eof_ = false;
  bool failed_ = false;
};

}  // namespace chorus::ingest

#endif  // CHORUS_SRC_INGEST_LINE_READER_H_
