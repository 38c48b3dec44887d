// Sentence compression: a shorter variant of a news sentence that keeps its
// facts and its grammar, so a word budget holds more of what happened.
//
// Only deletions that leave a grammatical sentence are made, each a pattern
// of news prose whose removal cannot change what the main clause states:
//   - a leading dateline ("WASHINGTON _ ");
//   - a leading discourse connective ("However, ", "Meanwhile, ", "But ");
//   - a leading "On Friday, " and a day of the week in the sentence
//     ("broke the deadlock Friday and" -> "broke the deadlock and"), except
//     where a preposition or a form of "be" needs it ("until Friday",
//     "the vote is on Friday");
//   - parentheticals ("95 miles (152 kilometers) north");
//   - an age between commas ("Pinochet, 82, was");
//   - a trailing attribution ("..., officials said Friday.",
//     "..., said Nolly Soliman, a resident.", "..., according to the police.").
// The citation of a compressed sentence still points at the original: the
// attribution removed is the kind of sourcing the citation itself carries.
//
// Thread safety: pure functions.
#ifndef CHORUS_SUMMARIZE_SENTENCE_COMPRESSOR_H_
#define CHORUS_SUMMARIZE_SENTENCE_COMPRESSOR_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace chorus {

// Byte range [begin, end) of a sentence that compression removes.
using ByteSpan = std::pair<uint32_t, uint32_t>;

struct CompressedSentence {
  std::string text;              // the shorter sentence (empty: nothing to remove)
  std::vector<ByteSpan> removed;  // sorted, disjoint ranges of the original removed
};

// The compressed form of `text`, or an empty text when no rule applies or
// fewer than `min_words` words would remain.
CompressedSentence CompressSentence(std::string_view text, uint32_t min_words = 6);

// Whether byte `offset` of the original lies in a removed range.
bool IsRemoved(const std::vector<ByteSpan>& removed, uint32_t offset);

}  // namespace chorus

#endif  // CHORUS_SUMMARIZE_SENTENCE_COMPRESSOR_H_
