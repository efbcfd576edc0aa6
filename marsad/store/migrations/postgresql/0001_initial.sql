-- Marsad store, PostgreSQL. Offsets are character offsets into documents.text; JSON columns hold
-- text so `get` returns exactly what `put` stored. The tsvector columns are generated, so full-text
-- indexes can never drift from the text they index.

CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    url TEXT,
    title TEXT,
    outlet TEXT,
    author TEXT,
    published TEXT,
    language TEXT NOT NULL,
    text TEXT NOT NULL,
    raw_text TEXT NOT NULL,
    raw_html TEXT,
    content_hash TEXT NOT NULL UNIQUE,
    near_duplicate_of TEXT,
    offsets TEXT NOT NULL,
    result TEXT NOT NULL,
    created_at TEXT NOT NULL,
    tsv tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', text), 'B')
    ) STORED
);
CREATE INDEX documents_tsv ON documents USING gin (tsv);

CREATE TABLE document_sources (
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    source TEXT NOT NULL,
    raw_hash TEXT NOT NULL,
    PRIMARY KEY (doc_id, source, raw_hash)
);

CREATE TABLE ingest_log (
    source TEXT NOT NULL,
    raw_hash TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('stored', 'duplicate', 'quarantined')),
    doc_id TEXT REFERENCES documents (id) ON DELETE CASCADE,
    logged_at TEXT NOT NULL,
    PRIMARY KEY (source, raw_hash)
);

CREATE TABLE removals (
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start_char INTEGER NOT NULL CHECK (start_char >= 0),
    end_char INTEGER NOT NULL CHECK (end_char >= start_char),
    text TEXT NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE sentences (
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start_char INTEGER NOT NULL CHECK (start_char >= 0),
    end_char INTEGER NOT NULL CHECK (end_char >= start_char),
    text TEXT NOT NULL,
    tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED,
    PRIMARY KEY (doc_id, idx)
);
CREATE INDEX sentences_tsv ON sentences USING gin (tsv);

CREATE TABLE actors (
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    PRIMARY KEY (doc_id, actor_id)
);
CREATE INDEX actors_actor_id ON actors (actor_id);

CREATE TABLE mentions (
    doc_id TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    start_char INTEGER NOT NULL CHECK (start_char >= 0),
    end_char INTEGER NOT NULL CHECK (end_char >= start_char),
    text TEXT NOT NULL,
    PRIMARY KEY (doc_id, actor_id, idx),
    FOREIGN KEY (doc_id, actor_id) REFERENCES actors (doc_id, actor_id) ON DELETE CASCADE
);

CREATE TABLE citations (
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    url TEXT,
    domain TEXT,
    start_char INTEGER NOT NULL CHECK (start_char >= 0),
    end_char INTEGER NOT NULL CHECK (end_char >= start_char),
    PRIMARY KEY (doc_id, idx)
);
CREATE INDEX citations_domain ON citations (domain);

CREATE TABLE minhash (
    doc_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    signature TEXT NOT NULL
);

-- The primary key's leading column makes a band lookup an index seek, not a scan.
CREATE TABLE lsh_bands (
    band TEXT NOT NULL,
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    PRIMARY KEY (band, doc_id)
);
CREATE INDEX lsh_bands_doc_id ON lsh_bands (doc_id);

CREATE TABLE quarantine (
    source TEXT NOT NULL,
    reason TEXT NOT NULL,
    message TEXT NOT NULL,
    raw_hash TEXT,
    created_at TEXT NOT NULL,
    PRIMARY KEY (source, reason)
);
