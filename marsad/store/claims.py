"""Claims, disputes and copied text in the store: written with each document, read by `marsad claims`.

`SqlStore.put` calls `_insert_claims` inside the document's transaction:
1. the document's claims, and each speech claim's topic terms (the blocking index);
2. its sampled shingles, and the stored documents it shares passages with (marsad.resolve.copies);
3. its own contradictions and agreements, and those with claims of other documents found through
   the term index (marsad.nlp.disputes decides): terms held by more than `MAX_TERM_POSTINGS` claims
   are too common to block on, so each claim is compared with a bounded number of others.
A claim's independent sources are the documents that carry it or agree with it, counting documents
that copy each other once.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from marsad.model import Claim, Result
from marsad.nlp.disputes import MIN_SHARED, judge, topic
from marsad.resolve.copies import MAX_POSTINGS, MIN_SHARED_SHINGLES, align, shingle_hashes
from marsad.store.primitives import SqlPrimitives

# A term in more claims than this blocks nothing ("russia" in a Syria store): it is skipped.
MAX_TERM_POSTINGS = 300
# At most this many candidate claims are judged per new claim, the most-overlapping first.
MAX_CANDIDATES = 50
_IN_CHUNK = 500

_INSERT_CLAIM = """
INSERT INTO claims (doc_id, claim_id, kind, speaker_id, speaker_key, speaker_name, stance, cue, text,
                    start_char, end_char, attributed_to)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
"""
_INSERT_DISPUTE = """
INSERT INTO disputes (doc_a, claim_a, doc_b, claim_b, kind, reason, score) VALUES (?, ?, ?, ?, ?, ?, ?)
ON CONFLICT DO NOTHING
"""
_CLAIM_COLUMNS = (
    "c.doc_id, c.claim_id, c.kind, c.speaker_key, c.speaker_name, c.stance, c.cue, c.text, c.start_char,"
    " c.end_char, c.attributed_to, d.outlet, d.published"
)


@dataclass(slots=True, kw_only=True)
class ClaimSummary:
    """One stored claim with its document's outlet and date, and who disputes or confirms it."""

    doc_id: str
    claim_id: str
    kind: str
    speaker: str | None
    speaker_key: str | None
    stance: str | None
    cue: str | None
    text: str
    start: int
    end: int
    attributed_to: str | None
    outlet: str | None
    published: str | None
    contradicted_by: list[str] = field(default_factory=list)  # "<doc id>:<claim id>"
    confirmed_by: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # independent documents carrying it


@dataclass(slots=True, kw_only=True)
class CopySummary:
    doc_a: str
    doc_b: str
    words: int
    passages: list[dict[str, int]]


def speaker_key(result: Result, claim: Claim) -> tuple[str | None, str | None]:
    """(cross-document key, name) of a claim's speaker: knowledge-base id, else the folded name."""
    actor = next((a for a in result.actors if a.id == claim.speaker), None) if claim.speaker else None
    if actor is not None:
        return actor.kb_id or f"name:{actor.name.casefold()}", actor.name
    if claim.attributed_to:
        return f"outlet:{claim.attributed_to.casefold()}", claim.attributed_to
    return None, None


class ClaimTables(SqlPrimitives):
    """Mixed into SqlStore, whose driver primitives it uses."""

    # -- writes ------------------------------------------------------------------------------------

    def _insert_claims(self, result: Result) -> None:
        doc_id = result.doc.id
        rows, terms = [], []
        keyed: list[Claim] = []
        for claim in result.claims:
            key, name = speaker_key(result, claim)
            claim_id = claim.id or ""
            rows.append(
                (
                    doc_id,
                    claim_id,
                    claim.kind,
                    claim.speaker,
                    key,
                    name,
                    claim.stance,
                    claim.cue,
                    claim.text,
                    claim.start,
                    claim.end,
                    claim.attributed_to,
                )
            )
            if claim.kind != "cause":
                keyed.append(claim.model_copy(update={"speaker": key}))
                terms += [(term, doc_id, claim_id) for term in sorted(topic(claim.text).terms)]
        self._execute_many(_INSERT_CLAIM, rows)
        self._execute_many(
            _INSERT_DISPUTE,
            [
                (doc_id, c.claims[0], doc_id, c.claims[1], c.kind, c.reason, c.score)
                for c in result.contradictions
                if len(c.claims) == 2
            ],
        )
        copied = self._insert_copies(result)
        self._cross_disputes(doc_id, keyed, copied)
        self._execute_many("INSERT INTO claim_terms (term, doc_id, claim_id) VALUES (?, ?, ?)", terms)

    def _insert_copies(self, result: Result) -> set[str]:
        """Index the document's shingles and record the stored documents it shares passages with."""
        doc_id, text = result.doc.id, result.doc.text
        hashes = shingle_hashes(text)
        postings: dict[int, list[str]] = {}
        for i in range(0, len(hashes), _IN_CHUNK):
            chunk = hashes[i : i + _IN_CHUNK]
            for value, other in self._fetch(
                f"SELECT hash, doc_id FROM shingles WHERE hash IN ({', '.join('?' * len(chunk))})", chunk
            ):
                postings.setdefault(int(value), []).append(str(other))
        shared = Counter(d for docs in postings.values() if len(docs) <= MAX_POSTINGS for d in docs)
        copied: set[str] = set()
        for other, count in sorted(shared.items()):
            if count < MIN_SHARED_SHINGLES or other == doc_id:
                continue
            other_text = self._fetch("SELECT text FROM documents WHERE id = ?", (other,))[0][0]
            passages = align(other_text, text)
            if not passages:
                continue
            copied.add(other)
            self._execute_many(
                "INSERT INTO copies (doc_a, doc_b, words, passages) VALUES (?, ?, ?, ?)"
                " ON CONFLICT DO NOTHING",
                [
                    (
                        other,
                        doc_id,
                        sum(p.words for p in passages),
                        json.dumps([_passage(p) for p in passages]),
                    )
                ],
            )
        self._execute_many("INSERT INTO shingles (hash, doc_id) VALUES (?, ?)", [(h, doc_id) for h in hashes])
        return copied

    def _cross_disputes(self, doc_id: str, claims: list[Claim], copied: set[str]) -> None:
        """Contradictions and agreements between this document's claims and stored ones (blocked)."""
        found = []
        for claim in claims:
            mine = topic(claim.text)
            counts: Counter[tuple[str, str]] = Counter()
            for term in mine.terms:
                postings = self._fetch(
                    "SELECT doc_id, claim_id FROM claim_terms WHERE term = ? LIMIT ?",
                    (term, MAX_TERM_POSTINGS + 1),
                )
                if len(postings) <= MAX_TERM_POSTINGS:
                    counts.update((str(d), str(c)) for d, c in postings)
            candidates = [key for key, n in counts.most_common(MAX_CANDIDATES) if n >= MIN_SHARED]
            for other_doc, other_id in candidates:
                row = self._fetch(
                    "SELECT kind, speaker_key, stance, text, start_char, end_char, attributed_to FROM claims"
                    " WHERE doc_id = ? AND claim_id = ?",
                    (other_doc, other_id),
                )
                if not row:
                    continue
                kind, key, stance, text, start, end, attributed = row[0]
                other = Claim(
                    id=other_id,
                    kind=kind,
                    speaker=key,
                    stance=stance,
                    text=text,
                    start=start,
                    end=end,
                    attributed_to=attributed,
                )
                verdict = judge(other, topic(text), claim, mine)
                if verdict is None or (verdict.kind == "agreement" and other_doc in copied):
                    continue
                found.append(
                    (other_doc, other_id, doc_id, claim.id, verdict.kind, verdict.reason, verdict.score)
                )
        self._execute_many(_INSERT_DISPUTE, found)

    # -- reads -------------------------------------------------------------------------------------

    def claims(
        self,
        *,
        speaker: str | None = None,
        contradicted: bool = False,
        kind: str | None = None,
        limit: int = 50,
    ) -> list[ClaimSummary]:
        """Stored claims, newest first; `speaker` matches the speaker's name or key (substring)."""
        where, params = ["1 = 1"], list[Any]()
        if speaker:
            where.append("(LOWER(c.speaker_name) LIKE ? OR LOWER(c.speaker_key) LIKE ?)")
            params += [f"%{speaker.lower()}%"] * 2
        if kind:
            where.append("c.kind = ?")
            params.append(kind)
        if contradicted:
            where.append(
                "EXISTS (SELECT 1 FROM disputes x WHERE x.kind = 'contradiction' AND ((x.doc_a = c.doc_id"
                " AND x.claim_a = c.claim_id) OR (x.doc_b = c.doc_id AND x.claim_b = c.claim_id)))"
            )
        rows = self._select(
            f"SELECT {_CLAIM_COLUMNS} FROM claims c JOIN documents d ON d.id = c.doc_id"
            f" WHERE {' AND '.join(where)}"
            " ORDER BY COALESCE(d.published, '') DESC, c.doc_id, c.start_char LIMIT ?",
            [*params, limit],
        )
        summaries = [
            ClaimSummary(
                doc_id=r[0],
                claim_id=r[1],
                kind=r[2],
                speaker_key=r[3],
                speaker=r[4],
                stance=r[5],
                cue=r[6],
                text=r[7],
                start=r[8],
                end=r[9],
                attributed_to=r[10],
                outlet=r[11],
                published=r[12],
            )
            for r in rows
        ]
        for summary in summaries:
            self._fill_disputes(summary)
        return summaries

    def _fill_disputes(self, summary: ClaimSummary) -> None:
        rows = self._select(
            "SELECT doc_a, claim_a, doc_b, claim_b, kind FROM disputes"
            " WHERE (doc_a = ? AND claim_a = ?) OR (doc_b = ? AND claim_b = ?)",
            (summary.doc_id, summary.claim_id, summary.doc_id, summary.claim_id),
        )
        for doc_a, claim_a, doc_b, claim_b, kind in rows:
            other = (
                f"{doc_b}:{claim_b}"
                if (doc_a, claim_a) == (summary.doc_id, summary.claim_id)
                else f"{doc_a}:{claim_a}"
            )
            (summary.contradicted_by if kind == "contradiction" else summary.confirmed_by).append(other)
        summary.sources = self.independent_sources(
            [summary.doc_id, *(o.split(":", 1)[0] for o in summary.confirmed_by)]
        )

    def independent_sources(self, doc_ids: Sequence[str]) -> list[str]:
        """The documents among `doc_ids` that do not copy one another: one per group of copies."""
        unique = list(dict.fromkeys(doc_ids))
        if len(unique) < 2:
            return unique
        marks = ", ".join("?" * len(unique))
        pairs = self._select(
            f"SELECT doc_a, doc_b FROM copies WHERE doc_a IN ({marks}) AND doc_b IN ({marks})",
            [*unique, *unique],
        )
        parent = {d: d for d in unique}

        def root(d: str) -> str:
            while parent[d] != d:
                d = parent[d]
            return d

        for a, b in pairs:
            parent[root(b)] = root(a)
        return [d for d in unique if root(d) == d]

    def copies(self, doc_id: str | None = None, *, limit: int = 100) -> list[CopySummary]:
        where, params = ("WHERE doc_a = ? OR doc_b = ?", [doc_id, doc_id]) if doc_id else ("", [])
        rows = self._select(
            f"SELECT doc_a, doc_b, words, passages FROM copies {where}"
            " ORDER BY words DESC, doc_a, doc_b LIMIT ?",
            [*params, limit],
        )
        return [CopySummary(doc_a=a, doc_b=b, words=w, passages=json.loads(p)) for a, b, w, p in rows]


def _passage(p: Any) -> dict[str, int]:
    return {"a_start": p.a_start, "a_end": p.a_end, "b_start": p.b_start, "b_end": p.b_end, "words": p.words}
