#include "summarize/coverage_selector.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

namespace chorus {
namespace {

// Exhaustive search: the reference the solver is checked against.
double BruteForceOptimum(const CoverageProblem& p) {
  const uint32_t n = static_cast<uint32_t>(p.item_concepts.size());
  double best = 0;
  for (uint32_t mask = 0; mask < (1u << n); ++mask) {
    uint64_t cost = 0;
    std::vector<uint32_t> items;
    for (uint32_t i = 0; i < n; ++i) {
      if (mask & (1u << i)) cost += p.item_costs[i], items.push_back(i);
    }
    if (cost > p.capacity) continue;
    bool conflict = false;
    for (const auto& [a, b] : p.conflicts) conflict |= ((mask >> a) & 1) && ((mask >> b) & 1);
    if (!conflict) best = std::max(best, CoverageObjective(p, items));
  }
  return best;
}

// The sizes RandomProblem draws from: each `a + rng() % b` as {a, b}.
struct ProblemShape {
  uint32_t concepts[2] = {4, 20};
  uint32_t items[2] = {3, 12};
  uint32_t concept_one_in = 4;  // an item holds each concept with this odds
  uint32_t cost[2] = {5, 30};
  uint32_t capacity[2] = {20, 80};
};

CoverageProblem RandomProblem(std::mt19937& rng, const ProblemShape& shape = {}) {
  auto draw = [&rng](const uint32_t(&range)[2]) { return range[0] + rng() % range[1]; };
  CoverageProblem p;
  const uint32_t n_concepts = draw(shape.concepts), n_items = draw(shape.items);
  for (uint32_t c = 0; c < n_concepts; ++c) p.concept_weights.push_back(1 + rng() % 9);
  for (uint32_t i = 0; i < n_items; ++i) {
    std::vector<uint32_t> concepts;
    for (uint32_t c = 0; c < n_concepts; ++c) {
      if (rng() % shape.concept_one_in == 0) concepts.push_back(c);
    }
    p.item_concepts.push_back(concepts);
    p.item_costs.push_back(draw(shape.cost));
  }
  if (n_items > 4) p.conflicts.emplace_back(0, 1);
  p.capacity = draw(shape.capacity);
  return p;
}

TEST(CoverageSelectorTest, IlpMatchesExhaustiveSearch) {
  std::mt19937 rng(7);
  for (int trial = 0; trial < 200; ++trial) {
    const CoverageProblem p = RandomProblem(rng);
    const CoverageSolution s = SolveCoverageIlp(p);
    uint64_t cost = 0;
    for (uint32_t i : s.items) cost += p.item_costs[i];
    ASSERT_LE(cost, p.capacity) << "trial " << trial;
    // Integer weights: the default tolerance (0.5) makes the solution exact.
    EXPECT_DOUBLE_EQ(s.objective, BruteForceOptimum(p)) << "trial " << trial;
  }
}

// The search, given ample work, proves the exhaustive optimum within the
// budget and the conflicts.
void ExpectSearchIsExact(const CoverageProblem& p, int trial) {
  const CoverageSolution s = SolveCoverageSearch(p, 100000000);
  ASSERT_TRUE(s.proven_optimal) << "trial " << trial;
  uint64_t cost = 0;
  for (uint32_t i : s.items) cost += p.item_costs[i];
  ASSERT_LE(cost, p.capacity) << "trial " << trial;
  for (const auto& [a, b] : p.conflicts) {
    EXPECT_FALSE(std::count(s.items.begin(), s.items.end(), a) &&
                 std::count(s.items.begin(), s.items.end(), b))
        << "trial " << trial;
  }
  EXPECT_NEAR(s.objective, BruteForceOptimum(p), 1e-12) << "trial " << trial;
}

// Real-valued weights and tie-break bonuses, as the summarizer makes them:
// the search must find the exact optimum, bonuses included.
TEST(CoverageSelectorTest, SearchMatchesExhaustiveSearch) {
  std::mt19937 rng(13);
  for (int trial = 0; trial < 300; ++trial) {
    CoverageProblem p = RandomProblem(rng);
    for (double& w : p.concept_weights) w += 1.5 / (1 + rng() % 7);
    for (size_t i = 0; i < p.item_costs.size(); ++i) p.item_bonus.push_back(1e-6 / (1 + rng() % 5));
    ExpectSearchIsExact(p, trial);
  }
}

// A budget that holds many cheap items: the search's first bound then takes
// more items than it finds by scanning and sorts the rest; still exact.
TEST(CoverageSelectorTest, SearchMatchesExhaustiveSearchWhenManyItemsFit) {
  std::mt19937 rng(17);
  for (int trial = 0; trial < 60; ++trial) {
    CoverageProblem p = RandomProblem(rng, {.concepts = {10, 20},
                                            .items = {12, 5},
                                            .concept_one_in = 5,
                                            .cost = {2, 5},
                                            .capacity = {30, 20}});
    for (double& w : p.concept_weights) w += 0.25;
    for (size_t i = 0; i < p.item_costs.size(); ++i) p.item_bonus.push_back(1e-6 / (1 + rng() % 5));
    ExpectSearchIsExact(p, trial);
  }
}

// Fixed-point weights (as BuildCoverageProgram makes them) sum exactly in
// any order, which the search's subtract-and-add-back gains rely on; the
// search then matches the exhaustive optimum exactly.
TEST(CoverageSelectorTest, FixedPointWeightsSumExactly) {
  std::mt19937 rng(17);
  std::vector<double> weights;
  for (int k = 0; k < 1000; ++k) weights.push_back(QuantizeWeight(1.0 + 50.0 / (1 + rng() % 997)));
  double forward = 0, backward = 0;
  for (double w : weights) forward += w;
  for (auto w = weights.rbegin(); w != weights.rend(); ++w) backward += *w;
  EXPECT_EQ(forward, backward);
  for (int trial = 0; trial < 200; ++trial) {
    CoverageProblem p = RandomProblem(rng);
    for (double& w : p.concept_weights) w = QuantizeWeight(w + 1.5 / (1 + rng() % 7));
    const CoverageSolution s = SolveCoverageSearch(p, 100000000);
    ASSERT_TRUE(s.proven_optimal) << "trial " << trial;
    EXPECT_EQ(s.objective, BruteForceOptimum(p)) << "trial " << trial;
  }
}

// Past its work limit the search hands over to GLPK when asked, which still
// finds the optimum; otherwise its best solution, at least the greedy's, is used.
TEST(CoverageSelectorTest, WorkLimitFallsBackOnGlpkWhenAsked) {
  std::mt19937 rng(17);
  for (int trial = 0; trial < 50; ++trial) {
    const CoverageProblem p = RandomProblem(rng);
    CoverageSolverOptions options;
    options.search_work_limit = 1;
    const CoverageSolution searched = SolveCoverage(p, options);
    EXPECT_EQ(searched.solver, "search-limit") << "trial " << trial;
    EXPECT_GE(searched.objective + 1e-9, SolveCoverageGreedy(p).objective) << "trial " << trial;
    options.glpk_after_search = true;
    const CoverageSolution s = SolveCoverage(p, options);
    EXPECT_EQ(s.solver.substr(0, 4), "glpk") << "trial " << trial;
    EXPECT_DOUBLE_EQ(s.objective, BruteForceOptimum(p)) << "trial " << trial;
    options.search_work_limit = 100000000;
    EXPECT_EQ(SolveCoverage(p, options).solver, "search") << "trial " << trial;
    EXPECT_DOUBLE_EQ(SolveCoverage(p, options).objective, BruteForceOptimum(p))
        << "trial " << trial;
  }
}

// A program GLPK cannot close in a few nodes: many overlapping items of
// near-equal worth, as 250-word summaries of news give.
CoverageProblem HardProblem(uint32_t seed) {
  std::mt19937 rng(seed);
  CoverageProblem p;
  for (uint32_t c = 0; c < 120; ++c)
    p.concept_weights.push_back(1 + rng() % 5 + 0.25 * (rng() % 4));
  for (uint32_t i = 0; i < 150; ++i) {
    std::vector<uint32_t> concepts;
    for (uint32_t c = 0; c < 120; ++c) {
      if (rng() % 10 == 0) concepts.push_back(c);
    }
    p.item_concepts.push_back(concepts);
    p.item_costs.push_back(15 + rng() % 25);
    p.item_bonus.push_back(1e-6 / (1 + i));
  }
  p.capacity = 250;
  return p;
}

// Solves `p` three more times and expects what `first` found, with the same work.
void ExpectSameOnEveryRun(const CoverageProblem& p, const CoverageSolverOptions& options,
                          const CoverageSolution& first) {
  for (int run = 0; run < 3; ++run) {
    const CoverageSolution again = SolveCoverage(p, options);
    EXPECT_EQ(again.items, first.items);
    EXPECT_EQ(again.search_work, first.search_work);
    EXPECT_EQ(again.glpk_nodes, first.glpk_nodes);
  }
}

// Work, not time, ends the search: the same program gives the same solution
// and work on every run, and more work never finds a worse one.
TEST(CoverageSelectorTest, SearchStopsAtWorkLimitReproducibly) {
  const CoverageProblem p = HardProblem(4);
  CoverageSolverOptions options;
  options.search_work_limit = 200000;
  const CoverageSolution first = SolveCoverage(p, options);
  EXPECT_EQ(first.solver, "search-limit");
  EXPECT_FALSE(first.proven_optimal);
  EXPECT_GT(first.search_work, options.search_work_limit);
  EXPECT_LT(first.search_work, options.search_work_limit + 150 * 20)
      << "at most one node past the limit";
  EXPECT_GE(first.objective + 1e-9, SolveCoverageGreedy(p).objective);
  ExpectSameOnEveryRun(p, options, first);
  options.search_work_limit = 2000000;
  EXPECT_GE(SolveCoverage(p, options).objective + 1e-9, first.objective);
}

// The node limit, not time, ends GLPK's search: the same program gives the
// same solution and node count on every run, and the time limit never fires.
TEST(CoverageSelectorTest, GlpkStopsAtNodeLimitReproducibly) {
  const CoverageProblem p = HardProblem(5);
  CoverageSolverOptions options;
  options.search_work_limit = 5000;
  options.glpk_after_search = true;
  options.glpk_node_limit = 3;
  const CoverageSolution first = SolveCoverage(p, options);
  EXPECT_EQ(first.solver, "glpk-node-limit");
  EXPECT_FALSE(first.proven_optimal);
  EXPECT_FALSE(first.time_limit_reached);
  EXPECT_EQ(first.glpk_nodes, 4u) << "the fourth subproblem stops the search";
  EXPECT_GT(first.search_work, 5000u);
  EXPECT_GE(first.objective + 1e-9, SolveCoverageSearch(p, 5000).objective);
  ExpectSameOnEveryRun(p, options, first);
  // A larger limit finds at least as good a solution.
  options.glpk_node_limit = 30;
  EXPECT_GE(SolveCoverage(p, options).objective + 1e-9, first.objective);
}

// The safety net: a limit that fires says so, and the greedy's solution (or
// better) still comes back.
TEST(CoverageSelectorTest, TimeLimitIsReported) {
  const CoverageProblem p = HardProblem(6);
  CoverageSolverOptions options;
  options.search_work_limit = 0;
  options.glpk_node_limit = 1000000;
  options.time_limit_ms = 1;
  const CoverageSolution s = SolveCoverage(p, options);
  if (!s.time_limit_reached)
    GTEST_SKIP() << "GLPK finished within 1 ms (" << s.glpk_nodes << " nodes)";
  EXPECT_EQ(s.solver == "glpk-time-limit" || s.solver == "greedy", true) << s.solver;
  EXPECT_FALSE(s.proven_optimal);
  EXPECT_GE(s.objective + 1e-9, SolveCoverageGreedy(p).objective);
}

TEST(CoverageSelectorTest, GreedyKeepsItsGuarantee) {
  std::mt19937 rng(11);
  const double bound = (1 - std::exp(-1.0)) / 2;
  for (int trial = 0; trial < 200; ++trial) {
    const CoverageProblem p = RandomProblem(rng);
    const CoverageSolution g = SolveCoverageGreedy(p);
    uint64_t cost = 0;
    for (uint32_t i : g.items) cost += p.item_costs[i];
    ASSERT_LE(cost, p.capacity);
    EXPECT_GE(g.objective + 1e-9, bound * BruteForceOptimum(p)) << "trial " << trial;
  }
}

TEST(CoverageSelectorTest, RespectsConflicts) {
  CoverageProblem p;
  p.concept_weights = {5, 5, 1};
  p.item_concepts = {{0}, {1}, {2}};
  p.item_costs = {1, 1, 1};
  p.capacity = 3;
  p.conflicts = {{0, 1}};
  const CoverageSolution s = SolveCoverageIlp(p);
  EXPECT_EQ(s.items, (std::vector<uint32_t>{0, 2}));
  EXPECT_TRUE(s.proven_optimal);
  EXPECT_EQ(s.solver, "glpk");
  const CoverageSolution searched = SolveCoverage(p);
  EXPECT_EQ(searched.items, (std::vector<uint32_t>{0, 2}));
  EXPECT_EQ(searched.solver, "search");
}

TEST(CoverageSelectorTest, NothingFitsGivesEmptySolution) {
  CoverageProblem p;
  p.concept_weights = {1};
  p.item_concepts = {{0}};
  p.item_costs = {10};
  p.capacity = 5;
  EXPECT_TRUE(SolveCoverageIlp(p).items.empty());
  EXPECT_TRUE(SolveCoverageIlp(CoverageProblem{}).items.empty());
  EXPECT_TRUE(SolveCoverage(p).items.empty());
  EXPECT_TRUE(SolveCoverage(CoverageProblem{}).items.empty());
}

}  // namespace
}  // namespace chorus
