// Thin RAII over SQLite prepared statements, turning SQLite errors into Status.
#ifndef CHORUS_STORE_SQLITE_STATEMENT_H_
#define CHORUS_STORE_SQLITE_STATEMENT_H_

#include <sqlite3.h>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "chorus/status.h"

namespace chorus {

// Status for SQLite result `rc` on `db`, naming what was being done.
Status SqliteError(sqlite3* db, int rc, std::string_view doing);

// Runs SQL without results (one or more statements).
Status ExecSql(sqlite3* db, const char* sql);

class Statement {
 public:
  Statement(sqlite3* db, const char* sql);
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  const Status& status() const { return status_; }

  void Bind(int i, int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
  void Bind(int i, double v) { sqlite3_bind_double(stmt_, i, v); }
  void Bind(int i, std::string_view v) {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
  void BindNull(int i) { sqlite3_bind_null(stmt_, i); }
  void BindBlob(int i, std::span<const std::byte> v) {
    // An empty span may have a null pointer, which SQLite would store as NULL.
    if (v.empty()) {
      sqlite3_bind_zeroblob(stmt_, i, 0);
    } else {
      sqlite3_bind_blob(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    }
  }

  // SQLITE_ROW -> true, SQLITE_DONE -> false (and resets), errors -> Status.
  Result<bool> Step();
  // Steps to completion of a statement without results, then resets it.
  Status Run();
  // Makes a statement stopped at a row ready to run again.
  void Reset() { sqlite3_reset(stmt_); }

  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  bool IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  std::string_view Text(int col) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    return p ? std::string_view(p, sqlite3_column_bytes(stmt_, col)) : std::string_view();
  }
  std::span<const std::byte> Blob(int col) const {
    const auto* p = static_cast<const std::byte*>(sqlite3_column_blob(stmt_, col));
    return {p, p ? static_cast<size_t>(sqlite3_column_bytes(stmt_, col)) : 0};
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  Status status_;
};

}  // namespace chorus

#endif  // CHORUS_STORE_SQLITE_STATEMENT_H_
