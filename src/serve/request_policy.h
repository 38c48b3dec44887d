// ScreenRequest: which requests the server takes, judged from the head alone
// (before the body is read), so that a web page on another site cannot use
// a browser to write to, or read from, a chorus server on the user's machine.
//
//   - The Host must name this server: "localhost", an IP address, or one of
//     `allowed_hosts` (any port; "*" allows every host). A page that rebinds
//     its own DNS name to 127.0.0.1 sends its own name as Host: 403.
//   - A request that sends data (POST, PUT, PATCH, or any with a body) must
//     say Content-Type: application/json. A page can send text/plain, form or
//     multipart bodies to any site without asking; a JSON body needs the
//     browser's CORS preflight, which this server never grants: 415.
//   - A request with an Origin (browsers send one with every cross-origin
//     request and with same-origin writes) must come from the origin the
//     Host names: 403. Clients that send no Origin (curl, Python) are not
//     asked for one.
//
//   if (auto refusal = ScreenRequest(head, options.allowed_hosts)) return *refusal;
//
// Thread safety: a pure function.
#ifndef CHORUS_SERVE_REQUEST_POLICY_H_
#define CHORUS_SERVE_REQUEST_POLICY_H_

#include <optional>
#include <string>
#include <vector>

#include "serve/http_wire.h"
#include "serve/router.h"

namespace chorus::serve {

std::optional<HttpResponse> ScreenRequest(const RequestHead& head,
                                          const std::vector<std::string>& allowed_hosts);

}  // namespace chorus::serve

#endif  // CHORUS_SERVE_REQUEST_POLICY_H_
