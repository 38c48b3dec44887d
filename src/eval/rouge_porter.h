// The Porter stemmer of ROUGE-1.5.5.pl, reimplemented exactly.
//
// The script embeds Martin Porter's Perl release of his 1980 algorithm
// (with the 'bli' -> 'ble' and 'logi' -> 'log' step-2 rules) as modified by
// Chin-Yew Lin on 2004-02-14: in step 4 a word ending in -ement is not
// reduced by the -ment / -ent rules in the same pass; instead -ement, -ment
// and -ent are tried one after another ("agreement" -> "agreem"). Snowball's
// "porter" follows neither change, so it cannot reproduce the script's scores.
//
// The script expresses the measure tests as Perl regular expressions
// (consonant = [^aeiou], vowel = [aeiouy], a leading 'y' upper-cased to 'Y');
// this file evaluates the same expressions, so edge cases such as "y" after
// a consonant behave identically.
#ifndef CHORUS_SRC_EVAL_ROUGE_PORTER_H_
#define CHORUS_SRC_EVAL_ROUGE_PORTER_H_

#include <string>
#include <string_view>

namespace chorus::rouge {

// The stem of a lowercase ASCII word, as the script's stem() returns it.
// Words shorter than 3 characters are returned unchanged. Thread-safe.
std::string Rouge155PorterStem(std::string_view word);

}  // namespace chorus::rouge

#endif  // CHORUS_SRC_EVAL_ROUGE_PORTER_H_
