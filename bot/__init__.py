"""Whosaid: verbatim, cited answers to "who said that?" from a newsroom's own articles."""

__version__ = "0.1.0"
