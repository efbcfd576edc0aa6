"""Browsing the store: flat rows with their evidence, filters, the actor network, and the queries
the API and the CLI share (`marsad.explore.service`)."""
