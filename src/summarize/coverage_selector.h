// Budgeted maximum coverage: choose items (sentences) within a capacity so the
// total weight of the concepts they cover is as large as possible.
//
//   maximise   sum_c w_c y_c + sum_i b_i x_i
//   subject to sum_i cost_i x_i <= capacity
//              y_c <= sum_{i covers c} x_i      (a concept counts once, if covered)
//              x_i <= y_c for every c in i      (choosing i covers its concepts)
//              x_i + x_j <= 1 for conflicting (i, j)
//              x, y binary
//
// This is the concept-coverage integer program of Gillick & Favre (2009).
// SolveCoverage solves it by SolveCoverageSearch, a combinatorial
// branch-and-bound whose bound (the fractional knapsack of the items' marginal
// gains, valid because coverage is submodular) proves the optimum of 100-word
// summaries of news clusters within a few hundred nodes, ten times faster
// than GLPK. Past its work limit (most 250- and 300-word programs, whose many
// near-equal solutions the bound cannot tell apart) the best solution it met
// is used, or, when asked for (glpk_after_search), handed to GLPK as the
// first incumbent. Searching further buys no ROUGE: on DUC 2006 and
// Multi-News 200 the search's best at its limit scores within 0.002 of GLPK's
// proven optima, at a tenth of the time.
// SolveCoverageIlp solves it with GLPK's branch-and-cut; past its node limit
// it returns the best integer solution found (never worse than its start).
// SolveCoverageGreedy is the cost-scaled greedy with the best-single-item
// check (Khuller, Moss & Naor 1999), which guarantees at least (1 - 1/e)/2 of
// the optimum for budgeted coverage.
//
// Same input, same output: every limit that can change the result counts
// work (look-ups, nodes), never time, so the answer does not depend on the
// machine or its load. GLPK's wall-clock limit remains only as a safety net
// against a pathological program; when it fires, the solution says so
// (time_limit_reached) and callers report it.
//
// Thread safety: all functions are reentrant (GLPK keeps its state per thread).
#ifndef CHORUS_SUMMARIZE_COVERAGE_SELECTOR_H_
#define CHORUS_SUMMARIZE_COVERAGE_SELECTOR_H_

#include <cmath>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace chorus {

// Concept weights are best given in fixed point: multiples of kWeightQuantum
// (2^-20) below 2^32. Every sum of such weights is then exact in a double,
// whatever its order, so SolveCoverageSearch's gains, which it updates by
// subtracting the weights a choice covers and adding them back, equal a
// recomputation bit for bit. Other weights work, with rounding drift in the
// gains. QuantizeWeight rounds a weight to the nearest multiple.
inline constexpr double kWeightQuantum = 1.0 / (1 << 20);
inline double QuantizeWeight(double w) { return std::round(w / kWeightQuantum) * kWeightQuantum; }

struct CoverageProblem {
  std::vector<double> concept_weights;                   // w_c > 0, best in fixed point (above)
  std::vector<std::vector<uint32_t>> item_concepts;      // concepts of each item, no repeats
  std::vector<uint32_t> item_costs;                      // cost_i >= 1
  std::vector<double> item_bonus;                        // b_i (may be empty: all 0)
  std::vector<std::pair<uint32_t, uint32_t>> conflicts;  // pairs never chosen together
  uint64_t capacity = 0;
};

struct CoverageSolution {
  std::vector<uint32_t> items;  // chosen items, ascending
  double objective = 0;         // value of the objective above
  bool proven_optimal =
      false;  // the search finished, or GLPK proved it optimal within optimality_tolerance
  // "search", "search-limit" (SolveCoverageSearch alone), "glpk",
  // "glpk-node-limit", "glpk-time-limit" or "greedy".
  std::string solver;
  uint64_t search_nodes = 0;  // nodes the branch-and-bound visited
  uint64_t search_work = 0;   // and the work they took (see search_work_limit)
  uint64_t glpk_nodes = 0;    // subproblems GLPK's branch-and-cut processed
  // GLPK stopped at the safety time limit, before its node limit: the
  // solution depends on the machine's speed and load.
  bool time_limit_reached = false;
};

struct CoverageSolverOptions {
  // Absolute objective gap at which GLPK stops (default 0.5): with
  // integer concept weights (article counts) any gap below 1 proves the
  // coverage optimal; only the tie-break among equal coverages is left open.
  double optimality_tolerance = 0.5;
  // Work SolveCoverageSearch may do before the best solution it met is used
  // (default 3,000,000 look-ups, 25-30 ms on a 250-word program of 200
  // candidates; 0 = GLPK only). A node costs a look-up per concept of every
  // item still allowed, so small programs get more nodes than large ones.
  // The 100-word DUC 2004 programs finish within 620,000; on Multi-News 200
  // 1,000,000 loses 0.002 R-2 and 10,000,000 gains nothing.
  uint64_t search_work_limit = 3000000;
  // Hand a program the search did not finish to GLPK, its best solution as
  // the first incumbent (default false: on the shared corpora GLPK's 100
  // subproblems cost 3-5 times the search for ROUGE within 0.0015).
  bool glpk_after_search = false;
  // Subproblems GLPK's branch-and-cut may process before the best integer
  // solution it found is used (default 10000; proving the optimum of a
  // 250-word program takes up to ~9000, at ~0.5 ms each).
  uint64_t glpk_node_limit = 10000;
  // Safety net only: GLPK's wall-clock limit in milliseconds (default 10000;
  // 0 = none), far above what its node limit costs. When it fires, the
  // solution's time_limit_reached is set and the summary carries a warning.
  int time_limit_ms = 10000;
};

// SolveCoverageSearch, then GLPK if asked for when the search reached its
// work limit: the optimum, or the best solution met (solver says which).
CoverageSolution SolveCoverage(const CoverageProblem& problem,
                               const CoverageSolverOptions& options = {});

// SolveCoverage with item `forced` chosen first (it must fit the capacity):
// the best solution holding it.
CoverageSolution SolveCoverageWith(const CoverageProblem& problem, uint32_t forced,
                                   const CoverageSolverOptions& options = {});

// Exact branch-and-bound (see above), seeded with the greedy solution. The
// optimum is exact, with no tolerance, when proven_optimal; otherwise the
// best solution met within `work_limit` (at least the greedy's).
CoverageSolution SolveCoverageSearch(const CoverageProblem& problem, uint64_t work_limit);

// GLPK's branch-and-cut from `start` (the greedy solution when null) as the
// first incumbent; never returns a worse solution than it.
CoverageSolution SolveCoverageIlp(const CoverageProblem& problem,
                                  const CoverageSolverOptions& options = {},
                                  const CoverageSolution* start = nullptr);

CoverageSolution SolveCoverageGreedy(const CoverageProblem& problem);

// The objective value of choosing `items` (for tests and for comparing solutions).
double CoverageObjective(const CoverageProblem& problem, const std::vector<uint32_t>& items);

}  // namespace chorus

#endif  // CHORUS_SUMMARIZE_COVERAGE_SELECTOR_H_
