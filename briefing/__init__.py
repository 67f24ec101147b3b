"""Briefing Builder's core: loaders, extraction, the library and briefing rendering (no Qt)."""

__version__ = "0.1.0"
