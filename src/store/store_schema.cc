#include "store/store_schema.h"

#include "fmt/format.h"
#include "store/sqlite_statement.h"

namespace chorus {
namespace {

// Schema 2 (this release) adds the clusterer's headline, name and number
// vectors and word counts to each article; schema 1 stores are migrated when
// opened for writing (columns added, features re-derived from the stored text
// by EventStream) and read as they are otherwise.
constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS terms(id INTEGER PRIMARY KEY, stem TEXT NOT NULL, label TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles(
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  source TEXT NOT NULL, date TEXT NOT NULL, title TEXT NOT NULL, url TEXT NOT NULL,
  text TEXT NOT NULL,
  event INTEGER NOT NULL,
  duplicate_of INTEGER REFERENCES articles(seq),
  day INTEGER,
  terms BLOB NOT NULL,
  minhash BLOB NOT NULL,
  headline BLOB NOT NULL DEFAULT x'',
  names BLOB NOT NULL DEFAULT x'',
  numbers BLOB NOT NULL DEFAULT x'',
  words INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS articles_by_event ON articles(event);
CREATE TABLE IF NOT EXISTS events(
  id INTEGER PRIMARY KEY, label TEXT NOT NULL, first_date TEXT NOT NULL, last_date TEXT NOT NULL,
  articles INTEGER NOT NULL, duplicates INTEGER NOT NULL, sources INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS merges(
  event INTEGER PRIMARY KEY, merged_into INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS merges_by_target ON merges(merged_into);
INSERT OR IGNORE INTO meta(key, value) VALUES ('schema', '2');
)sql";
// The merges table arrived within schema 2: a store opened for writing gets
// it (kSchema); one written earlier and opened read-only has none and no
// merges. An earlier release reading a store with merges ignores them (it
// lists merged events as live), which is why the schema number stays.

// Schema 1 -> 2, in one transaction. Its features are those of an earlier
// featurizer: the meta 'features' key (absent in schema 1) says so.
constexpr const char* kMigrateFrom1 = R"sql(
BEGIN IMMEDIATE;
ALTER TABLE articles ADD COLUMN headline BLOB NOT NULL DEFAULT x'';
ALTER TABLE articles ADD COLUMN names BLOB NOT NULL DEFAULT x'';
ALTER TABLE articles ADD COLUMN numbers BLOB NOT NULL DEFAULT x'';
ALTER TABLE articles ADD COLUMN words INTEGER NOT NULL DEFAULT 0;
UPDATE meta SET value = '2' WHERE key = 'schema';
INSERT OR REPLACE INTO meta(key, value) VALUES ('features', '');
COMMIT;
)sql";

}  // namespace

Status CreateSchema(sqlite3* db) { return ExecSql(db, kSchema); }

Result<std::string> MetaValue(sqlite3* db, const char* key) {
  Statement q(db, "SELECT value FROM meta WHERE key = ?");
  q.Bind(1, std::string_view(key));
  ASSIGN_OR_RETURN(bool row, q.Step());
  return row ? std::string(q.Text(0)) : std::string();
}

Result<int> SchemaVersion(sqlite3* db, const std::string& path, bool* denied) {
  Result<std::string> schema = MetaValue(db, "schema");
  *denied = !schema.ok() && IsPermissionError(db);
  if (*denied) {
    return IoError(fmt::format("cannot read store {}: {}", path, schema.status().message()));
  }
  if (!schema.ok()) {
    return Status(schema.status().code(),
                  fmt::format("{} is not a chorus store: {}", path, schema.status().message()));
  }
  if (*schema != "1" && *schema != "2") {
    return ParseError(schema->empty()
                          ? fmt::format("{} is not a chorus store (it names no schema)", path)
                          : fmt::format("{} has store schema {}, which this chorus cannot read "
                                        "(it reads schemas 1 and 2): written by a newer chorus?",
                                        path, *schema));
  }
  return *schema == "1" ? 1 : 2;
}

Status MigrateFromSchema1(sqlite3* db, const std::string& path) {
  Status migrated = ExecSql(db, kMigrateFrom1);
  if (!migrated.ok()) {
    ExecSql(db, "ROLLBACK");  // best effort; the migration error is what matters
    return Status(migrated.code(),
                  fmt::format("migrating {} from store schema 1: {}", path, migrated.message()));
  }
  return Status::Ok();
}

bool IsPermissionError(sqlite3* db) {
  const int code = sqlite3_errcode(db) & 0xff;
  return code == SQLITE_READONLY || code == SQLITE_CANTOPEN || code == SQLITE_PERM;
}

}  // namespace chorus
