#include <gtest/gtest.h>

#include "common/dates.hpp"

using namespace mimeo;

TEST(Dates, IsoDatesAtMidnightUtc)
{
    EXPECT_EQ(iso_date_seconds("1970-01-02"), 86400);
    EXPECT_EQ(iso_date_seconds("2025-04"), iso_date_seconds("2025-04-01"));
    EXPECT_EQ(iso_date_seconds("2025"), iso_date_seconds("2025-01-01"));
    EXPECT_FALSE(iso_date_seconds("2025-02-30"));
    EXPECT_FALSE(iso_date_seconds("25-04-14"));
    EXPECT_FALSE(iso_date_seconds("2025-04-14T10:00"));
    EXPECT_FALSE(iso_date_seconds(""));
}

TEST(Dates, Rfc822HasWeekdayAndFourDigitYear)
{
    // 14 April 2025 was a Monday; 29 February 2024 a Thursday.
    EXPECT_EQ(rfc822(*iso_date_seconds("2025-04-14")), "Mon, 14 Apr 2025 00:00:00 +0000");
    EXPECT_EQ(rfc822(*iso_date_seconds("2024-02-29") + 3600 * 13 + 61), "Thu, 29 Feb 2024 13:01:01 +0000");
    EXPECT_EQ(rfc822(0), "Thu, 01 Jan 1970 00:00:00 +0000");
}

TEST(Dates, Rfc3339InUtc)
{
    EXPECT_EQ(rfc3339(*iso_date_seconds("2025-04-14")), "2025-04-14T00:00:00Z");
    EXPECT_EQ(rfc3339(*iso_date_seconds("1999-12-31") + 86399), "1999-12-31T23:59:59Z");
}

TEST(Dates, ParsesRfc822AsFeedsWriteIt)
{
    const Seconds monday = *iso_date_seconds("2025-04-14");
    auto plain = parse_rfc822("Mon, 14 Apr 2025 00:00:00 +0000");
    ASSERT_TRUE(plain);
    EXPECT_EQ(plain->when, monday);
    EXPECT_TRUE(plain->four_digit_year);
    EXPECT_TRUE(plain->weekday_matches);

    EXPECT_EQ(parse_rfc822("14 Apr 2025 02:00 +0200")->when, monday);       // no weekday, no seconds
    EXPECT_EQ(parse_rfc822("Sun, 13 Apr 2025 20:00:00 EDT")->when, monday);  // named zone
    EXPECT_EQ(parse_rfc822("Mon, 14 Apr 2025 00:00:00 GMT")->when, monday);
    EXPECT_EQ(parse_rfc822("mon, 14 apr 2025 00:00:00 gmt")->when, monday);

    auto two_digit = parse_rfc822("Mon, 14 Apr 25 00:00:00 GMT");
    ASSERT_TRUE(two_digit);
    EXPECT_EQ(two_digit->when, monday);
    EXPECT_FALSE(two_digit->four_digit_year);
    EXPECT_FALSE(parse_rfc822("Tue, 14 Apr 2025 00:00:00 GMT")->weekday_matches);

    EXPECT_FALSE(parse_rfc822("2025-04-14T00:00:00Z"));
    EXPECT_FALSE(parse_rfc822("Mon, 14 Apr 2025"));
    EXPECT_FALSE(parse_rfc822("Mon, 14 Foo 2025 00:00:00 GMT"));
    EXPECT_FALSE(parse_rfc822("Mon, 31 Apr 2025 00:00:00 GMT"));
    EXPECT_FALSE(parse_rfc822("Mon, 14 Apr 2025 00:00:00 XYZ"));
    EXPECT_FALSE(parse_rfc822("Mon, 14 Apr 2025 00:00:00 +0000 trailing"));
}

TEST(Dates, ParsesRfc3339)
{
    const Seconds monday = *iso_date_seconds("2025-04-14");
    EXPECT_EQ(parse_rfc3339("2025-04-14T00:00:00Z"), monday);
    EXPECT_EQ(parse_rfc3339("2025-04-14t00:00:00.250z"), monday);
    EXPECT_EQ(parse_rfc3339("2025-04-14T02:30:00+02:30"), monday);
    EXPECT_EQ(parse_rfc3339("2025-04-13T19:00:00-05:00"), monday);
    EXPECT_FALSE(parse_rfc3339("2025-04-14"));
    EXPECT_FALSE(parse_rfc3339("2025-04-14T00:00Z"));
    EXPECT_FALSE(parse_rfc3339("2025-04-14T00:00:00"));
    EXPECT_FALSE(parse_rfc3339("2025-04-14T00:00:00+0200"));
    EXPECT_FALSE(parse_rfc3339("Mon, 14 Apr 2025 00:00:00 GMT"));
}

TEST(Dates, WrittenDatesReadBack)
{
    for (const char* day : {"1970-01-01", "2000-02-29", "2025-04-14", "2038-01-20"}) {
        const Seconds when = *iso_date_seconds(day) + 45296;
        EXPECT_EQ(parse_rfc822(rfc822(when))->when, when) << day;
        EXPECT_EQ(parse_rfc3339(rfc3339(when)), when) << day;
    }
}

TEST(Dates, ModelInstantsKeepTheirZone)
{
    const Seconds day = *iso_date_seconds("2013-05-06");
    auto jekyll = model_instant("2013-05-06", "02:12:52+02:00");
    ASSERT_TRUE(jekyll);
    EXPECT_EQ(jekyll->when, day + 12 * 60 + 52);  // 00:12:52 UTC
    EXPECT_EQ(jekyll->offset_minutes, 120);
    EXPECT_EQ(model_instant("2013-05-06", "10:00:00Z")->when, day + 36000);
    EXPECT_EQ(model_instant("2013-05-06", "10:00:00")->when, day + 36000);
    EXPECT_EQ(model_instant("2013-05-06", "23:00:00-05:30")->when, day + 86400 + 4 * 3600 + 30 * 60);
    EXPECT_EQ(model_instant("2013-05-06", "")->when, day);
    EXPECT_EQ(model_instant("2013-05-06", "", 12)->when, day + 43200);
    EXPECT_FALSE(model_instant("2013-05-06", "10:00"));
    EXPECT_FALSE(model_instant("2013-05-06", "10:00:00+0200"));
    EXPECT_FALSE(model_instant("", "10:00:00Z"));
}

TEST(Dates, Rfc822InTheGivenZone)
{
    EXPECT_EQ(rfc822(*iso_date_seconds("2013-05-06") + 12 * 60 + 52, 120), "Mon, 06 May 2013 02:12:52 +0200");
    EXPECT_EQ(rfc822(*iso_date_seconds("2024-03-02") + 7 * 3600 + 30 * 60, -480), "Fri, 01 Mar 2024 23:30:00 -0800");
}
