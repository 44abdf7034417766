"""Pelican plugin: read agency files through the catalogue model and report their problems."""

from .plugin import register

__all__ = ["register"]
