// The event store's schema: the tables a store holds, which schema a
// database has, and the migration of an older one.
#ifndef CHORUS_STORE_STORE_SCHEMA_H_
#define CHORUS_STORE_STORE_SCHEMA_H_

#include <sqlite3.h>

#include <string>

#include "chorus/status.h"

namespace chorus {

// Creates the tables of the current schema (2) where absent; a store opened
// for writing gets them.
Status CreateSchema(sqlite3* db);

// The meta table's value for `key`; empty when absent.
Result<std::string> MetaValue(sqlite3* db, const char* key);

// The store schema of the database at `path` (1 or 2); `*denied` tells a
// store this user may not read (or index) from one that is not a store.
Result<int> SchemaVersion(sqlite3* db, const std::string& path, bool* denied);

// Migrates a schema 1 store to schema 2 in one transaction (rolled back on
// failure). Its features stay those of an earlier featurizer: the meta
// 'features' key is set to '' to say so.
Status MigrateFromSchema1(sqlite3* db, const std::string& path);

// Whether the last error on `db` says the file cannot be written (or a
// reader cannot create its -shm index).
bool IsPermissionError(sqlite3* db);

}  // namespace chorus

#endif  // CHORUS_STORE_STORE_SCHEMA_H_
