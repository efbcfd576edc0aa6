"""Marsad: from conflict reporting to a sourced, queryable model of a conflict."""

from importlib.metadata import version

from marsad.model import SCHEMA_VERSION, Result, json_schema

__version__ = version("marsad")

__all__ = ["SCHEMA_VERSION", "Result", "__version__", "json_schema"]
