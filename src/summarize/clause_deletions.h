// The sentence compressor's clause-level deletions (sentence_compressor.h
// lists them all): a trailing attribution ("..., officials said Friday.")
// and a side fact between a name and its verb ("Lamberto Dini, who heads
// that party, said"). Both rest on a guess at the sentence's grammar from
// word lists (attribution verbs, auxiliaries, likely verbs), which is why
// they are kept apart from the pattern rules.
//
// Thread safety: pure functions.
#ifndef CHORUS_SUMMARIZE_CLAUSE_DELETIONS_H_
#define CHORUS_SUMMARIZE_CLAUSE_DELETIONS_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "summarize/sentence_compressor.h"
#include "summarize/sentence_pieces.h"

namespace chorus::compression {

// Adds the byte range of a trailing attribution of `text` (cut into `p`;
// the main clause starts at piece `from`) to `removed`: "..., officials said
// Friday.", "..., said X, a Y.", "..., according to X.".
void RemoveTrailingAttribution(std::string_view text, const std::vector<Piece>& p, size_t from,
                               std::vector<ByteSpan>* removed);

// Adds the byte ranges of side facts between a name and its verb (", who
// heads the party, " / ", courting voters, ") after piece `from` to
// `removed`; an apposition ("a former minister") stays.
void RemoveSideFacts(const std::vector<Piece>& p, size_t from, std::vector<ByteSpan>* removed);

}  // namespace chorus::compression

#endif  // CHORUS_SUMMARIZE_CLAUSE_DELETIONS_H_
