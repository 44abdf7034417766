"""Bare Pelican for the benchmark baseline: stock settings, default theme, no plugins."""
