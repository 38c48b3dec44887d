// MetricsRegistry: the server's request counters, latency histogram and
// gauges, rendered in the Prometheus text exposition format (version 0.0.4).
//
//   MetricsRegistry m;
//   m.AddGauge("chorus_store_articles", "Articles in the store", [&] { return n; });
//   m.RecordRequest("/v1/summarize", "POST", 200, 0.0042);
//   std::string text = m.Render();  // served at GET /metrics
//
// Labels are route patterns, methods and statuses, never raw paths, so the
// number of series stays bounded whatever clients send.
//
// Thread safety: RecordRequest and Render may run concurrently (one mutex;
// recording is a map lookup and a few increments). AddGauge before serving.
// Not copyable (holds a mutex).
#ifndef CHORUS_SERVE_METRICS_H_
#define CHORUS_SERVE_METRICS_H_

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "base/mutex.h"

namespace chorus::serve {

class MetricsRegistry {
 public:
  // Upper bounds (seconds) of the latency histogram's buckets.
  static constexpr std::array<double, 12> kLatencyBuckets = {
      0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10};

  MetricsRegistry() = default;
  MetricsRegistry(const MetricsRegistry&) = delete;
  MetricsRegistry& operator=(const MetricsRegistry&) = delete;

  void RecordRequest(const std::string& route, const std::string& method, int status,
                     double seconds);
  // A gauge read at each Render (from the rendering thread).
  void AddGauge(std::string name, std::string help, std::function<double()> read);
  std::string Render() const;

 private:
  struct Histogram {
    std::array<uint64_t, kLatencyBuckets.size()> buckets{};  // non-cumulative
    uint64_t count = 0;
    double sum = 0;
  };
  struct Gauge {
    std::string name;
    std::string help;
    std::function<double()> read;
  };
  mutable Mutex mu_;
  std::map<std::tuple<std::string, std::string, int>, uint64_t> requests_ GUARDED_BY(mu_);
  std::map<std::string, Histogram> latency_ GUARDED_BY(mu_);
  std::vector<Gauge> gauges_;
};

}  // namespace chorus::serve

#endif  // CHORUS_SERVE_METRICS_H_
