#include "serve/connection_loop.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <unordered_map>
#include <vector>

#include "base/mutex.h"
#include "serve/listen_socket.h"
#include "serve/work_queue.h"

namespace chorus::serve {
namespace {

using Clock = std::chrono::steady_clock;

constexpr uint64_t kListenId = 0;  // epoll ids; connections count from kFirstId
constexpr uint64_t kWakeId = 1;
constexpr uint64_t kFirstId = 2;
constexpr std::chrono::milliseconds kTick(50);
// After an answer that closes the connection, what the client still sends is
// read and dropped for this long (or this many bytes), so that closing does
// not reset the connection before the client has read the answer.
constexpr std::chrono::seconds kDrainTime(2);
constexpr size_t kDrainBytes = size_t{16} << 20;

double SecondsSince(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

}  // namespace

struct Connection {
  uint64_t id = 0;
  int fd = -1;
  std::string remote;
  uint32_t watched = 0;  // epoll events registered; 0: not in the epoll set
  // Reading a request.
  std::string in;
  size_t search_from = 0;  // where to look for the end of the head next
  std::optional<RequestHead> head;
  size_t reserved = 0;     // body bytes counted in the buffered total
  bool receiving = false;  // bytes of a request have arrived
  Clock::time_point first_byte;
  Clock::time_point idle_since;
  uint32_t served = 0;
  // Answering and writing.
  bool handling = false;
  std::string out;
  size_t written = 0;
  Clock::time_point write_deadline;
  bool close_after_write = false;
  bool drain_after_write = false;
  bool draining = false;
  Clock::time_point drain_deadline;
  size_t drained = 0;
};

struct Completion {
  uint64_t id;
  std::string bytes;
  bool close;
  size_t reserved;
};

struct ConnectionLoop::State {
  TransportOptions opt;
  TransportCallbacks cb;
  int listen_fd = -1;
  int epoll_fd = -1;
  int wake_fd = -1;
  bool listening = false;
  Clock::time_point relisten_at;
  std::unordered_map<uint64_t, Connection> conns;
  uint64_t next_id = kFirstId;
  size_t buffered = 0;
  std::unique_ptr<WorkQueue> pool;
  std::atomic<bool> stop{false};
  Mutex mu;
  std::vector<Completion> done GUARDED_BY(mu);

  ~State() {
    for (auto& [id, c] : conns) ::close(c.fd);
    for (int fd : {listen_fd, epoll_fd, wake_fd}) {
      if (fd >= 0) ::close(fd);
    }
  }

  void Wake() {
    const uint64_t one = 1;
    (void)!::write(wake_fd, &one, sizeof(one));
  }

  void Watch(Connection& c, uint32_t events) {
    if (events == c.watched) return;
    epoll_event ev{};
    ev.events = events;
    ev.data.u64 = c.id;
    const int op = c.watched == 0 ? EPOLL_CTL_ADD : events == 0 ? EPOLL_CTL_DEL : EPOLL_CTL_MOD;
    epoll_ctl(epoll_fd, op, c.fd, &ev);
    c.watched = events;
  }

  void SetListening(bool on) {
    if (on == listening || listen_fd < 0) return;
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.u64 = kListenId;
    epoll_ctl(epoll_fd, on ? EPOLL_CTL_ADD : EPOLL_CTL_DEL, listen_fd, &ev);
    listening = on;
  }

  void Close(uint64_t id) {
    auto it = conns.find(id);
    if (it == conns.end()) return;
    Connection& c = it->second;
    if (c.watched != 0) epoll_ctl(epoll_fd, EPOLL_CTL_DEL, c.fd, nullptr);
    ::close(c.fd);
    buffered -= c.reserved;
    conns.erase(it);
  }

  // Closes the idlest connection that is not being answered, for room.
  bool Evict() {
    const Connection* victim = nullptr;
    for (const auto& [id, c] : conns) {
      if (c.handling || !c.out.empty() || c.draining) continue;
      const Clock::time_point since = c.receiving ? c.first_byte : c.idle_since;
      const Clock::time_point victim_since = victim == nullptr   ? Clock::time_point::max()
                                             : victim->receiving ? victim->first_byte
                                                                 : victim->idle_since;
      // Idle connections go before those sending a request, oldest first.
      if (victim == nullptr || (!c.receiving && victim->receiving) ||
          (c.receiving == victim->receiving && since < victim_since)) {
        victim = &c;
      }
    }
    if (victim == nullptr) return false;
    Close(victim->id);
    return true;
  }

  void Accept() {
    while (true) {
      sockaddr_storage addr{};
      socklen_t len = sizeof(addr);
      const int fd = accept4(listen_fd, reinterpret_cast<sockaddr*>(&addr), &len,
                             SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd < 0) {
        if (errno == EINTR || errno == ECONNABORTED) continue;
        if ((errno == EMFILE || errno == ENFILE) && Evict()) continue;
        if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
          SetListening(false);  // out of descriptors: try again in a moment
          relisten_at = Clock::now() + kTick;
        }
        return;
      }
      if (conns.size() >= opt.max_connections && !Evict()) {
        ::close(fd);
        continue;
      }
      const int yes = 1;
      setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof(yes));
      Connection c;
      c.id = next_id++;
      c.fd = fd;
      c.remote = RemoteOf(addr);
      c.idle_since = Clock::now();
      Connection& added = conns.emplace(c.id, std::move(c)).first->second;
      Watch(added, EPOLLIN);
    }
  }

  void OnEvent(uint64_t id, uint32_t events) {
    auto it = conns.find(id);
    if (it == conns.end()) return;
    Connection& c = it->second;
    if ((events & EPOLLOUT) != 0 && !c.out.empty()) {
      Write(c);
      return;
    }
    if ((events & (EPOLLIN | EPOLLHUP | EPOLLERR)) != 0) Read(c);
  }

  void Read(Connection& c) {
    std::array<char, 65536> buf;
    while (true) {
      const ssize_t n = recv(c.fd, buf.data(), buf.size(), 0);
      if (n > 0) {
        if (c.draining) {
          c.drained += static_cast<size_t>(n);
          if (c.drained > kDrainBytes) return Close(c.id);
          continue;
        }
        if (!c.receiving) {
          c.receiving = true;
          c.first_byte = Clock::now();
        }
        c.in.append(buf.data(), static_cast<size_t>(n));
        if (!Process(c)) return;
        continue;
      }
      if (n < 0 && errno == EINTR) continue;
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
      return Close(c.id);  // the client closed, or the connection failed
    }
  }

  // Advances the request being read; false once it is complete or answered
  // (reading stops until the answer is written).
  bool Process(Connection& c) {
    if (!c.head) {
      const size_t end = FindEmptyLine(c.in, c.search_from);
      if (end == std::string::npos && c.in.size() <= opt.head.max_bytes) {
        c.search_from = c.in.size();
        return true;
      }
      HeadParse parsed = ParseRequestHead(c.in, opt.head);
      if (parsed.state == HeadParse::kIncomplete) {
        c.search_from = end == std::string::npos ? c.in.size() : end;
        return true;
      }
      if (parsed.state == HeadParse::kError) {
        Answer(c, ErrorResponse(parsed.error_status, ErrorCodeForHttpStatus(parsed.error_status),
                                parsed.error));
        return false;
      }
      c.head = std::move(parsed.head);
      if (!Admit(c)) return false;
    }
    const size_t total = c.head->bytes + c.head->content_length;
    if (c.in.size() < total) return true;
    Dispatch(c, total);
    return false;
  }

  // Checks a head just read; false when it was answered instead.
  bool Admit(Connection& c) {
    const RequestHead& h = *c.head;
    if (h.content_length > opt.max_body_bytes) {
      Answer(c, ErrorResponse(413, "payload_too_large",
                              fmt::format("request body is larger than the server accepts "
                                          "({} bytes at most)",
                                          opt.max_body_bytes)));
      return false;
    }
    if (cb.screen) {
      if (std::optional<HttpResponse> r = cb.screen(h)) {
        Answer(c, std::move(*r));
        return false;
      }
    }
    if (buffered + h.content_length > opt.max_buffered_bytes) {
      HttpResponse r = ErrorResponse(503, "overloaded",
                                     "the server is holding too many request bodies; retry later");
      r.headers.emplace("Retry-After", "1");
      Answer(c, std::move(r));
      return false;
    }
    c.reserved = h.content_length;
    buffered += c.reserved;
    c.in.reserve(h.bytes + h.content_length);
    if (h.expect_continue && c.in.size() < h.bytes + h.content_length) {
      static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
      if (send(c.fd, kContinue.data(), kContinue.size(), MSG_NOSIGNAL) !=
          static_cast<ssize_t>(kContinue.size())) {
        Close(c.id);
        return false;
      }
    }
    return true;
  }

  void Dispatch(Connection& c, size_t total) {
    auto request = std::make_shared<IncomingRequest>();
    request->head = std::move(*c.head);
    request->body = c.in.substr(request->head.bytes, total - request->head.bytes);
    request->remote = c.remote;
    request->start = c.first_byte;
    c.head.reset();
    c.in.erase(0, total);
    c.search_from = 0;
    c.receiving = false;
    c.handling = true;
    ++c.served;
    const bool close =
        !request->head.keep_alive || c.served >= opt.max_requests_per_connection || stop.load();
    const bool head_only = request->head.method == "HEAD";
    const size_t reserved = std::exchange(c.reserved, 0);
    Watch(c, 0);  // nothing to read or write while it is answered
    const uint64_t id = c.id;
    const bool queued = pool->Submit(
        [this, id, request, close, head_only, reserved] {
          std::string bytes;
          bool closing = close;
          try {
            bytes = WriteResponse(cb.handle(*request), head_only, close);
          } catch (...) {  // out of memory writing the answer: a short one
            static constexpr std::string_view kFailed =
                "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n"
                "Connection: close\r\n\r\n";
            bytes.assign(kFailed);
            closing = true;
          }
          {
            MutexLock lock(&mu);
            done.push_back({id, std::move(bytes), closing, reserved});
          }
          Wake();
        },
        Clock::time_point::max(), [] {});
    if (!queued) {  // shutting down
      buffered -= reserved;
      Close(id);
    }
  }

  // Answers from the loop: the connection closes once this is written.
  void Answer(Connection& c, HttpResponse response) {
    if (cb.refused) {
      cb.refused(c.head ? &*c.head : nullptr, c.remote, response,
                 c.receiving ? SecondsSince(c.first_byte) : 0.0);
    }
    buffered -= std::exchange(c.reserved, 0);
    c.head.reset();
    c.in.clear();
    c.receiving = false;
    c.out = WriteResponse(response, false, true);
    c.written = 0;
    c.close_after_write = true;
    c.drain_after_write = true;
    c.write_deadline = Clock::now() + std::chrono::milliseconds(opt.write_timeout_ms);
    Write(c);
  }

  void Write(Connection& c) {
    while (c.written < c.out.size()) {
      const ssize_t n =
          send(c.fd, c.out.data() + c.written, c.out.size() - c.written, MSG_NOSIGNAL);
      if (n > 0) {
        c.written += static_cast<size_t>(n);
      } else if (n < 0 && errno == EINTR) {
        continue;
      } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        Watch(c, EPOLLOUT);
        return;
      } else {
        return Close(c.id);
      }
    }
    c.out.clear();
    c.written = 0;
    if (c.drain_after_write) {
      shutdown(c.fd, SHUT_WR);
      c.draining = true;
      c.drain_deadline = Clock::now() + kDrainTime;
      Watch(c, EPOLLIN);
      return;
    }
    if (c.close_after_write || stop.load()) return Close(c.id);
    c.idle_since = Clock::now();
    Watch(c, EPOLLIN);
    if (!c.in.empty()) {  // the next request came with the last one
      c.receiving = true;
      c.first_byte = Clock::now();
      Process(c);
    }
  }

  void Completed() {
    std::vector<Completion> ready;
    {
      MutexLock lock(&mu);
      ready.swap(done);
    }
    for (Completion& d : ready) {
      buffered -= d.reserved;
      auto it = conns.find(d.id);
      if (it == conns.end()) continue;
      Connection& c = it->second;
      c.handling = false;
      c.out = std::move(d.bytes);
      c.written = 0;
      c.close_after_write = d.close;
      c.write_deadline = Clock::now() + std::chrono::milliseconds(opt.write_timeout_ms);
      Write(c);
    }
  }

  // Deadlines: run every tick.
  void Sweep() {
    const Clock::time_point now = Clock::now();
    if (!listening && !stop.load() && now >= relisten_at) SetListening(true);
    const auto ms = [](uint32_t n) { return std::chrono::milliseconds(n); };
    std::vector<uint64_t> idle, late;
    for (auto& [id, c] : conns) {
      if (c.draining) {
        if (now > c.drain_deadline) idle.push_back(id);
      } else if (!c.out.empty()) {
        if (now > c.write_deadline) idle.push_back(id);
      } else if (c.handling) {
        continue;
      } else if (stop.load()) {
        idle.push_back(id);  // stopping: only requests already read are answered
      } else if (c.receiving) {
        if ((!c.head && now > c.first_byte + ms(opt.header_timeout_ms)) ||
            now > c.first_byte + ms(opt.read_timeout_ms)) {
          late.push_back(id);
        }
      } else if (now > c.idle_since + ms(opt.idle_timeout_ms)) {
        idle.push_back(id);
      }
    }
    for (uint64_t id : idle) Close(id);
    for (uint64_t id : late) {
      Connection& c = conns.at(id);
      Answer(c, ErrorResponse(408, "request_timeout",
                              c.head ? "the request body did not arrive in time"
                                     : "the request head did not arrive in time"));
    }
  }
};

ConnectionLoop::ConnectionLoop(TransportOptions options, TransportCallbacks callbacks)
    : state_(std::make_unique<State>()) {
  State& s = *state_;
  s.opt = std::move(options);
  s.cb = std::move(callbacks);
  s.epoll_fd = epoll_create1(EPOLL_CLOEXEC);
  s.wake_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.u64 = kWakeId;
  if (s.epoll_fd >= 0 && s.wake_fd >= 0) epoll_ctl(s.epoll_fd, EPOLL_CTL_ADD, s.wake_fd, &ev);
  // Leave descriptors for the store and files: connections get what is left.
  rlimit files{};
  if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur != RLIM_INFINITY &&
      files.rlim_cur > 128) {
    s.opt.max_connections =
        static_cast<uint32_t>(std::min<rlim_t>(s.opt.max_connections, files.rlim_cur - 64));
  }
}

ConnectionLoop::~ConnectionLoop() {
  if (state_->pool) state_->pool->Shutdown();
}

Status ConnectionLoop::Bind(const std::string& host, int port) {
  State& s = *state_;
  if (s.listen_fd >= 0) return Status::Ok();
  ASSIGN_OR_RETURN(s.listen_fd, ListenOn(host, port));
  port_ = LocalPort(s.listen_fd);
  if (s.epoll_fd < 0 || s.wake_fd < 0) return InternalError("cannot create the event loop");
  s.SetListening(true);
  return Status::Ok();
}

void ConnectionLoop::Run() {
  State& s = *state_;
  s.pool = std::make_unique<WorkQueue>(s.opt.handler_threads, s.opt.max_connections);
  std::array<epoll_event, 256> events;
  Clock::time_point next_sweep = Clock::now() + kTick;
  bool stopping = false;
  while (true) {
    if (s.stop.load() && !stopping) {
      stopping = true;
      s.SetListening(false);
      s.Sweep();  // closes idle connections and those still sending
    }
    if (stopping && s.conns.empty()) break;
    const int n = epoll_wait(s.epoll_fd, events.data(), static_cast<int>(events.size()),
                             static_cast<int>(kTick.count()));
    for (int i = 0; i < n; ++i) {
      const uint64_t id = events[i].data.u64;
      if (id == kListenId) {
        s.Accept();
      } else if (id == kWakeId) {
        uint64_t count = 0;
        (void)!::read(s.wake_fd, &count, sizeof(count));
      } else {
        s.OnEvent(id, events[i].events);
      }
    }
    s.Completed();
    if (Clock::now() >= next_sweep) {
      s.Sweep();
      next_sweep = Clock::now() + kTick;
    }
  }
  s.pool->Shutdown();
}

void ConnectionLoop::Stop() {
  state_->stop = true;
  state_->Wake();
}

}  // namespace chorus::serve
