-- Places named in each document (marsad/1 `places`) and their mentions. `gazetteer_id` is the same
-- place in every document ('geonames:170794', 'marsad:hmeimim-air-base'), so places are counted
-- across the store by it; a place with none (an area, an unresolved name) is counted by name.

CREATE TABLE places (
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    place_id TEXT NOT NULL,
    gazetteer_id TEXT,
    name TEXT NOT NULL,
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION,
    country TEXT,
    geonames_id BIGINT,
    feature TEXT,
    precision TEXT,
    admin1 TEXT,
    PRIMARY KEY (doc_id, place_id)
);
CREATE INDEX places_gazetteer_id ON places (gazetteer_id);
CREATE INDEX places_country ON places (country);

CREATE TABLE place_mentions (
    doc_id TEXT NOT NULL,
    place_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    start_char INTEGER NOT NULL CHECK (start_char >= 0),
    end_char INTEGER NOT NULL CHECK (end_char >= start_char),
    text TEXT NOT NULL,
    PRIMARY KEY (doc_id, place_id, idx),
    FOREIGN KEY (doc_id, place_id) REFERENCES places (doc_id, place_id) ON DELETE CASCADE
);
