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
//     "..., said Nolly Soliman, a resident.", "..., according to the police.",
//     "..., his doctors told the Interfax news agency.").
// Optional deletions, each offered alone and all together, since what they
// remove may be what a reader needs:
//   - an opening prepositional phrase ("In a televised address, Yeltsin
//     said" -> "Yeltsin said");
//   - what a non-restrictive relative clause or participle phrase between
//     a name and its verb adds ("Lamberto Dini, who heads that party, said"
//     -> "Lamberto Dini said"); an apposition ("Zhang Fusen, head of the
//     delegation, told") stays: it says who the person is.
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
  std::string text;               // the shorter sentence (empty: nothing to remove)
  std::vector<ByteSpan> removed;  // sorted, disjoint ranges of the original removed
};

// The compressed forms of `text`: the rules above applied together, then
// with each optional deletion (an opening phrase, a name's description), then
// with all of them, as far as they differ; empty when no rule applies or
// fewer than `min_words` words would remain.
std::vector<CompressedSentence> CompressSentence(std::string_view text, uint32_t min_words = 6);

// Whether byte `offset` of the original lies in a removed range.
bool IsRemoved(const std::vector<ByteSpan>& removed, uint32_t offset);

}  // namespace chorus

#endif  // CHORUS_SUMMARIZE_SENTENCE_COMPRESSOR_H_
