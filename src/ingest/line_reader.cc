#include "ingest/line_reader.h"

#include <cstring>
#include <utility>

namespace chorus::ingest {
namespace {

// The buffer the thread's last LineReader left behind (see the header).
struct SpareBuffer {
  std::unique_ptr<char[]> bytes;
  size_t capacity = 0;
};

SpareBuffer& ThreadSpare() {
  thread_local SpareBuffer spare;
  return spare;
}

}  // namespace

LineReader::LineReader(std::FILE* file, size_t chunk_bytes)
    : file_(file), chunk_bytes_(chunk_bytes) {
  SpareBuffer& spare = ThreadSpare();
  if (spare.capacity >= chunk_bytes + kPadding) {
    buffer_ = std::move(spare.bytes);
    capacity_ = std::exchange(spare.capacity, 0);
  } else {
    Grow(chunk_bytes + kPadding);
  }
}

LineReader::~LineReader() {
  SpareBuffer& spare = ThreadSpare();
  if (capacity_ <= kKeepBytes && capacity_ > spare.capacity) {
    spare.bytes = std::move(buffer_);
    spare.capacity = capacity_;
  }
}

void LineReader::Grow(size_t size) {
  if (size <= capacity_) return;
  std::unique_ptr<char[]> bigger(new char[size]);  // no zero-fill: see the header
  if (end_ > begin_) std::memcpy(bigger.get() + begin_, buffer_.get() + begin_, end_ - begin_);
  buffer_ = std::move(bigger);
  capacity_ = size;
}

bool LineReader::Fill() {
  if (eof_) return false;
  if (begin_ > 0) {  // slide the unconsumed tail to the front
    std::memmove(buffer_.get(), buffer_.get() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  if (capacity_ - end_ < kPadding + chunk_bytes_ / 2) Grow(capacity_ * 2 + kPadding);
  size_t room = capacity_ - end_ - kPadding;
  size_t got = std::fread(buffer_.get() + end_, 1, room, file_);
  end_ += got;
  // The padding simdjson may read past a line's end is defined bytes, not
  // whatever the reused buffer held.
  std::memset(buffer_.get() + end_, 0, kPadding);
  if (got < room) {
    eof_ = true;
    failed_ = std::ferror(file_) != 0;
  }
  return got > 0;
}

void LineReader::SkipRestOfLine() {
  while (true) {
    const void* nl = std::memchr(buffer_.get() + begin_, '\n', end_ - begin_);
    if (nl != nullptr) {
      begin_ = static_cast<size_t>(static_cast<const char*>(nl) - buffer_.get()) + 1;
      return;
    }
    begin_ = end_;  // dropped: the buffer does not grow for this line
    if (!Fill()) return;
  }
}

bool LineReader::Next(std::string_view* line) {
  too_long_ = false;
  while (true) {
    const char* start = buffer_.get() + begin_;
    const void* nl = std::memchr(start + scanned_, '\n', end_ - begin_ - scanned_);
    if (nl != nullptr) {
      size_t len = static_cast<const char*>(nl) - start;
      begin_ += len + 1;
      scanned_ = 0;
      if (len > max_line_bytes_) {  // read whole in one chunk, but still too long
        too_long_ = true;
        *line = std::string_view();
        ++line_number_;
        return true;
      }
      *line = std::string_view(start, len);
      break;
    }
    scanned_ = end_ - begin_;
    if (scanned_ > max_line_bytes_) {
      SkipRestOfLine();
      scanned_ = 0;
      too_long_ = true;
      *line = std::string_view();
      ++line_number_;
      return true;
    }
    if (!Fill()) {
      if (begin_ == end_) return false;
      *line = std::string_view(buffer_.get() + begin_, end_ - begin_);
      begin_ = end_;
      scanned_ = 0;
      break;
    }
  }
  if (!line->empty() && line->back() == '\r') line->remove_suffix(1);
  ++line_number_;
  return true;
}

std::string_view LineReader::Peek(size_t n) {
  while (end_ - begin_ < n && Fill()) {
  }
  size_t have = end_ - begin_;
  return std::string_view(buffer_.get() + begin_, have < n ? have : n);
}

bool LineReader::ReadRest(std::string* out, size_t max_bytes) {
  while (true) {
    size_t have = end_ - begin_;
    if (out->size() + have > max_bytes) {
      size_t take = max_bytes - out->size();
      out->append(buffer_.get() + begin_, take);
      begin_ += take;
      scanned_ = 0;
      return false;
    }
    out->append(buffer_.get() + begin_, have);
    begin_ = end_;
    scanned_ = 0;
    if (!Fill()) return true;
  }
}

}  // namespace chorus::ingest
