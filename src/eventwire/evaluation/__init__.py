"""Measurements of eventwire's stages against public gold data (read from ../shared/data)."""
