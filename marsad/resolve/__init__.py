"""Resolution: linking mentions to identities (places in a gazetteer, actors in a knowledge base)."""
