from marsad.clean.boilerplate import DUPLICATE_FRAGMENT, classify
from marsad.clean.unwrap import paragraphs

BODY = (
    "Russian forces began withdrawing from the air base on Monday, the defence ministry said, "
    "while officials in Damascus insisted that the operations against the militants would go on."
)
SECOND = (
    "Analysts in Beirut said the announcement was aimed at the Russian electorate before the "
    "presidential vote, and that the bases on the coast would remain fully operational."
)


def _removed(raw: str) -> dict[str, str]:
    paras = paragraphs(raw)
    return {paras[i].text(raw): reason for i, reason in classify(raw, paras).items()}


def test_a_multi_line_advertisement_block_and_its_call_to_action_are_removed() -> None:
    ad = "Get Your Term Paper Written Today\nBy Expert Writers For Just $9.99/page!\n\nbuy now"
    raw = f"{BODY}\n\n{ad}\n\n{SECOND}"
    removed = _removed(raw)
    assert set(removed.values()) == {"advertisement"}
    assert "buy now" in removed and "Get Your Term Paper Written Today" in removed
    assert BODY not in removed and SECOND not in removed


def test_page_boilerplate_is_removed_with_its_reason() -> None:
    raw = f"{BODY}\n\nShare this article\n\n{SECOND}\n\n© 2017 Example Media. All rights reserved."
    assert set(_removed(raw).values()) == {"boilerplate"}
    assert len(_removed(raw)) == 2


def test_a_long_paragraph_mentioning_an_ad_word_is_kept() -> None:
    long_para = (
        "The ministry urged citizens to subscribe to the official alert service, and said that orders "
        "to buy now-scarce fuel would be rationed across the province for the coming weeks, while the "
        "army continued to clear mines from the roads leading to the villages east of the river."
    )
    assert _removed(f"{BODY}\n\n{long_para}") == {}


def test_a_cut_fragment_repeated_from_further_down_is_removed_but_headings_stay() -> None:
    raw = (
        "the operations against the militants would go on. Analysts in\n\n"
        "Withdrawal From the Coast\n\n"
        f"{BODY}\n\n{SECOND}"
    )
    removed = _removed(raw)
    assert removed == {"the operations against the militants would go on. Analysts in": DUPLICATE_FRAGMENT}


def test_of_two_identical_short_paragraphs_the_first_is_kept() -> None:
    raw = f"Background to the talks\n\n{BODY}\n\nBackground to the talks\n\n{SECOND}"
    paras = paragraphs(raw)
    assert classify(raw, paras) == {2: DUPLICATE_FRAGMENT}
