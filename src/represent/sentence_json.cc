#include "chorus/sentence_json.h"

#include <nlohmann/json.hpp>

namespace chorus {

std::string SentenceToJson(const AnalyzedCluster& cluster, const AnalyzedSentence& sentence) {
  const nlohmann::ordered_json line = {{"doc", cluster.documents[sentence.sentence.doc].id},
                                       {"sentence", sentence.sentence.index},
                                       {"text", sentence.sentence.text}};
  return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace chorus
