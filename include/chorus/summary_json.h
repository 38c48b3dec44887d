// Rendering a Summary for people and programs. The CLI and the HTTP server
// print exactly these, so both faces agree byte for byte.
//
// JSON: {"id": cluster id, "method": name, "summary": [{"text", "doc" (document
// id string), "sentence" (index in its document), "support": [document ids],
// "support_sentences": [{"doc": id, "sentence": index}: per supporting
// document, the sentence that backs this one]}]}.
// Text: one sentence a line; with `cite`, each line ends " [id1, id2]" (its
// supporting documents' ids).
//
//   std::cout << chorus::SummaryToJson(summary, analyzed) << "\n";
//
// Thread safety: pure functions. Document ids for `support` come from
// `cluster.documents`, which must be the cluster the summary was made from.
#ifndef CHORUS_SUMMARY_JSON_H_
#define CHORUS_SUMMARY_JSON_H_

#include <string>

#include "chorus/analyzer.h"
#include "chorus/summarizer.h"

namespace chorus {

// One JSON object; compact (one line) unless `indent` >= 0.
std::string SummaryToJson(const Summary& summary, const AnalyzedCluster& cluster, int indent = -1);

// One sentence a line, each ending in '\n'.
std::string SummaryToText(const Summary& summary, const AnalyzedCluster& cluster, bool cite);

}  // namespace chorus

#endif  // CHORUS_SUMMARY_JSON_H_
