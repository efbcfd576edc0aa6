-- Marsad store, SQLite. Offsets are character offsets into documents.text; JSON columns hold text.
-- documents and sentences carry an INTEGER PRIMARY KEY (`seq`) because their FTS5 indexes are
-- external-content tables keyed by rowid, and only an INTEGER PRIMARY KEY keeps rowids stable
-- across VACUUM.

CREATE TABLE documents (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
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
    created_at TEXT NOT NULL
);

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
    seq INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start_char INTEGER NOT NULL CHECK (start_char >= 0),
    end_char INTEGER NOT NULL CHECK (end_char >= start_char),
    text TEXT NOT NULL,
    UNIQUE (doc_id, idx)
);

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

-- Porter stemming over unicode61 matches PostgreSQL's 'english' configuration closely enough that
-- both backends find the same documents for the same words.
CREATE VIRTUAL TABLE documents_fts USING fts5 (
    title, text, content = 'documents', content_rowid = 'seq', tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;

CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;

CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
    INSERT INTO documents_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;

CREATE VIRTUAL TABLE sentences_fts USING fts5 (
    text, content = 'sentences', content_rowid = 'seq', tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER sentences_fts_insert AFTER INSERT ON sentences BEGIN
    INSERT INTO sentences_fts (rowid, text) VALUES (new.seq, new.text);
END;

CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
    INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.seq, old.text);
END;

CREATE TRIGGER sentences_fts_update AFTER UPDATE OF text ON sentences BEGIN
    INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.seq, old.text);
    INSERT INTO sentences_fts (rowid, text) VALUES (new.seq, new.text);
END;
