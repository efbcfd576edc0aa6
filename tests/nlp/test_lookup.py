from marsad.model import Actor, Mention
from marsad.nlp.lookup import MentionIndex

TEXT = "Putin met Assad in Latakia; the Russian president later flew to Moscow."


def _actor(actor_id: str, *names: str) -> Actor:
    mentions = [Mention(start=TEXT.index(n), end=TEXT.index(n) + len(n), text=n) for n in names]
    return Actor(id=actor_id, name=names[0], type="person", mentions=mentions)


def test_span_lookup_finds_the_overlapping_actor() -> None:
    index = MentionIndex([_actor("a1", "Putin", "the Russian president"), _actor("a2", "Assad")])
    assert index.at(TEXT.index("Russian"), TEXT.index("Russian") + 7) == "a1"
    assert index.at(TEXT.index("Assad"), TEXT.index("Assad") + 5) == "a2"
    assert index.at(TEXT.index("Latakia"), TEXT.index("Latakia") + 7) is None


def test_mentions_within_a_sentence_come_in_text_order() -> None:
    index = MentionIndex([_actor("a2", "Assad"), _actor("a1", "Putin", "the Russian president")])
    first_clause = (0, TEXT.index(";"))
    assert [item for _, _, item in index.within(*first_clause)] == ["a1", "a2"]
