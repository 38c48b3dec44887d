// RougeScorer: per-topic scores of every peer, then per-system bootstrap
// averages, in the order ROUGE-1.5.5.pl prints them.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "chorus/rouge.h"
#include "eval/rouge_bootstrap.h"
#include "eval/rouge_lcs.h"
#include "eval/rouge_ngrams.h"
#include "eval/rouge_tokens.h"

namespace chorus {

namespace {

using rouge::GramKey128;
using rouge::GramKey64;
using rouge::RoundLikeRouge;
using rouge::SummaryTokens;

// A summary's tokens, computed once for all metrics.
struct SummaryStats {
  SummaryTokens tokens;
};

// Hits and counts accumulated over the models (-f A) or taken from the best
// model (-f B), as computeNGramScore / computeLCSScore do.
struct Totals {
  int64_t hits = 0;
  int64_t model_count = 0;
  int64_t peer_count = 0;
  double best = -1;

  void Add(RougeFormula formula, int64_t hit, int64_t model_n, int64_t peer_n, double score) {
    if (formula == RougeFormula::kModelAverage) {
      hits += hit;
      model_count += model_n;
      peer_count += peer_n;
    } else if (score > best) {
      best = score;
      hits = hit;
      model_count = model_n;
      peer_count = peer_n;
    }
  }

  RougeScore Finish(double alpha) const {
    RougeScore s;
    s.recall = model_count != 0 ? RoundLikeRouge(static_cast<double>(hits) / model_count) : 0;
    s.precision = peer_count != 0 ? RoundLikeRouge(static_cast<double>(hits) / peer_count) : 0;
    const double denominator = (1 - alpha) * s.precision + alpha * s.recall;
    s.f = denominator > 0 ? RoundLikeRouge((s.precision * s.recall) / denominator) : 0;
    return s;
  }
};

// ngramScore's per-model score, used by -f B: the %07.5f-rounded recall.
double ModelScore(int64_t hit, int64_t model_n) {
  return model_n != 0 ? RoundLikeRouge(static_cast<double>(hit) / model_n) : 0;
}

// The script's by_evalID order for per-topic lines: by leading number when
// both ids start with digits, else as strings.
bool EvalIdLess(const std::string& a, const std::string& b) {
  auto leading_number = [](const std::string& s, std::string* digits) {
    size_t k = 0;
    while (k < s.size() && s[k] >= '0' && s[k] <= '9') ++k;
    *digits = s.substr(0, k);
    return k > 0;
  };
  std::string da;
  std::string db;
  if (leading_number(a, &da) && leading_number(b, &db)) {
    da.erase(0, std::min(da.find_first_not_of('0'), da.size()));
    db.erase(0, std::min(db.find_first_not_of('0'), db.size()));
    if (da.size() != db.size()) return da.size() < db.size();
    return da < db;
  }
  return a < b;
}

}  // namespace

class RougeScorer::Impl {
 public:
  Impl(const RougeOptions& options, std::unique_ptr<rouge::TokenInterner> interner)
      : options_(options), metrics_(RougeMetricNames(options)), interner_(std::move(interner)) {}

  const RougeOptions& options() const { return options_; }
  const std::vector<std::string>& metrics() const { return metrics_; }

  void Prepare(std::string_view text, SummaryStats* stats) {
    interner_->TokenizeSummary(text, &stats->tokens);
  }

  // Tokenizes a topic's models and indexes their grams for every metric.
  template <typename Texts>
  Status PrepareModels(const Texts& models) {
    model_stats_.resize(models.size());
    for (size_t k = 0; k < models.size(); ++k) {
      Prepare(models[k], &model_stats_[k]);
      if (options_.skip_bigram) RETURN_IF_ERROR(CheckSkipBigramCount(model_stats_[k].tokens));
    }
    for (int n = 1; n <= options_.max_ngram; ++n) {
      if (n <= 2) {
        IndexModels(&short_grams_[n - 1], models.size(),
                    [n](auto tokens, auto f) { rouge::ForEachNgram(tokens, n, GramKey64{}, f); });
      } else {
        IndexModels(&long_grams_[n - 3], models.size(),
                    [n](auto tokens, auto f) { rouge::ForEachNgram(tokens, n, GramKey128{}, f); });
      }
    }
    if (options_.skip_bigram) {
      IndexModels(&skip_grams_, models.size(), [this](auto tokens, auto f) {
        rouge::ForEachSkipBigram(tokens, options_.skip_distance, options_.skip_unigrams, f);
      });
    }
    return Status::Ok();
  }

  // ROUGE-S* counts every pair of a model's tokens; an unsplit book would
  // need gigabytes. Refuse instead of exhausting memory.
  Status CheckSkipBigramCount(const SummaryTokens& tokens) const {
    constexpr uint64_t kMaxSkipBigrams = uint64_t{1} << 26;
    const uint64_t n = tokens.flat.size();
    const uint64_t span =
        options_.skip_distance < 0 ? n : std::min<uint64_t>(n, options_.skip_distance + 1);
    if (n * span <= kMaxSkipBigrams) return Status::Ok();
    return ResourceExhaustedError(fmt::format(
        "ROUGE-S: a model of {} tokens has too many skip-bigrams (limit {}); use -l/-b or a "
        "gap limit (-2 K with K >= 0)",
        n, kMaxSkipBigrams));
  }

  template <typename Key, typename Grams>
  void IndexModels(rouge::TopicGrams<Key>* index, size_t models, Grams grams) {
    index->Reset(models);
    for (size_t m = 0; m < models; ++m) {
      grams(std::span<const uint32_t>(model_stats_[m].tokens.flat),
            [index, m](Key key) { index->AddModelGram(m, key); });
    }
  }

  // ROUGE-N / ROUGE-S of the peer against the indexed models
  // (computeNGramScore, computeSkipBigramScore).
  template <typename Key, typename Grams>
  RougeScore GramScore(const SummaryStats& peer, rouge::TopicGrams<Key>* index, size_t models,
                       Grams grams) {
    const int64_t peer_total = index->ScorePeer(
        [&](auto f) { grams(std::span<const uint32_t>(peer.tokens.flat), f); }, &hits_);
    Totals totals;
    for (size_t m = 0; m < models; ++m) {
      const int64_t model_total = index->model_total(m);
      totals.Add(options_.formula, hits_[m], model_total, peer_total,
                 ModelScore(hits_[m], model_total));
    }
    return totals.Finish(options_.alpha);
  }

  // Scores `peer` against the models of PrepareModels, one RougeScore per metric.
  Status ScorePeer(const SummaryStats& peer, std::vector<RougeScore>* out) {
    out->clear();
    const size_t models = model_stats_.size();
    for (int n = 1; n <= options_.max_ngram; ++n) {
      if (n <= 2) {
        out->push_back(GramScore(peer, &short_grams_[n - 1], models, [n](auto tokens, auto f) {
          rouge::ForEachNgram(tokens, n, GramKey64{}, f);
        }));
      } else {
        out->push_back(GramScore(peer, &long_grams_[n - 3], models, [n](auto tokens, auto f) {
          rouge::ForEachNgram(tokens, n, GramKey128{}, f);
        }));
      }
    }
    if (options_.lcs) {
      Totals totals;
      for (const SummaryStats& model : model_stats_) {
        ASSIGN_OR_RETURN(rouge::LcsCounts lcs,
                         lcs_.Score(model.tokens, peer.tokens, interner_->size()));
        const double score =
            lcs.model_tokens > 0 ? static_cast<double>(lcs.hits) / lcs.model_tokens : 0;
        totals.Add(options_.formula, lcs.hits, lcs.model_tokens,
                   static_cast<int64_t>(peer.tokens.flat.size()), score);
      }
      out->push_back(totals.Finish(options_.alpha));
    }
    if (options_.skip_bigram) {
      out->push_back(GramScore(peer, &skip_grams_, models, [this](auto tokens, auto f) {
        rouge::ForEachSkipBigram(tokens, options_.skip_distance, options_.skip_unigrams, f);
      }));
    }
    return Status::Ok();
  }

  Result<std::vector<RougeScore>> ScoreSummary(std::string_view peer,
                                               std::span<const std::string> models) {
    RETURN_IF_ERROR(PrepareModels(models));
    Prepare(peer, &peer_stats_);
    std::vector<RougeScore> scores;
    RETURN_IF_ERROR(ScorePeer(peer_stats_, &scores));
    return scores;
  }

  Result<RougeReport> Score(std::span<const RougeTopic> topics);

 private:
  // One system's per-topic scores: scores[metric][k] belongs to topic ids[k].
  struct SystemScores {
    std::vector<std::string> topic_ids;
    std::vector<std::vector<RougeScore>> scores;
  };

  void Summarize(const std::string& system, const SystemScores& scores, RougeReport* report);

  RougeOptions options_;
  std::vector<std::string> metrics_;
  std::unique_ptr<rouge::TokenInterner> interner_;
  rouge::LcsScratch lcs_;
  rouge::BootstrapSampler bootstrap_{options_.resamples, options_.confidence, options_.seed};
  std::vector<SummaryStats> model_stats_;
  SummaryStats peer_stats_;
  rouge::TopicGrams<GramKey64> short_grams_[2];  // n = 1, 2
  rouge::TopicGrams<GramKey128> long_grams_[2];  // n = 3, 4
  rouge::TopicGrams<GramKey64> skip_grams_;
  std::vector<int64_t> hits_;
};

// The script's "*ROUGE Warning: test instance for peer X does not exist",
// one line per system rather than per topic.
static void WarnAboutMissingTopics(const std::string& name, const std::vector<std::string>& scored,
                                   std::span<const RougeTopic> topics, RougeReport* report) {
  std::set<std::string_view> have(scored.begin(), scored.end());
  std::vector<std::string_view> missing;
  for (const RougeTopic& topic : topics) {
    if (!topic.models.empty() && have.count(topic.id) == 0) missing.push_back(topic.id);
  }
  if (missing.empty()) return;
  std::string list;
  for (size_t k = 0; k < missing.size() && k < 5; ++k) list += fmt::format(" {}", missing[k]);
  if (missing.size() > 5) list += " ...";
  report->warnings.push_back(
      fmt::format("system {} has no peer for {} of {} topics:{}; it is averaged over the others",
                  name, missing.size(), topics.size(), list));
}

Result<RougeReport> RougeScorer::Impl::Score(std::span<const RougeTopic> topics) {
  RougeReport report;
  report.metrics = metrics_;
  std::set<std::string_view> topic_ids;
  std::map<std::string, SystemScores> systems;  // byte order, as Perl's sort keys
  std::vector<RougeScore> scores;
  for (const RougeTopic& topic : topics) {
    if (!topic_ids.insert(topic.id).second) {
      return InvalidArgumentError(fmt::format("topic id '{}' appears twice", topic.id));
    }
    if (topic.models.empty()) {
      report.warnings.push_back(
          fmt::format("topic {} has no model summaries; its peers are not scored", topic.id));
      continue;
    }
    RETURN_IF_ERROR(PrepareModels(topic.models));
    for (const RougePeer& peer : topic.peers) {
      SystemScores& system = systems[peer.system];
      if (!system.topic_ids.empty() && system.topic_ids.back() == topic.id) {
        report.warnings.push_back(fmt::format(
            "topic {} has two peers of system {}; the first one is scored", topic.id, peer.system));
        continue;
      }
      Prepare(peer.text, &peer_stats_);
      RETURN_IF_ERROR(ScorePeer(peer_stats_, &scores));
      system.topic_ids.push_back(topic.id);
      system.scores.resize(metrics_.size());
      for (size_t m = 0; m < metrics_.size(); ++m) system.scores[m].push_back(scores[m]);
    }
  }
  for (const auto& [name, system] : systems) {
    WarnAboutMissingTopics(name, system.topic_ids, topics, &report);
    Summarize(name, system, &report);
  }
  return report;
}

void RougeScorer::Impl::Summarize(const std::string& system, const SystemScores& scores,
                                  RougeReport* report) {
  const size_t count = scores.topic_ids.size();
  // Bootstrap instances: the script's testIDs "topic.system" in byte order.
  std::vector<std::string> test_ids(count);
  for (size_t k = 0; k < count; ++k) test_ids[k] = scores.topic_ids[k] + "." + system;
  std::vector<size_t> bootstrap_order(count);
  for (size_t k = 0; k < count; ++k) bootstrap_order[k] = k;
  std::sort(bootstrap_order.begin(), bootstrap_order.end(),
            [&](size_t a, size_t b) { return test_ids[a] < test_ids[b]; });
  std::vector<size_t> print_order = bootstrap_order;
  std::stable_sort(print_order.begin(), print_order.end(),
                   [&](size_t a, size_t b) { return EvalIdLess(test_ids[a], test_ids[b]); });

  std::vector<RougeScore> ordered(count);
  for (size_t m = 0; m < metrics_.size(); ++m) {
    const std::vector<RougeScore>& per_topic = scores.scores[m];
    for (size_t k = 0; k < count; ++k) ordered[k] = per_topic[bootstrap_order[k]];
    const rouge::BootstrapResult boot = bootstrap_.Run(ordered);
    report->averages.push_back(RougeSystemAverage{system, metrics_[m], boot.mean, boot.lower,
                                                  boot.upper, static_cast<int>(count)});
    for (size_t k : print_order) {
      report->per_topic.push_back(
          RougeTopicScore{scores.topic_ids[k], system, metrics_[m], per_topic[k]});
    }
  }
}

// ---------------------------------------------------------------------------

RougeScorer::RougeScorer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
RougeScorer::~RougeScorer() = default;

Result<std::unique_ptr<RougeScorer>> RougeScorer::Create(const RougeOptions& options) {
  RETURN_IF_ERROR(ValidateRougeOptions(options));
  ASSIGN_OR_RETURN(auto interner, rouge::TokenInterner::Create(options));
  return std::unique_ptr<RougeScorer>(
      new RougeScorer(std::make_unique<Impl>(options, std::move(interner))));
}

const RougeOptions& RougeScorer::options() const { return impl_->options(); }
const std::vector<std::string>& RougeScorer::metrics() const { return impl_->metrics(); }

Result<RougeReport> RougeScorer::Score(std::span<const RougeTopic> topics) {
  return impl_->Score(topics);
}

Result<std::vector<RougeScore>> RougeScorer::ScoreSummary(std::string_view peer,
                                                          std::span<const std::string> models) {
  return impl_->ScoreSummary(peer, models);
}

}  // namespace chorus
