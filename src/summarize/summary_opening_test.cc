#include "summarize/summary_opening.h"

#include <gtest/gtest.h>

namespace chorus {
namespace {

TEST(SummaryOpeningTest, StandaloneStatementsCanOpen) {
  EXPECT_TRUE(CanOpenSummary("The Marra River burst its banks after three days of heavy rain."));
  EXPECT_TRUE(CanOpenSummary("Iraq's parliament voted on Sunday to expel U.S. troops."));
  EXPECT_TRUE(CanOpenSummary("WASHINGTON (AP) -- The Senate passed the bill 60-40."));
  EXPECT_TRUE(CanOpenSummary(
      "Thousands fled as the storm, which forecasters called \"historic,\" hit the coast."));
  EXPECT_TRUE(
      CanOpenSummary("Heavy rain fell for three days; "
                     "the river rose."));
  EXPECT_TRUE(CanOpenSummary(""));
}

TEST(SummaryOpeningTest, QuestionsQuotationsPronounsAndConnectivesCannot) {
  EXPECT_EQ(OpeningProblemOf("Is this the worst flood in a generation?"),
            OpeningProblem::kQuestion);
  EXPECT_EQ(OpeningProblemOf("``Will it ever stop?''"), OpeningProblem::kQuestion);
  EXPECT_EQ(OpeningProblemOf("\"We will rebuild,\" the mayor said."), OpeningProblem::kQuotation);
  EXPECT_EQ(OpeningProblemOf("The mayor said: \xE2\x80\x9CWe will rebuild.\xE2\x80\x9D"),
            OpeningProblem::kQuotation);
  EXPECT_EQ(OpeningProblemOf("He said the water reached the second floor."),
            OpeningProblem::kPronoun);
  EXPECT_EQ(OpeningProblemOf("They were pulled from their homes."), OpeningProblem::kPronoun);
  EXPECT_EQ(OpeningProblemOf("Its banks gave way at noon."), OpeningProblem::kPronoun);
  EXPECT_EQ(OpeningProblemOf("PARIS _ She resigned on Friday."), OpeningProblem::kPronoun);
  EXPECT_EQ(OpeningProblemOf("But the river kept rising."), OpeningProblem::kConnective);
  EXPECT_EQ(OpeningProblemOf("However, no deaths were reported."), OpeningProblem::kConnective);
  EXPECT_EQ(OpeningProblemOf("In addition, schools will close."), OpeningProblem::kConnective);
  EXPECT_EQ(OpeningProblemOf("On the other hand, the dam held."), OpeningProblem::kConnective);
  EXPECT_EQ(OpeningProblemName(OpeningProblem::kConnective), "connective");
}

}  // namespace
}  // namespace chorus
