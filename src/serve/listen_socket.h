// Listen socket: the socket calls of the server's transport
// (serve/connection_loop.h) that know nothing of connections or requests:
// opening a listening socket on a host and port, reading back the port it
// got, and naming a peer's address as text.
//
// Contract: ListenOn's descriptor belongs to the caller (close it); errors
// are kUnavailable naming host:port, never a crash or an exit.
//
// Thread safety: plain functions over their arguments.
#ifndef CHORUS_SERVE_LISTEN_SOCKET_H_
#define CHORUS_SERVE_LISTEN_SOCKET_H_

#include <sys/socket.h>

#include <string>

#include "chorus/status.h"

namespace chorus::serve {

// A non-blocking, close-on-exec TCP socket listening (SO_REUSEADDR, backlog
// 1024) on the first address `host` resolves to that binds; port 0: any free
// port. kUnavailable when the address is in use or not this machine's.
Result<int> ListenOn(const std::string& host, int port);

// The port a bound socket `fd` listens on.
int LocalPort(int fd);

// "127.0.0.1:51234" or "::1:51234"; "?:0" for an address of another family.
std::string RemoteOf(const sockaddr_storage& addr);

}  // namespace chorus::serve

#endif  // CHORUS_SERVE_LISTEN_SOCKET_H_
