#include <algorithm>
#include <span>
#include <vector>

#include "summarize/coverage_selector.h"

namespace chorus {
namespace {

// Depth-first branch-and-bound over the items. A node is a set of chosen
// items S and the items still allowed; its children choose one allowed item
// c_k after excluding c_1..c_{k-1}, so the subtrees partition the solutions.
// Coverage is submodular, so no extension T of S gains more than the sum of
// its items' marginal gains over S, and the fractional knapsack of those
// gains within the budget left bounds every solution below the node.
class CoverageSearch {
 public:
  CoverageSearch(const CoverageProblem& problem, uint64_t work_limit)
      : p_(problem),
        work_limit_(work_limit),
        conflicts_(problem.item_concepts.size()),
        holder_start_(problem.concept_weights.size() + 1, 0),
        covered_(problem.concept_weights.size(), 0),
        blocked_(problem.item_concepts.size(), 0),
        stale_(problem.item_concepts.size(), 0),
        item_work_(problem.item_concepts.size()),
        open_weight_(problem.item_concepts.size(), 0.0),
        candidates_by_depth_(problem.item_concepts.size() + 1) {
    for (const auto& [a, b] : problem.conflicts) {
      conflicts_[a].push_back(b);
      conflicts_[b].push_back(a);
    }
    // Holders of each concept, one array for all (a vector per concept
    // cost more allocations than the search saves on small programs).
    for (uint32_t i = 0; i < problem.item_concepts.size(); ++i) {
      for (uint32_t c : problem.item_concepts[i]) ++holder_start_[c + 1];
      item_work_[i] = 1 + problem.item_concepts[i].size();
      for (uint32_t c : problem.item_concepts[i]) open_weight_[i] += problem.concept_weights[c];
    }
    for (size_t c = 1; c < holder_start_.size(); ++c) holder_start_[c] += holder_start_[c - 1];
    holders_.resize(holder_start_.back());
    std::vector<uint32_t> filled(holder_start_.begin(), holder_start_.end() - 1);
    for (uint32_t i = 0; i < problem.item_concepts.size(); ++i) {
      for (uint32_t c : problem.item_concepts[i]) holders_[filled[c]++] = i;
    }
  }

  // Searches for a solution better than `incumbent` (objective `value`);
  // returns false if the work limit stopped it first.
  bool Run(std::vector<uint32_t> incumbent, double value) {
    best_items_ = std::move(incumbent);
    best_ = value;
    // Mark 0 is every item's initial mark: the root computes every gain.
    std::vector<Candidate> all(p_.item_concepts.size());
    uint64_t work = 0;
    for (uint32_t i = 0; i < all.size(); ++i) {
      all[i].item = i;
      work += item_work_[i];
    }
    Visit(all, 0.0, p_.capacity, /*mark=*/0, work);
    return !aborted_;
  }
  const std::vector<uint32_t>& best_items() const { return best_items_; }
  uint64_t nodes() const { return nodes_; }
  uint64_t work() const { return work_; }

 private:
  struct Candidate {
    uint32_t item;
    double gain;   // marginal gain over the chosen items, bonus included
    double ratio;  // gain per unit of cost
  };

  double Gain(uint32_t item) const {
    return (item < p_.item_bonus.size() ? p_.item_bonus[item] : 0.0) + open_weight_[item];
  }

  // Chooses `item`: the concepts it newly covers leave their holders' open
  // weight, and those holders are marked `mark` for their gains to be
  // re-read. With fixed-point weights the subtraction is exact.
  void Choose(uint32_t item, uint64_t mark) {
    for (uint32_t c : p_.item_concepts[item]) {
      if (covered_[c]++ != 0) continue;
      const double w = p_.concept_weights[c];
      for (uint32_t h = holder_start_[c]; h < holder_start_[c + 1]; ++h) {
        open_weight_[holders_[h]] -= w;
        stale_[holders_[h]] = mark;
      }
    }
    for (uint32_t other : conflicts_[item]) ++blocked_[other];
  }

  // Undoes Choose(item, ...).
  void Unchoose(uint32_t item) {
    for (uint32_t c : p_.item_concepts[item]) {
      if (--covered_[c] != 0) continue;
      const double w = p_.concept_weights[c];
      for (uint32_t h = holder_start_[c]; h < holder_start_[c + 1]; ++h) {
        open_weight_[holders_[h]] += w;
      }
    }
    for (uint32_t other : conflicts_[item]) --blocked_[other];
  }

  // The candidates' order: by ratio, then by item.
  static bool ByRatio(const Candidate& a, const Candidate& b) {
    return a.ratio != b.ratio ? a.ratio > b.ratio : a.item < b.item;
  }

  // Bound(candidates, 0, room) of the candidates that merging kept_ (sorted)
  // and changed_ would give, in the same order and so to the same bit. The
  // room lasts for a few items only, so the next of changed_ is found by a
  // scan (moved to the front of the ones not yet taken) instead of a sort;
  // after kFirstBoundScans scans (a budget that holds many items) the rest
  // are sorted, so a node never costs more than a sort and that many scans.
  // On return changed_[..*found] come first, in order.
  double FirstBound(uint64_t room, size_t* found_out) {
    size_t next_kept = 0;
    size_t next_changed = 0;  // changed_[..next_changed] are taken
    size_t& found = *found_out;
    double bound = 0;
    for (;;) {
      if (found == next_changed && found == kFirstBoundScans) {
        std::sort(changed_.begin() + static_cast<std::ptrdiff_t>(found), changed_.end(), ByRatio);
        found = changed_.size();
      }
      if (found == next_changed && next_changed < changed_.size()) {
        auto best = changed_.begin() + next_changed;
        for (auto it = best + 1; it != changed_.end(); ++it) {
          if (ByRatio(*it, *best)) best = it;
        }
        std::iter_swap(changed_.begin() + next_changed, best);
        ++found;
      }
      const bool from_kept =
          next_kept < kept_.size() &&
          (next_changed == changed_.size() || ByRatio(kept_[next_kept], changed_[next_changed]));
      if (!from_kept && next_changed == changed_.size()) return bound;
      const Candidate& c = from_kept ? kept_[next_kept++] : changed_[next_changed++];
      const uint32_t cost = p_.item_costs[c.item];
      if (cost > room) return bound + c.ratio * static_cast<double>(room);
      bound += c.gain;
      room -= cost;
    }
  }

  // Fractional knapsack of candidates[from..] (sorted by ratio) within `room`.
  double Bound(const std::vector<Candidate>& candidates, size_t from, uint64_t room) const {
    double bound = 0;
    for (size_t k = from; k < candidates.size(); ++k) {
      const uint32_t cost = p_.item_costs[candidates[k].item];
      if (cost > room) return bound + candidates[k].ratio * static_cast<double>(room);
      bound += candidates[k].gain;
      room -= cost;
    }
    return bound;
  }

  // `allowed` carries each item's gain over the parent node; only items
  // marked `mark` (holders of a concept the last choice covered) may gain
  // less here, so only their gains are re-read from open_weight_, kept up
  // to date by Choose (exactly, with fixed-point weights).
  // `allowed` is a tail of the parent's candidates, which stay put while
  // their children are visited. `work` is the node's work: a look-up per
  // concept of every allowed item, and one per item for sorting and copying
  // (counting work instead of nodes gives small programs more nodes than
  // large ones for the same time); the parent sums it as a suffix.
  void Visit(std::span<const Candidate> allowed, double value, uint64_t room, uint64_t mark,
             uint64_t work) {
    ++nodes_;
    work_ += work;
    if (work_ > work_limit_) {
      aborted_ = true;
      return;
    }
    if (value > best_) {
      best_ = value;
      best_items_ = chosen_;
    }
    // Items that conflict with S, no longer fit, or add nothing (gains only
    // shrink as S grows) can be dropped from the whole subtree. Unchanged
    // gains keep the parent's (sorted) order; the recomputed ones are sorted
    // alone and merged in, which gives the same order as one full sort.
    // The node's candidates stay put while its children are visited, so each
    // depth has its own vector, reused by the next node at that depth.
    std::vector<Candidate>& candidates = candidates_by_depth_[chosen_.size()];
    kept_.clear();
    changed_.clear();
    kept_.reserve(allowed.size());
    uint64_t rest_work = 0;  // of the candidates not yet visited
    for (const Candidate& a : allowed) {
      const uint32_t i = a.item;
      if (blocked_[i] > 0 || p_.item_costs[i] > room) continue;
      if (stale_[i] != mark) {
        kept_.push_back(a);
        rest_work += item_work_[i];
        continue;
      }
      const double gain = Gain(i);
      if (gain > 0) {
        changed_.push_back({i, gain, gain / p_.item_costs[i]});
        rest_work += item_work_[i];
      }
    }
    if (changed_.empty()) {
      candidates.swap(kept_);
    } else {
      // Most nodes (54% on DUC 2004) end at their first bound, before the
      // recomputed candidates need sorting; FirstBound leaves them sorted up
      // to `found`.
      size_t found = 0;
      if (value + FirstBound(room, &found) <= best_ + kImprovement) return;
      std::sort(changed_.begin() + static_cast<std::ptrdiff_t>(found), changed_.end(), ByRatio);
      candidates.resize(kept_.size() + changed_.size());
      std::merge(kept_.begin(), kept_.end(), changed_.begin(), changed_.end(), candidates.begin(),
                 ByRatio);
    }
    for (size_t k = 0; k < candidates.size(); ++k) {
      // The bound only falls as k grows (fewer items), so the first prune ends the node.
      if (value + Bound(candidates, k, room) <= best_ + kImprovement) return;
      const uint32_t item = candidates[k].item;
      rest_work -= item_work_[item];
      const uint64_t child_mark = ++last_mark_;
      chosen_.push_back(item);
      Choose(item, child_mark);
      Visit(std::span<const Candidate>(candidates).subspan(k + 1), value + candidates[k].gain,
            room - p_.item_costs[item], child_mark, rest_work);
      Unchoose(item);
      chosen_.pop_back();
      if (aborted_) return;
    }
  }

  // Smallest gain worth searching for: below the tie-break bonuses' scale
  // (1e-3 of a concept spread over the items), above rounding error.
  static constexpr double kImprovement = 1e-10;
  static constexpr size_t kFirstBoundScans = 8;

  const CoverageProblem& p_;
  const uint64_t work_limit_;
  std::vector<std::vector<uint32_t>> conflicts_;  // per item
  std::vector<uint32_t> holder_start_;            // per concept: its first entry in holders_
  std::vector<uint32_t> holders_;                 // items holding each concept, by concept
  std::vector<int> covered_;                      // per concept: chosen items holding it
  std::vector<int> blocked_;                      // per item: chosen items in conflict with it
  std::vector<uint64_t> stale_;                   // per item: mark of the last node to recompute it
  uint64_t last_mark_ = 0;
  std::vector<uint64_t> item_work_;  // per item: its share of a node's work
  std::vector<double> open_weight_;  // per item: weight of its concepts not yet covered
  // Per depth (chosen items), the candidates of the node being visited there.
  std::vector<std::vector<Candidate>> candidates_by_depth_;
  std::vector<Candidate> kept_, changed_;  // scratch of the node being filtered
  std::vector<uint32_t> chosen_;
  std::vector<uint32_t> best_items_;
  double best_ = 0;
  uint64_t nodes_ = 0;
  uint64_t work_ = 0;
  bool aborted_ = false;
};

}  // namespace

CoverageSolution SolveCoverageSearch(const CoverageProblem& problem, uint64_t work_limit) {
  CoverageSolution greedy = SolveCoverageGreedy(problem);
  CoverageSearch search(problem, work_limit);
  // Starting just below the greedy's value lets the search find it (or an
  // equal solution) itself, so ties resolve in the search's order.
  const bool finished = search.Run(greedy.items, greedy.objective - 1e-9);
  CoverageSolution solution;
  solution.items = search.best_items();
  std::sort(solution.items.begin(), solution.items.end());
  solution.objective = CoverageObjective(problem, solution.items);
  solution.proven_optimal = finished;
  solution.solver = finished ? "search" : "search-limit";
  solution.search_nodes = search.nodes();
  solution.search_work = search.work();
  return solution;
}

CoverageSolution SolveCoverage(const CoverageProblem& problem,
                               const CoverageSolverOptions& options) {
  if (options.search_work_limit == 0) return SolveCoverageIlp(problem, options);
  const CoverageSolution searched = SolveCoverageSearch(problem, options.search_work_limit);
  if (searched.proven_optimal || !options.glpk_after_search) return searched;
  // GLPK goes on from the best solution the search met.
  CoverageSolution solution = SolveCoverageIlp(problem, options, &searched);
  solution.search_nodes = searched.search_nodes;
  solution.search_work = searched.search_work;
  return solution;
}

CoverageSolution SolveCoverageWith(const CoverageProblem& problem, uint32_t forced,
                                   const CoverageSolverOptions& options) {
  const auto n = static_cast<uint32_t>(problem.item_concepts.size());
  // The rest of the program once `forced` is chosen: its concepts covered,
  // its cost spent, the items in conflict with it gone.
  std::vector<char> covered(problem.concept_weights.size(), 0);
  for (uint32_t c : problem.item_concepts[forced]) covered[c] = 1;
  std::vector<char> gone(n, 0);
  gone[forced] = 1;
  for (const auto& [a, b] : problem.conflicts) {
    if (a == forced) gone[b] = 1;
    if (b == forced) gone[a] = 1;
  }
  CoverageProblem rest;
  rest.concept_weights = problem.concept_weights;
  rest.capacity =
      problem.capacity - std::min<uint64_t>(problem.capacity, problem.item_costs[forced]);
  std::vector<uint32_t> original;              // rest item -> problem item
  std::vector<uint32_t> index(n, UINT32_MAX);  // problem item -> rest item
  for (uint32_t i = 0; i < n; ++i) {
    if (gone[i]) continue;
    index[i] = static_cast<uint32_t>(original.size());
    original.push_back(i);
    std::vector<uint32_t>& concepts = rest.item_concepts.emplace_back();
    for (uint32_t c : problem.item_concepts[i]) {
      if (!covered[c]) concepts.push_back(c);
    }
    rest.item_costs.push_back(problem.item_costs[i]);
    rest.item_bonus.push_back(i < problem.item_bonus.size() ? problem.item_bonus[i] : 0.0);
  }
  for (const auto& [a, b] : problem.conflicts) {
    if (!gone[a] && !gone[b]) rest.conflicts.emplace_back(index[a], index[b]);
  }
  CoverageSolution solution = SolveCoverage(rest, options);
  for (uint32_t& item : solution.items) item = original[item];
  solution.items.push_back(forced);
  std::sort(solution.items.begin(), solution.items.end());
  solution.objective = CoverageObjective(problem, solution.items);
  return solution;
}

}  // namespace chorus
