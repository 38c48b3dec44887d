#include "ingest/text_article.h"

#include <string>

#include "base/dates.h"
#include "base/strings.h"

namespace chorus::ingest {
namespace {

// Splits off the first line of `*rest` (without its newline).
std::string_view TakeLine(std::string_view* rest) {
  size_t nl = rest->find('\n');
  std::string_view line = rest->substr(0, nl);
  rest->remove_prefix(nl == std::string_view::npos ? rest->size() : nl + 1);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

// Applies one header line to `doc`; returns false when `line` is not a header.
// `*after_date` receives text following the date on its line.
bool ApplyHeaderLine(std::string_view line, Document* doc, std::string_view* after_date) {
  if (line.empty() || line.front() != ' ') return false;
  std::string_view body = Trim(line);
  size_t sp = body.find(' ');
  if (sp == std::string_view::npos) return false;
  std::string_view key = body.substr(0, sp);
  std::string_view value = Trim(body.substr(sp + 1));
  if (key == "date") {
    if (!IsIsoDate(value.substr(0, 10))) return false;
    doc->date = std::string(value.substr(0, 10));
    *after_date = Trim(value.substr(10));
    return true;
  }
  std::string* field = key == "source"  ? &doc->source
                       : key == "url"   ? &doc->url
                       : key == "title" ? &doc->title
                       : key == "lean"  ? &doc->lean
                                        : nullptr;
  if (field == nullptr || value.empty()) return false;
  *field = std::string(value);
  return true;
}

}  // namespace

std::string IdFromFileName(std::string_view name) {
  size_t slash = name.find_last_of('/');
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  size_t dot = name.find_last_of('.');
  if (dot != std::string_view::npos && dot > 0) name = name.substr(0, dot);
  return std::string(name);
}

Document ParseTextArticle(std::string_view text, std::string_view name) {
  Document doc;
  doc.id = IdFromFileName(name);
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);

  std::string_view rest = text;
  std::string_view after_date;
  std::string first_paragraph;
  while (!rest.empty()) {
    std::string_view probe = rest;
    std::string_view line = TakeLine(&probe);
    std::string_view tail;
    if (!ApplyHeaderLine(line, &doc, &tail)) break;
    rest = probe;
    if (!tail.empty()) after_date = tail;
  }
  if (!after_date.empty()) {
    if (doc.title.empty() && LooksLikeHeadline(after_date)) {
      doc.title = std::string(after_date);
    } else {
      first_paragraph = std::string(after_date);
    }
  }

  // A headline line followed by a blank line (or the end) is the title.
  while (!rest.empty() && Trim(rest.substr(0, rest.find('\n'))).empty()) TakeLine(&rest);
  if (doc.title.empty() && first_paragraph.empty()) {
    std::string_view probe = rest;
    std::string_view line = TakeLine(&probe);
    std::string_view next = TakeLine(&probe);
    if (LooksLikeHeadline(line) && Trim(next).empty() && !Trim(probe).empty()) {
      doc.title = std::string(Trim(line));
      rest = probe;
    }
  }

  std::string body(Trim(rest));
  if (!first_paragraph.empty()) {
    doc.text = body.empty() ? first_paragraph : first_paragraph + "\n\n" + body;
  } else {
    doc.text = std::move(body);
  }
  return doc;
}

}  // namespace chorus::ingest
