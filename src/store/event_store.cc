#include <sqlite3.h>

#include <cstring>
#include <filesystem>
#include <sstream>

#include "chorus/store.h"
#include "fmt/format.h"
#include "store/sqlite_statement.h"
#include "store/store_schema.h"
#include "store/writer_lock.h"

namespace chorus {
namespace {

// Features are stored as raw little-endian arrays (the formats are fixed-size
// PODs; chorus targets little-endian machines).
template <typename T>
std::span<const std::byte> AsBytes(const std::vector<T>& v) {
  return std::as_bytes(std::span<const T>(v));
}

template <typename T>
bool FromBytes(std::span<const std::byte> bytes, std::vector<T>* out) {
  if (bytes.size() % sizeof(T) != 0) return false;
  out->resize(bytes.size() / sizeof(T));
  if (!bytes.empty()) std::memcpy(static_cast<void*>(out->data()), bytes.data(), bytes.size());
  return true;
}

std::string JoinTerms(const std::vector<std::string>& terms) {
  std::string out;
  for (const std::string& t : terms) {
    if (!out.empty()) out += ' ';
    out += t;
  }
  return out;
}

// "file:<path>?immutable=1", with the characters a URI path cannot hold escaped.
std::string ImmutableUri(const std::string& path) {
  std::string uri = "file:";
  for (char c : path) {
    if (c == '%' || c == '?' || c == '#') {
      uri += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    } else {
      uri += c;
    }
  }
  return uri + "?immutable=1";
}

// Adds `terms` to the dictionary (inside the caller's transaction).
Status InsertTerms(sqlite3* db, const std::vector<StoredTerm>& terms) {
  Statement term(db, "INSERT INTO terms(id, stem, label) VALUES (?, ?, ?)");
  for (const StoredTerm& t : terms) {
    term.Bind(1, static_cast<int64_t>(t.id));
    term.Bind(2, t.stem);
    term.Bind(3, t.label);
    RETURN_IF_ERROR(term.Run());
  }
  return Status::Ok();
}

}  // namespace

struct EventStore::Db {
  std::unique_ptr<WriterLock> lock;  // released after the database is closed
  sqlite3* db = nullptr;
  ~Db() { sqlite3_close_v2(db); }
};

EventStore::EventStore(std::string path, std::unique_ptr<Db> db)
    : path_(std::move(path)), db_(std::move(db)) {}
EventStore::~EventStore() = default;

Result<std::unique_ptr<EventStore>> EventStore::Open(const std::string& path,
                                                     StoreOptions options) {
  if (options.read_only && !std::filesystem::exists(path)) {
    return NotFoundError(fmt::format("store {} does not exist (run `chorus cluster` first)", path));
  }
  auto db = std::make_unique<Db>();
  if (!options.read_only && path != ":memory:" && !path.empty()) {
    ASSIGN_OR_RETURN(db->lock, WriterLock::Acquire(path));
  }
  const int flags =
      options.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  int rc = sqlite3_open_v2(path.c_str(), &db->db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) return SqliteError(db->db, rc, fmt::format("opening {}", path));
  sqlite3_busy_timeout(db->db, options.busy_timeout_ms);
  if (!options.read_only) {
    // WAL: readers never block the writer and a kill mid-transaction leaves
    // the last committed state. FULL: a commit survives power loss too.
    Status wal = ExecSql(db->db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;");
    if (!wal.ok() && IsPermissionError(db->db)) {
      return IoError(fmt::format(
          "store {} is read-only for this user, and chorus cluster and chorus serve write to "
          "it (make the file and its directory writable, or use a copy)",
          path));
    }
    RETURN_IF_ERROR(wal);
    RETURN_IF_ERROR(CreateSchema(db->db));
  }
  bool denied = false;
  Result<int> schema = SchemaVersion(db->db, path, &denied);
  if (denied && options.read_only) {
    // A reader of a WAL store creates <store>-shm beside it; where it cannot,
    // a store whose log is empty (its writer closed it) is read as
    // unchanging, without that index.
    std::error_code ec;
    const bool pending_log = std::filesystem::file_size(path + "-wal", ec) > 0 && !ec;
    if (pending_log) {
      return IoError(fmt::format(
          "store {} cannot be read by this user: it has a write-ahead log ({}-wal) and its "
          "directory is not writable (a reader needs to create {}-shm); read it as its owner, "
          "or copy the store with its -wal file",
          path, path, path));
    }
    sqlite3_close_v2(db->db);
    db->db = nullptr;
    rc = sqlite3_open_v2(ImmutableUri(path).c_str(), &db->db,
                         SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) return SqliteError(db->db, rc, fmt::format("opening {}", path));
    schema = SchemaVersion(db->db, path, &denied);
  }
  if (!schema.ok()) return schema.status();
  int version = *schema;
  if (!options.read_only) {
    if (version == 1) {
      RETURN_IF_ERROR(MigrateFromSchema1(db->db, path));
      version = 2;
    }
    // A new store's features are this release's (a migrated one's are '').
    Statement features(db->db, "INSERT OR IGNORE INTO meta(key, value) VALUES ('features', ?)");
    features.Bind(1, kArticleFeatures);
    RETURN_IF_ERROR(features.Run());
  }
  ASSIGN_OR_RETURN(std::string features, MetaValue(db->db, "features"));
  Statement merges(db->db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'merges'");
  ASSIGN_OR_RETURN(const bool has_merges, merges.Step());
  auto store = std::unique_ptr<EventStore>(new EventStore(path, std::move(db)));
  store->has_merges_ = has_merges;
  store->schema_ = version;
  store->features_ = std::move(features);
  return store;
}

Status EventStore::Write(const StoreBatch& batch) {
  sqlite3* db = db_->db;
  RETURN_IF_ERROR(ExecSql(db, "BEGIN IMMEDIATE"));
  auto write = [&]() -> Status {
    RETURN_IF_ERROR(InsertTerms(db, batch.terms));
    Statement article(db,
                      "INSERT INTO articles(seq, id, source, date, title, url, text, event, "
                      "duplicate_of, day, terms, minhash, headline, names, numbers, words) "
                      "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    for (const StoredArticle& a : batch.articles) {
      article.Bind(1, static_cast<int64_t>(a.seq));
      article.Bind(2, a.document.id);
      article.Bind(3, a.document.source);
      article.Bind(4, a.document.date);
      article.Bind(5, a.document.title);
      article.Bind(6, a.document.url);
      article.Bind(7, a.document.text);
      article.Bind(8, a.event);
      if (a.duplicate_of) {
        article.Bind(9, static_cast<int64_t>(*a.duplicate_of));
      } else {
        article.BindNull(9);
      }
      if (a.record.day == ArticleRecord::kNoDay) {
        article.BindNull(10);
      } else {
        article.Bind(10, static_cast<int64_t>(a.record.day));
      }
      article.BindBlob(11, AsBytes(a.record.terms));
      article.BindBlob(12, AsBytes(a.record.minhash));
      article.BindBlob(13, AsBytes(a.record.headline));
      article.BindBlob(14, AsBytes(a.record.names));
      article.BindBlob(15, AsBytes(a.record.numbers));
      article.Bind(16, static_cast<int64_t>(a.record.words));
      RETURN_IF_ERROR(article.Run());
    }
    Statement event(db,
                    "INSERT OR REPLACE INTO events(id, label, first_date, last_date, articles, "
                    "duplicates, sources) VALUES (?,?,?,?,?,?,?)");
    for (const EventInfo& e : batch.events) {
      event.Bind(1, e.id);
      event.Bind(2, JoinTerms(e.top_terms));
      event.Bind(3, e.first_date);
      event.Bind(4, e.last_date);
      event.Bind(5, static_cast<int64_t>(e.articles));
      event.Bind(6, static_cast<int64_t>(e.duplicates));
      event.Bind(7, static_cast<int64_t>(e.independent_sources));
      RETURN_IF_ERROR(event.Run());
    }
    Statement merge(db, "INSERT OR REPLACE INTO merges(event, merged_into) VALUES (?, ?)");
    for (const EventInfo& e : batch.events) {
      if (e.merged_into == 0) continue;
      merge.Bind(1, e.id);
      merge.Bind(2, e.merged_into);
      RETURN_IF_ERROR(merge.Run());
    }
    return ExecSql(db, "COMMIT");
  };
  Status s = write();
  if (!s.ok()) ExecSql(db, "ROLLBACK");  // best effort; the write error is what matters
  return s;
}

Status EventStore::ForEachTerm(
    const std::function<Status(uint32_t, std::string_view, std::string_view)>& visit) const {
  Statement q(db_->db, "SELECT id, stem, label FROM terms ORDER BY id");
  for (;;) {
    ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) return Status::Ok();
    RETURN_IF_ERROR(visit(static_cast<uint32_t>(q.Int(0)), q.Text(1), q.Text(2)));
  }
}

Status EventStore::ForEachArticle(const std::function<Status(StoredArticle&&)>& visit,
                                  bool with_documents) const {
  if (schema_ < 2) {
    return ParseError(fmt::format(
        "{} was written by an earlier chorus (store schema 1): open it for writing once "
        "(`chorus cluster --store {}` with any input) to migrate it",
        path_, path_));
  }
  Statement q(db_->db,
              "SELECT seq, id, source, event, duplicate_of, day, terms, minhash, headline, names, "
              "numbers, words, date, title, url, CASE WHEN ?1 THEN text ELSE '' END "
              "FROM articles ORDER BY seq");
  q.Bind(1, static_cast<int64_t>(with_documents));
  for (;;) {
    ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) return Status::Ok();
    StoredArticle a;
    a.seq = static_cast<uint64_t>(q.Int(0));
    a.document.id = q.Text(1);
    a.document.source = q.Text(2);
    a.event = q.Int(3);
    if (!q.IsNull(4)) a.duplicate_of = static_cast<uint64_t>(q.Int(4));
    a.record.day = q.IsNull(5) ? ArticleRecord::kNoDay : static_cast<int32_t>(q.Int(5));
    if (!FromBytes(q.Blob(6), &a.record.terms) || !FromBytes(q.Blob(7), &a.record.minhash) ||
        !FromBytes(q.Blob(8), &a.record.headline) || !FromBytes(q.Blob(9), &a.record.names) ||
        !FromBytes(q.Blob(10), &a.record.numbers)) {
      return ParseError(fmt::format("{}: article {} has damaged features", path_, a.document.id));
    }
    a.record.words = static_cast<uint32_t>(q.Int(11));
    if (with_documents) {
      a.document.date = q.Text(12);
      a.document.title = q.Text(13);
      a.document.url = q.Text(14);
      a.document.text = q.Text(15);
    }
    RETURN_IF_ERROR(visit(std::move(a)));
  }
}

Status EventStore::ReplaceFeatures(const std::vector<StoredTerm>& terms,
                                   const std::vector<StoredArticle>& articles) {
  sqlite3* db = db_->db;
  RETURN_IF_ERROR(ExecSql(db, "BEGIN IMMEDIATE"));
  auto write = [&]() -> Status {
    RETURN_IF_ERROR(ExecSql(db, "DELETE FROM terms"));
    RETURN_IF_ERROR(InsertTerms(db, terms));
    Statement article(db,
                      "UPDATE articles SET terms = ?, minhash = ?, headline = ?, names = ?, "
                      "numbers = ?, words = ? WHERE seq = ?");
    for (const StoredArticle& a : articles) {
      article.BindBlob(1, AsBytes(a.record.terms));
      article.BindBlob(2, AsBytes(a.record.minhash));
      article.BindBlob(3, AsBytes(a.record.headline));
      article.BindBlob(4, AsBytes(a.record.names));
      article.BindBlob(5, AsBytes(a.record.numbers));
      article.Bind(6, static_cast<int64_t>(a.record.words));
      article.Bind(7, static_cast<int64_t>(a.seq));
      RETURN_IF_ERROR(article.Run());
    }
    Statement features(db, "INSERT OR REPLACE INTO meta(key, value) VALUES ('features', ?)");
    features.Bind(1, kArticleFeatures);
    RETURN_IF_ERROR(features.Run());
    return ExecSql(db, "COMMIT");
  };
  Status s = write();
  if (!s.ok()) {
    ExecSql(db, "ROLLBACK");  // best effort; the write error is what matters
    return s;
  }
  features_ = kArticleFeatures;
  return s;
}

namespace {

constexpr const char* kEventOrder = " ORDER BY date = '', date, seq";

// Which of `sizes` (seq, text bytes; in event order) a sample keeps: evenly
// spread, first and last included, within the byte limit.
std::vector<int64_t> SampleSeqs(const std::vector<std::pair<int64_t, int64_t>>& sizes,
                                const EventSample& sample) {
  const size_t n = sizes.size();
  size_t k = sample.max_articles == 0 ? n : std::min<size_t>(n, sample.max_articles);
  size_t total = 0;
  for (const auto& [seq, size] : sizes) total += static_cast<size_t>(size);
  if (sample.max_text_bytes > 0 && total > sample.max_text_bytes) {
    // As many as fit on average, so the sample spans the whole event.
    k = std::min(
        k, std::max<size_t>(1, static_cast<size_t>(static_cast<double>(n) *
                                                   static_cast<double>(sample.max_text_bytes) /
                                                   static_cast<double>(total))));
  }
  std::vector<int64_t> seqs;
  size_t bytes = 0;
  for (size_t i = 0; i < k; ++i) {
    const size_t at = k == 1 ? 0 : i * (n - 1) / (k - 1);
    const auto size = static_cast<size_t>(sizes[at].second);
    // One that does not fit is left out; smaller ones later may.
    if (sample.max_text_bytes > 0 && bytes + size > sample.max_text_bytes && !seqs.empty())
      continue;
    bytes += size;
    seqs.push_back(sizes[at].first);
  }
  return seqs;
}

Document ArticleOf(const Statement& q) {
  Document d;
  d.id = q.Text(0);
  d.source = q.Text(1);
  d.date = q.Text(2);
  d.title = q.Text(3);
  d.url = q.Text(4);
  d.text = q.Text(5);
  return d;
}

}  // namespace

Result<int64_t> EventStore::CurrentEvent(int64_t event) const {
  if (!has_merges_) return event;
  Statement q(db_->db, "SELECT merged_into FROM merges WHERE event = ?");
  for (;;) {
    q.Bind(1, event);
    ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) return event;
    const int64_t into = q.Int(0);
    // An event only merges into an older one: ids fall, so this ends.
    if (into < 1 || into >= event) {
      return InternalError(
          fmt::format("store {}: event {} is recorded as merged into event {}, which is not older",
                      path_, event, into));
    }
    event = into;
    q.Reset();
  }
}

Result<Cluster> EventStore::LoadEvent(int64_t event, bool include_duplicates, EventSample sample,
                                      uint64_t* omitted) const {
  if (omitted != nullptr) *omitted = 0;
  const int64_t asked = event;
  ASSIGN_OR_RETURN(event, CurrentEvent(event));
  // The event and every event merged into it, directly or not.
  const std::string parts =
      has_merges_ ? "WITH RECURSIVE parts(id) AS (SELECT ?1 UNION SELECT m.event FROM merges m "
                    "JOIN parts p ON m.merged_into = p.id) "
                  : "WITH parts(id) AS (SELECT ?1) ";
  const std::string where =
      std::string("FROM articles WHERE event IN parts AND (?2 OR duplicate_of IS NULL)") +
      kEventOrder;
  Cluster cluster;
  cluster.id = std::to_string(event);
  if (sample.max_articles == 0 && sample.max_text_bytes == 0) {
    Statement q(db_->db, (parts + "SELECT id, source, date, title, url, text " + where).c_str());
    q.Bind(1, event);
    q.Bind(2, static_cast<int64_t>(include_duplicates));
    for (;;) {
      ASSIGN_OR_RETURN(bool row, q.Step());
      if (!row) break;
      cluster.documents.push_back(ArticleOf(q));
    }
  } else {
    Statement sizes_q(db_->db, (parts + "SELECT seq, length(CAST(text AS BLOB)) " + where).c_str());
    sizes_q.Bind(1, event);
    sizes_q.Bind(2, static_cast<int64_t>(include_duplicates));
    std::vector<std::pair<int64_t, int64_t>> sizes;
    for (;;) {
      ASSIGN_OR_RETURN(bool row, sizes_q.Step());
      if (!row) break;
      sizes.emplace_back(sizes_q.Int(0), sizes_q.Int(1));
    }
    Statement q(db_->db, "SELECT id, source, date, title, url, text FROM articles WHERE seq = ?");
    const std::vector<int64_t> seqs = SampleSeqs(sizes, sample);
    if (omitted != nullptr) *omitted = sizes.size() - seqs.size();
    for (int64_t seq : seqs) {
      q.Bind(1, seq);
      ASSIGN_OR_RETURN(bool row, q.Step());
      if (row) cluster.documents.push_back(ArticleOf(q));
      q.Reset();
    }
  }
  if (cluster.documents.empty()) {
    return NotFoundError(
        fmt::format("store {} has no event {} (`chorus events --store {}` lists its events)", path_,
                    asked, path_));
  }
  return cluster;
}

Result<std::vector<EventInfo>> EventStore::ListEvents(EventPage page) const {
  // LIMIT -1 is SQLite's "no limit".
  const std::string live = has_merges_ ? " AND id NOT IN (SELECT event FROM merges)" : "";
  Statement q(db_->db, ("SELECT id, label, first_date, last_date, articles, duplicates, sources "
                        "FROM events WHERE id > ?1" +
                        live + " ORDER BY id LIMIT ?2")
                           .c_str());
  q.Bind(1, page.after);
  q.Bind(2, page.limit == 0 ? int64_t{-1} : int64_t{page.limit});
  std::vector<EventInfo> events;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) return events;
    EventInfo e;
    e.id = q.Int(0);
    std::istringstream label{std::string(q.Text(1))};
    for (std::string term; label >> term;) e.top_terms.push_back(term);
    e.first_date = q.Text(2);
    e.last_date = q.Text(3);
    e.articles = static_cast<uint32_t>(q.Int(4));
    e.duplicates = static_cast<uint32_t>(q.Int(5));
    e.independent_sources = static_cast<uint32_t>(q.Int(6));
    events.push_back(std::move(e));
  }
}

Result<uint64_t> EventStore::ArticleCount() const {
  Statement q(db_->db, "SELECT COUNT(*) FROM articles");
  ASSIGN_OR_RETURN(bool row, q.Step());
  return row ? static_cast<uint64_t>(q.Int(0)) : 0;
}

Result<Cluster> LoadStoredEvent(const std::string& path, int64_t event, bool include_duplicates,
                                EventSample sample, uint64_t* omitted) {
  ASSIGN_OR_RETURN(std::unique_ptr<EventStore> store, EventStore::Open(path, {.read_only = true}));
  return store->LoadEvent(event, include_duplicates, sample, omitted);
}

}  // namespace chorus
