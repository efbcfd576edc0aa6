-- Claims, contradictions and copied text across the store (marsad/store/claims.py).
-- claims: one row per claim per document, with its speaker's cross-document identity
-- (`speaker_key`: knowledge-base id, else the folded name) for `marsad claims --speaker`.
-- claim_terms: each speech claim's topic terms, the blocking index that finds claims about the same
-- matter in other documents without comparing every pair.
-- disputes: contradictions and agreements between two claims, within a document or across two.
-- shingles: sampled hashes of word 8-grams (one in SHINGLE_SAMPLE), the index that finds documents
-- sharing passages; copies: document pairs that share passages, with the aligned spans in both.

CREATE TABLE claims (
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    claim_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    speaker_id TEXT,
    speaker_key TEXT,
    speaker_name TEXT,
    stance TEXT,
    cue TEXT,
    text TEXT NOT NULL,
    start_char INTEGER NOT NULL CHECK (start_char >= 0),
    end_char INTEGER NOT NULL CHECK (end_char >= start_char),
    attributed_to TEXT,
    PRIMARY KEY (doc_id, claim_id)
);
CREATE INDEX claims_speaker_key ON claims (speaker_key);

CREATE TABLE claim_terms (
    term TEXT NOT NULL,
    doc_id TEXT NOT NULL,
    claim_id TEXT NOT NULL,
    PRIMARY KEY (term, doc_id, claim_id),
    FOREIGN KEY (doc_id, claim_id) REFERENCES claims (doc_id, claim_id) ON DELETE CASCADE
);
CREATE INDEX claim_terms_doc ON claim_terms (doc_id);

CREATE TABLE disputes (
    doc_a TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    claim_a TEXT NOT NULL,
    doc_b TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    claim_b TEXT NOT NULL,
    kind TEXT NOT NULL,
    reason TEXT,
    score DOUBLE PRECISION,
    PRIMARY KEY (doc_a, claim_a, doc_b, claim_b)
);
CREATE INDEX disputes_b ON disputes (doc_b, claim_b);

CREATE TABLE shingles (
    hash BIGINT NOT NULL,
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    PRIMARY KEY (hash, doc_id)
);
CREATE INDEX shingles_doc ON shingles (doc_id);

CREATE TABLE copies (
    doc_a TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    doc_b TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    words INTEGER NOT NULL,
    passages TEXT NOT NULL,
    PRIMARY KEY (doc_a, doc_b)
);
CREATE INDEX copies_b ON copies (doc_b);
