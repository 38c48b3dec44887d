// RougeOptions: validation, metric names, and the official flag syntax.
#include <fmt/format.h>

#include <charconv>
#include <string>
#include <vector>

#include "chorus/rouge.h"

namespace chorus {
namespace {

std::vector<std::string_view> SplitWords(std::string_view text) {
  std::vector<std::string_view> words;
  size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && text[pos] == ' ') ++pos;
    const size_t start = pos;
    while (pos < text.size() && text[pos] != ' ') ++pos;
    if (pos > start) words.push_back(text.substr(start, pos - start));
  }
  return words;
}

template <typename T>
Status ParseNumber(std::string_view flag, std::string_view text, T* out) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), *out);
  if (error != std::errc() || end != text.data() + text.size()) {
    return InvalidArgumentError(fmt::format("{} expects a number, got '{}'", flag, text));
  }
  return Status::Ok();
}

}  // namespace

Status ValidateRougeOptions(const RougeOptions& o) {
  if (o.max_ngram < 0 || o.max_ngram > 4) {
    return InvalidArgumentError(fmt::format("-n must be between 1 and 4 (got {})", o.max_ngram));
  }
  if (o.word_limit < 0) return InvalidArgumentError("-l must be a positive number of words");
  if (o.byte_limit < 0) return InvalidArgumentError("-b must be a positive number of bytes");
  if (o.word_limit > 0 && o.byte_limit > 0) {
    return InvalidArgumentError("specify the length limit in words (-l) or bytes (-b), not both");
  }
  if (o.skip_unigrams && !o.skip_bigram) {
    return InvalidArgumentError("-u adds unigrams to skip-bigrams: it needs -2 K");
  }
  if (!(o.alpha >= 0 && o.alpha <= 1)) {
    return InvalidArgumentError(fmt::format("-p must be between 0 and 1 (got {})", o.alpha));
  }
  if (!(o.confidence >= 0 && o.confidence <= 100)) {
    return InvalidArgumentError(fmt::format("-c must be between 0 and 100 (got {})", o.confidence));
  }
  if (o.resamples < 1) {
    return InvalidArgumentError(fmt::format("-r must be at least 1 (got {})", o.resamples));
  }
  if (o.max_ngram == 0 && !o.lcs && !o.skip_bigram) {
    return InvalidArgumentError("no metric selected: give -n N, -2 K, or keep ROUGE-L");
  }
  return Status::Ok();
}

std::vector<std::string> RougeMetricNames(const RougeOptions& o) {
  std::vector<std::string> names;
  for (int n = 1; n <= o.max_ngram; ++n) names.push_back(fmt::format("ROUGE-{}", n));
  if (o.lcs) names.push_back("ROUGE-L");
  if (o.skip_bigram) {
    const std::string gap = o.skip_distance >= 0 ? std::to_string(o.skip_distance) : "*";
    names.push_back((o.skip_unigrams ? "ROUGE-SU" : "ROUGE-S") + gap);
  }
  return names;
}

Result<RougeOptions> ParseRougeFlags(std::string_view flags) {
  RougeOptions options;
  const std::vector<std::string_view> words = SplitWords(flags);
  for (size_t k = 0; k < words.size(); ++k) {
    const std::string_view flag = words[k];
    auto value = [&]() -> Result<std::string_view> {
      if (k + 1 >= words.size()) {
        return InvalidArgumentError(fmt::format("{} needs a value", flag));
      }
      return words[++k];
    };
    if (flag == "-m") {
      options.stem = true;
    } else if (flag == "-s") {
      options.remove_stopwords = true;
    } else if (flag == "-u") {
      options.skip_unigrams = true;
    } else if (flag == "-x") {
      options.lcs = false;
    } else if (flag == "-n" || flag == "-l" || flag == "-b" || flag == "-2" || flag == "-r") {
      ASSIGN_OR_RETURN(std::string_view text, value());
      int number = 0;
      RETURN_IF_ERROR(ParseNumber(flag, text, &number));
      if (flag == "-n") options.max_ngram = number;
      if (flag == "-l") options.word_limit = number;
      if (flag == "-b") options.byte_limit = number;
      if (flag == "-r") options.resamples = number;
      if (flag == "-2") {
        options.skip_bigram = true;
        options.skip_distance = number;
      }
    } else if (flag == "-p" || flag == "-c") {
      ASSIGN_OR_RETURN(std::string_view text, value());
      double number = 0;
      RETURN_IF_ERROR(ParseNumber(flag, text, &number));
      (flag == "-p" ? options.alpha : options.confidence) = number;
    } else if (flag == "-f") {
      ASSIGN_OR_RETURN(std::string_view text, value());
      if (text == "A") {
        options.formula = RougeFormula::kModelAverage;
      } else if (text == "B") {
        options.formula = RougeFormula::kBestModel;
      } else {
        return InvalidArgumentError(fmt::format("-f expects A or B, got '{}'", text));
      }
    } else {
      return InvalidArgumentError(fmt::format("unknown ROUGE flag '{}'", flag));
    }
  }
  RETURN_IF_ERROR(ValidateRougeOptions(options));
  return options;
}

}  // namespace chorus
