// Labelled sentence pairs for training the claim model: the Microsoft
// Research Paraphrase Corpus's TSV layout (Quality, #1 ID, #2 ID, #1 String,
// #2 String; a header line; Quality 1 = same meaning).
#ifndef CHORUS_TOOLS_TRAIN_PARAPHRASE_PAIRS_H_
#define CHORUS_TOOLS_TRAIN_PARAPHRASE_PAIRS_H_

#include <string>
#include <vector>

#include "chorus/status.h"

namespace chorus::train {

struct ParaphrasePair {
  bool same = false;
  std::string a, b;
};

// Reads every pair; a malformed line is an error naming file and line.
Result<std::vector<ParaphrasePair>> ReadParaphrasePairs(const std::string& path);

}  // namespace chorus::train

#endif  // CHORUS_TOOLS_TRAIN_PARAPHRASE_PAIRS_H_
