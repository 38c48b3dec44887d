// Fuzzes the text pipeline after ingest (clean -> split -> tokenize) through
// ClusterAnalyzer, the path summarize/compare/cluster use, and checks what
// every token promises: offsets inside its sentence, a non-empty interned
// norm, and ids that agree with the strings.
#include <cstddef>
#include <cstdint>
#include <string>

#include "chorus/analyzer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const chorus::ClusterAnalyzer analyzer;
  chorus::Cluster cluster;
  cluster.id = "f";
  chorus::Document& doc = cluster.documents.emplace_back();
  doc.id = "d";
  doc.text.assign(reinterpret_cast<const char*>(data), size);
  const chorus::AnalyzedCluster ac = analyzer.Analyze(cluster);
  for (const chorus::AnalyzedSentence& s : ac.sentences) {
    const chorus::Token* prev = nullptr;
    for (const chorus::Token& t : s.tokens) {
      if (t.begin >= t.end || t.end > s.sentence.text.size()) __builtin_trap();
      if (t.norm.empty() || t.norm_id == 0) __builtin_trap();
      if (t.stem.empty() != (t.stem_id == 0)) __builtin_trap();
      if (prev != nullptr && (prev->norm == t.norm) != (prev->norm_id == t.norm_id)) {
        __builtin_trap();
      }
      prev = &t;
    }
  }
  return 0;
}
