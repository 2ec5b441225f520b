"""Rows to pandas DataFrames the way an analyst expects them: codes stay text (CAMEO "042", not 42), dates are
dates, lists are lists; and `read_csv`, the reader of eventwire's CSV export that keeps them so."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

# Columns that hold codes or ids: text, whatever they look like (CAMEO "042", an id "0123abcd").
CODE_COLUMNS = ("id", "cameo", "cameo_root", "plover", "source_code", "target_code", "source_country",
                "target_country", "place_country", "code", "country", "story_id", "article_id")
# Columns that hold a date (event dates at any precision count from their first day; `date_precision` says
# which); timestamps stay timestamps.
DATE_COLUMNS = ("date", "published", "first_date", "last_date")
_LIST_SEPARATOR = " | "  # how the CSV export joins a list (evidence sentences, article ids)


def frame(rows: pd.DataFrame) -> pd.DataFrame:
    """A DuckDB result frame with the dtypes above: codes as pandas strings, dates as datetime64, DuckDB's
    list cells as Python lists."""
    import pandas as pd

    out = rows.copy()
    for name in out.columns:
        if name in CODE_COLUMNS:
            out[name] = out[name].astype("string")
        elif name in DATE_COLUMNS:
            out[name] = pd.to_datetime(out[name], errors="coerce")
        elif out[name].dtype == object:
            out[name] = [list(v) if hasattr(v, "tolist") and not isinstance(v, str) else v for v in out[name]]
    return out


def read_csv(path: str | os.PathLike[str]) -> pd.DataFrame:
    """Read a CSV written by `eventwire export --format csv`: code columns as text ("042" stays "042"; plain
    `pandas.read_csv` would read 42), dates as datetime64 (an event's month or year as its first day), the
    evidence as a list of sentences."""
    import pandas as pd

    header = pd.read_csv(path, nrows=0).columns
    dtypes = {name: "string" for name in header if name in CODE_COLUMNS}
    data = pd.read_csv(path, dtype=dtypes, keep_default_na=False, na_values=[""])
    for name in data.columns:
        if name in DATE_COLUMNS:
            data[name] = pd.to_datetime(data[name].map(_period_start), errors="coerce")
        elif name in ("evidence", "article_ids"):
            data[name] = [v.split(_LIST_SEPARATOR) if isinstance(v, str) else [] for v in data[name]]
    return data


def _period_start(value: Any) -> Any:
    from eventwire.output.gdelt import start_date

    return start_date(value) if isinstance(value, str) else None
