// The server's transport over raw sockets: what hostile or broken clients
// send (slow heads, huge heads, conflicting lengths, floods of connections,
// cross-site writes) is answered or cut off, and /healthz stays answered.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "serve/test_articles.h"
#include "serve/test_server.h"

namespace chorus::serve {
namespace {

using nlohmann::json;
using testing::RunningServer;
using testing::TestOptions;

// A client socket that sends raw bytes and reads what comes back.
class RawConnection {
 public:
  explicit RawConnection(int port) {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
    connected_ = connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0;
  }
  ~RawConnection() { close(fd_); }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  bool connected() const { return connected_; }
  bool Send(std::string_view bytes) {
    return send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL) ==
           static_cast<ssize_t>(bytes.size());
  }
  // What arrives until the server closes, `until` appears, or `timeout`.
  std::string Read(std::chrono::milliseconds timeout, std::string_view until = {}) {
    std::string got;
    const auto end = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < end) {
      pollfd p{fd_, POLLIN, 0};
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          end - std::chrono::steady_clock::now());
      if (poll(&p, 1, static_cast<int>(std::max<int64_t>(1, left.count()))) <= 0) continue;
      char buf[4096];
      const ssize_t n = recv(fd_, buf, sizeof(buf), 0);
      if (n <= 0) break;
      got.append(buf, static_cast<size_t>(n));
      if (!until.empty() && got.find(until) != std::string::npos) break;
    }
    return got;
  }
  // True when the server has closed the connection (reads end).
  bool ClosedWithin(std::chrono::milliseconds timeout) {
    const auto end = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < end) {
      pollfd p{fd_, POLLIN, 0};
      if (poll(&p, 1, 20) <= 0) continue;
      char buf[4096];
      if (recv(fd_, buf, sizeof(buf), 0) <= 0) return true;
    }
    return false;
  }

 private:
  int fd_ = -1;
  bool connected_ = false;
};

int StatusOf(const std::string& response) {
  if (response.rfind("HTTP/1.1 ", 0) != 0) return 0;
  return std::stoi(response.substr(9, 3));
}

bool HealthzAnswers(const RunningServer& server) {
  httplib::Client c("127.0.0.1", server.port());
  c.set_connection_timeout(2, 0);
  c.set_read_timeout(2, 0);
  auto r = c.Get("/healthz");
  return r && r->status == 200;
}

constexpr std::chrono::milliseconds kWait(3000);

TEST(ServerTransportTest, SlowHeadsAreCutOffAndDoNotBlockOthers) {
  ServerOptions o = TestOptions();
  o.threads = 1;
  o.header_timeout_ms = 300;
  RunningServer server(o);
  // More slow clients than there are handler threads (16 here).
  std::vector<std::unique_ptr<RawConnection>> slow;
  for (int i = 0; i < 40; ++i) {
    slow.push_back(std::make_unique<RawConnection>(server.port()));
    ASSERT_TRUE(slow.back()->Send("GET /healthz HTTP/1.1\r\nHo"));
  }
  EXPECT_TRUE(HealthzAnswers(server));
  // A head that does not finish in time is answered 408, then closed.
  const std::string r = slow.front()->Read(kWait);
  EXPECT_EQ(StatusOf(r), 408) << r;
  EXPECT_NE(r.find("request_timeout"), std::string::npos);
}

TEST(ServerTransportTest, HeadsPastTheLimitsAre431) {
  RunningServer server(TestOptions());
  RawConnection many(server.port());
  std::string head = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  for (int i = 0; i < 200; ++i) head += "X-Field-" + std::to_string(i) + ": 1\r\n";
  ASSERT_TRUE(many.Send(head + "\r\n"));
  EXPECT_EQ(StatusOf(many.Read(kWait)), 431);
  // An endless header line is refused after 32 KiB, not read to the end.
  RawConnection endless(server.port());
  ASSERT_TRUE(endless.Send("GET /healthz HTTP/1.1\r\nX-Long: "));
  const std::string chunk(64 * 1024, 'a');
  for (int i = 0; i < 4 && endless.Send(chunk); ++i) {
  }
  EXPECT_EQ(StatusOf(endless.Read(kWait, "\r\n\r\n")), 431);
}

TEST(ServerTransportTest, AmbiguousBodiesAreRefused) {
  RunningServer server(TestOptions());
  const std::string start =
      "POST /v1/summarize HTTP/1.1\r\nHost: 127.0.0.1\r\n"
      "Content-Type: application/json\r\n";
  RawConnection conflicting(server.port());
  ASSERT_TRUE(conflicting.Send(start + "Content-Length: 2\r\nContent-Length: 20\r\n\r\n{}"));
  EXPECT_EQ(StatusOf(conflicting.Read(kWait)), 400);
  RawConnection chunked(server.port());
  ASSERT_TRUE(chunked.Send(start + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n"));
  EXPECT_EQ(StatusOf(chunked.Read(kWait)), 501);
}

TEST(ServerTransportTest, CrossSiteWritesAreRefused) {
  ServerOptions o = TestOptions();
  o.allowed_hosts = {"chorus.example"};
  RunningServer server(o);
  httplib::Client c = server.Client();
  const std::string body = json{{"articles", testing::FireArticles()}}.dump();
  // A form or text/plain post needs no CORS preflight: not accepted.
  auto plain = c.Post("/v1/articles", body, "text/plain");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->status, 415);
  EXPECT_EQ(testing::ErrorCode(plain), "unsupported_media_type");
  auto foreign = c.Post("/v1/articles", httplib::Headers{{"Origin", "http://evil.example"}}, body,
                        "application/json");
  EXPECT_EQ(foreign->status, 403);
  // DNS rebinding: the page's own name as Host.
  auto rebound = c.Get("/v1/events", httplib::Headers{{"Host", "evil.example"}});
  EXPECT_EQ(rebound->status, 403);
  EXPECT_EQ(c.Get("/v1/events", httplib::Headers{{"Host", "chorus.example"}})->status, 200);
  // Nothing of the refused writes was stored.
  EXPECT_EQ(testing::Parse(c.Get("/v1/events"))["events"].size(), 0u);
  auto same =
      c.Post("/v1/articles",
             httplib::Headers{{"Origin", "http://127.0.0.1:" + std::to_string(server.port())}},
             body, "application/json");
  EXPECT_EQ(same->status, 200) << same->body;
}

TEST(ServerTransportTest, AFloodOfIdleConnectionsDoesNotLockOutNewClients) {
  ServerOptions o = TestOptions();
  o.max_connections = 8;
  RunningServer server(o);
  std::vector<std::unique_ptr<RawConnection>> idle;
  for (int i = 0; i < 30; ++i) idle.push_back(std::make_unique<RawConnection>(server.port()));
  EXPECT_TRUE(HealthzAnswers(server));
  int closed = 0;
  for (auto& c : idle) closed += c->ClosedWithin(std::chrono::milliseconds(50)) ? 1 : 0;
  EXPECT_GE(closed, 22);  // the idlest made room
}

TEST(ServerTransportTest, ContinueKeepAliveAndPipelining) {
  RunningServer server(TestOptions());
  RawConnection c(server.port());
  const std::string body = "{\"articles\": [{\"id\": \"a\", \"text\": \"One sentence here.\"}]}";
  ASSERT_TRUE(
      c.Send("POST /v1/summarize HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
             "application/json\r\nExpect: 100-continue\r\nContent-Length: " +
             std::to_string(body.size()) + "\r\n\r\n"));
  EXPECT_EQ(c.Read(kWait, "\r\n\r\n"), "HTTP/1.1 100 Continue\r\n\r\n");
  ASSERT_TRUE(c.Send(body));
  EXPECT_EQ(StatusOf(c.Read(kWait, "\"method\"")), 200);
  // Two requests in one write are answered in order on the same connection.
  ASSERT_TRUE(
      c.Send("HEAD /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
             "GET /nope HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
  const std::string both = c.Read(kWait);
  EXPECT_EQ(StatusOf(both), 200);
  const size_t second = both.find("HTTP/1.1 404");
  ASSERT_NE(second, std::string::npos) << both;
  EXPECT_EQ(both.substr(second - 4, 4), "\r\n\r\n");  // HEAD: no body
}

TEST(ServerTransportTest, InventedMethodsShareOneMetricsLabel) {
  RunningServer server(TestOptions());
  for (const char* method : {"FOO", "BAR", "BAZ"}) {
    RawConnection c(server.port());
    ASSERT_TRUE(c.Send(std::string(method) + " /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
    EXPECT_EQ(StatusOf(c.Read(kWait, "}")), 405);
  }
  httplib::Client c = server.Client();
  const std::string metrics = c.Get("/metrics")->body;
  EXPECT_NE(metrics.find("method=\"other\",status=\"405\"} 3"), std::string::npos) << metrics;
  EXPECT_EQ(metrics.find("FOO"), std::string::npos);
}

}  // namespace
}  // namespace chorus::serve
