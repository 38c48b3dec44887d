#include "ingest/line_reader.h"

#include <cstring>

namespace chorus::ingest {

LineReader::LineReader(std::FILE* file, size_t chunk_bytes)
    : file_(file), chunk_bytes_(chunk_bytes), buffer_(chunk_bytes + kPadding) {}

bool LineReader::Fill() {
  if (eof_) return false;
  if (begin_ > 0) {  // slide the unconsumed tail to the front
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  if (buffer_.size() - end_ < kPadding + chunk_bytes_ / 2) {
    buffer_.resize(buffer_.size() * 2 + kPadding);
  }
  size_t room = buffer_.size() - end_ - kPadding;
  size_t got = std::fread(buffer_.data() + end_, 1, room, file_);
  end_ += got;
  if (got < room) {
    eof_ = true;
    failed_ = std::ferror(file_) != 0;
  }
  return got > 0;
}

bool LineReader::Next(std::string_view* line) {
  while (true) {
    const char* start = buffer_.data() + begin_;
    const void* nl = std::memchr(start + scanned_, '\n', end_ - begin_ - scanned_);
    if (nl != nullptr) {
      size_t len = static_cast<const char*>(nl) - start;
      *line = std::string_view(start, len);
      begin_ += len + 1;
      scanned_ = 0;
      break;
    }
    scanned_ = end_ - begin_;
    if (!Fill()) {
      if (begin_ == end_) return false;
      *line = std::string_view(buffer_.data() + begin_, end_ - begin_);
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
  return std::string_view(buffer_.data() + begin_, have < n ? have : n);
}

bool LineReader::ReadRest(std::string* out, size_t max_bytes) {
  while (true) {
    size_t have = end_ - begin_;
    if (out->size() + have > max_bytes) {
      size_t take = max_bytes - out->size();
      out->append(buffer_.data() + begin_, take);
      begin_ += take;
      scanned_ = 0;
      return false;
    }
    out->append(buffer_.data() + begin_, have);
    begin_ = end_;
    scanned_ = 0;
    if (!Fill()) return true;
  }
}

}  // namespace chorus::ingest
