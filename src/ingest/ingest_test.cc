#include "chorus/ingest.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "shared_data.h"

namespace chorus {
namespace {

namespace fs = std::filesystem;

class IngestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("chorus_ingest_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& bytes) {
    fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }

  Status Read(const std::vector<std::string>& inputs, std::vector<Cluster>* out,
              IngestOptions options = {}) {
    return ReadClusters(inputs, options, &diags_, [&](Cluster&& c) {
      out->push_back(std::move(c));
      return Status::Ok();
    });
  }

  fs::path dir_;
  Diagnostics diags_;
};

TEST_F(IngestTest, ReadsJsonlClustersWithExtraFields) {
  std::string path =
      Write("c.jsonl",
            R"({"id": "c1", "extra": {"x": [1,2]}, "documents": [{"id": "a", "text": "Alpha.", )"
            R"("date": "2020-01-05", "source": "APW", "title": "T", "url": "http://u", "n": 3}, )"
            R"({"id": 17, "text": "Beta."}], "references": ["Ref one.", "Ref two."]})"
            "\n\n"
            R"({"id": "c2", "documents": [{"text": "Gamma."}]})"
            "\n");
  std::vector<Cluster> clusters;
  ASSERT_TRUE(Read({path}, &clusters).ok());
  ASSERT_EQ(clusters.size(), 2u);
  EXPECT_EQ(clusters[0].id, "c1");
  ASSERT_EQ(clusters[0].documents.size(), 2u);
  const Document& a = clusters[0].documents[0];
  EXPECT_EQ(a.id, "a");
  EXPECT_EQ(a.text, "Alpha.");
  EXPECT_EQ(a.date, "2020-01-05");
  EXPECT_EQ(a.source, "APW");
  EXPECT_EQ(a.title, "T");
  EXPECT_EQ(a.url, "http://u");
  EXPECT_EQ(clusters[0].documents[1].id, "17");
  EXPECT_EQ(clusters[0].references.size(), 2u);
  EXPECT_EQ(clusters[1].documents[0].id, "1");  // missing ids are numbered
  EXPECT_TRUE(diags_.all().empty());
}

// "query" and "update_of"; a DUC "topic" stands for a missing query.
TEST_F(IngestTest, ReadsQueriesTopicsAndUpdateOf) {
  std::string path = Write(
      "q.jsonl",
      R"({"id": "a", "query": "Who won?", "topic": {"title": "T", "narrative": "N."}, "documents": [{"text": "A."}]})"
      "\n"
      R"({"id": "b", "update_of": ["a", 7], "topic": {"title": "Euro steps", "narrative": "Describe them."}, )"
      R"("documents": [{"text": "B."}]})"
      "\n"
      R"({"id": "c", "update_of": "b", "topic": null, "documents": [{"text": "C."}]})"
      "\n"
      R"({"id": "d", "update_of": [{"x": 1}], "documents": [{"text": "D."}]})"
      "\n"
      R"({"id": "e", "topic": "just a string", "documents": [{"text": "E."}]})"
      "\n");
  std::vector<Cluster> clusters;
  ASSERT_TRUE(Read({path}, &clusters).ok());
  ASSERT_EQ(clusters.size(), 3u);
  EXPECT_EQ(clusters[0].query, "Who won?");
  EXPECT_TRUE(clusters[0].update_of.empty());
  EXPECT_EQ(clusters[1].query, "Euro steps. Describe them.");
  EXPECT_EQ(clusters[1].update_of, (std::vector<std::string>{"a", "7"}));
  EXPECT_EQ(clusters[2].query, "");
  EXPECT_EQ(clusters[2].update_of, (std::vector<std::string>{"b"}));
  ASSERT_EQ(diags_.all().size(), 2u);
  EXPECT_NE(diags_.all()[0].ToString().find("update_of[]"), std::string::npos)
      << diags_.all()[0].ToString();
  EXPECT_NE(diags_.all()[1].ToString().find("\"topic\""), std::string::npos)
      << diags_.all()[1].ToString();
}

TEST_F(IngestTest, ConsecutiveArticleLinesFormOneClusterOrAStream) {
  std::string path =
      Write("stream.jsonl", "{\"id\": \"x\", \"text\": \"One.\"}\n{\"text\": \"Two.\"}\n");
  std::vector<Cluster> clusters;
  ASSERT_TRUE(Read({path}, &clusters).ok());
  ASSERT_EQ(clusters.size(), 1u);
  EXPECT_EQ(clusters[0].id, "stream");
  ASSERT_EQ(clusters[0].documents.size(), 2u);
  EXPECT_EQ(clusters[0].documents[1].id, "stream-2");

  std::vector<std::string> texts;
  ASSERT_TRUE(ReadArticles({path}, {}, &diags_, [&](Document&& d) {
                texts.push_back(d.text);
                return Status::Ok();
              }).ok());
  EXPECT_EQ(texts, (std::vector<std::string>{"One.", "Two."}));
}

TEST_F(IngestTest, MalformedLineIsReportedAndTheRunGoesOn) {
  std::string path = Write("bad.jsonl",
                           "{\"id\": \"c1\", \"documents\": [{\"text\": \"A.\"}]}\n"
                           "{\"id\": \"c2\", \"documents\": [{\"text\": \n"
                           "{\"id\": \"c3\", \"documents\": [{\"title\": \"no text\"}]}\n"
                           "[1, 2]\n"
                           "{\"id\": \"c5\", \"documents\": [{\"text\": \"E.\"}]}\n");
  std::vector<Cluster> clusters;
  ASSERT_TRUE(Read({path}, &clusters).ok());
  ASSERT_EQ(clusters.size(), 2u);
  EXPECT_EQ(clusters[1].id, "c5");
  ASSERT_EQ(diags_.error_count(), 3u);
  EXPECT_EQ(diags_.all()[0].line, 2u);
  EXPECT_EQ(diags_.all()[0].file, path);
  EXPECT_EQ(diags_.all()[1].line, 3u);
  EXPECT_NE(diags_.all()[1].message.find("documents[0].text: missing"), std::string::npos);
  EXPECT_NE(diags_.all()[2].ToString().find(path + ":4: error:"), std::string::npos);
}

TEST_F(IngestTest, StrictStopsAtTheFirstError) {
  std::string path = Write("bad.jsonl",
                           "{\"id\": \"c1\", \"documents\": [{\"text\": \"A.\"}]}\n"
                           "not json\n"
                           "{\"id\": \"c3\", \"documents\": [{\"text\": \"C.\"}]}\n");
  std::vector<Cluster> clusters;
  IngestOptions options;
  options.strict = true;
  Status s = Read({path}, &clusters, options);
  EXPECT_EQ(s.code(), StatusCode::kParseError);
  EXPECT_NE(s.message().find(":2:"), std::string::npos) << s.message();
  EXPECT_EQ(clusters.size(), 1u);
  EXPECT_EQ(diags_.error_count(), 1u);
}

TEST_F(IngestTest, InvalidUtf8IsRepairedWithAWarning) {
  std::string json =
      Write("u.jsonl", "{\"id\": \"c\", \"documents\": [{\"text\": \"caf\xE9 ok\"}]}\n");
  std::string text = Write("t.txt", "Bad \xFF\xFE byte here.\n");
  std::vector<Cluster> clusters;
  ASSERT_TRUE(Read({json, text}, &clusters).ok());
  ASSERT_EQ(clusters.size(), 2u);
  EXPECT_EQ(clusters[0].documents[0].text, "caf\xEF\xBF\xBD ok");
  EXPECT_EQ(clusters[1].documents[0].text, "Bad \xEF\xBF\xBD\xEF\xBF\xBD byte here.");
  ASSERT_EQ(diags_.warning_count(), 2u);
  EXPECT_FALSE(diags_.has_errors());
  EXPECT_EQ(diags_.all()[0].line, 1u);
  EXPECT_EQ(diags_.all()[1].file, text);
}

// simdjson validates UTF-8 while parsing; a line is repaired only when that
// parse fails. Invalid bytes in a key, in an ignored field or on a line that
// is also malformed JSON still give one warning each, before any error.
TEST_F(IngestTest, InvalidUtf8AnywhereInALineIsRepairedBeforeTheJsonError) {
  std::string json =
      Write("v.jsonl",
            "{\"id\": \"a\", \"ex\xFFtra\": 1, \"documents\": [{\"text\": \"One.\"}]}\n"
            "{\"id\": \"b\", \"documents\": [{\"text\": \"Two \xC3\"}], \"note\": \"\xF0\x9F\"}\n"
            "{\"id\": \"c\xFE\", \"documents\": [{\"text\": \"Three.\"}]\n"
            "{\"id\": \"d\", \"documents\": [{\"text\": \"Caf\xC3\xA9 four.\"}]}\n");
  std::vector<Cluster> clusters;
  ASSERT_TRUE(Read({json}, &clusters).ok());
  ASSERT_EQ(clusters.size(), 3u);
  EXPECT_EQ(clusters[0].id, "a");
  EXPECT_EQ(clusters[1].documents[0].text, "Two \xEF\xBF\xBD");
  EXPECT_EQ(clusters[2].documents[0].text, "Caf\xC3\xA9 four.");
  ASSERT_EQ(diags_.all().size(), 4u);
  EXPECT_EQ(diags_.warning_count(), 3u);
  EXPECT_EQ(diags_.error_count(), 1u);
  EXPECT_EQ(diags_.all()[2].line, 3u);  // the warning for line 3 comes before its error
  EXPECT_EQ(diags_.all()[3].line, 3u);
  EXPECT_NE(diags_.all()[3].message.find("invalid JSON"), std::string::npos)
      << diags_.all()[3].message;
}

TEST_F(IngestTest, EmptyAndBinaryFilesAreSkippedWithAnError) {
  std::string good = Write("d/a.txt", "A real article sentence.\n");
  Write("d/b.txt", "  \n\n");
  Write("d/c.txt", std::string("PK\x03\x04\0\0\0binary", 14));
  std::vector<Cluster> clusters;
  ASSERT_TRUE(Read({(dir_ / "d").string()}, &clusters).ok());
  ASSERT_EQ(clusters.size(), 1u);
  EXPECT_EQ(clusters[0].id, "d");
  EXPECT_EQ(clusters[0].documents.size(), 1u);
  ASSERT_EQ(diags_.error_count(), 2u);
  EXPECT_NE(diags_.all()[0].message.find("empty file"), std::string::npos);
  EXPECT_NE(diags_.all()[1].message.find("binary file"), std::string::npos);
}

TEST_F(IngestTest, MissingPathIsReportedAndTheOtherInputsAreRead) {
  std::string good = Write("a.txt", "Text.\n");
  std::vector<Cluster> clusters;
  ASSERT_TRUE(Read({(dir_ / "nope.txt").string(), good}, &clusters).ok());
  ASSERT_EQ(clusters.size(), 1u);
  ASSERT_EQ(diags_.error_count(), 1u);
  EXPECT_NE(diags_.all()[0].ToString().find("nope.txt"), std::string::npos);
  EXPECT_NE(diags_.all()[0].message.find("no such file"), std::string::npos);
}

TEST_F(IngestTest, UnderStrictAMissingPathStopsBeforeReadingAnything) {
  std::string good = Write("a.txt", "Text.\n");
  std::vector<Cluster> clusters;
  IngestOptions strict;
  strict.strict = true;
  Status s = Read({good, (dir_ / "nope.txt").string()}, &clusters, strict);
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
  EXPECT_NE(s.message().find("nope.txt"), std::string::npos);
  EXPECT_TRUE(clusters.empty());
}

TEST_F(IngestTest, DirectoryWithoutArticlesIsAnError) {
  fs::create_directories(dir_ / "empty");
  Write("empty/.hidden", "x");
  std::vector<Cluster> clusters;
  ASSERT_TRUE(Read({(dir_ / "empty").string()}, &clusters).ok());
  EXPECT_TRUE(clusters.empty());
  ASSERT_EQ(diags_.error_count(), 1u);
  EXPECT_NE(diags_.all()[0].message.find("no articles"), std::string::npos);
}

TEST_F(IngestTest, FilesNamedOneByOneFormOneCluster) {
  std::string a = Write("a.txt", " date 2021-03-04\nDock Fire Spreads\n\nFirst paragraph.\n");
  std::string b =
      Write("b.html", "<html><head><title>B page</title></head><body><p>Body.</p></body></html>");
  std::vector<Cluster> clusters;
  ASSERT_TRUE(Read({a, b}, &clusters).ok());
  ASSERT_EQ(clusters.size(), 1u);
  EXPECT_EQ(clusters[0].id, "input");
  ASSERT_EQ(clusters[0].documents.size(), 2u);
  EXPECT_EQ(clusters[0].documents[0].date, "2021-03-04");
  EXPECT_EQ(clusters[0].documents[0].title, "Dock Fire Spreads");
  EXPECT_EQ(clusters[0].documents[0].text, "First paragraph.");
  EXPECT_EQ(clusters[0].documents[1].title, "B page");
  EXPECT_EQ(clusters[0].documents[1].text, "Body.");
}

TEST_F(IngestTest, LongSingleLineWorksAndIsCutAtTheLimit) {
  std::string big(50u << 20, 'a');
  for (size_t i = 100; i < big.size(); i += 100) big[i] = ' ';
  std::string line = R"({"id": "b", "text": ")";
  line.append(big).append("\"}\n");
  std::string path = Write("big.jsonl", line);
  std::vector<Cluster> clusters;
  ASSERT_TRUE(Read({path}, &clusters).ok());
  ASSERT_EQ(clusters.size(), 1u);
  // Read whole (50 MB is under max_line_bytes), then cut to the longest text.
  ASSERT_LT(IngestOptions{}.max_document_bytes, big.size());
  EXPECT_EQ(clusters[0].documents[0].text.size(), IngestOptions{}.max_document_bytes);
  EXPECT_EQ(diags_.warning_count(), 1u);
  EXPECT_FALSE(diags_.has_errors());
}

TEST_F(IngestTest, ArticlesPastTheClusterTextCapAreLeftOutWithOneWarning) {
  std::string lines;  // five article lines (one cluster), then a cluster line of five
  for (int i = 0; i < 5; ++i)
    lines += R"({"id": "a)" + std::to_string(i) +
             R"(", "text": "0123456789"})"
             "\n";
  lines += R"({"id": "c", "documents": [)";
  for (int i = 0; i < 5; ++i) lines += std::string(i ? "," : "") + R"({"text": "0123456789"})";
  lines += "]}\n";
  std::string path = Write("capped.jsonl", lines);
  IngestOptions options;
  options.max_cluster_bytes = 35;
  std::vector<Cluster> clusters;
  ASSERT_TRUE(Read({path}, &clusters, options).ok());
  ASSERT_EQ(clusters.size(), 2u);
  EXPECT_EQ(clusters[0].documents.size(), 3u);
  EXPECT_EQ(clusters[0].documents.back().id, "a2");
  EXPECT_EQ(clusters[1].documents.size(), 3u);
  EXPECT_EQ(diags_.warning_count(), 2u);  // one per cluster, not per article
  EXPECT_FALSE(diags_.has_errors());
}

TEST_F(IngestTest, TextLongerThanTheLimitIsCutWithAWarning) {
  std::string text(5000, 'b');
  std::string json = Write("long.jsonl", R"({"id": "l", "text": ")" + text + "\"}\n");
  std::string plain = Write("long.txt", "\xC3\xA9" + text);
  IngestOptions small;
  small.max_document_bytes = 1001;
  std::vector<Cluster> clusters;
  ASSERT_TRUE(Read({json, plain}, &clusters, small).ok());
  ASSERT_EQ(clusters.size(), 2u);
  EXPECT_EQ(clusters[0].documents[0].text.size(), 1001u);
  EXPECT_EQ(clusters[1].documents[0].text.size(), 1001u);
  EXPECT_EQ(diags_.warning_count(), 2u);
  EXPECT_FALSE(diags_.has_errors());
}

TEST_F(IngestTest, ManyClustersStreamInOrder) {
  std::string lines;
  for (int i = 0; i < 2000; ++i) {
    lines.append(R"({"id": "c)")
        .append(std::to_string(i))
        .append(R"(", "documents": [{"text": "T."}]})")
        .append("\n");
  }
  std::string path = Write("many.jsonl", lines);
  std::vector<std::string> ids;
  ASSERT_TRUE(ReadClusters({path}, {}, &diags_, [&](Cluster&& c) {
                ids.push_back(std::move(c.id));
                return Status::Ok();
              }).ok());
  ASSERT_EQ(ids.size(), 2000u);
  EXPECT_EQ(ids.front(), "c0");
  EXPECT_EQ(ids.back(), "c1999");
}

TEST_F(IngestTest, SinkErrorStopsTheRead) {
  std::string path = Write("two.jsonl",
                           "{\"id\": \"a\", \"documents\": [{\"text\": \"A.\"}]}\n"
                           "{\"id\": \"b\", \"documents\": [{\"text\": \"B.\"}]}\n");
  int calls = 0;
  Status s = ReadClusters({path}, {}, &diags_, [&](Cluster&&) {
    ++calls;
    return IoError("disk full");
  });
  EXPECT_EQ(s.code(), StatusCode::kIoError);
  EXPECT_EQ(calls, 1);
}

TEST_F(IngestTest, ReadsTheSharedDuc2004Clusters) {
  CHORUS_REQUIRE_SHARED_DATA(path, "duc2004/clusters.jsonl");
  size_t clusters = 0, docs = 0, refs = 0;
  ASSERT_TRUE(ReadClusters({path}, {}, &diags_, [&](Cluster&& c) {
                ++clusters;
                docs += c.documents.size();
                refs += c.references.size();
                EXPECT_FALSE(c.documents.front().source.empty());
                return Status::Ok();
              }).ok());
  EXPECT_EQ(clusters, 50u);
  EXPECT_EQ(docs, 500u);
  EXPECT_GE(refs, 200u);
  EXPECT_TRUE(diags_.all().empty());
}

TEST_F(IngestTest, ReadsTheSeedClusterDirectory) {
  CHORUS_REQUIRE_SHARED_DATA(path, "seed-cluster");
  std::vector<Cluster> clusters;
  ASSERT_TRUE(Read({path}, &clusters).ok());
  ASSERT_EQ(clusters.size(), 1u);
  EXPECT_EQ(clusters[0].id, "seed-cluster");
  ASSERT_EQ(clusters[0].documents.size(), 5u);
  EXPECT_EQ(clusters[0].documents[0].date, "2020-01-06");
  EXPECT_FALSE(clusters[0].documents[1].title.empty());
  EXPECT_EQ(clusters[0].documents[4].date, "2020-01-05");
  EXPECT_TRUE(diags_.all().empty());
}

}  // namespace
}  // namespace chorus
