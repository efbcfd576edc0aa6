from marsad.clean.unwrap import join_edits, paragraphs

WRAPPED = """\
The Syrian army and its allies continued their military operations against
the last pockets held by the group on the road between the two cities, and
took control of a number of oil wells and villages in the eastern desert.

Turkish officials said on Tuesday that the talks in Astana would resume next
week, after a delegation from Ankara met Russian and Iranian envoys at the
foreign ministry in Moscow to discuss the de-escalation zones in the north.
"""


def _texts(raw: str) -> list[str]:
    return [p.text(raw) for p in paragraphs(raw)]


def test_hard_wrapped_lines_are_joined_and_blank_lines_separate_paragraphs() -> None:
    texts = _texts(WRAPPED)
    assert len(texts) == 2
    assert texts[0].startswith("The Syrian army") and texts[0].endswith("eastern desert.")
    assert "operations against the last pockets" in texts[0]


def test_one_paragraph_per_line_text_keeps_its_paragraphs() -> None:
    long_lines = "\n".join(
        f"Paragraph {n} reports that the convoy moved north of the river and that officials in the capital "
        f"confirmed the movement, while the opposition denied any agreement had been reached. " * 3
        for n in range(4)
    )
    assert len(_texts(long_lines)) == 4


def test_a_line_running_on_in_lower_case_is_joined_even_in_unwrapped_text() -> None:
    raw = (
        "European companies began sending their\nscouts to Tehran to sign oil and gas agreements.\n"
        "Iran and Russia were gathered through alliances in several files."
    )
    texts = _texts(raw)
    assert (
        texts[0] == "European companies began sending their scouts to Tehran to sign oil and gas agreements."
    )
    assert len(texts) == 2


def test_a_heading_stays_apart_from_the_paragraph_below_it() -> None:
    raw = "Nuclear Deal accelerated the Russian move\nIran and Russia share interests in several files."
    assert len(_texts(raw)) == 2


def test_line_break_after_a_hyphen_joins_without_a_space() -> None:
    raw = "The counter-\nterrorism operations continued."
    para = paragraphs(raw)[0]
    (edit,) = join_edits(raw, para)
    assert edit.replacement == ""


def test_windows_line_endings_and_trailing_spaces_are_handled() -> None:
    raw = WRAPPED.replace("\n", "  \r\n")
    assert _texts(raw) == _texts(WRAPPED)
