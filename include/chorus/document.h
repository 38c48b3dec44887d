// The data model every stage shares: an article, a cluster of articles about
// one event, and a sentence located in its article.
//
// Data flows one way (ingest -> clean -> segment -> represent -> select /
// compare / cluster -> render); these plain structs are what passes between
// stages. They own their strings; copy them when you must, move them when you
// can. No invariants beyond those stated per field.
#ifndef CHORUS_DOCUMENT_H_
#define CHORUS_DOCUMENT_H_

#include <cstdint>
#include <string>
#include <vector>

namespace chorus {

// One news article as read from its input.
struct Document {
  std::string id;      // unique within its cluster; file name stem or JSON "id"
  std::string source;  // outlet ("APW", "The Hill"); may be empty
  std::string date;    // "YYYY-MM-DD" when known, else empty
  std::string title;   // may be empty
  std::string url;     // may be empty
  std::string text;    // body text, UTF-8, paragraphs separated by blank lines
  std::string lean;    // the outlet's political lean as the input gives it ("left",
                       // "center", "right" or any label); may be empty (compare
                       // then looks the outlet up in its lean table)
};

// Articles about one event, with optional human reference summaries (the
// benchmark files carry them; one sentence a line in each reference).
struct Cluster {
  std::string id;
  std::vector<Document> documents;
  std::vector<std::string> references;
  // What the reader asks about ("query" in JSON Lines): when not empty, the
  // summary is focused on it. May be empty.
  std::string query;
  // Ids of earlier clusters ("update_of") whose articles the reader has
  // already read: the summary tells what is new since them. May be empty.
  std::vector<std::string> update_of;
};

// A sentence of a document, after cleaning and splitting.
struct Sentence {
  std::string text;        // the sentence, whitespace-collapsed, never empty
  uint32_t doc = 0;        // index of its document in the cluster
  uint32_t index = 0;      // position among its document's sentences, from 0
  uint32_t paragraph = 0;  // paragraph number within the document, from 0
};

}  // namespace chorus

#endif  // CHORUS_DOCUMENT_H_
