#include "represent/claim_model.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "base/files.h"
#include "base/strings.h"
#include "base/text_lines.h"

namespace chorus::embedded {
extern const std::string_view kClaimModel;
}  // namespace chorus::embedded

namespace chorus::represent {
namespace {

constexpr std::string_view kMagic = "chorus claim_model v2";
// A real model has a few hundred trees of a few dozen nodes; far more is a
// corrupt or hostile file.
constexpr size_t kMaxTrees = 100'000;
constexpr size_t kMaxNodes = 10'000'000;
// A language's vocabulary is well below this.
constexpr size_t kMaxTerms = 10'000'000;

// A whole field as a number; a floating-point one must be finite.
template <typename T>
bool ParseNumber(std::string_view s, T& out) {
  if (!ParseWhole(s, &out)) return false;
  if constexpr (std::is_floating_point_v<T>) return std::isfinite(out);
  return true;
}

// "key: value" header line; returns the value or an error.
Result<std::string_view> HeaderValue(TextLines& cursor, std::string_view key) {
  std::string_view line;
  if (!cursor.Next(&line))
    return cursor.Error(fmt::format("file ends before the \"{}:\" line", key));
  const std::string prefix = fmt::format("{}: ", key);
  if (line.substr(0, prefix.size()) != prefix) {
    return cursor.Error(fmt::format("expected \"{}: ...\"", key));
  }
  return line.substr(prefix.size());
}

Status CheckFeatures(TextLines& cursor, std::string_view value) {
  const std::vector<std::string_view> fields = SplitSpaces(value);
  const auto& names = ClaimFeatureNames();
  if (fields.size() != names.size() + 1 || fields[0] != std::to_string(names.size())) {
    return cursor.Error(
        fmt::format("the model uses other features than this build ({} named, "
                    "this build computes {})",
                    fields.empty() ? 0 : fields.size() - 1, names.size()));
  }
  for (size_t k = 0; k < names.size(); ++k) {
    if (fields[k + 1] != names[k]) {
      return cursor.Error(fmt::format("feature {} is \"{}\" in the model but \"{}\" in this build",
                                      k, fields[k + 1], names[k]));
    }
  }
  return Status::Ok();
}

Result<TreeNode> ParseNode(TextLines& cursor, std::string_view line, size_t index, size_t count) {
  const std::vector<std::string_view> f = SplitSpaces(line);
  TreeNode node;
  if (f.size() == 2 && f[0] == "leaf") {
    if (!ParseNumber(f[1], node.leaf)) return cursor.Error("leaf value is not a finite number");
    return node;
  }
  if (f.size() != 6 || f[0] != "split") {
    return cursor.Error(
        "expected \"split <feature> <threshold> <yes> <no> <missing>\" or "
        "\"leaf <value>\"");
  }
  uint32_t feature = 0;
  if (!ParseNumber(f[1], feature) || feature >= kClaimFeatureCount) {
    return cursor.Error(fmt::format("feature index must be below {}", kClaimFeatureCount));
  }
  node.feature = static_cast<int32_t>(feature);
  if (!ParseNumber(f[2], node.threshold)) return cursor.Error("threshold is not a finite number");
  uint32_t* children[] = {&node.yes, &node.no, &node.missing};
  for (size_t k = 0; k < 3; ++k) {
    if (!ParseNumber(f[3 + k], *children[k]) || *children[k] <= index || *children[k] >= count) {
      return cursor.Error(
          fmt::format("child node must come after node {} and within the tree's {} "
                      "nodes",
                      index, count));
    }
  }
  return node;
}

// The "term_weights:" section, from its header line's value on.
Result<ClaimTermWeights> ParseTermWeights(TextLines& cursor, std::string_view value) {
  const std::vector<std::string_view> head = SplitSpaces(value);
  size_t count = 0;
  float unseen = 0;
  if (head.size() != 2 || !ParseNumber(head[0], count) || count > kMaxTerms ||
      !ParseNumber(head[1], unseen)) {
    return cursor.Error(fmt::format(
        "expected \"term_weights: <count up to {}> <weight of other stems>\"", kMaxTerms));
  }
  std::vector<std::pair<std::string, float>> weights;
  weights.reserve(count);
  std::string_view line;
  for (size_t k = 0; k < count; ++k) {
    if (!cursor.Next(&line))
      return cursor.Error(fmt::format("truncated: {} of {} term weights", k, count));
    const std::vector<std::string_view> f = SplitSpaces(line);
    float w = 0;
    if (f.size() != 3 || f[0] != "term" || !ParseNumber(f[2], w))
      return cursor.Error("expected \"term <stem> <weight>\"");
    if (!weights.empty() && !(weights.back().first < f[1]))
      return cursor.Error("term weights must be sorted by stem, each stem once");
    weights.emplace_back(std::string(f[1]), w);
  }
  return ClaimTermWeights(std::move(weights), unseen);
}

}  // namespace

Result<ClaimModel> ClaimModel::Parse(std::string_view text, std::string_view name) {
  TextLines cursor(text, name, "a chorus claim model: retrain it with chorus-train-claim-model");
  std::string_view line;
  if (!cursor.Next(&line) || line != kMagic)
    return cursor.Error("expected \"chorus claim_model v2\"");
  ClaimModel model;
  ASSIGN_OR_RETURN(std::string_view data, HeaderValue(cursor, "data"));
  model.data_ = std::string(data);
  ASSIGN_OR_RETURN(std::string_view features, HeaderValue(cursor, "features"));
  RETURN_IF_ERROR(CheckFeatures(cursor, features));
  ASSIGN_OR_RETURN(std::string_view trainer, HeaderValue(cursor, "trainer"));
  model.trainer_ = std::string(trainer);
  ASSIGN_OR_RETURN(std::string_view threshold, HeaderValue(cursor, "threshold"));
  if (!ParseNumber(threshold, model.threshold_) || model.threshold_ < 0 || model.threshold_ > 1) {
    return cursor.Error("threshold must be a probability in [0, 1]");
  }
  ASSIGN_OR_RETURN(std::string_view base, HeaderValue(cursor, "base_margin"));
  if (!ParseNumber(base, model.base_margin_)) return cursor.Error("base_margin is not a number");
  ASSIGN_OR_RETURN(std::string_view terms, HeaderValue(cursor, "term_weights"));
  ASSIGN_OR_RETURN(model.term_weights_, ParseTermWeights(cursor, terms));
  ASSIGN_OR_RETURN(std::string_view trees_value, HeaderValue(cursor, "trees"));
  size_t trees = 0;
  if (!ParseNumber(trees_value, trees) || trees == 0 || trees > kMaxTrees) {
    return cursor.Error(fmt::format("trees must be between 1 and {}", kMaxTrees));
  }
  for (size_t t = 0; t < trees; ++t) {
    if (!cursor.Next(&line))
      return cursor.Error(fmt::format("truncated: {} of {} trees", t, trees));
    const std::vector<std::string_view> f = SplitSpaces(line);
    size_t count = 0;
    if (f.size() != 3 || f[0] != "tree" || f[1] != std::to_string(t) || !ParseNumber(f[2], count) ||
        count == 0 || count > kMaxNodes - model.nodes_.size()) {
      return cursor.Error(fmt::format("expected \"tree {} <node count>\"", t));
    }
    model.tree_first_.push_back(static_cast<uint32_t>(model.nodes_.size()));
    for (size_t n = 0; n < count; ++n) {
      if (!cursor.Next(&line)) return cursor.Error(fmt::format("truncated inside tree {}", t));
      ASSIGN_OR_RETURN(TreeNode node, ParseNode(cursor, line, n, count));
      model.nodes_.push_back(node);
    }
  }
  while (cursor.Next(&line)) {
    if (!line.empty()) return cursor.Error("unexpected text after the last tree");
  }
  model.Flatten();
  return model;
}

Result<ClaimModel> ClaimModel::Load(const std::string& path) {
  ASSIGN_OR_RETURN(std::string text, ReadFileBounded(path, "claim model file", size_t{64} << 20));
  return Parse(text, path);
}

const ClaimModel& ClaimModel::Default() {
  static const ClaimModel* model = [] {
    Result<ClaimModel> parsed = Parse(embedded::kClaimModel, "data/claim_model.txt");
    if (!parsed.ok()) {
      std::fprintf(stderr, "chorus: %s\n", parsed.status().ToString().c_str());
      return new ClaimModel();
    }
    return new ClaimModel(std::move(parsed).value());
  }();
  return *model;
}

void ClaimModel::Flatten() {
  // Each tree's nodes in file order map to flat_ or leaves_ in that order.
  std::vector<uint32_t> flat_index(nodes_.size());
  for (size_t k = 0; k < nodes_.size(); ++k) {
    const TreeNode& node = nodes_[k];
    if (node.feature < 0) {
      flat_index[k] = kLeafBit | static_cast<uint32_t>(leaves_.size());
      leaves_.push_back(node.leaf);
    } else {
      flat_index[k] = static_cast<uint32_t>(flat_.size());
      flat_.push_back({node.threshold, static_cast<uint32_t>(node.feature), {0, 0}});
    }
  }
  for (size_t t = 0; t < tree_first_.size(); ++t) {
    const uint32_t root = tree_first_[t];
    flat_roots_.push_back(flat_index[root]);
    const size_t end = t + 1 < tree_first_.size() ? tree_first_[t + 1] : nodes_.size();
    for (size_t k = root; k < end; ++k) {
      if (nodes_[k].feature < 0) continue;
      FlatSplit& split = flat_[flat_index[k]];
      split.child[0] = flat_index[root + nodes_[k].yes];
      split.child[1] = flat_index[root + nodes_[k].no];
    }
  }
}

double ClaimModel::MarginWithMissing(const ClaimFeatures& features) const {
  double margin = base_margin_;
  for (uint32_t root : tree_first_) {
    const TreeNode* node = &nodes_[root];
    while (node->feature >= 0) {
      const float x = features[static_cast<size_t>(node->feature)];
      const uint32_t next =
          std::isnan(x) ? node->missing : (x < node->threshold ? node->yes : node->no);
      node = &nodes_[root + next];
    }
    margin += node->leaf;
  }
  return margin;
}

// Four trees walk side by side: each step of a walk waits on the load
// before it, and four independent walks keep the processor busy meanwhile. A
// walk that reached its leaf stays there (reading split 0, ignored). The
// leaves are summed in tree order, as the file's walk sums them.
double ClaimModel::FlatMargin(const ClaimFeatures& features, double margin) const {
  auto step = [&](uint32_t node) {
    const bool leaf = (node & kLeafBit) != 0;
    const FlatSplit& split = flat_[leaf ? 0 : node];
    const uint32_t next = split.child[!(features[split.feature] < split.threshold)];
    return leaf ? node : next;
  };
  size_t t = 0;
  if (!flat_.empty()) {
    for (; t + 4 <= flat_roots_.size(); t += 4) {
      uint32_t a = flat_roots_[t], b = flat_roots_[t + 1], c = flat_roots_[t + 2],
               d = flat_roots_[t + 3];
      while ((a & b & c & d & kLeafBit) == 0) {
        a = step(a);
        b = step(b);
        c = step(c);
        d = step(d);
      }
      margin += leaves_[a & ~kLeafBit];
      margin += leaves_[b & ~kLeafBit];
      margin += leaves_[c & ~kLeafBit];
      margin += leaves_[d & ~kLeafBit];
    }
  }
  for (; t < flat_roots_.size(); ++t) {
    uint32_t node = flat_roots_[t];
    while ((node & kLeafBit) == 0) node = step(node);
    margin += leaves_[node & ~kLeafBit];
  }
  return margin;
}

double ClaimModel::Probability(const ClaimFeatures& features) const {
  if (empty()) return 0;
  const bool missing =
      std::any_of(features.begin(), features.end(), [](float x) { return std::isnan(x); });
  const double margin = missing ? MarginWithMissing(features) : FlatMargin(features, base_margin_);
  return 1.0 / (1.0 + std::exp(-margin));
}

std::string ClaimModel::Format(std::string_view data, std::string_view trainer, double threshold,
                               double base_margin, const ClaimTermWeights& term_weights,
                               const std::vector<std::vector<TreeNode>>& trees) {
  std::string out = fmt::format("{}\ndata: {}\nfeatures: {}", kMagic, data, kClaimFeatureCount);
  for (std::string_view name : ClaimFeatureNames()) out += fmt::format(" {}", name);
  out += fmt::format("\ntrainer: {}\nthreshold: {}\nbase_margin: {}\n", trainer, threshold,
                     base_margin);
  out += fmt::format("term_weights: {} {}\n", term_weights.size(), term_weights.unseen());
  for (const auto& [stem, w] : term_weights.Sorted()) out += fmt::format("term {} {}\n", stem, w);
  out += fmt::format("trees: {}\n", trees.size());
  for (size_t t = 0; t < trees.size(); ++t) {
    out += fmt::format("tree {} {}\n", t, trees[t].size());
    for (const TreeNode& n : trees[t]) {
      if (n.feature < 0) {
        out += fmt::format("leaf {}\n", n.leaf);
      } else {
        out +=
            fmt::format("split {} {} {} {} {}\n", n.feature, n.threshold, n.yes, n.no, n.missing);
      }
    }
  }
  return out;
}

}  // namespace chorus::represent
