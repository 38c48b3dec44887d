// Abbreviation tables the SentenceSplitter consults when it meets a period.
//
// Two kinds matter: titles and other words that (almost) always precede more of
// the same sentence ("Gen.", "Mr.", "St.", "No."), and abbreviations that may
// just as well end a sentence ("U.S.", "Inc.", "a.m."), where the next word
// decides.
#ifndef CHORUS_SRC_SEGMENT_ABBREVIATIONS_H_
#define CHORUS_SRC_SEGMENT_ABBREVIATIONS_H_

#include <string_view>

namespace chorus::segment {

// `word` is the text before the period, without it, case preserved
// ("Gen", "U.S", "Oct"). Lookups are case-insensitive where it is safe.
bool IsNonTerminalAbbreviation(std::string_view word);
bool IsAmbiguousAbbreviation(std::string_view word);

// Words that commonly open a sentence in news text; after an ambiguous
// abbreviation, one of these (capitalised) makes the period a boundary.
bool IsSentenceStarter(std::string_view word);

}  // namespace chorus::segment

#endif  // CHORUS_SRC_SEGMENT_ABBREVIATIONS_H_
