// Rendering the sentences of an analyzed cluster (after cleaning and
// splitting) for programs. `chorus sentences --format json` prints one a line
// and POST /v1/sentences returns them in a list, so the faces agree byte for
// byte, and a page can show the sentence a summary's `support_sentences`
// names without splitting text itself.
//
// JSON: {"doc": document id, "sentence": index in its document (as a
// summary's "sentence" and "support_sentences" count), "text": the sentence}.
//
//   for (const AnalyzedSentence& s : cluster.sentences) std::cout << SentenceToJson(cluster, s) <<
//   "\n";
//
// Thread safety: pure functions of their arguments. Invalid UTF-8 is replaced
// (U+FFFD), never thrown.
#ifndef CHORUS_SENTENCE_JSON_H_
#define CHORUS_SENTENCE_JSON_H_

#include <string>

#include "chorus/analyzer.h"

namespace chorus {

// One sentence of `cluster`, compact (one line).
std::string SentenceToJson(const AnalyzedCluster& cluster, const AnalyzedSentence& sentence);

}  // namespace chorus

#endif  // CHORUS_SENTENCE_JSON_H_
