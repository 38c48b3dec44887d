// Crash safety of `chorus cluster`: SIGKILL halfway through a 10,000-article
// feed, then the same feed again, must leave every article stored exactly
// once, every acknowledged article kept, and a database that passes
// PRAGMA integrity_check. Runs the real binary (CHORUS_CLI_PATH).
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "fmt/format.h"

namespace chorus {
namespace {

constexpr int kArticles = 10'000;

// Synthetic articles: 300 topics, each with its own vocabulary, mixed with a
// shared one, dated over a year.
void WriteFeed(const std::string& path) {
  std::ofstream out(path);
  std::mt19937 rng(7);
  for (int i = 0; i < kArticles; ++i) {
    const int topic = static_cast<int>(rng() % 300);
    std::string text;
    for (int w = 0; w < 120; ++w) {
      if (rng() % 3 == 0) {
        text += fmt::format("common{} ", rng() % 500);
      } else {
        text += fmt::format("topic{}word{} ", topic, rng() % 40);
      }
      if (w % 15 == 14) text += ". ";
    }
    out << fmt::format(
               R"({{"id": "a{}", "source": "s{}", "date": "2024-{:02}-{:02}", "text": "{}"}})", i,
               rng() % 20, 1 + topic % 12, 1 + rng() % 28, text)
        << "\n";
  }
}

struct ClusterRun {
  std::vector<std::string> acknowledged;  // article ids printed by the binary
  int status = 0;
};

// Runs chorus cluster on `feed`; kills it with SIGKILL after `kill_after`
// acknowledged articles (0: never).
ClusterRun RunCluster(const std::string& feed, const std::string& db, size_t kill_after) {
  int fds[2];
  EXPECT_EQ(pipe(fds), 0);
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(fds[1], STDOUT_FILENO);
    close(fds[0]);
    close(fds[1]);
    execl(CHORUS_CLI_PATH, CHORUS_CLI_PATH, "cluster", feed.c_str(), "--store", db.c_str(),
          "--format", "jsonl", "--batch-size", "500", static_cast<char*>(nullptr));
    _exit(127);
  }
  close(fds[1]);
  ClusterRun run;
  FILE* in = fdopen(fds[0], "r");
  char line[4096];
  bool killed = false;
  while (std::fgets(line, sizeof line, in)) {
    const std::string s(line);
    const auto begin = s.find("\"article\":\"");
    if (begin == std::string::npos) continue;
    const auto from = begin + 11;
    run.acknowledged.push_back(s.substr(from, s.find('"', from) - from));
    if (kill_after > 0 && !killed && run.acknowledged.size() >= kill_after) {
      kill(pid, SIGKILL);
      killed = true;
    }
  }
  std::fclose(in);
  waitpid(pid, &run.status, 0);
  return run;
}

std::string QueryText(sqlite3* db, const char* sql) {
  sqlite3_stmt* stmt = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr), SQLITE_OK) << sql;
  std::string out;
  if (sqlite3_step(stmt) == SQLITE_ROW) {
    const auto* p = sqlite3_column_text(stmt, 0);
    out = p ? reinterpret_cast<const char*>(p) : "";
  }
  sqlite3_finalize(stmt);
  return out;
}

std::map<std::string, std::string> StoredEvents(const std::string& path) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  EXPECT_EQ(QueryText(db, "PRAGMA integrity_check"), "ok");
  std::map<std::string, std::string> events;
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db, "SELECT id, event FROM articles", -1, &stmt, nullptr);
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    const std::string id = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    EXPECT_TRUE(events.emplace(id, std::to_string(sqlite3_column_int64(stmt, 1))).second)
        << "stored twice: " << id;
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return events;
}

TEST(ClusterKillTest, SigkillHalfwayThenRerunStoresEveryArticleOnce) {
  const auto dir =
      std::filesystem::temp_directory_path() / fmt::format("chorus_kill_test_{}", getpid());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string feed = (dir / "feed.jsonl").string();
  const std::string db = (dir / "events.db").string();
  WriteFeed(feed);

  const ClusterRun killed = RunCluster(feed, db, kArticles / 2);
  ASSERT_TRUE(WIFSIGNALED(killed.status) && WTERMSIG(killed.status) == SIGKILL)
      << "the run finished before it could be killed";
  ASSERT_GE(killed.acknowledged.size(), size_t{kArticles / 2});
  ASSERT_LT(killed.acknowledged.size(), size_t{kArticles});
  // Nothing acknowledged was lost, and the file is sound after the kill.
  const auto after_kill = StoredEvents(db);
  for (const std::string& id : killed.acknowledged) EXPECT_TRUE(after_kill.count(id)) << id;

  const ClusterRun rerun = RunCluster(feed, db, 0);
  ASSERT_TRUE(WIFEXITED(rerun.status) && WEXITSTATUS(rerun.status) == 0);
  const auto stored = StoredEvents(db);
  EXPECT_EQ(stored.size(), size_t{kArticles});
  for (int i = 0; i < kArticles; ++i) EXPECT_TRUE(stored.count(fmt::format("a{}", i))) << i;
  // The rerun acknowledges exactly the articles the killed run had not stored.
  EXPECT_EQ(rerun.acknowledged.size() + after_kill.size(), size_t{kArticles});

  // Resuming from the store reproduces the uninterrupted run exactly.
  const std::string clean_db = (dir / "clean.db").string();
  const ClusterRun clean = RunCluster(feed, clean_db, 0);
  ASSERT_TRUE(WIFEXITED(clean.status) && WEXITSTATUS(clean.status) == 0);
  EXPECT_EQ(StoredEvents(clean_db), stored);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace chorus
