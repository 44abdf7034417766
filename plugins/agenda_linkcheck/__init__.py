"""Pelican plugin: after a build, report every internal link or feed URL that leads nowhere."""

from .linkcheck import broken_links, register

__all__ = ["broken_links", "register"]
