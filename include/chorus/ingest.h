// Ingest: reading articles and clusters from what users have on disk.
//
// Accepted inputs (each a path, or "-" for standard input):
//   - a directory of article files, or article files named one by one: all of
//     them together form ONE cluster (id = the directory name, or "input");
//     text files may open with header lines (" date YYYY-MM-DD", and
//     " source NAME", " url URL", " title TITLE"), each starting with a space;
//     text after the date on its line is the title when it reads like a
//     headline, else the first paragraph; then a headline-like first line
//     (short, no final period) followed by a blank line is the title;
//     .html/.htm files (or text that starts like an HTML page) have their
//     main text extracted with gumbo;
//   - a .jsonl file (or JSON Lines on stdin): a line with "documents" is a
//     cluster ({"id", "documents": [{"id", "text", "date"?, "source"?,
//     "title"?, "url"?}], "references"?: [...], "query"?: "...",
//     "update_of"?: ["earlier cluster id", ...]}; a DUC "topic" object,
//     {"title", "narrative"}, stands for "query": "title. narrative" when
//     there is none); a line with "text" is one
//     article. Consecutive article lines of one file form one cluster when
//     read as clusters, and a stream when read as articles.
// Extra JSON fields are ignored. Invalid UTF-8 is repaired (U+FFFD) with a
// warning naming the file.
//
// Errors about one line or one file are reported to Diagnostics and reading
// goes on with the rest (or stops at the first under `strict`); a Status error
// is returned only for problems that stop the whole read (strict mode's first
// error, or the sink's own error). Missing paths are reported before anything
// is read. Every input problem,
// including those that stop the read, is in Diagnostics: a caller that prints
// Diagnostics as they come needs to print the returned Status only when
// Diagnostics has no errors (then it is the sink's own). Empty files, binary
// files and directories without articles are errors (the file is skipped).
//
//   chorus::Diagnostics diags;
//   chorus::Status s = chorus::ReadClusters({"articles/"}, {}, &diags,
//       [&](chorus::Cluster&& c) { Summarize(c); return chorus::Status::Ok(); });
//
// Thread safety: the functions are reentrant; the sink is called on the
// calling thread, one cluster at a time, in input order.
#ifndef CHORUS_INGEST_H_
#define CHORUS_INGEST_H_

#include <functional>
#include <string>
#include <vector>

#include "chorus/diagnostics.h"
#include "chorus/document.h"
#include "chorus/status.h"

namespace chorus {

struct IngestOptions {
  // Stop at the first malformed line or unreadable file (default: report it
  // to Diagnostics and go on).
  bool strict = false;
  // Largest article text accepted, in bytes; longer texts are cut at a UTF-8
  // boundary with a warning. Default 12 MiB, as max_cluster_bytes (the
  // longest news articles are a few hundred KB).
  size_t max_document_bytes = size_t{12} << 20;
  // Most article text one cluster holds, in bytes (~2,500 articles by
  // default): articles past it are left out of the cluster with a warning.
  // Summarizing a cluster holds ~25 bytes of analysis per byte of text,
  // comparing it ~39, so this bounds a command's memory (under 8x a 64 MiB
  // input) whatever the input. Articles streamed one by one (ReadArticles,
  // `chorus cluster`) are not held together and not capped. Default 12 MiB.
  size_t max_cluster_bytes = size_t{12} << 20;
  // Longest JSON Lines line read (a cluster line holds all its articles);
  // a longer line is reported and skipped without being held in memory.
  // Default 256 MiB.
  size_t max_line_bytes = size_t{256} << 20;
};

using ClusterSink = std::function<Status(Cluster&&)>;
using ArticleSink = std::function<Status(Document&&)>;

// An article of a labelled stream with its gold event.
struct LabelledArticle {
  Document document;
  std::string event;  // the gold event: the line's "event" field, or its cluster's id
};
using LabelledArticleSink = std::function<Status(LabelledArticle&&)>;

// Reads `inputs` as clusters, calling `sink` for each as soon as it is read.
Status ReadClusters(const std::vector<std::string>& inputs, const IngestOptions& options,
                    Diagnostics* diagnostics, const ClusterSink& sink);

// Reads `inputs` as a stream of articles (cluster lines contribute each of
// their documents), calling `sink` for each in input order.
Status ReadArticles(const std::vector<std::string>& inputs, const IngestOptions& options,
                    Diagnostics* diagnostics, const ArticleSink& sink);

// Reads `inputs` as a labelled stream, in input order: JSON Lines whose
// article lines carry their gold event in an "event" field (as in
// ../shared/data/events/), or cluster lines (each document labelled with its
// cluster's id). An article line without "event", or an input that is not
// JSON Lines, is an input error (reported to Diagnostics as for ReadArticles).
Status ReadLabelledArticles(const std::vector<std::string>& inputs, const IngestOptions& options,
                            Diagnostics* diagnostics, const LabelledArticleSink& sink);

// Parses one article from in-memory text, as a text file named `name` would be
// (" date" line, title line, or HTML when `is_html`). For servers and tests.
Document ParseArticleText(std::string_view text, std::string_view name, bool is_html);

}  // namespace chorus

#endif  // CHORUS_INGEST_H_
