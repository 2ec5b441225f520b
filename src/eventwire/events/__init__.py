"""Stage 7: clauses -> coded events."""
