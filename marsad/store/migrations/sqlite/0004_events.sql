-- Events, one row per event per document, with the cross-document cluster it was merged into
-- (marsad/resolve/event_merge.py): `cluster_id` is "<doc id>-<event id>" of the cluster's first event.
-- actor_key/target_key/place_key are the ids that are the same in every document (knowledge-base or
-- gazetteer id, else the folded name); date_bucket (YYYY-MM, or NULL when the date is unknown or
-- vaguer than a month) and type block the merge so it never compares every pair.

CREATE TABLE events (
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    event_id TEXT NOT NULL,
    type TEXT NOT NULL,
    mode TEXT,
    status TEXT NOT NULL,
    negated INTEGER NOT NULL DEFAULT 0,
    actor_key TEXT,
    actor_name TEXT,
    target_key TEXT,
    target_name TEXT,
    place_key TEXT,
    place_name TEXT,
    lat REAL,
    lon REAL,
    country TEXT,
    date_start TEXT,
    date_end TEXT,
    date_precision TEXT,
    date_bucket TEXT,
    trigger_start INTEGER NOT NULL CHECK (trigger_start >= 0),
    trigger_end INTEGER NOT NULL CHECK (trigger_end >= trigger_start),
    trigger_text TEXT NOT NULL,
    sentence_start INTEGER NOT NULL CHECK (sentence_start >= 0),
    sentence_end INTEGER NOT NULL CHECK (sentence_end >= sentence_start),
    confidence REAL,
    cameo TEXT,
    acled_type TEXT,
    acled_subtype TEXT,
    cluster_id TEXT NOT NULL,
    PRIMARY KEY (doc_id, event_id)
);
CREATE INDEX events_block ON events (type, date_bucket);
CREATE INDEX events_cluster ON events (cluster_id);
CREATE INDEX events_date ON events (date_start);
