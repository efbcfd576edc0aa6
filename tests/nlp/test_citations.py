from marsad.nlp.citations import domain_of, find_citations


def test_urls_including_cut_ones_are_found_with_their_domain() -> None:
    text = (
        "The statement was published (http://www.example-news.com/2017/12/11/russia-syria-pullout, and "
        "later quoted by state media (https://sputniknews.com, and in a regional paper "
        "www.al-akhbar.com/node/28. See also (http://www.plenglish.com/index.php?o=rn=20263=troops"
    )
    urls = [c for c in find_citations(text) if c.kind == "url"]
    assert [c.domain for c in urls] == [
        "example-news.com",
        "sputniknews.com",
        "al-akhbar.com",
        "plenglish.com",
    ]
    for citation in urls:
        assert text[citation.start : citation.end] == citation.text
        assert not citation.text.endswith((",", "."))


def test_author_year_references_are_found() -> None:
    text = (
        "The withdrawal was partial (Roth, 2017), as others noted (Lund and Heras 2016; see below) "
        "(Kofman et al., 2018a)."
    )
    refs = [c.text for c in find_citations(text) if c.kind == "reference"]
    assert refs == ["(Roth, 2017)", "(Kofman et al., 2018a)"]


def test_domain_of_handles_missing_scheme_and_garbage() -> None:
    assert domain_of("www.reuters.com/article/x") == "reuters.com"
    assert domain_of("http://localhost") is None
