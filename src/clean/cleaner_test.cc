#include "chorus/cleaner.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "chorus/ingest.h"
#include "clean/paragraphs.h"
#include "shared_data.h"

namespace chorus {
namespace {

Document Doc(std::string text, std::string id = "d") {
  Document d;
  d.id = std::move(id);
  d.source = "Test Wire";
  d.date = "2024-05-02";
  d.text = std::move(text);
  return d;
}

// Cleans with the default rules; returns the joined text of all documents.
std::string CleanText(const std::string& text, std::vector<Removal>* removals = nullptr) {
  std::string out;
  for (const Document& d : Cleaner::Default().Clean(Doc(text), removals)) {
    if (!out.empty()) out += "\n|\n";
    out += d.text;
  }
  return out;
}

bool RemovedBy(const std::vector<Removal>& removals, std::string_view rule) {
  for (const Removal& r : removals) {
    if (r.rule == rule) return true;
  }
  return false;
}

constexpr char kBody[] = "Fire crews worked through the night at the north pier.";

TEST(CleanerTest, KeepsOrdinaryProseUntouched) {
  std::string text =
      "Fire crews worked through the night at the north pier.\n\n"
      "\"We saw the roof go,\" said dock worker Ana Ruiz. By Tuesday the smoke had cleared.\n\n"
      "Updated safety rules were published on Monday after a review of 2023 incidents.\n\n"
      "The Port Authority said 1,200 containers were inside. Tags on each were scorched.";
  std::vector<Removal> removals;
  EXPECT_EQ(CleanText(text, &removals),
            "Fire crews worked through the night at the north pier.\n"
            "\"We saw the roof go,\" said dock worker Ana Ruiz. By Tuesday the smoke had cleared.\n"
            "Updated safety rules were published on Monday after a review of 2023 incidents.\n"
            "The Port Authority said 1,200 containers were inside. Tags on each were scorched.");
  EXPECT_TRUE(removals.empty()) << removals[0].rule << ": " << removals[0].text;
}

struct Case {
  const char* rule;
  const char* noise;
};

class DropsNoiseTest : public ::testing::TestWithParam<Case> {};

TEST_P(DropsNoiseTest, RemovesTheNoiseAndKeepsTheBody) {
  std::vector<Removal> removals;
  std::string text = std::string(kBody) + "\n\n" + GetParam().noise + "\n\nThe cause is unknown.";
  std::string cleaned = CleanText(text, &removals);
  EXPECT_EQ(cleaned, std::string(kBody) + "\nThe cause is unknown.") << GetParam().noise;
  EXPECT_TRUE(RemovedBy(removals, GetParam().rule)) << GetParam().noise;
  for (const Removal& r : removals) EXPECT_EQ(r.doc_id, "d");
}

INSTANTIATE_TEST_SUITE_P(
    DefaultRules, DropsNoiseTest,
    ::testing::Values(
        Case{"tweet-embed",
             "Smoke over the bay right now pic.twitter.com/Ab12Cd34 \xE2\x80\x94 Lena Ortiz "
             "(@lena_ortiz) May 2, 2024"},
        Case{"tweet-attribution",
             "Crews are still on scene, stay away from Dock Road. \xE2\x80\x94 Kestrel Fire "
             "Service (@KestrelFire) May 2, 2024"},
        Case{"comment-notice",
             "The Ledger has closed its comment section; readers can join the discussion on "
             "our social pages."},
        Case{"comment-notice", "Comments are closed for this story."},
        Case{"page-chrome", "See all Video"},
        Case{"page-chrome", "See all Ledger.TV See all Podcasts"}, Case{"page-chrome", "Load more"},
        Case{"page-chrome", "Most Popular"}, Case{"page-chrome", "ADVERTISEMENT"},
        Case{"page-chrome", "Story continues below advertisement"},
        Case{"updated-stamp", "Updated at 9 p.m."},
        Case{"updated-stamp", "Last updated: May 2, 2024 10:41 BST"},
        Case{"photo-credit",
             "Firefighters spray water on the burning warehouse at dawn on Thursday. Photo: Jo "
             "Park/AFP via Getty Images"},
        Case{"paren-credit", "A tug waits off the pier. (Mara Levin / Staff Photographer)"},
        Case{"agency-credit-end", "Smoke rises over the harbor. (AP Photo/Sam Reyes)"},
        Case{"photo-credit", "Image credit: Harbor Police"}, Case{"byline", "by Tomas Weller"},
        Case{"byline", "byMay 02, 2024"}, Case{"byline", "By JANE DOE and Ola Berg | Coast Daily"},
        Case{"reporting-credits", "Reporting by Ana Lim; Editing by Joe Park"},
        Case{"dateline", "May 2, 2024"}, Case{"dateline", "Thursday, 2 May 2024 at 10:15 am"},
        Case{"separator", "* * *"}, Case{"separator", "\xE2\x80\x94\xE2\x80\x94\xE2\x80\x94"},
        Case{"related-link", "READ MORE: Port reopens after strike"},
        Case{"copyright", "Copyright 2024 Coast Media Group. All rights reserved."},
        Case{"bare-url", "https://example.test/news/fire"},
        Case{"headline", "Warehouse Blaze Forces Evacuation of the Eastern Docks"},
        Case{"social-post", "A post shared by Harbor Life (@harbor.life) on May 2, 2024"},
        // Notices a crawler saved instead of the page (own wording, not copied).
        Case{"web-archive-notice",
             "Since 2001 our partner has given its crawl data to the Internet Archive, where "
             "it enters the Wayback Machine after an embargo period."},
        Case{"web-archive-notice",
             "This collection of web captures was gathered with the Archive-It service."},
        Case{"location-notice", "Tweet with a location"},
        Case{"location-notice",
             "You may add location information to your Tweets and delete your location history "
             "at any time."},
        Case{"player-notice", "This video is not available in your country."},
        Case{"player-notice", "The interactive transcript could not be loaded."},
        Case{"captcha", "Please type the characters you see in the image below."},
        Case{"email-this-form", "Someone wanted you to see this story from Coast Daily."},
        Case{"newsletter-pitch",
             "Morning Briefing Newsletter Get our top headlines and exclusive reports, delivered "
             "to your inbox every morning."}));

TEST(CleanerTest, ProseAboutArchivesAndVideosIsKept) {
  const std::string text =
      "The Internet Archive said on Monday that its library of scanned books had doubled.\n\n"
      "Investigators watched the video several times before releasing it.";
  std::vector<Removal> removals;
  EXPECT_EQ(CleanText(text, &removals),
            "The Internet Archive said on Monday that its library of scanned books had doubled.\n"
            "Investigators watched the video several times before releasing it.");
  EXPECT_TRUE(removals.empty());
}

TEST(CleanerTest, PageOfCrawlerNoticesHasNoContent) {
  EXPECT_TRUE(Cleaner::Default()
                  .Clean(Doc("Tweet with a location\n\nYou can add location information to "
                             "your Tweets from the web. Learn more"))
                  .empty());
}

TEST(CleanerTest, NoBreakSpacesCountAsSpaces) {
  std::vector<Removal> removals;
  EXPECT_EQ(
      CleanText("A\xC2\xA0 line\xE2\x80\x8B here.\n\n*\xC2\xA0 *\xC2\xA0 *\n\nEnd.", &removals),
      "A line here.\nEnd.");
  EXPECT_TRUE(RemovedBy(removals, "separator"));
}

TEST(CleanerTest, UpdatePrefixIsDroppedAndTheSentenceKept) {
  std::vector<Removal> removals;
  EXPECT_EQ(CleanText("Update (0930ET): The fire is now contained.\n\nUPDATE: Roads reopened.",
                      &removals),
            "The fire is now contained.\nRoads reopened.");
  ASSERT_EQ(removals.size(), 2u);
  EXPECT_EQ(removals[0].rule, "update-prefix");
  EXPECT_EQ(removals[0].text, "Update (0930ET): ");
}

TEST(CleanerTest, TagsAndRelatedHeadingsCutTheRest) {
  std::vector<Removal> removals;
  EXPECT_EQ(CleanText(std::string(kBody) +
                          "\n\nTags Fire Harbor Kestrel\n\nSome footer text that is not news.\n\n"
                          "Another footer line.",
                      &removals),
            kBody);
  EXPECT_EQ(removals.size(), 3u);
  for (const Removal& r : removals) EXPECT_EQ(r.rule, "tags");
  removals.clear();
  EXPECT_EQ(CleanText(std::string(kBody) + "\n\nRead also:\n\nWhy ports burn", &removals), kBody);
  EXPECT_TRUE(RemovedBy(removals, "related-heading"));
}

TEST(CleanerTest, RelatedHeadingDropsItsLinksButNotTheProseAfterThem) {
  std::vector<Removal> removals;
  EXPECT_EQ(CleanText(std::string(kBody) +
                          "\n\nRELATED:\n\nPort reopens after strike\n\nWhy ports burn\n\n"
                          "More from fire chief Ana Ruiz\n\nThe fire began at dawn.",
                      &removals),
            std::string(kBody) + "\nThe fire began at dawn.");
  EXPECT_EQ(removals.size(), 4u);
}

constexpr char kPasted[] =
    "Crews fought a warehouse fire at the north pier through the night, and officials said "
    "three firefighters were hurt.\n"
    "The harbor stayed closed on Thursday.\n"
    "Read more at https://first.example.test/fire-story\n"
    "\n"
    "Port fire leaves docks idle\n"
    "\n"
    "Shipping lines diverted vessels after the blaze.\n"
    "by Ines Cole\n"
    "May 2, 2024\n"
    "Shipping companies said on Thursday they had diverted at least six vessels to other ports "
    "while investigators examined what was left of the warehouse and its contents.\n"
    "Read more at https://second.example.test/docks\n"
    "\n"
    "Read also:\n"
    "Why port fires are hard to fight\n";

TEST(CleanerTest, PastedArticlesBecomeSeveralDocuments) {
  std::vector<Removal> removals;
  std::vector<Document> docs = Cleaner::Default().Clean(Doc(kPasted, "p"), &removals);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].id, "p");
  EXPECT_EQ(docs[1].id, "p#2");
  EXPECT_EQ(docs[1].title, "Port fire leaves docks idle");
  EXPECT_EQ(docs[1].source, "Test Wire");
  EXPECT_EQ(docs[1].date, "2024-05-02");
  EXPECT_EQ(docs[0].text,
            "Crews fought a warehouse fire at the north pier through the night, and officials "
            "said three firefighters were hurt.\nThe harbor stayed closed on Thursday.");
  EXPECT_EQ(docs[1].text.substr(0, 48), "Shipping lines diverted vessels after the blaze.");
  EXPECT_EQ(docs[1].text.find("Ines Cole"), std::string::npos);
  EXPECT_EQ(docs[1].text.find("May 2, 2024"), std::string::npos);
  EXPECT_TRUE(RemovedBy(removals, "read-more-at"));
  EXPECT_TRUE(RemovedBy(removals, "byline"));
  EXPECT_TRUE(RemovedBy(removals, "related-heading"));
  for (const Removal& r : removals) {
    if (r.rule == "byline") {
      EXPECT_EQ(r.doc_id, "p#2");
    }
  }
}

TEST(CleanerTest, BareReadMoreLinkDoesNotSplit) {
  std::vector<Document> docs =
      Cleaner::Default().Clean(Doc(std::string(kBody) + "\nRead More\n" + kPasted));
  EXPECT_EQ(docs.size(), 2u);  // only kPasted's own "Read more at URL" splits
}

TEST(CleanerTest, ShortTailAfterASplitIsNotAnArticle) {
  std::vector<Removal> removals;
  std::vector<Document> docs = Cleaner::Default().Clean(
      Doc(std::string(kBody) + "\nRead more at https://x.test/a\nShare this story now\n"),
      &removals);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text, kBody);
}

TEST(CleanerTest, AllBoilerplateGivesNoDocument) {
  EXPECT_TRUE(Cleaner::Default().Clean(Doc("Load more\n\nMost Popular")).empty());
  EXPECT_TRUE(Cleaner::Default().Clean(Doc("")).empty());
}

TEST(CleanerTest, HardWrappedTextIsJoinedIntoParagraphs) {
  std::string text =
      "The fire began shortly after midnight in a storage shed near the\n"
      "eastern gate, according to the harbor master, who said the alarm was\n"
      "raised by a night guard on his rounds through the container yard\n"
      "and that crews arrived within eleven minutes of the first call to\n"
      "the station.\n\nA second paragraph.\n";
  EXPECT_EQ(CleanText(text),
            "The fire began shortly after midnight in a storage shed near the eastern gate, "
            "according to the harbor master, who said the alarm was raised by a night guard on "
            "his rounds through the container yard and that crews arrived within eleven minutes "
            "of the first call to the station.\nA second paragraph.");
}

TEST(CleanerTest, InvalidUtf8IsRepairedNotFatal) {
  EXPECT_EQ(CleanText("Bad \xFF byte."), "Bad \xEF\xBF\xBD byte.");
}

TEST(CleanerRulesTest, CustomRulesAndEveryAction) {
  Result<Cleaner> c = Cleaner::FromRules(
      "# comment\n\n"
      "noise\tdrop-match\t\\[ad\\]\n"
      "prefix\tdrop-prefix\t^BREAKING:\\s*\n"
      "drop\tdrop-line\t^DROP\n"
      "cut\tcut-rest\t^THE END$\n"
      "split\tsplit\t^=====$\n"
      "list\tdrop-list\t^See:$\n",
      "test");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  std::vector<Removal> removals;
  std::string words(30 * 5, 'x');
  for (size_t i = 4; i < words.size(); i += 5) words[i] = ' ';
  std::vector<Document> docs = c->Clean(
      Doc("BREAKING: One [ad] two [ad].\nDROP this\nKeep.\nSee:\nA link\nProse.\nTHE END\ngone\n"
          "=====\n" +
          words),
      &removals);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].text, "One two .\nKeep.\nProse.");
  EXPECT_EQ(docs[1].id, "d#2");
  std::vector<std::string> rules;
  for (const Removal& r : removals) rules.push_back(r.rule);
  EXPECT_EQ(rules, (std::vector<std::string>{"noise", "noise", "prefix", "drop", "list", "list",
                                             "cut", "cut", "split"}));
}

// needs= only skips paragraphs the pattern cannot match: any listed word, in
// any case, lets the regex decide.
TEST(CleanerRulesTest, NeedsWordsGateTheRegexInAnyCase) {
  Result<Cleaner> c =
      Cleaner::FromRules("credit\tdrop-line\t(?i:photo|image)\\s*:\tneeds=photo|image\n", "test");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  std::vector<Removal> removals;
  std::vector<Document> docs = c->Clean(
      Doc("Photo: A. Person\nIMAGE: B. Person\nthe pHoTo: a third\nPhotos matter.\nKeep me."),
      &removals);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text, "Photos matter.\nKeep me.");
  EXPECT_EQ(removals.size(), 3u);
}

TEST(CleanerRulesTest, RuleFileErrorsNameTheLine) {
  Result<Cleaner> c = Cleaner::FromRules("a\tdrop-line\tok\nb\tremove\tx\n", "my.rules");
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("my.rules:2: unknown action \"remove\""), std::string::npos)
      << c.status().message();
  c = Cleaner::FromRules("a\tdrop-line\t(unclosed\n", "my.rules");
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("my.rules:1: rule \"a\": bad pattern"), std::string::npos);
  c = Cleaner::FromRules("a\tdrop-line\tok\tneeds=ok|\n", "my.rules");
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("my.rules:1: bad option \"needs=ok|\""), std::string::npos)
      << c.status().message();
  c = Cleaner::FromRules("only-a-name\n", "my.rules");
  EXPECT_FALSE(c.ok());
  c = Cleaner::FromRules("# nothing\n", "my.rules");
  EXPECT_FALSE(c.ok());
}

TEST(CleanerSeedTest, SeedClusterLosesItsBoilerplate) {
  CHORUS_REQUIRE_SHARED_DATA(dir, "seed-cluster");
  Diagnostics diags;
  std::vector<Document> cleaned;
  std::vector<Removal> removals;
  ASSERT_TRUE(ReadClusters({dir}, {}, &diags, [&](Cluster&& c) {
                for (const Document& d : c.documents) {
                  for (Document& out : Cleaner::Default().Clean(d, &removals)) {
                    cleaned.push_back(std::move(out));
                  }
                }
                return Status::Ok();
              }).ok());
  ASSERT_EQ(cleaned.size(), 6u);  // 002 pastes two articles
  size_t from_002 = 0;
  for (const Document& d : cleaned) {
    if (d.id.rfind("002_", 0) == 0) ++from_002;
    for (const char* noise :
         {"pic.twitter.com", "Read more", "comment section", "See all", "Getty Images", "byJanuary",
          "Update (", "* * *", "Tags ", "Load more", "Most Popular", "Updated at", "(@"}) {
      EXPECT_EQ(d.text.find(noise), std::string::npos) << d.id << " keeps \"" << noise << "\"";
    }
    EXPECT_GT(d.text.size(), 500u) << d.id;
  }
  EXPECT_EQ(from_002, 2u);
  EXPECT_GE(removals.size(), 20u);
}

// The shipped example is what the README's first command runs on: its noise
// must go, its facts (and its one discrepancy) must stay.
TEST(CleanerExampleTest, HarborFireExampleIsReadAndCleaned) {
  Diagnostics diags;
  std::vector<Cluster> clusters;
  ASSERT_TRUE(
      ReadClusters({testing::SourcePath("examples/harbor-fire")}, {}, &diags, [&](Cluster&& c) {
        clusters.push_back(std::move(c));
        return Status::Ok();
      }).ok());
  EXPECT_TRUE(diags.all().empty());
  ASSERT_EQ(clusters.size(), 1u);
  const std::vector<Document>& raw = clusters[0].documents;
  ASSERT_EQ(raw.size(), 5u);
  EXPECT_EQ(raw[0].source, "Brennmouth Courier");
  EXPECT_EQ(raw[0].date, "2025-03-14");
  EXPECT_EQ(raw[0].title, "Night fire guts warehouse on East Quay");
  EXPECT_EQ(raw[1].title, "Fire destroys warehouse at Brennmouth port, three firefighters hurt");
  EXPECT_EQ(raw[2].source, "The Harbor Ledger");
  EXPECT_EQ(raw[2].date, "2025-03-13");
  EXPECT_EQ(raw[2].url, "https://harborledger.example/news/east-quay-fire");
  EXPECT_EQ(raw[2].text.find("Share on Facebook"), std::string::npos);
  EXPECT_EQ(raw[2].text.find("dataLayer"), std::string::npos);

  std::vector<Document> docs;
  std::vector<Removal> removals;
  for (const Document& d : raw) {
    for (Document& c : Cleaner::Default().Clean(d, &removals)) docs.push_back(std::move(c));
  }
  ASSERT_EQ(docs.size(), 6u);
  EXPECT_EQ(docs[4].id, "04-metro-pulse#2");
  EXPECT_EQ(docs[4].title, "Shipping lines divert vessels after Brennmouth blaze");
  std::string all;
  for (const Document& d : docs) all += d.text + "\n";
  for (const char* noise : {"pic.twitter.com", "Read more", "comment section", "Tags ",
                            "Most Popular", "Photo:", "Update (", "* * *", "Reporting by", "(@",
                            "By Marta", "by Priya", "Listen to this"}) {
    EXPECT_EQ(all.find(noise), std::string::npos) << noise;
  }
  for (const char* fact :
       {"1,200 containers", "three firefighters", "350 residents", "about 200 residents",
        "Theodora Marsh", "Teodora Marsh",
        "We were fighting the fire and the wind at the same time", "more than 80 firefighters"}) {
    EXPECT_NE(all.find(fact), std::string::npos) << fact;
  }
}

}  // namespace
}  // namespace chorus

namespace chorus {
namespace {

// Rules past the 64 the gate tracks still run, in file order, with their options.
TEST(CleanerRulesTest, RulesPastSixtyFourStillRun) {
  std::string rules;
  for (int i = 0; i < 70; ++i) {
    const std::string n = std::to_string(i);
    rules += "r" + n + "\tdrop-line\t\\bnever" + n + "\\b\tneeds=never" + n + "\n";
  }
  rules += "late\tdrop-line\t^Late noise$\tmax=20\nlate-word\tdrop-line\t(?i)zebra\tneeds=zebra\n";
  Result<Cleaner> c = Cleaner::FromRules(rules, "test");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  std::vector<Removal> removals;
  Document doc;
  doc.id = "d";
  doc.text = "Late noise\nA ZEBRA line.\nKept text. never69 is gone too.\nKept as well.";
  std::vector<Document> docs = c->Clean(doc, &removals);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text, "Kept as well.");
  ASSERT_EQ(removals.size(), 3u);
  EXPECT_EQ(removals[0].rule, "late");
  EXPECT_EQ(removals[1].rule, "late-word");
  EXPECT_EQ(removals[2].rule, "r69");
}

}  // namespace
}  // namespace chorus
