import pytest

from marsad.clean.metadata import Byline, date_from_url, looks_like_title, parse_byline, parse_date


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


def test_titles_are_short_and_do_not_end_like_sentences() -> None:
    assert looks_like_title("Putin and the Victory Announcement from Syria")
    assert not looks_like_title("The army advanced towards the town of Salhiya.")
