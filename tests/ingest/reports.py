"""Realistic report snippets shared by the reader tests."""

from __future__ import annotations

from marsad.model import Quarantined, RawDocument

WITHDRAWAL = (
    "Russian President Vladimir Putin ordered the main part of Russia's military contingent to begin "
    "withdrawing from Syria on Tuesday. The first group of Su-34 bombers left the Hmeimim air base near "
    "Latakia, the Defence Ministry in Moscow said.\n"
)
GENEVA = (
    "UN envoy Staffan de Mistura said the pullout could help the Geneva talks. Opposition negotiators "
    "were cautious: 'We need to see what the withdrawal means on the ground,' one delegate said.\n"
)
PALMYRA = (
    "Syrian government forces, backed by Russian air strikes, pushed into Palmyra on Sunday, "
    "according to the Syrian Observatory for Human Rights, despite the announced drawdown.\n"
)
# Accented names that only decode right if the legacy charset is detected correctly.
FRENCH = (
    "Le président François Hollande a salué le retrait partiel des forces russes de Syrie. "
    "Jean-Marc Ayrault a déclaré à Genève que les négociations devaient désormais progresser.\n"
)
GERMAN = (
    "Der Abzug der russischen Streitkräfte aus Syrien überraschte Beobachter in München und Zürich; "
    "Außenminister Frank-Walter Steinmeier sprach von einem möglichen Durchbruch.\n"
)
REPORT_HTML = (
    "<!doctype html><html><head><title>Russia begins Syria withdrawal</title></head><body>"
    "<nav>Home | World</nav><article><h1>Russia begins Syria withdrawal</h1>"
    f"<p>{WITHDRAWAL}</p><p>{GENEVA}</p></article></body></html>"
)


def outcome(item: RawDocument | Quarantined) -> str:
    """What a test compares: a document's raw content, or a quarantined item's reason code."""
    return item.reason if isinstance(item, Quarantined) else item.raw
