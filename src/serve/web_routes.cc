// The web page, compiled into the binary (chorus_embed_file), so the server
// needs no install path and the page no network resource.
#include <string_view>

#include "serve/routes.h"

namespace chorus::embedded {
extern const std::string_view kWebIndexHtml;
extern const std::string_view kWebAppJs;
extern const std::string_view kWebAppCss;
}  // namespace chorus::embedded

namespace chorus::serve {
namespace {

void AddAsset(Router* router, std::string path, std::string_view content,
              std::string content_type) {
  router->Add("GET", std::move(path),
              [content, content_type](const HttpRequest&, const PathParams&) {
                HttpResponse r;
                r.content_type = content_type;
                r.body = std::string(content);
                r.headers["Cache-Control"] = "no-cache";
                // The page loads nothing from elsewhere; say so to the browser.
                r.headers["Content-Security-Policy"] =
                    "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                    "script-src 'self'; connect-src 'self'";
                r.headers["X-Content-Type-Options"] = "nosniff";
                return r;
              });
}

}  // namespace

void AddWebRoutes(Router* router) {
  AddAsset(router, "/", embedded::kWebIndexHtml, "text/html; charset=utf-8");
  AddAsset(router, "/app.js", embedded::kWebAppJs, "text/javascript; charset=utf-8");
  AddAsset(router, "/app.css", embedded::kWebAppCss, "text/css; charset=utf-8");
}

}  // namespace chorus::serve
