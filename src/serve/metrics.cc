#include "serve/metrics.h"

#include <fmt/format.h>

#include <algorithm>

namespace chorus::serve {
namespace {

// Label values escape backslash, quote and newline.
std::string EscapeLabel(std::string_view v) {
  std::string out;
  for (char c : v) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

}  // namespace

void MetricsRegistry::RecordRequest(const std::string& route, const std::string& method, int status,
                                    double seconds) {
  const auto bucket = std::lower_bound(kLatencyBuckets.begin(), kLatencyBuckets.end(), seconds);
  MutexLock lock(&mu_);
  ++requests_[{route, method, status}];
  Histogram& h = latency_[route];
  if (bucket != kLatencyBuckets.end()) ++h.buckets[bucket - kLatencyBuckets.begin()];
  ++h.count;
  h.sum += seconds;
}

void MetricsRegistry::AddGauge(std::string name, std::string help, std::function<double()> read) {
  gauges_.push_back({std::move(name), std::move(help), std::move(read)});
}

std::string MetricsRegistry::Render() const {
  std::string out;
  out += "# HELP chorus_http_requests_total HTTP requests answered, by route, method and status.\n";
  out += "# TYPE chorus_http_requests_total counter\n";
  {
    MutexLock lock(&mu_);
    for (const auto& [key, n] : requests_) {
      const auto& [route, method, status] = key;
      out +=
          fmt::format("chorus_http_requests_total{{route=\"{}\",method=\"{}\",status=\"{}\"}} {}\n",
                      EscapeLabel(route), EscapeLabel(method), status, n);
    }
    out +=
        "# HELP chorus_http_request_duration_seconds Time from request read to response ready.\n";
    out += "# TYPE chorus_http_request_duration_seconds histogram\n";
    for (const auto& [route, h] : latency_) {
      const std::string label = EscapeLabel(route);
      uint64_t cumulative = 0;
      for (size_t i = 0; i < kLatencyBuckets.size(); ++i) {
        cumulative += h.buckets[i];
        out += fmt::format(
            "chorus_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n", label,
            kLatencyBuckets[i], cumulative);
      }
      out += fmt::format(
          "chorus_http_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n", label,
          h.count);
      out += fmt::format("chorus_http_request_duration_seconds_sum{{route=\"{}\"}} {}\n", label,
                         h.sum);
      out += fmt::format("chorus_http_request_duration_seconds_count{{route=\"{}\"}} {}\n", label,
                         h.count);
    }
  }
  // Gauges may take other locks (the store's): read them without ours.
  for (const Gauge& g : gauges_) {
    out += fmt::format("# HELP {} {}\n# TYPE {} gauge\n{} {}\n", g.name, g.help, g.name, g.name,
                       g.read());
  }
  return out;
}

}  // namespace chorus::serve
