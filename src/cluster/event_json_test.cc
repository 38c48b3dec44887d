#include "chorus/event_json.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace chorus {
namespace {

EventInfo DatedEvent() {
  EventInfo e;
  e.id = 12;
  e.top_terms = {"hurricane", "honduras", "mitch"};
  e.first_date = "1998-10-27";
  e.last_date = "1998-11-03";
  e.articles = 9;
  e.duplicates = 2;
  e.independent_sources = 4;
  return e;
}

EventInfo UndatedEvent() {
  EventInfo e;
  e.id = 3;
  e.top_terms = {"chess"};
  e.articles = 1;
  e.independent_sources = 1;
  return e;
}

TEST(EventJsonTest, AssignmentIsTheIssueSixLine) {
  StreamAssignment a;
  a.article = "apw-1";
  a.event = 7;
  EXPECT_EQ(AssignmentToJson(a), R"({"article":"apw-1","event":7,"duplicate_of":null})");
  a.duplicate_of = "nyt \"2\"";
  EXPECT_EQ(AssignmentToJson(a), R"({"article":"apw-1","event":7,"duplicate_of":"nyt \"2\""})");
}

TEST(EventJsonTest, EventFieldsAndNullDates) {
  const auto dated = nlohmann::json::parse(EventToJson(DatedEvent()));
  EXPECT_EQ(dated["event"], 12);
  EXPECT_EQ(dated["label"], "hurricane honduras mitch");
  EXPECT_EQ(dated["first_date"], "1998-10-27");
  EXPECT_EQ(dated["last_date"], "1998-11-03");
  EXPECT_EQ(dated["articles"], 9);
  EXPECT_EQ(dated["duplicates"], 2);
  EXPECT_EQ(dated["independent_sources"], 4);
  const auto undated = nlohmann::json::parse(EventToJson(UndatedEvent()));
  EXPECT_TRUE(undated["first_date"].is_null());
  EXPECT_TRUE(undated["last_date"].is_null());
}

TEST(EventJsonTest, CompactIsOneLineIndentedIsNot) {
  EXPECT_EQ(EventsToJson({DatedEvent(), UndatedEvent()}).find('\n'), std::string::npos);
  EXPECT_NE(EventsToJson({DatedEvent()}, 2).find('\n'), std::string::npos);
  EXPECT_EQ(EventsToJson({}), "[]");
}

TEST(EventJsonTest, RunHoldsArticlesEventsAndSkipped) {
  ClusterRun run;
  StreamAssignment a;
  a.article = "a";
  a.event = 3;
  run.assignments = {a, a};
  run.assignments[1].article = "b";
  run.assignments[1].duplicate_of = "a";
  run.events = {UndatedEvent()};
  run.skipped = 5;
  const auto j = nlohmann::json::parse(ClusterRunToJson(run, 2));
  ASSERT_EQ(j["articles"].size(), 2u);
  EXPECT_EQ(j["articles"][1]["duplicate_of"], "a");
  ASSERT_EQ(j["events"].size(), 1u);
  EXPECT_EQ(j["events"][0]["event"], 3);
  EXPECT_EQ(j["skipped"], 5);
}

TEST(EventJsonTest, TableColumnsLineUp) {
  const std::string table = EventTableText({DatedEvent(), UndatedEvent()});
  EXPECT_EQ(table,
            "  EVENT  ARTICLES  SOURCES       FIRST        LAST  LABEL\n"
            "     12         9        4  1998-10-27  1998-11-03  hurricane honduras mitch\n"
            "      3         1        1           -           -  chess\n");
}

TEST(EventJsonTest, InvalidUtf8IsReplacedNotThrown) {
  EventInfo e = UndatedEvent();
  e.top_terms = {"caf\xC3", "ok"};
  std::string out;
  ASSERT_NO_THROW(out = EventToJson(e));
  EXPECT_NE(out.find("\xEF\xBF\xBD"), std::string::npos) << out;  // U+FFFD
}

}  // namespace
}  // namespace chorus
