"""Output formats as tables: `results.py` for what `extract --format` prints per coded article, `exports.py`
for what `export --format` writes of the stored events (`gdelt.py`: the GDELT-like row). Each row is a
`choices.OutputFormat`; the commands' --format help and usage errors are derived from the tables."""
