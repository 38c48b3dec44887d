#include "store/sqlite_statement.h"

#include "fmt/format.h"

namespace chorus {

Status SqliteError(sqlite3* db, int rc, std::string_view doing) {
  const std::string message =
      fmt::format("store: {}: {} ({})", doing, db ? sqlite3_errmsg(db) : sqlite3_errstr(rc), rc);
  const int primary = rc & 0xff;
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) return UnavailableError(message);
  if (primary == SQLITE_CANTOPEN) return NotFoundError(message);
  if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) return ParseError(message);
  return IoError(message);
}

Status ExecSql(sqlite3* db, const char* sql) {
  char* error = nullptr;
  const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &error);
  if (rc == SQLITE_OK) return Status::Ok();
  std::string message = error ? error : sqlite3_errstr(rc);
  sqlite3_free(error);
  return SqliteError(nullptr, rc, fmt::format("{} (running: {:.60})", message, sql));
}

Statement::Statement(sqlite3* db, const char* sql) : db_(db) {
  const int rc = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr);
  if (rc != SQLITE_OK) status_ = SqliteError(db, rc, fmt::format("preparing '{:.60}'", sql));
}

Result<bool> Statement::Step() {
  if (!status_.ok()) return status_;
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  sqlite3_reset(stmt_);
  if (rc == SQLITE_DONE) return false;
  return SqliteError(db_, rc, fmt::format("running '{:.60}'", sqlite3_sql(stmt_)));
}

Status Statement::Run() {
  ASSIGN_OR_RETURN(bool row, Step());
  while (row) {
    ASSIGN_OR_RETURN(row, Step());
  }
  sqlite3_clear_bindings(stmt_);
  return Status::Ok();
}

}  // namespace chorus
