#include "cluster/event_model_format.h"

#include <cmath>

#include "base/strings.h"
#include "base/text_lines.h"
#include "cluster/pair_features.h"
#include "fmt/format.h"

namespace chorus {
namespace {

constexpr std::string_view kMagic = "chorus-event-model 1";
// Bounds that keep a hostile file from making us allocate or loop much.
constexpr uint64_t kMaxTrees = 100000;
constexpr uint64_t kMaxNodesPerTree = 1 << 16;
constexpr uint64_t kMaxNodes = 1 << 22;

void FormatEnsemble(std::string_view keyword, const TreeEnsemble& e, std::string* out) {
  fmt::format_to(std::back_inserter(*out), "{} {} {:.9g}\n", keyword, e.roots.size(),
                 e.base_margin);
  for (size_t t = 0; t < e.roots.size(); ++t) {
    const uint32_t begin = e.roots[t];
    const uint32_t end =
        t + 1 < e.roots.size() ? e.roots[t + 1] : static_cast<uint32_t>(e.nodes.size());
    fmt::format_to(std::back_inserter(*out), "tree {}\n", end - begin);
    for (uint32_t i = begin; i < end; ++i) {
      const TreeNode& n = e.nodes[i];
      if (n.leaf) {
        fmt::format_to(std::back_inserter(*out), "l {:.9g}\n", n.value);
      } else {
        fmt::format_to(std::back_inserter(*out), "n {} {:.9g} {} {} {}\n", n.feature, n.value,
                       n.left - begin, n.right - begin, n.missing_left ? 'l' : 'r');
      }
    }
  }
}

class ModelReader {
 public:
  ModelReader(std::string_view text, std::string_view name) : lines_(text, name) {}

  Result<EventModelParts> Read() {
    EventModelParts parts;
    std::string_view line;
    if (!lines_.Next(&line) || line != kMagic) {
      return lines_.Error(
          fmt::format("not a chorus event model (expected \"{}\" on the first line)", kMagic));
    }
    RETURN_IF_ERROR(ReadFeatures());
    if (!lines_.Next(&line))
      return lines_.Error("the file ends before the \"join-probability\" line (truncated?)");
    const std::vector<std::string_view> cut = SplitSpaces(line);
    if (cut.size() != 2 || cut[0] != "join-probability" ||
        !ParseWhole(cut[1], &parts.join_probability) || !(parts.join_probability >= 0) ||
        parts.join_probability > 1) {
      return lines_.Error("expected \"join-probability P\" with P between 0 and 1");
    }
    bool more = lines_.Next(&line);
    if (more && line.starts_with("merge-probability")) {
      const std::vector<std::string_view> merge = SplitSpaces(line);
      double p = 0;
      if (merge.size() != 2 || !ParseWhole(merge[1], &p) || !(p >= 0) || p > 1) {
        return lines_.Error("expected \"merge-probability P\" with P between 0 and 1");
      }
      parts.merge_probability = p;
      more = lines_.Next(&line);
    }
    while (more && (line == "trained" || line.starts_with("trained "))) {
      parts.description.emplace_back(line.size() > 8 ? line.substr(8) : std::string_view());
      more = lines_.Next(&line);
    }
    if (!more) line = {};
    RETURN_IF_ERROR(ReadEnsemble(line, "ranker", kPairFeatureCount, &parts.ranker));
    if (!lines_.Next(&line)) return lines_.Error("the file ends before the decider (truncated?)");
    RETURN_IF_ERROR(ReadEnsemble(line, "decider", kDecisionFeatureCount, &parts.decider));
    if (!lines_.Next(&line) || line != "end")
      return lines_.Error("expected \"end\" after the decider (truncated?)");
    if (lines_.Next(&line)) return lines_.Error("text after \"end\"");
    return parts;
  }

 private:
  Status ReadFeatures() {
    std::string_view line;
    if (!lines_.Next(&line))
      return lines_.Error("the file ends before the \"features\" line (truncated?)");
    const std::vector<std::string_view> f = SplitSpaces(line);
    const std::vector<std::string_view>& names = FeatureNames();
    std::string want = fmt::format("features {} {}", kFeatureSet, names.size());
    for (std::string_view n : names) want += fmt::format(" {}", n);
    if (f.size() < 2 || f[0] != "features") return lines_.Error("expected the \"features\" line");
    if (line != want) {
      return lines_.Error(fmt::format(
          "the model was trained on features \"{}\" but this chorus computes \"{}\" ({} features); "
          "retrain it with `chorus train-clusterer`",
          f[1], kFeatureSet, names.size()));
    }
    return Status::Ok();
  }

  Status ReadEnsemble(std::string_view header, std::string_view keyword, uint32_t features,
                      TreeEnsemble* out) {
    const std::vector<std::string_view> h = SplitSpaces(header);
    uint64_t trees = 0;
    if (h.size() != 3 || h[0] != keyword || !ParseWhole(h[1], &trees) ||
        !ParseWhole(h[2], &out->base_margin) || !std::isfinite(out->base_margin)) {
      return lines_.Error(fmt::format("expected \"{} TREES BASE_MARGIN\"", keyword));
    }
    if (trees > kMaxTrees)
      return lines_.Error(fmt::format("{} trees is more than {}", trees, kMaxTrees));
    for (uint64_t t = 0; t < trees; ++t) RETURN_IF_ERROR(ReadTree(features, out));
    return Status::Ok();
  }

  Status ReadTree(uint32_t features, TreeEnsemble* out) {
    std::string_view line;
    if (!lines_.Next(&line)) return lines_.Error("the file ends inside the trees (truncated?)");
    const std::vector<std::string_view> h = SplitSpaces(line);
    uint64_t count = 0;
    if (h.size() != 2 || h[0] != "tree" || !ParseWhole(h[1], &count) || count == 0) {
      return lines_.Error("expected \"tree NODES\" with at least one node");
    }
    if (count > kMaxNodesPerTree || out->nodes.size() + count > kMaxNodes) {
      return lines_.Error(fmt::format("tree of {} nodes is too large", count));
    }
    const auto base = static_cast<uint32_t>(out->nodes.size());
    out->roots.push_back(base);
    for (uint64_t i = 0; i < count; ++i) {
      if (!lines_.Next(&line)) return lines_.Error("the file ends inside a tree (truncated?)");
      const std::vector<std::string_view> f = SplitSpaces(line);
      TreeNode node;
      if (f.size() == 2 && f[0] == "l") {
        if (!ParseWhole(f[1], &node.value) || !std::isfinite(node.value)) {
          return lines_.Error("bad leaf: expected \"l VALUE\" with a finite value");
        }
      } else if (f.size() == 6 && f[0] == "n") {
        uint32_t feature = 0, left = 0, right = 0;
        if (!ParseWhole(f[1], &feature) || !ParseWhole(f[2], &node.value) ||
            !ParseWhole(f[3], &left) || !ParseWhole(f[4], &right) || (f[5] != "l" && f[5] != "r") ||
            !std::isfinite(node.value)) {
          return lines_.Error("bad split: expected \"n FEATURE THRESHOLD LEFT RIGHT l|r\"");
        }
        if (feature >= features) {
          return lines_.Error(
              fmt::format("split on feature {}, but there are only {}", feature, features));
        }
        if (left <= i || right <= i || left >= count || right >= count) {
          return lines_.Error(
              fmt::format("node {} links to {} and {}: children must follow their node "
                          "within its tree of {} nodes",
                          i, left, right, count));
        }
        node.leaf = false;
        node.feature = static_cast<uint16_t>(feature);
        node.left = base + left;
        node.right = base + right;
        node.missing_left = f[5] == "l";
      } else {
        return lines_.Error("expected a node (\"n ...\" or \"l ...\")");
      }
      out->nodes.push_back(node);
    }
    return Status::Ok();
  }

  TextLines lines_;
};

}  // namespace

std::string FormatEventModel(const EventModelParts& parts) {
  std::string out(kMagic);
  out += fmt::format("\nfeatures {} {}", kFeatureSet, FeatureNames().size());
  for (std::string_view n : FeatureNames()) out += fmt::format(" {}", n);
  out += fmt::format("\njoin-probability {:.9g}\n", parts.join_probability);
  if (parts.merge_probability) {
    out += fmt::format("merge-probability {:.9g}\n", *parts.merge_probability);
  }
  for (const std::string& d : parts.description) out += fmt::format("trained {}\n", d);
  FormatEnsemble("ranker", parts.ranker, &out);
  FormatEnsemble("decider", parts.decider, &out);
  out += "end\n";
  return out;
}

Result<EventModelParts> ParseEventModel(std::string_view text, std::string_view name) {
  return ModelReader(text, name).Read();
}

}  // namespace chorus
