// ReadClusters / ReadArticles: walks the user's inputs, decides what each is,
// and hands clusters or articles to the sink as soon as they are read.
#include "chorus/ingest.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

#include "base/strings.h"
#include "base/utf8.h"
#include "ingest/html_article.h"
#include "ingest/jsonl_parser.h"
#include "ingest/line_reader.h"
#include "ingest/text_article.h"
#include "ingest/text_checks.h"

namespace chorus {
namespace {

namespace fs = std::filesystem;
using ingest::LineReader;

constexpr size_t kSniffBytes = 64 * 1024;

enum class FileKind { kJsonl, kHtml, kText };

FileKind KindFromName(std::string_view path) {
  std::string ext = fs::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (ext == ".jsonl" || ext == ".ndjson" || ext == ".json") return FileKind::kJsonl;
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return FileKind::kHtml;
  return FileKind::kText;
}

// The name a directory gives its cluster ("articles/" -> "articles").
std::string DirectoryName(const std::string& dir) {
  fs::path p = fs::path(dir).lexically_normal();
  if (p.filename().empty()) p = p.parent_path();
  if (p.filename().empty() || p.filename() == "." || p.filename() == "..") {
    std::error_code ec;
    fs::path abs = fs::absolute(p, ec).lexically_normal();
    if (abs.filename().empty()) abs = abs.parent_path();
    if (!ec && !abs.filename().empty()) return abs.filename().string();
  }
  return p.filename().empty() ? std::string("input") : p.filename().string();
}

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

// One read of a list of inputs. Exactly one of the three sinks is set.
class InputReader {
 public:
  InputReader(const IngestOptions& options, Diagnostics* diagnostics, const ClusterSink* clusters,
              const ArticleSink* articles, const LabelledArticleSink* labelled = nullptr)
      : options_(options),
        diags_(diagnostics),
        cluster_sink_(clusters),
        article_sink_(articles),
        labelled_sink_(labelled) {}

  Status Run(const std::vector<std::string>& inputs) {
    // Missing paths are reported before any work (a typo shows at once) and
    // the other inputs are read; under strict the first one stops the run.
    std::vector<std::string> present;
    for (const std::string& input : inputs) {
      std::error_code ec;
      if (input == "-" || fs::exists(input, ec)) {
        present.push_back(input);
      } else if (options_.strict) {
        return Stop(input, 0, "no such file or directory", StatusCode::kNotFound);
      } else {
        diags_->Error(input, 0, "no such file or directory");
      }
    }
    Group loose;  // article files named one by one form one cluster
    loose.cluster.id = "input";
    for (const std::string& input : present) {
      std::error_code ec;
      if (input == "-") {
        RETURN_IF_ERROR(ReadStdin(&loose));
      } else if (fs::is_directory(input, ec)) {
        RETURN_IF_ERROR(ReadDirectory(input));
      } else {
        RETURN_IF_ERROR(ReadFile(input, &loose));
      }
    }
    if (!loose.cluster.documents.empty()) RETURN_IF_ERROR(EmitCluster(std::move(loose.cluster)));
    return Status::Ok();
  }

 private:
  // Records an input error; under strict it also stops the read.
  Status Error(const std::string& file, uint64_t line, const std::string& message) {
    diags_->Error(file, line, message);
    if (!options_.strict) return Status::Ok();
    return Status(StatusCode::kParseError, diags_->all().back().ToString());
  }

  // Records an error that always stops the read.
  Status Stop(const std::string& file, uint64_t line, const std::string& message, StatusCode code) {
    diags_->Error(file, line, message);
    return Status(code, diags_->all().back().ToString());
  }

  // A cluster being assembled from article files or lines.
  struct Group {
    Cluster cluster;
    size_t text_bytes = 0;
    bool full = false;  // an article was left out: max_cluster_bytes reached
  };

  Status EmitCluster(Cluster&& cluster) {
    if (cluster_sink_ != nullptr) return (*cluster_sink_)(std::move(cluster));
    if (labelled_sink_ != nullptr) {
      for (Document& doc : cluster.documents) {
        RETURN_IF_ERROR((*labelled_sink_)({std::move(doc), cluster.id}));
      }
      return Status::Ok();
    }
    for (Document& doc : cluster.documents) RETURN_IF_ERROR((*article_sink_)(std::move(doc)));
    return Status::Ok();
  }

  // Adds an article to `group` (a cluster being assembled), or streams it.
  // Past max_cluster_bytes of text the article is left out, with a warning.
  Status AddArticle(Document&& doc, Group* group, const std::string& file, uint64_t line) {
    if (article_sink_ != nullptr) return (*article_sink_)(std::move(doc));
    if (!FitsCluster(doc.text.size(), group->cluster.id, file, line, &group->text_bytes,
                     &group->full)) {
      return Status::Ok();
    }
    group->cluster.documents.push_back(std::move(doc));
    return Status::Ok();
  }

  // Whether an article of `bytes` fits a cluster holding `*held` bytes of
  // text (then counted in); warns the first time one does not (`*full`).
  bool FitsCluster(size_t bytes, const std::string& cluster, const std::string& file, uint64_t line,
                   size_t* held, bool* full) {
    if (*held == 0 || *held + bytes <= options_.max_cluster_bytes) {  // the first always fits
      *held += bytes;
      return true;
    }
    if (!*full) {
      diags_->Warning(file, line,
                      fmt::format("cluster {} has more than {} bytes of article text; this "
                                  "article and later ones are left out of it",
                                  cluster, options_.max_cluster_bytes));
    }
    *full = true;
    return false;
  }

  // Leaves out the documents of a whole cluster past max_cluster_bytes.
  void CapCluster(const std::string& file, uint64_t line, Cluster* cluster) {
    size_t held = 0;
    bool full = false;
    std::erase_if(cluster->documents, [&](const Document& doc) {
      return !FitsCluster(doc.text.size(), cluster->id, file, line, &held, &full);
    });
  }

  void CapText(const std::string& file, uint64_t line, std::string* text) {
    if (TruncateUtf8(text, options_.max_document_bytes)) {
      diags_->Warning(
          file, line,
          fmt::format("article text longer than {} bytes; cut there", options_.max_document_bytes));
    }
  }

  Status ReadDirectory(const std::string& dir) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      std::string name = it->path().filename().string();
      if (name.empty() || name[0] == '.') continue;
      std::error_code type_ec;
      if (it->is_regular_file(type_ec)) files.push_back(it->path());
    }
    if (ec) return Error(dir, 0, fmt::format("cannot list directory: {}", ec.message()));
    std::sort(files.begin(), files.end());
    Group group;
    group.cluster.id = DirectoryName(dir);
    size_t found_before = records_found_;
    for (const fs::path& file : files) RETURN_IF_ERROR(ReadFile(file.string(), &group));
    if (records_found_ == found_before) {
      return Error(dir, 0, "no articles in this directory (expected .txt, .html or .jsonl files)");
    }
    if (!group.cluster.documents.empty()) RETURN_IF_ERROR(EmitCluster(std::move(group.cluster)));
    return Status::Ok();
  }

  Status ReadFile(const std::string& path, Group* group) {
    FilePtr file(std::fopen(path.c_str(), "rb"));
    if (!file) return Error(path, 0, fmt::format("cannot open: {}", std::strerror(errno)));
    LineReader reader(file.get());
    FileKind kind = KindFromName(path);
    if (kind == FileKind::kJsonl) return ReadJsonl(&reader, path);
    return ReadArticleBytes(&reader, path, kind == FileKind::kHtml, group);
  }

  Status ReadStdin(Group* group) {
    LineReader reader(stdin);
    std::string_view head = reader.Peek(kSniffBytes);
    size_t first = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    if (first != std::string_view::npos && head[first] == '{') return ReadJsonl(&reader, "-");
    return ReadArticleBytes(&reader, "-", false, group);
  }

  // Checks that are the same for every kind of file; false = skip the file.
  bool CheckHead(std::string_view head, const std::string& name, Status* status) {
    if (IsBlank(head)) {
      *status = Error(name, 0, "empty file");
      return false;
    }
    if (ingest::LooksBinary(head)) {
      *status = Error(name, 0, "binary file (NUL bytes or control characters), skipped");
      return false;
    }
    return true;
  }

  Status ReadArticleBytes(LineReader* reader, const std::string& name, bool is_html, Group* group) {
    Status status;
    if (!CheckHead(reader->Peek(kSniffBytes), name, &status)) return status;
    std::string bytes;
    bool complete = reader->ReadRest(&bytes, options_.max_document_bytes);
    if (reader->failed()) return Error(name, 0, "read error");
    if (!complete) {
      TruncateUtf8(&bytes, options_.max_document_bytes);
      diags_->Warning(name, 0,
                      fmt::format("file longer than {} bytes; only that much is read",
                                  options_.max_document_bytes));
    }
    RepairWithWarning(name, 0, &bytes);
    if (labelled_sink_ != nullptr) {
      return Error(name, 0, "not JSON Lines: a labelled stream gives each article's gold event");
    }
    Document doc = ParseArticleText(bytes, name == "-" ? "stdin" : name,
                                    is_html || ingest::LooksLikeHtml(bytes));
    if (IsBlank(doc.text)) return Error(name, 0, "no article text found");
    ++records_found_;
    return AddArticle(std::move(doc), group, name, 0);
  }

  void RepairWithWarning(const std::string& name, uint64_t line, std::string* bytes) {
    size_t repaired = RepairUtf8(bytes);
    if (repaired > 0) {
      diags_->Warning(name, line,
                      fmt::format("invalid UTF-8 replaced by U+FFFD ({} place{})", repaired,
                                  repaired == 1 ? "" : "s"));
    }
  }

  Status ReadJsonl(LineReader* reader, const std::string& name) {
    Status status;
    if (!CheckHead(reader->Peek(kSniffBytes), name, &status)) return status;
    std::string stem = name == "-" ? "stdin" : ingest::IdFromFileName(name);
    Group articles;  // consecutive article lines form one cluster
    articles.cluster.id = stem;
    size_t records_before = records_found_;
    size_t errors_before = diags_->error_count();
    std::string repaired;
    std::string_view line;
    reader->set_max_line_bytes(options_.max_line_bytes);
    while (reader->Next(&line)) {
      const uint64_t line_no = reader->line_number();
      if (reader->line_too_long()) {
        RETURN_IF_ERROR(
            Error(name, line_no,
                  fmt::format("line longer than {} bytes; skipped", options_.max_line_bytes)));
        continue;
      }
      if (IsBlank(line)) continue;
      ingest::JsonlRecord record;
      std::string error;
      // simdjson validates UTF-8 as it parses, so a line is validated again
      // only when it failed: an invalid one is repaired and parsed again.
      bool parsed = parser_.Parse(line, line.size() + LineReader::kPadding, &record, &error);
      if (!parsed && !IsValidUtf8(line)) {
        repaired.assign(line);
        RepairWithWarning(name, line_no, &repaired);
        repaired.append(LineReader::kPadding, ' ');
        line = std::string_view(repaired.data(), repaired.size() - LineReader::kPadding);
        error.clear();
        parsed = parser_.Parse(line, repaired.size(), &record, &error);
      }
      if (!parsed) {
        RETURN_IF_ERROR(Error(name, line_no, error));
        continue;
      }
      ++records_found_;
      if (record.kind == ingest::JsonlRecord::Kind::kArticle) {
        Document& doc = record.article;
        if (doc.id.empty()) doc.id = fmt::format("{}-{}", stem, line_no);
        CapText(name, line_no, &doc.text);
        if (labelled_sink_ != nullptr) {
          if (record.event.empty()) {
            RETURN_IF_ERROR(Error(name, line_no, "article has no \"event\" (its gold event)"));
          } else {
            RETURN_IF_ERROR((*labelled_sink_)({std::move(doc), std::move(record.event)}));
          }
          continue;
        }
        RETURN_IF_ERROR(AddArticle(std::move(doc), &articles, name, line_no));
        continue;
      }
      if (!articles.cluster.documents.empty()) {
        RETURN_IF_ERROR(EmitCluster(std::move(articles.cluster)));
        articles = Group();
        articles.cluster.id = fmt::format("{}-{}", stem, line_no);
      }
      Cluster& cluster = record.cluster;
      if (cluster.id.empty()) cluster.id = fmt::format("{}-{}", stem, line_no);
      for (Document& doc : cluster.documents) CapText(name, line_no, &doc.text);
      CapCluster(name, line_no, &cluster);
      RETURN_IF_ERROR(EmitCluster(std::move(cluster)));
    }
    if (reader->failed()) RETURN_IF_ERROR(Error(name, 0, "read error"));
    if (!articles.cluster.documents.empty()) {
      RETURN_IF_ERROR(EmitCluster(std::move(articles.cluster)));
    }
    if (records_found_ == records_before && diags_->error_count() == errors_before) {
      return Error(name, 0, "no clusters or articles in this file");
    }
    return Status::Ok();
  }

  const IngestOptions& options_;
  Diagnostics* diags_;
  const ClusterSink* cluster_sink_;
  const ArticleSink* article_sink_;
  const LabelledArticleSink* labelled_sink_;
  ingest::JsonlParser parser_;
  size_t records_found_ = 0;  // articles and clusters read so far
};

}  // namespace

Status ReadClusters(const std::vector<std::string>& inputs, const IngestOptions& options,
                    Diagnostics* diagnostics, const ClusterSink& sink) {
  InputReader reader(options, diagnostics, &sink, nullptr);
  return reader.Run(inputs);
}

Status ReadArticles(const std::vector<std::string>& inputs, const IngestOptions& options,
                    Diagnostics* diagnostics, const ArticleSink& sink) {
  InputReader reader(options, diagnostics, nullptr, &sink);
  return reader.Run(inputs);
}

Status ReadLabelledArticles(const std::vector<std::string>& inputs, const IngestOptions& options,
                            Diagnostics* diagnostics, const LabelledArticleSink& sink) {
  InputReader reader(options, diagnostics, nullptr, nullptr, &sink);
  return reader.Run(inputs);
}

Document ParseArticleText(std::string_view text, std::string_view name, bool is_html) {
  std::string repaired;
  if (!IsValidUtf8(text)) {
    repaired.assign(text);
    RepairUtf8(&repaired);
    text = repaired;
  }
  Document doc =
      is_html ? ingest::ParseHtmlArticle(text, name) : ingest::ParseTextArticle(text, name);
  ingest::ReplaceControlCharacters(&doc);
  return doc;
}

}  // namespace chorus
