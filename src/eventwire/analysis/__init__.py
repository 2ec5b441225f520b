"""The Python API's implementation (its names are exported from `eventwire` itself, docs/python-api.md):
`extract.py` codes one article in-process, `database.py` reads a database as pandas DataFrames, `frames.py`
turns query results and exported CSV files into DataFrames with codes as text and dates as dates."""
