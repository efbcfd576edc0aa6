from spacy.language import Language

from marsad.clean import clean
from marsad.model import RawDocument, TimeExpression
from marsad.pipeline import Analyzer


def times(nlp: Language, text: str, published: str | None) -> dict[str, TimeExpression]:
    doc = nlp.make_doc(text)
    doc._.marsad_published = published
    found = nlp(doc)._.marsad_times
    for t in found:
        assert text[t.start : t.end] == t.text
    return {t.text: t for t in found}


def test_weekdays_follow_the_tense_of_their_sentence(nlp: Language) -> None:
    past = times(nlp, "Russian forces withdrew from the air base on Monday.", "2017-12-14")
    assert past["Monday"].value == "2017-12-11"
    future = times(nlp, "The talks will resume in Geneva on Monday.", "2017-12-14")
    assert future["Monday"].value == "2017-12-18"


def test_relative_expressions_resolve_against_each_documents_date(nlp: Language) -> None:
    text = "Yesterday the ministry said the convoy had left last week, and more would follow next month."
    early = times(nlp, text, "2016-03-15")
    assert (early["Yesterday"].value, early["last week"].value, early["next month"].value) == (
        "2016-03-14",
        "2016-W10",
        "2016-04",
    )
    late = times(nlp, text, "2018-01-01")
    assert (late["Yesterday"].value, late["last week"].value, late["next month"].value) == (
        "2017-12-31",
        "2017-W52",
        "2018-02",
    )
    assert late["Yesterday"].precision == "day" and late["last week"].precision == "week"


def test_expressions_ner_misses_are_found(nlp: Language) -> None:
    text = (
        "Fighting has continued since 2011. Earlier this month rebels shelled the town, and now, "
        "hours after the truce, aid arrives every Monday. In the 1990s the border was quiet."
    )
    found = times(nlp, text, "2017-12-11")
    assert found["2011"].mod == "ON_OR_AFTER" and found["2011"].earliest == "2011-01-01"
    assert found["Earlier this month"].value == "2017-12"
    assert found["now"].value == "PRESENT_REF"
    assert found["hours"].anchor is not None and found["hours"].anchor.text == "the truce"
    assert found["every Monday"].type == "SET"
    assert found["the 1990s"].value == "199"


def test_ages_and_url_dates_are_not_time_expressions(nlp: Language) -> None:
    text = "A 6-year-old boy was hurt, the report said (http://example.org/news/2017-12-12/x)."
    assert times(nlp, text, "2017-12-12") == {}


def test_a_date_after_an_anchor_date_is_computed(nlp: Language) -> None:
    found = times(nlp, "The siege ended three days after March 3, 2016, officials said.", None)
    assert found["three days"].value == "2016-03-06"
    assert found["three days"].relative_to == "event"


def test_2016_sample_first_four_years_of_the_revolution(nlp: Language, examples: dict[str, str]) -> None:
    cleaned = clean(RawDocument(source="russia", text=examples["russia-withdrawal-2016.txt"]))
    assert cleaned.published == "2016-03-17"
    found = times(nlp, cleaned.text, cleaned.published)
    years = found["the first four years"]
    assert years.anchor is not None and years.anchor.text == "the Syrian Revolution"
    assert years.precision == "range" and years.value == "2011-03/2015-03"
    assert (years.earliest, years.latest) == ("2011-03-01", "2015-03-31")


def test_2017_sample_without_a_date_leaves_relative_values_unresolved(
    nlp: Language, examples: dict[str, str]
) -> None:
    cleaned = clean(RawDocument(source="putin", text=examples["putin-victory-2017.txt"]))
    assert cleaned.published is None
    found = times(nlp, cleaned.text, cleaned.published)
    assert found["2013"].value == "2013" and found["2013"].precision == "year"
    assert found["2011"].mod == "BEFORE" and found["2011"].latest == "2010-12-31"
    yesterday = found["yesterday"]
    assert yesterday.value is None  # never invented
    assert (yesterday.relative_to, yesterday.offset, yesterday.relation) == ("published", "P1D", "before")
    days = found["20 days"]
    assert days.mod == "LESS_THAN" and days.relation == "after" and days.relative_to == "event"
    assert days.anchor is not None and days.anchor.text.startswith("the liberation of")
    assert days.anchor.text.endswith("al-Bukamal")
    with_date = times(nlp, cleaned.text, "2017-12-12")
    assert with_date["yesterday"].value == "2017-12-11"


def test_analyzer_puts_times_in_the_result(nlp: Language) -> None:
    raw = RawDocument(
        source="t",
        text="Putin visited the base on Monday and ordered a partial withdrawal.",
        published="2017-12-12",
    )
    (analyzed,) = list(Analyzer(nlp=nlp).analyze([raw]))
    result = analyzed.record.result  # type: ignore[union-attr]
    assert [(t.text, t.value) for t in result.times] == [("Monday", "2017-12-11")]


def test_years_of_cited_sources_are_not_time_expressions_of_the_story(nlp: Language) -> None:
    text = (
        "Putin announced the start of the withdrawal from the air base (Roth, 2017), as reported "
        "(http://example.org/2016/03/14/russia-syria). The troops left in December 2017."
    )
    found = [t.text for t in nlp(text)._.marsad_times]
    assert found == ["December 2017"]
