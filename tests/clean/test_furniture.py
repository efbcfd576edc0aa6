import pytest

from marsad.clean.furniture import CREDITS, FOOTER, TAGS, find

LEDE = "Air strikes killed 12 civilians in a village held by Islamic State militants on Sunday."


def _removed(paragraph: str) -> list[tuple[str, str]]:
    return [(f.reason, paragraph[f.start : f.end]) for f in find(paragraph)]


@pytest.mark.parametrize(
    ("tags", "story"),
    [
        ("Tags Iraq Mosul Islamic State airstrikes Nineveh ", "At least 12 civilians died there."),
        ("Tags Syria Islamic State activists video Palmyra ", "The group released a video on Sunday."),
        ("Tags: Syria, Idlib, al-Nusra Front ", "Two of the dead were children."),
        ("Topics Aleppo Castello road Ahrar al-Sham ", '"We saw the bodies," a doctor said.'),
        ("Tags Yemen Hodeidah aid convoys shelling ", "Four medics were killed in a strike."),
    ],
)
def test_a_tag_run_goes_up_to_where_the_story_starts(tags: str, story: str) -> None:
    assert _removed(f"{LEDE} {tags}{story}") == [(TAGS, tags)]


def test_tags_closing_a_paragraph_go_with_the_space_before_them() -> None:
    tags = " Tags Libya Sirte Militias Drones"
    assert _removed(LEDE + tags) == [(TAGS, tags)]


@pytest.mark.parametrize(
    "paragraph",
    [
        # "Tags" as a noun opening a sentence
        f"{LEDE} Tags on the bodies identified them as conscripts from Homs.",
        f"{LEDE} Tags Found On Bodies Identified Them As Conscripts, the army said.",
        # the story starts without a marker: where the tags end is not plain, so all is kept
        f"{LEDE} Tags Syria Douma Airstrikes Syrian regime airstrikes on a rebel-held town killed 14 people.",
        # glued to a sentence without its full stop: perhaps tags, perhaps not
        "Rebels took the town a monitoring group said Tags Nusra Front Aleppo. A bomber struck later.",
        "Price tags on bread doubled in Aleppo. At least 12 bakeries closed.",
        f"{LEDE} Tags issued to detainees were lost. The count was never made.",
    ],
)
def test_sentences_with_tags_are_kept(paragraph: str) -> None:
    assert find(paragraph) == []


def test_an_agency_credit_line_and_trailer_close_the_report_and_name_its_reporters() -> None:
    credit = (
        " Reporting by Rania Salim Khoury Beirut newsroom; Editing by Tom Hale and Anna Frost"
        " Our Standards:The Thomson Reuters Trust Principles."
    )
    (found,) = find(LEDE + credit)
    assert (found.reason, (LEDE + credit)[found.start : found.end]) == (CREDITS, credit)
    assert found.authors == ("Rania Salim Khoury",)


@pytest.mark.parametrize(
    ("credit", "authors"),
    [
        (
            "(Reporting by Suleiman Al-Khalidi in Amman and Tom Perry in Beirut; Additional reporting by"
            " John Irish in Paris; Editing by Peter Graff)",
            ("Suleiman Al-Khalidi", "Tom Perry"),
        ),
        (
            "Reporting by Omar Fahmy; writing by Ahmed Tolba; editing by Catherine Evans",
            ("Omar Fahmy", "Ahmed Tolba"),
        ),
        ("Additional reporting by Tom Miles; Compiled by Jane Roe", ()),
        ("Our Standards: The Thomson Reuters Trust Principles.", ()),
    ],
)
def test_credit_lines_give_reporters_and_writers_only(credit: str, authors: tuple[str, ...]) -> None:
    (found,) = find(credit)
    assert (found.start, found.end, found.authors) == (0, len(credit), authors)


@pytest.mark.parametrize(
    "paragraph",
    [
        "The film won the prize. Editing by Jane Doe gave it its pace, critics said.",
        "The agency denied it. Editing by the censors removed the passage.",
        "The documentary, with editing by Jane Doe, was shown in Beirut.",
        f"Reporting by John Irish; Editing by Peter Graff. {LEDE}",  # not closing the paragraph
    ],
)
def test_roles_named_inside_sentences_are_kept(paragraph: str) -> None:
    assert find(paragraph) == []


def test_a_page_footer_closing_the_paragraph_goes() -> None:
    footer = (
        " Every photo has a story behind it. Follow us on Instagram. FOLLOW TRTWORLD Never lose track of"
        " the Headlines. SUBSCRIBE TRT World on Youtube Copyright 2019 TRT World. Cookie Policy Terms of"
        " Use Contact Us Privacy Policy Legal"
    )
    removed = _removed(LEDE + footer)
    assert removed == [(FOOTER, " Follow us on Instagram." + footer.split("Instagram.", 1)[1])]
    assert _removed(LEDE + " Read Also") == [(FOOTER, " Read Also")]
    headlines = " Related News Thousands of migrants walk into Turkey Copyright 2018 TRT World."
    assert _removed(LEDE + " Source TRT World and agencies" + headlines) == [(FOOTER, headlines)]


@pytest.mark.parametrize(
    "paragraph",
    [
        f"{LEDE} Follow us on the ground, the commander told reporters, as the convoy moved.",
        f"{LEDE} Copyright lawyers in Damascus said the seized archive was never returned.",
    ],
)
def test_footer_words_inside_the_story_stay(paragraph: str) -> None:
    assert _removed(paragraph) == []


@pytest.mark.parametrize("credit", [" Source TRTWorld and agencies", " Source: TRT World and agencies."])
def test_an_outlet_and_agencies_credit_closing_the_report_goes(credit: str) -> None:
    assert _removed(LEDE + credit) == [(CREDITS, credit)]
