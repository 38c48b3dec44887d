#include "ingest/text_checks.h"

#include <algorithm>
#include <cctype>

#include "base/utf8.h"

namespace chorus::ingest {

bool LooksBinary(std::string_view head) {
  size_t control = 0;
  for (unsigned char c : head) {
    if (c == 0) return true;
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7f) ++control;
  }
  if (!head.empty() && control * 10 > head.size()) return true;
  if (IsValidUtf8(head)) return false;
  std::string copy(head);
  return RepairUtf8(&copy) * 8 > head.size();
}

bool LooksLikeHtml(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  size_t i = 0;
  while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
  std::string head;
  for (size_t j = i; j < text.size() && head.size() < 14; ++j) {
    head.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(text[j]))));
  }
  for (std::string_view tag : {"<!doctype html", "<html", "<head", "<body"}) {
    if (head.compare(0, tag.size(), tag) == 0) return true;
  }
  return false;
}

void ReplaceControlCharacters(Document* doc) {
  for (std::string* field :
       {&doc->id, &doc->text, &doc->title, &doc->source, &doc->url, &doc->date}) {
    chorus::ReplaceControlCharacters(field);
  }
}

}  // namespace chorus::ingest
