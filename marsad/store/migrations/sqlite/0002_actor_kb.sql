-- Actors linked to the actor knowledge base carry its id, the same in every document, so the store
-- can count one actor across documents whatever name each document used; NULL for new actors.
ALTER TABLE actors ADD COLUMN kb_id TEXT;
CREATE INDEX actors_kb_id ON actors (kb_id);
