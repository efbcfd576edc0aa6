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
    refs = [(c.text, c.author, c.year) for c in find_citations(text) if c.kind == "reference"]
    assert refs == [("(Roth, 2017)", "Roth", 2017), ("(Kofman et al., 2018a)", "Kofman et al.", 2018)]


def test_cited_links_carry_the_year_they_are_cited_with_and_the_date_in_their_path() -> None:
    text = (
        "As the paper put it (http://www.al-akhbar.com, 2017), and as the agency reported "
        "(https://news.example.org/2016/03/14/pullout-begins), the pullout began (www.example.com/x)."
    )
    found = [(c.domain, c.year, c.date) for c in find_citations(text) if c.kind == "url"]
    assert found == [
        ("al-akhbar.com", 2017, None),
        ("news.example.org", None, "2016-03-14"),
        ("example.com", None, None),
    ]


def test_domain_of_handles_missing_scheme_and_garbage() -> None:
    assert domain_of("www.reuters.com/article/x") == "reuters.com"
    assert domain_of("http://localhost") is None
