"""Runners: the local batch runner and run-time submissions (API uploads and URLs)."""
