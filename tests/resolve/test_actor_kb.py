"""The actor knowledge base: its bundled data loads, names fold together, roles are dated."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.errors import ActorKbError
from marsad.resolve.actor_kb import bundled_files, fold, load_kb


def test_bundled_knowledge_base_covers_every_sovereign_state_with_demonyms() -> None:
    kb = load_kb()
    states = [a for a in kb.actors.values() if a.type == "state"]
    assert len(states) >= 195
    assert kb.actors["russia"].demonyms[:2] == ("Russian", "Russians")
    assert {"Moscow", "the Kremlin"} <= set(kb.actors["russia"].metonyms)
    assert all(s.country == s.code for s in states)


@pytest.mark.parametrize(
    ("written", "actor"),
    [
        ("Daesh", "isis"),
        ("«Dahesh", "isis"),
        ("ISIL", "isis"),
        ("the Islamic State organization", "isis"),
        ("Erdogan", "recep-tayyip-erdogan"),
        ("Bashar Al-Assad", "bashar-al-assad"),
        ("Bashar al-Asad", "bashar-al-assad"),
        ("Hayat Tahrir al-Sham", "hts"),
        ("Ansarullah", "houthis"),
        ("Hashd al-Shaabi", "pmf"),
        ("the Kremlin", "russia"),
        ("Teheran", "iran"),
        ("CJTF-OIR", "us-led-coalition"),
    ],
)
def test_spellings_of_one_name_find_one_actor(written: str, actor: str) -> None:
    assert [hit.actor.id for hit in load_kb().lookup(written)] == [actor]


def test_folding_merges_transliteration_variants() -> None:
    assert fold("Hemeimeem") == fold("Hemeimim")
    assert fold("Al-Bukamal") == fold("al Bukamal")
    assert fold("the Russians") == fold("Russians")
    assert fold("Davutoğlu") == fold("Davutoglu")


@pytest.mark.parametrize(
    ("title", "of", "date", "holder"),
    [
        ("prime minister", "turkey", "2016-03-17", "ahmet-davutoglu"),
        ("prime minister", "turkey", "2017-03-17", "binali-yildirim"),
        ("president", "united-states", "2017-12-11", "donald-trump"),
        ("foreign minister", "united-states", "2016-06-01", "john-kerry"),
        ("defence minister", "russia", "2017-12-11", "sergei-shoigu"),
        ("president", "iran", "2016-03-17", "hassan-rouhani"),
        ("president", "ukraine", "2022-03-01", "volodymyr-zelensky"),
    ],
)
def test_role_holder_on_a_date(title: str, of: str, date: str, holder: str) -> None:
    found = load_kb().holder(title, of, date)
    assert found is not None and found.id == holder


def test_no_holder_outside_any_tenure() -> None:
    assert load_kb().holder("prime minister", "turkey", "2019-01-01") is None  # post abolished in 2018


def test_a_user_file_adds_an_actor_and_an_alias_without_code(tmp_path: Path) -> None:
    extra = tmp_path / "mine.toml"
    extra.write_text(
        'actor = [{ id = "liwa-example", name = "Liwa Example", type = "armed group", country = "SYR",'
        ' aliases = ["Example Brigade"] }]\n'
        'alias = [{ id = "isis", aliases = ["Tanzim Example"] }]\n',
        "utf-8",
    )
    kb = load_kb([*bundled_files(), extra])
    assert kb.lookup("Example Brigade")[0].actor.country == "SYR"
    assert kb.lookup("Tanzim Example")[0].actor.id == "isis"


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ('actor = [{ id = "x", name = "X", type = "warlord" }]', "bad.toml: actor #1 (id 'x'): type"),
        ('actor = [{ id = "x", name = "X", type = "person", wikidata = "159" }]', "wikidata"),
        ('actor = [{ id = "x", name = "X", type = "person", aliases = ["the regime"] }]', "no capital"),
        ('actor = [{ id = "x", name = "X", type = "person", parent = "nowhere" }]', "parent 'nowhere'"),
        ('actor = [{ id = "russia", name = "X", type = "person" }]', "id already used"),
    ],
)
def test_bad_data_names_the_file_and_entry(tmp_path: Path, entry: str, message: str) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(entry + "\n", "utf-8")
    with pytest.raises(ActorKbError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_kb([*bundled_files(), bad])
