#include "paraphrase_pairs.h"

#include <fmt/format.h>

#include <fstream>

namespace chorus::train {

Result<std::vector<ParaphrasePair>> ReadParaphrasePairs(const std::string& path) {
  std::ifstream in(path);
  if (!in) return NotFoundError(fmt::format("{}: cannot open the paraphrase pairs", path));
  std::vector<ParaphrasePair> pairs;
  std::string line;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line_no == 1 || line.empty()) continue;  // header
    std::vector<std::string> cols;
    size_t start = 0;
    for (size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1) {
      cols.push_back(line.substr(start, tab - start));
    }
    cols.push_back(line.substr(start));
    if (cols.size() != 5 || (cols[0] != "0" && cols[0] != "1")) {
      return ParseError(
          fmt::format("{}:{}: expected 5 tab-separated columns starting with "
                      "Quality 0 or 1, found {} columns",
                      path, line_no, cols.size()));
    }
    pairs.push_back({cols[0] == "1", std::move(cols[3]), std::move(cols[4])});
  }
  if (pairs.empty()) return ParseError(fmt::format("{}: no sentence pairs", path));
  return pairs;
}

}  // namespace chorus::train
