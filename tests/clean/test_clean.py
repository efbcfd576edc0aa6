"""Cleaning end to end on the bundled real reports and on hand-made HTML and non-English text."""

from marsad.clean import OffsetMap, clean
from marsad.model import RawDocument

FRENCH = (
    "Le président russe a ordonné lundi le retrait partiel des troupes déployées en Syrie, "
    "lors d'une visite surprise à la base aérienne de Hmeimim, près de Lattaquié."
)


def _clean(name: str, text: str):  # type: ignore[no-untyped-def]
    return clean(RawDocument(source=name, text=text))


def test_removals_are_recorded_with_raw_offsets_and_reasons(examples: dict[str, str]) -> None:
    for name, raw in examples.items():
        cleaned = _clean(name, raw)
        for removal in cleaned.removed:
            assert raw[removal.start : removal.end] == removal.text
            assert removal.text not in cleaned.text


def test_the_advertisement_and_the_scraped_fragment_are_removed(examples: dict[str, str]) -> None:
    cleaned = _clean("putin-victory-2017.txt", examples["putin-victory-2017.txt"])
    reasons = {r.reason for r in cleaned.removed}
    assert {"advertisement", "duplicate-fragment"} <= reasons
    assert "Custom Essay" not in cleaned.text and "order now" not in cleaned.text
    assert not cleaned.text.startswith("Putin begun")
    assert cleaned.title == "Putin and the Victory Announcement from Syria"


def test_byline_gives_outlet_and_date(examples: dict[str, str]) -> None:
    cleaned = _clean("russia-withdrawal-2016.txt", examples["russia-withdrawal-2016.txt"])
    assert (cleaned.outlet, cleaned.published) == ("Eldorar Alshamia", "2016-03-17")
    assert [r.reason for r in cleaned.removed] == ["byline"]


def test_a_date_line_run_into_the_first_paragraph_dates_the_report_and_is_removed() -> None:
    raw = (
        "Shelling kills four in Douma\n\nTue 14 Mar 2017 Government  shelling killed four civilians\n"
        "in Douma on Monday, activists said.\n\n22 March 2011 is when the protests began."
    )
    cleaned = _clean("douma", raw)
    assert cleaned.published == "2017-03-14"
    (removal,) = cleaned.removed
    assert (removal.reason, removal.text) == ("date-line", "Tue 14 Mar 2017 ")
    assert "\n\nGovernment shelling killed four civilians in Douma on Monday" in cleaned.text
    assert "22 March 2011 is when" in cleaned.text  # a later paragraph's date is its story's
    at = cleaned.text.index("Government")
    assert raw[OffsetMap(cleaned.offsets).to_raw(at) :].startswith("Government")


def test_paragraphs_are_rejoined_and_spacing_normalised(examples: dict[str, str]) -> None:
    for name, raw in examples.items():
        cleaned = _clean(name, raw)
        for paragraph in cleaned.text.split("\n\n"):
            assert "\n" not in paragraph
            assert "  " not in paragraph and "\u00a0" not in paragraph
    victory = _clean("v", examples["putin-victory-2017.txt"]).text
    assert "visited the Hemeimeem airbase in Lattakia and met with President Bashar al-Assad" in victory
    assert "«ISIS»" in victory and "“joint center”" in victory  # quotes kept as written


def test_every_verbatim_piece_of_clean_text_maps_back_to_the_raw_text(examples: dict[str, str]) -> None:
    for name, raw in examples.items():
        cleaned = _clean(name, raw)
        offsets = OffsetMap(cleaned.offsets)
        for run in cleaned.offsets:
            if run.verbatim:
                assert cleaned.text[run.clean_start : run.clean_end] == raw[run.raw_start : run.raw_end]
        for word in ("Syria", "Russia"):
            at = cleaned.text.rindex(word)
            assert raw[offsets.to_raw(at) :].startswith(word)


def test_unicode_is_normalised_and_invisible_characters_dropped() -> None:
    cleaned = _clean("t", "The ﬁghting near Deir\u00a0ez-Zor re\u00adsumed on Monday…")
    assert cleaned.text == "The fighting near Deir ez-Zor resumed on Monday..."


def test_non_english_text_is_kept_and_flagged() -> None:
    cleaned = _clean("fr", FRENCH)
    assert cleaned.language == "fr"
    assert cleaned.text == FRENCH


def test_html_main_text_and_metadata_are_extracted() -> None:
    html = (
        "<html><head><title>Russia starts pulling out of Syria</title>"
        '<meta name="author" content="Jane Doe"><meta property="og:site_name" content="Example News">'
        '<meta property="article:published_time" content="2017-12-11T10:00:00Z"></head>'
        "<body><nav><a href='/'>Home</a> | <a href='/world'>World</a></nav><article>"
        "<h1>Russia starts pulling out of Syria</h1>"
        "<p>Russian President Vladimir Putin visited the Hmeimim air base in Latakia on Monday and "
        "ordered a partial withdrawal of the troops deployed in Syria.</p>"
        "<p>Hours later the Russian Defence Ministry said that the withdrawal had already begun.</p>"
        "</article><footer>Contact us</footer></body></html>"
    )
    cleaned = clean(RawDocument(source="page.html", html=html))
    assert (cleaned.author, cleaned.outlet, cleaned.published) == ("Jane Doe", "Example News", "2017-12-11")
    assert cleaned.title == "Russia starts pulling out of Syria"
    assert "ordered a partial withdrawal" in cleaned.text and "Contact us" not in cleaned.text
    assert cleaned.raw_text.startswith("Russia starts pulling out")


def test_an_undated_report_is_dated_by_the_latest_link_it_cites() -> None:
    body = (
        "Officials announced the withdrawal yesterday, according to a report\n"
        "(https://news.example.org/2017/12/12/withdrawal-announced) that cited an earlier\n"
        "statement (https://news.example.org/2017/11/30/statement)."
    )
    undated = clean(RawDocument(source="undated.txt", text=body))
    assert (undated.published, undated.estimated_date) == (None, "2017-12-12")
    dated = clean(RawDocument(source="dated.txt", text=body, published="2017-12-14"))
    assert (dated.published, dated.estimated_date) == ("2017-12-14", None)


def test_a_title_run_into_a_wire_credit_becomes_its_own_paragraph() -> None:
    raw = (
        "Rocket attacks kill at least 30 in Aleppo AFP Saturday 9 Jul 2016 Rebel rockets killed 30\n"
        "people in government-held districts of Aleppo overnight, state media said."
    )
    cleaned = _clean("aleppo", raw)
    assert (cleaned.published, cleaned.outlet) == ("2016-07-09", "AFP")
    assert cleaned.title == "Rocket attacks kill at least 30 in Aleppo"
    assert cleaned.text.startswith(f"{cleaned.title}\n\nRebel rockets killed 30 people")
    (removal,) = cleaned.removed
    assert (removal.reason, removal.text) == ("date-line", " AFP Saturday 9 Jul 2016 ")
    at = cleaned.text.index("Rebel")
    assert raw[OffsetMap(cleaned.offsets).to_raw(at) :].startswith("Rebel")


def test_tags_and_credits_run_into_a_report_are_removed_and_reporters_kept() -> None:
    raw = (
        "Strikes kill 12 in Idlib\n\n"
        "Air strikes killed 12 civilians in Idlib on Sunday. Tags Syria Idlib Russia SOHR At least 12\n"
        "civilians died when strikes hit a market, a monitor said. Rescuers searched the rubble.\n\n"
        "(Reporting by Jane Doe and John Roe in Beirut; Editing by Peter Graff)"
    )
    cleaned = _clean("idlib", raw)
    assert cleaned.author == "Jane Doe, John Roe"
    assert [(r.reason, r.text) for r in cleaned.removed] == [
        ("tags", "Tags Syria Idlib Russia SOHR "),
        ("credits", "(Reporting by Jane Doe and John Roe in Beirut; Editing by Peter Graff)"),
    ]
    assert cleaned.text == (
        "Strikes kill 12 in Idlib\n\nAir strikes killed 12 civilians in Idlib on Sunday. At least 12"
        " civilians died when strikes hit a market, a monitor said. Rescuers searched the rubble."
    )


def test_credits_closing_a_paragraph_leave_it_ending_with_its_sentence() -> None:
    raw = "Rescuers searched the rubble. Reporting by Jane Doe; Editing by Peter Graff\n\nMore later."
    cleaned = _clean("credits", raw)
    assert cleaned.text == "Rescuers searched the rubble.\n\nMore later."
    assert cleaned.author == "Jane Doe"
