// Cleaner: removes web boilerplate from article text, driven by a rule file.
//
// News pages carry embedded tweets, "Read more at URL", comment-section
// notices, tag lists, "See all Video", photo credits, bylines, "Update
// (1545ET):" prefixes, "* * *" separators and more. None of that is the story.
// The Cleaner applies named rules (regular expressions with an action: drop the
// paragraph, the match or a prefix, drop a heading and the link list under it,
// cut the rest of the article, or split the article there) read from a rule
// file. The default rules ship in data/clean_rules.txt
// and are compiled in; --rules replaces them. A file that pastes several
// articles becomes several documents (ids "<id>#2", "<id>#3", ...).
//
//   const chorus::Cleaner& cleaner = chorus::Cleaner::Default();
//   std::vector<chorus::Removal> removed;
//   std::vector<chorus::Document> docs = cleaner.Clean(doc, &removed);
//
// Output text has one paragraph a line, whitespace collapsed within lines.
// Thread safety: immutable after construction; share freely. Movable.
#ifndef CHORUS_CLEANER_H_
#define CHORUS_CLEANER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "chorus/document.h"
#include "chorus/status.h"

namespace chorus {

// One piece of text a rule removed (reported under --explain).
struct Removal {
  std::string doc_id;  // id of the document it was removed from
  std::string rule;    // the rule's name from the rule file
  std::string text;    // what was removed (truncated to 200 bytes)
};

class Cleaner {
 public:
  // Parses a rule file; errors name `origin` and the line.
  static Result<Cleaner> FromRules(std::string_view rules_text, std::string_view origin);
  // Reads and parses a rule file (the faces' --rules); kNotFound names a file
  // that cannot be read.
  static Result<Cleaner> FromRuleFile(const std::string& path);
  // The compiled-in default rules.
  static const Cleaner& Default();

  Cleaner(Cleaner&&) noexcept;
  Cleaner& operator=(Cleaner&&) noexcept;
  ~Cleaner();

  // Cleans one article; returns its documents (several when the text pastes
  // several articles; none when it was all boilerplate), never an empty-text
  // one. Appends what was removed to `removals` when given.
  std::vector<Document> Clean(const Document& doc, std::vector<Removal>* removals = nullptr) const;

 private:
  struct Rules;
  explicit Cleaner(std::unique_ptr<Rules> rules);
  std::unique_ptr<Rules> rules_;
};

}  // namespace chorus

#endif  // CHORUS_CLEANER_H_
