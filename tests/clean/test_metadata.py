import pytest

from marsad.clean.metadata import (
    Byline,
    date_from_text,
    date_from_url,
    date_line,
    latest_cited_date,
    looks_like_title,
    parse_byline,
    parse_date,
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Al-Masdar Editor | 17 March, 2016",
            Byline(author=None, outlet="Al-Masdar", published="2016-03-17"),
        ),
        ("By Jane Doe - March 17, 2016", Byline(author="Jane Doe", outlet=None, published="2016-03-17")),
        ("Reuters Staff · 2 May 2020", Byline(author=None, outlet="Reuters", published="2020-05-02")),
        ("Staff Reporter | 2016-03-17", Byline(author=None, outlet=None, published="2016-03-17")),
        ("By Tom Perry", Byline(author="Tom Perry", outlet=None, published=None)),
    ],
)
def test_bylines_give_author_or_outlet_and_date(line: str, expected: Byline) -> None:
    assert parse_byline(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Iran and Russia | March 2016",  # no day: not a full date, so not taken as a byline date
        "Russian forces began withdrawing from the air base on Monday, the ministry said | today",
        "Putin and the Victory Announcement from Syria",
    ],
)
def test_lines_that_are_not_bylines_are_refused(line: str) -> None:
    assert parse_byline(line) is None


def test_dates_are_normalised_only_when_complete() -> None:
    assert parse_date("12 December 2017") == "2017-12-12"
    assert parse_date("2017-12-11T10:00:00Z") == "2017-12-11"
    assert parse_date("December 2017") is None
    assert parse_date("2017-02-30") is None


def test_dates_in_url_paths() -> None:
    assert (
        date_from_url("http://www.abc.net.au/news/2017-12-12/putin-orders-russian-forces/9248378")
        == "2017-12-12"
    )
    assert date_from_url("https://example.org/2016/03/14/russia-syria-withdrawal") == "2016-03-14"
    assert date_from_url("https://example.org/article/20263") is None
    assert date_from_url(None) is None


def test_the_latest_date_among_cited_links_is_found() -> None:
    text = (
        "The offensive began in the spring (https://example.org/2017/03/02/offensive-begins) and the\n"
        "city fell months later (www.example.com/news/2017-10-17/city-falls/123, 2017). Talks are\n"
        "planned for 2018-01-30, officials said (http://example.net/article/20263)."
    )
    assert latest_cited_date(text) == "2017-10-17"  # the date in running text is not a link
    assert latest_cited_date("No links here, only a date: 2019-05-04.") is None


def test_titles_are_short_and_do_not_end_like_sentences() -> None:
    assert looks_like_title("Putin and the Victory Announcement from Syria")
    assert not looks_like_title("The army advanced towards the town of Salhiya.")


def test_dates_from_the_top_of_the_text() -> None:
    assert date_from_text("DAMASCUS, Dec 11, 2017 (Reuters) - Russian forces began") == "2017-12-11"
    assert date_from_text("BEIRUT, 11 December 2017 (AFP) — Syrian troops") == "2017-12-11"
    assert (
        date_from_text("Putin in Syria\nMonday 11 December 2017 10:42 GMT\n\nPutin visited") == "2017-12-11"
    )
    assert date_from_text("DAMASCUS, Dec 11 (Reuters) - no year, so no date") is None
    assert date_from_text("We Will Write a Custom Essay\nFor You For Only $13.90/page!") is None
    long_line = "The war began on 15 March 2011 when protests in Daraa spread to the rest of the country."
    assert date_from_text(long_line) is None


@pytest.mark.parametrize(
    ("paragraph", "expected", "story"),
    [
        ("21 Jul 2016 Dozens of civilians were killed in Manbij.", "2016-07-21", "Dozens"),
        ("Thursday 16 Feb 2017 Shelling wounds nine people near a bakery.", "2017-02-16", "Shelling"),
        ("Date of publication 12 August 2016 Airstrikes hit a market.", "2016-08-12", "Airstrikes"),
        ("August 22 2013 1849 UTC+3 A total of 1500 people died.", "2013-08-22", "A total"),
        ("03.10.2017 The Aerospace Forces destroyed a camp.", "2017-10-03", "The Aerospace"),
        (
            "Fri, 07 Apr 2017 at 0914 The governor says the strike caused deaths.",
            "2017-04-07",
            "The governor",
        ),
        ('Wed 05 Apr 2017 | "We saw the bodies", a doctor said.', "2017-04-05", '"We saw'),
        ("21 Jul 2016 12 people fled.", "2016-07-21", "12 people"),
        ("Sat Aug 13 2016 200 fighters were killed.", "2016-08-13", "200 fighters"),
        ("30-04-2016 Suicide Bomber Kills Five in Qamishli.", "2016-04-30", "Suicide"),
        ("2016-04-30 A suicide bomber killed five.", "2016-04-30", "A suicide"),
        ("21.05.2017(updated 2139 21.05.2017) At least 45 people died.", "2017-05-21", "(updated"),
        # a page that lost the space between a zero-padded day and the year, and a city in capitals
        ("Last updated at Jul 012016 BEIRUT At least 70 fighters died.", "2016-07-01", "At least"),
        ("Published at Apr 232017 AMMAN - The army advanced.", "2017-04-23", "The army"),
        # a capitalised word after the city may be the story's: city and story are kept together
        ("Last updated at Apr 052017 KHAN SHEIKHUN Syria A strike hit.", "2017-04-05", "KHAN SHEIKHUN"),
        ("Updated 12 May 2017 SANA said that 12 died.", "2017-05-12", "SANA said"),  # an acronym
        ("Updated 12 May 2017 NATO Secretary-General Jens Stoltenberg said.", "2017-05-12", "NATO"),
    ],
)
def test_a_paragraph_may_open_with_a_date_line(paragraph: str, expected: str, story: str) -> None:
    found = date_line(paragraph)
    assert found is not None and found.published == expected
    assert paragraph[found.length :].startswith(story)


@pytest.mark.parametrize(
    ("paragraph", "published", "outlet", "story"),
    [
        (
            "BEIRUT, March 5, 2019 (Reuters) - Russian jets bombed a market.",
            "2019-03-05",
            "Reuters",
            "Russian",
        ),
        ("DAMASCUS, Syria, 11 December 2017 (AFP) —\nSyrian troops advanced.", "2017-12-11", "AFP", "Syrian"),
        ("DAMASCUS, Dec 11 (Reuters) - Syrian troops advanced.", None, "Reuters", "Syrian"),
        ("MOSCOW, March 6, 2019 - The ministry denied the report.", "2019-03-06", None, "The ministry"),
    ],
)
def test_a_wire_dateline_gives_date_and_wire(
    paragraph: str, published: str | None, outlet: str | None, story: str
) -> None:
    found = date_line(paragraph)
    assert found is not None and (found.published, found.outlet) == (published, outlet)
    assert paragraph[found.length :].startswith(story)


def test_a_sentence_that_looks_like_a_dateline_is_not_one() -> None:
    assert date_line("Moscow, which backs the government (and Iran) - said nothing.") is None


@pytest.mark.parametrize(
    "paragraph",
    [
        "March 2011 marked the first protests in Daraa.",  # no day
        "31.02.2017 is no calendar day.",
        "Monday 11 December 2017 10:42 GMT",  # a date line alone: date_from_text reads it
        "On 15 March 2011 protests began.",
        "04/30/2016 Month or day first?",
        "Last updated at Jul 12016 BEIRUT At least 70 died.",  # 1 July 2016, or a typo?
        "Last updated at Jul 322016 BEIRUT At least 70 died.",
    ],
)
def test_paragraphs_that_do_not_open_with_a_date_line(paragraph: str) -> None:
    assert date_line(paragraph) is None


def test_clock_times_followed_by_long_runs_of_capitals_are_read_in_linear_time() -> None:
    # Lines like this once sent the clock-time pattern into exponential backtracking.
    shouting = "UPDATED 10:42 " + "BREAKINGNEWSFROMTHEFRONT" * 7 + " 2017"
    assert date_from_text(shouting) is None
    assert date_from_text("at 10:42 " + "AB" * 90 + "\n\nRussian forces began to withdraw in 2017.") is None


@pytest.mark.parametrize(
    ("paragraph", "published", "outlet", "title", "story"),
    [
        (
            "Rocket attacks kill at least 30 in Aleppo AP Saturday 9 Jul 2016 Rockets hit the city.",
            "2016-07-09",
            "AP",
            "Rocket attacks kill at least 30 in Aleppo",
            "Rockets",
        ),
        (
            "Air raids kill 18 civilians in Aleppo Monitor AFP Monday 18 Aug 2014 Air raids on rebel areas.",
            "2014-08-18",
            "AFP",
            "Air raids kill 18 civilians in Aleppo Monitor",
            "Air raids on",
        ),
        ("Reuters 10 Jul 2016 Ten targets were hit.", "2016-07-10", "Reuters", "", "Ten targets"),
    ],
)
def test_a_title_run_into_a_wire_credit_and_date(
    paragraph: str, published: str, outlet: str, title: str, story: str
) -> None:
    found = date_line(paragraph)
    assert found is not None and (found.published, found.outlet) == (published, outlet)
    assert paragraph[: found.start] == title
    assert paragraph[found.length :].startswith(story)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Assad told AFP Monday 18 Aug 2014 that he would stay.",  # the story does not start after it
        "The AP Saturday 9 Jul 2016 edition carried the report.",
        # a sentence, not a title, before the wire's name
        "Rockets hit Aleppo on Friday night. AP Saturday 9 Jul 2016 Rockets hit the city.",
        "Rockets hit Aleppo on Friday, AP reported, and 30 people died on 9 Jul 2016 in the city.",
    ],
)
def test_sentences_naming_a_wire_are_not_date_lines(paragraph: str) -> None:
    assert date_line(paragraph) is None
