// RunningServer: a chorus::Server on a loopback ephemeral port, on its own
// thread, for tests that talk to it with httplib's client.
#ifndef CHORUS_SERVE_TEST_SERVER_H_
#define CHORUS_SERVE_TEST_SERVER_H_

#include <gtest/gtest.h>
#include <httplib.h>

#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "chorus/server.h"

namespace chorus::serve::testing {

using nlohmann::json;

// A server running on its own thread for the duration of a test.
class RunningServer {
 public:
  explicit RunningServer(ServerOptions options) {
    options.host = "127.0.0.1";
    options.port = 0;
    options.access_log = [this](std::string_view line) {
      std::lock_guard<std::mutex> lock(mu_);
      log_.emplace_back(line);
    };
    auto s = Server::Create(std::move(options));
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    server_ = std::move(*s);
    const Status bound = server_->Bind();
    EXPECT_TRUE(bound.ok()) << bound.ToString();
    thread_ = std::thread([this] { run_status_ = server_->Run(); });
  }
  ~RunningServer() { Stop(); }

  void Stop() {
    if (!thread_.joinable()) return;
    server_->Stop();
    thread_.join();
    EXPECT_TRUE(run_status_.ok()) << run_status_.ToString();
  }
  int port() const { return server_->port(); }
  httplib::Client Client() const {
    httplib::Client c("127.0.0.1", server_->port());
    c.set_read_timeout(30, 0);
    return c;
  }
  std::vector<std::string> Log() {
    std::lock_guard<std::mutex> lock(mu_);
    return log_;
  }

 private:
  std::unique_ptr<Server> server_;
  std::thread thread_;
  Status run_status_;
  std::mutex mu_;
  std::vector<std::string> log_;
};

inline ServerOptions TestOptions() {
  ServerOptions o;
  o.store_path = "";  // in memory
  o.threads = 2;
  return o;
}

inline httplib::Result PostJson(httplib::Client& c, const std::string& path, const json& body) {
  return c.Post(path, body.dump(), "application/json");
}

// The body of a JSON response (fails the test if there is none or it is not JSON).
inline json Parse(const httplib::Result& r) {
  EXPECT_TRUE(r);
  if (!r) return json();
  json j = json::parse(r->body, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << r->body;
  return j;
}

// The error code of a JSON error response (fails the test if it is not one).
inline std::string ErrorCode(const httplib::Result& r) {
  EXPECT_TRUE(r);
  if (!r) return "";
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/json");
  const json j = json::parse(r->body, nullptr, false);
  EXPECT_TRUE(j.contains("error")) << r->body;
  if (!j.contains("error")) return "";
  EXPECT_TRUE(j["error"]["message"].is_string());
  return j["error"]["code"].get<std::string>();
}

}  // namespace chorus::serve::testing

#endif  // CHORUS_SERVE_TEST_SERVER_H_
