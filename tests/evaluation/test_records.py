"""The whole-record scorer (`eventwire eval records`) on hand-made events: what it counts as the same act,
a duplicate, a right dyad or date, and what it leaves out of precision."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from eventwire.evaluation.records import dyad_right, match_article, same_sentence, score_articles
from eventwire.evaluation.records_gold import BadGold, check_sentences, parse_gold, split_of
from eventwire.model import ActorMention, Event, Evidence
from tests.conftest import SCORE_FLOORS, SHARED

WIKINEWS = SHARED / "data" / "wikinews" / "wikinews_2019.csv"

SENTENCE_A = "Police arrested two men in Freedonia on Monday after the attack on the ministry."
SENTENCE_B = "The two men were detained by police, officials said."


def actor(code: str, country: str | None) -> ActorMention:
    return ActorMention(text=code or "x", name=code or "x", code=code, country=country, kind="government",
                        start=0, end=1)


def event(cameo: str, source: str, target: str | None, sentence: str = SENTENCE_A, trigger: str = "arrested",
          date: str | None = "2019-03-04", confidence: float = 0.8, hypothetical: bool = False) -> Event:
    return Event(
        id=f"{cameo}{source}{target}{trigger}", date=date, date_precision="day", date_defaulted=False,
        source=actor(source, source[:3] or None),
        target=actor(target, target[:3] or None) if target is not None else None,
        cameo=cameo, cameo_root=cameo[:2], cameo_name="", plover=None, plover_mode=None, quad_class=4,
        goldstein=-5.0, place=None, place_basis="clause", negated=False, hypothetical=hypothetical,
        confidence=confidence, evidence=Evidence(sentence=sentence, start=0, end=len(sentence), trigger=trigger))


def gold_line(events: list[dict[str, Any]], political: bool = True, url: str = "https://news.example/a") -> str:
    return json.dumps({"url": url, "published": "2019-03-05", "political": political, "events": events})


def gold_event(cameo: str = "173", source: str = "FRDCOP", target: str | None = "FRDCRM", required: bool = True,
               trigger: str = "arrested", also: tuple[str, ...] = (SENTENCE_B,)) -> dict[str, Any]:
    return {"sentence": SENTENCE_A, "also": list(also), "trigger": trigger,
            "source": {"text": "Police", "code": source, "country": source[:3]},
            "target": {"text": "two men", "code": target, "country": target[:3]} if target else None,
            "cameo": cameo, "date": "2019-03-04", "date_precision": "day", "place": None,
            "negated": False, "hypothetical": False, "required": required}


def test_the_right_event_scores_every_field_and_is_found_with_its_dyad() -> None:
    gold = parse_gold([json.dumps({"about": "test"}), gold_line([gold_event()])])
    report = score_articles([match_article(gold[0], [event("173", "FRDCOP", "FRDCRM")])])
    assert report["precision"]["real_political"] == 1.0
    assert report["precision"]["all_fields_of_real"] == 1.0
    assert report["recall"]["root_dyad"] == 1.0


def test_a_second_event_for_one_act_in_one_sentence_is_a_duplicate_but_a_later_mention_is_not() -> None:
    gold = parse_gold([gold_line([gold_event()])])[0]
    twice = [event("173", "FRDCOP", "FRDCRM"), event("173", "FRDCOP", "FRDCRM", trigger="arrest")]
    assert [o.kind for o in match_article(gold, twice).outcomes] == ["required", "duplicate"]
    mentions = [event("173", "FRDCOP", "FRDCRM"),
                event("173", "FRDCOP", "FRDCRM", sentence=SENTENCE_B, trigger="detained")]
    assert [o.kind for o in match_article(gold, mentions).outcomes] == ["required", "required"]


def test_an_event_in_a_sentence_without_that_act_is_spurious_and_lowers_precision() -> None:
    gold = parse_gold([gold_line([gold_event()])])[0]
    scored = match_article(gold, [event("173", "FRDCOP", "FRDCRM"), event("190", "FRDMIL", None, trigger="attack")])
    assert [o.kind for o in scored.outcomes] == ["required", "spurious"]
    assert score_articles([scored])["precision"]["real_political"] == 0.5


def test_events_matching_optional_gold_are_left_out_of_precision() -> None:
    gold = parse_gold([gold_line([gold_event(required=False)])])[0]
    report = score_articles([match_article(gold, [event("173", "FRDCOP", "FRDCRM")])])
    assert report["matched_optional"] == 1
    assert report["precision"]["real_political"] is None
    assert report["gold_required"] == 0


def test_a_wrong_root_with_the_same_trigger_is_real_but_wrongly_rooted() -> None:
    gold = parse_gold([gold_line([gold_event()])])[0]
    report = score_articles([match_article(gold, [event("111", "FRDCOP", "FRDCRM")])])
    assert report["precision"]["real_political"] == 1.0
    assert report["precision"]["root_of_real"] == 0.0
    assert report["recall"]["found"] == 1.0 and report["recall"]["root"] == 0.0
    assert report["root_confusion"] == {"17->11": 1}


def test_events_found_with_their_root_but_not_their_dyad_say_which_side_failed() -> None:
    gold = parse_gold([gold_line([gold_event(), gold_event(target=None, also=(), trigger="detained")])])[0]
    found = [event("173", "FRDCOP", None), event("173", "SYLCOP", "FRDCRM", trigger="detained")]
    report = score_articles([match_article(gold, found)])
    assert report["recall"]["root"] == 1.0 and report["recall"]["root_dyad"] == 0.0
    assert report["dyad_misses"] == {"target missing": 1, "source other": 1, "target extra": 1}


def test_a_mutual_act_may_be_read_in_either_order_a_directed_one_may_not() -> None:
    meeting = parse_gold([gold_line([gold_event("040", "FRDGOV", "SYLGOV", trigger="met")])])[0].events[0]
    assert dyad_right(event("040", "SYLGOV", "FRDGOV", trigger="met"), meeting) == (True, True)
    arrest = parse_gold([gold_line([gold_event(target="SYLCRM")])])[0].events[0]
    assert dyad_right(event("173", "SYLCRM", "FRDCOP"), arrest) == (False, False)


def test_a_date_less_precise_than_the_gold_is_wrong_a_more_precise_one_right() -> None:
    gold = parse_gold([gold_line([gold_event()])])[0]
    coarse = score_articles([match_article(gold, [event("173", "FRDCOP", "FRDCRM", date="2019-03")])])
    assert coarse["precision"]["date_of_real"] == 0.0


@pytest.mark.parametrize(("emitted", "right"), [("2019-W10", True), ("2019-W09", False), ("2019-03-04", True),
                                               ("2019-03", True), ("2019", False), (None, False)])
def test_a_week_inside_the_gold_month_is_right_one_straddling_two_months_is_not(emitted: str | None,
                                                                                right: bool) -> None:
    """W10 of 2019 is 4-10 March; W09 is 25 February - 3 March."""
    month = {**gold_event(), "date": "2019-03", "date_precision": "month"}
    gold = parse_gold([gold_line([month])])[0]
    scored = score_articles([match_article(gold, [event("173", "FRDCOP", "FRDCRM", date=emitted)])])
    assert scored["precision"]["date_of_real"] == (1.0 if right else 0.0)


def test_non_political_articles_report_events_per_article() -> None:
    quiet = parse_gold([gold_line([], political=False)])[0]
    report = score_articles([match_article(quiet, [event("190", "", None, trigger="killed")])])
    assert report["non_political_articles"] == {"articles": 1, "events_per_article": 1.0, "with_optional": 1.0}


def test_an_optional_event_found_in_a_quiet_article_is_not_held_against_the_coder() -> None:
    quiet = parse_gold([gold_line([gold_event(required=False)], political=False)])[0]
    report = score_articles([match_article(quiet, [event("173", "FRDCOP", "FRDCRM")])])
    assert report["non_political_articles"] == {"articles": 1, "events_per_article": 0.0, "with_optional": 1.0}


def test_reliability_bins_compare_confidence_with_what_was_right() -> None:
    gold = parse_gold([gold_line([gold_event()])])[0]
    scored = match_article(gold, [event("173", "FRDCOP", "FRDCRM", confidence=0.95),
                                  event("190", "FRDMIL", None, trigger="attack", confidence=0.95)])
    top = score_articles([scored])["reliability"][-1]
    assert top["events"] == 2 and top["observed"] == 0.5


def test_sentences_cut_differently_still_match() -> None:
    assert same_sentence("Police arrested two men in Freedonia on Monday", SENTENCE_A)
    assert not same_sentence("The ministry was rebuilt in 1990.", SENTENCE_A)


def test_gold_that_does_not_fit_its_articles_is_refused_with_the_reason() -> None:
    gold = parse_gold([gold_line([gold_event()])])
    with pytest.raises(BadGold, match="not in the article"):
        check_sentences(gold, {"https://news.example/a": "Some other text entirely."})
    with pytest.raises(BadGold, match="missing field"):
        parse_gold([gold_line([{k: v for k, v in gold_event().items() if k != "cameo"}])])


def test_articles_fall_in_a_fixed_half_by_url() -> None:
    halves = {split_of(f"https://news.example/{n}") for n in range(20)}
    assert halves == {"development", "held_out"}
    assert split_of("https://news.example/3") == split_of("https://news.example/3")


def test_the_packaged_gold_is_whole_articles_in_two_halves_with_quiet_articles() -> None:
    from eventwire.evaluation.records_gold import load_gold

    gold = load_gold()
    assert len(gold) >= 80
    halves = Counter(a.split for a in gold)
    assert min(halves.values()) >= 40
    assert sum(not a.political for a in gold) >= 20  # sports, science, disasters, obituaries: no event
    assert all(any(e.required for e in a.events) for a in gold if a.political)


@pytest.mark.gold
@pytest.mark.skipif(not WIKINEWS.exists(), reason="../shared/data is not here")
def test_every_gold_sentence_is_in_its_article_as_eventwire_reads_it() -> None:
    from eventwire.evaluation.records_gold import load_gold
    from eventwire.ingest.inputs import iter_articles
    from eventwire.model import Article

    texts = {a.url or "": a.text for a in iter_articles([str(WIKINEWS)]) if isinstance(a, Article)}
    check_sentences(load_gold(), texts)
    fresh = load_gold(fresh=True)
    check_sentences(fresh, texts)
    assert not {a.url for a in fresh} & {a.url for a in load_gold()}, "the fresh set shares no article"


def assert_halves_hold(report: dict[str, Any], floors: dict[str, Any]) -> None:
    """Each half's precision, root, recall and quiet figures against its floors."""
    for half in ("development", "held_out"):
        got, floor = report[half], floors[half]
        assert got["precision"]["real_political"] >= floor["real_political"], (half, got["precision"])
        assert got["precision"]["root_of_real"] >= floor["root_of_real"], (half, got["precision"])
        assert got["recall"]["root_dyad"] >= floor["recall_root_dyad"], (half, got["recall"])
        assert got["non_political_articles"]["events_per_article"] <= floor["quiet_events_per_article_max"], half


@pytest.mark.gold
@pytest.mark.skipif(not WIKINEWS.exists(), reason="../shared/data is not here")
def test_emitted_records_hold_their_floors(pipeline: Any) -> None:

    from eventwire.evaluation.records import code_gold_articles, read_gold_articles, report_by_split
    from eventwire.evaluation.records_gold import load_gold

    floors = json.loads(SCORE_FLOORS.read_text(encoding="utf-8"))["records"]
    gold = load_gold()
    report = report_by_split(code_gold_articles(pipeline, read_gold_articles(WIKINEWS, gold), gold))
    assert_halves_hold(report, floors)


@pytest.mark.gold
@pytest.mark.skipif(not WIKINEWS.exists(), reason="../shared/data is not here")
def test_the_fresh_set_holds_its_floors(pipeline: Any) -> None:
    from eventwire.evaluation.records import code_gold_articles, read_gold_articles, score_articles
    from eventwire.evaluation.records_gold import load_gold

    floor = json.loads(SCORE_FLOORS.read_text(encoding="utf-8"))["records_fresh"]
    gold = load_gold(fresh=True)
    got = score_articles(code_gold_articles(pipeline, read_gold_articles(WIKINEWS, gold), gold))
    assert got["precision"]["real_political"] >= floor["real_political"], got["precision"]
    assert got["recall"]["root_dyad"] >= floor["recall_root_dyad"], got["recall"]
    assert got["non_political_articles"]["events_per_article"] <= floor["quiet_events_per_article_max"]


def test_the_fresh_set_is_never_read_event_by_event(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from eventwire.cli import app

    result = CliRunner().invoke(app, ["eval", "records", "--fresh", "--details", str(tmp_path / "d.jsonl")])
    assert result.exit_code == 2
    assert not (tmp_path / "d.jsonl").exists()


WEB_PAGES = SHARED / "data" / "article-extraction" / "ground-truth.json"


@pytest.mark.gold
@pytest.mark.skipif(not WEB_PAGES.exists(), reason="../shared/data is not here")
def test_the_web_set_holds_its_floors(pipeline: Any) -> None:
    """News pages of many sites (politics mixed with tech, sport and lifestyle) hold their floors too."""
    from eventwire.evaluation.records import read_web_gold_articles
    from eventwire.evaluation.records_gold import load_gold

    gold = load_gold(web=True)
    assert len(gold) == 88 and sum(not g.political for g in gold) >= 40
    assert_set_holds(pipeline, gold, read_web_gold_articles(WEB_PAGES, gold), "records_web")


def assert_set_holds(pipeline: Any, gold: list[Any], articles: list[Any], floors_name: str) -> None:
    """A gold set in halves, coded and scored, against its floors in score_floors.json."""
    from eventwire.evaluation.records import code_gold_articles, report_by_split

    floors = json.loads(SCORE_FLOORS.read_text(encoding="utf-8"))[floors_name]
    assert_halves_hold(report_by_split(code_gold_articles(pipeline, articles, gold)), floors)


LGL = SHARED / "data" / "geoparsing" / "lgl.xml"


@pytest.mark.gold
@pytest.mark.skipif(not LGL.exists(), reason="../shared/data is not here")
def test_the_local_news_set_holds_its_floors(pipeline: Any) -> None:
    """US local news (police, courts, councils, crime) holds its floors too; every gold sentence is in its story."""
    from eventwire.evaluation.records import read_local_gold_articles
    from eventwire.evaluation.records_gold import load_gold

    gold = load_gold(local=True)
    assert len(gold) == 60 and sum(g.political for g in gold) >= 25
    assert not {g.url for g in gold} & {g.url for g in load_gold(web=True)}
    assert_set_holds(pipeline, gold, read_local_gold_articles(LGL, gold), "records_local")
