from marsad.clean.dedup import NEAR_DUPLICATE_JACCARD, bands, content_hash, jaccard, signature

STORY = (
    "Russian President Vladimir Putin on Monday ordered the start of a partial withdrawal of Russian "
    "forces from Syria during a surprise visit to the Hmeimim air base, saying Moscow and Damascus had "
    "achieved their goal of destroying Islamic State. Putin was greeted by President Bashar al-Assad and "
    "addressed troops at the base in Latakia province, the Kremlin said in a statement. The Russian "
    "defence ministry later said the first units had already begun to return to their permanent bases."
)


def test_content_hash_ignores_case_and_spacing_only() -> None:
    assert content_hash(STORY) == content_hash("  " + STORY.upper().replace(" ", "\n", 3))
    assert content_hash(STORY) != content_hash(STORY.replace("Monday", "Tuesday"))


def test_a_lightly_edited_copy_is_a_near_duplicate_and_shares_a_band() -> None:
    copy = STORY.replace("on Monday", "on Monday, December 11,") + " (Reporting by Example Wire)"
    a, b = signature(STORY), signature(copy)
    assert jaccard(a, b) >= NEAR_DUPLICATE_JACCARD
    assert set(bands(a)) & set(bands(b))


def test_a_different_story_is_not_a_near_duplicate() -> None:
    other = (
        "The Syrian Democratic Forces said on Tuesday they had taken control of the villages of Abu Hamam "
        "and Suwaidan in the eastern countryside of Deir ez-Zor after clashes with Islamic State fighters, "
        "while Iraqi officials denied any agreement on a joint coordination centre at the border."
    )
    a, b = signature(STORY), signature(other)
    assert jaccard(a, b) < 0.2
    assert not set(bands(a)) & set(bands(b))
