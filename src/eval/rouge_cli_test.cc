// `chorus rouge` end to end: output, exit codes (0 ok, 1 input error, 2 usage
// error) and messages, by running the built binary.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

struct CliRun {
  int exit_code = -1;
  std::string output;  // stdout and stderr
};

CliRun Chorus(const std::string& args) {
  CliRun run;
  const std::string command = std::string(CHORUS_BINARY) + " rouge " + args + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return run;
  std::array<char, 4096> buffer;
  size_t n = 0;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    run.output.append(buffer.data(), n);
  const int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

class RougeCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        std::filesystem::temp_directory_path() /
        ("chorus_rouge_cli_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
         "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& contents) {
    const std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << contents;
    return path;
  }
  std::filesystem::path dir_;
};

TEST_F(RougeCliTest, ScoresFilesInTheOfficialFormat) {
  const std::string peer = Write("peer.txt", "The cat sat on the mat.\nIt was happy.\n");
  const std::string m1 = Write("m1.txt", "A cat sat on a mat.\nThe cat was happy.\n");
  const std::string m2 = Write("m2.txt", "The dog sat.\n");
  CliRun run = Chorus(peer + " " + m1 + " " + m2 + " -n 1");
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("X ROUGE-1 Average_R: 0.69231 (95%-conf.int. 0.69231 - 0.69231)"),
            std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find("X ROUGE-1 Eval 1.X R:0.69231 P:0.50000 F:0.58065"), std::string::npos)
      << run.output;
  run = Chorus(peer + " " + m1 + " -n 2 --format json");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(
      run.output.rfind("{\"per_topic\":[{\"id\":\"1\",\"system\":\"X\",\"metric\":\"ROUGE-1\"", 0),
      0u)
      << run.output;
}

TEST_F(RougeCliTest, BadFilesAreInputErrors) {
  const std::string model = Write("m.txt", "a b c\n");
  CliRun run = Chorus((dir_ / "missing.txt").string() + " " + model);
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.output.find("does not exist"), std::string::npos) << run.output;
  run = Chorus(Write("empty.txt", "") + " " + model);
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.output.find("is empty"), std::string::npos) << run.output;
  run = Chorus(Write("latin1.txt", "caf\xE9\n") + " " + model);
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.output.find("not valid UTF-8 (byte offset 3)"), std::string::npos) << run.output;
}

TEST_F(RougeCliTest, ContradictoryFlagsAreUsageErrors) {
  const std::string peer = Write("p.txt", "a b\n");
  const std::string model = Write("m.txt", "a c\n");
  const std::string files = peer + " " + model;
  for (const char* flags :
       {"-l 10 -b 20", "-u", "-n 0", "-n 5", "-p 2", "-f C", "-r 0", "--format xml"}) {
    CliRun run = Chorus(files + " " + std::string(flags));
    EXPECT_EQ(run.exit_code, 2) << flags << ": " << run.output;
    EXPECT_FALSE(run.output.empty()) << flags;
  }
  EXPECT_EQ(Chorus(peer).exit_code, 2);  // no model
  EXPECT_EQ(Chorus("--clusters " + peer).exit_code, 2);
}

TEST_F(RougeCliTest, JsonlErrorsNameFileAndLineAndTheRestIsScored) {
  const std::string clusters = Write("c.jsonl",
                                     "{\"id\": \"t1\", \"references\": [\"a b c\"]}\n"
                                     "{\"id\": \"t2\", \"references\": [\"d e\"]}\n"
                                     "{\"id\": \"t3\", \"references\": [\"f\"]}\n");
  const std::string peers =
      Write("p.jsonl",
            "{\"id\": \"t1\", \"system\": \"S\", \"summary\": \"a b\"}\n"
            "{\"id\": \"t2\", \"system\": \"S\", \"summary\": [{\"text\": \"d\"}]}\n"
            "{\"id\": \"t2\", \"system\": \"S\", \"summary\": \"x\n"
            "{\"id\": \"t7\", \"system\": \"S\", \"summary\": \"f\"}\n");
  CliRun run = Chorus("--clusters " + clusters + " --peers " + peers + " -n 1 --format table");
  EXPECT_EQ(run.exit_code, 1) << run.output;
  EXPECT_NE(run.output.find("p.jsonl:3: not valid JSON"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("p.jsonl:4: topic \"t7\" is not in"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("topic t3 has no peer summary"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("S       ROUGE-1         2"), std::string::npos) << run.output;

  run = Chorus("--clusters " + clusters + " --peers " + peers + " -n 1 --strict");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.output.find("ROUGE-1 Average_R"), std::string::npos) << run.output;
}

}  // namespace
