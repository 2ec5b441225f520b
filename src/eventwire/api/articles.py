"""GET /articles/{id}: an article's text with every extracted span as offsets into it."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path

from eventwire.api.deps import Cursor, fetch_dicts
from eventwire.api.errors import ERROR_RESPONSES, ApiError
from eventwire.api.schemas import ArticleView

router = APIRouter(tags=["articles"], responses=ERROR_RESPONSES)

# One query per kind of span; offsets are all into articles.text.
_SPANS = """
SELECT evidence_start AS start, evidence_end AS "end", 'event' AS kind,
       cameo || ' ' || coalesce(source_code, '?') || ' -> ' || coalesce(target_code, '-') AS label, group_key AS ref
FROM events WHERE article_id = $1
UNION ALL
SELECT start_char, end_char, 'actor', coalesce(code, name, text), NULL FROM actors
WHERE article_id = $1 AND start_char IS NOT NULL
UNION ALL
SELECT start_char, end_char, 'place', coalesce(name, text) || coalesce(' (' || country || ')', ''), NULL FROM places
WHERE article_id = $1 AND start_char IS NOT NULL
UNION ALL
SELECT start_char, end_char, 'time', coalesce(value, precision, text), NULL FROM times
WHERE article_id = $1 AND start_char IS NOT NULL
UNION ALL
SELECT start_char, end_char, 'quote', coalesce(speaker_code, speaker_name, 'unattributed'), NULL FROM quotes
WHERE article_id = $1 AND start_char IS NOT NULL
ORDER BY 1, 2, 3
"""


@router.get("/articles/{article_id}", response_model=ArticleView, summary="Article text with highlighted spans")
def get_article(cur: Cursor,
                article_id: Annotated[str, Path(description="Article id.", max_length=64)]) -> dict[str, Any]:
    rows = fetch_dicts(cur, "SELECT id, url, title, published, site, credit, language, text FROM articles "
                            "WHERE id = ?", [article_id])
    if not rows:
        raise ApiError(404, f"no article with id '{article_id}'")
    return {**rows[0], "text": rows[0]["text"] or "", "spans": fetch_dicts(cur, _SPANS, [article_id])}
