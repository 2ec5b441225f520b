"""`eventwire eval ...`: stage measurements on the public gold data in ../shared/data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from eventwire.cli.common import EXIT_CANNOT_RUN, EXIT_INPUT_FAILED, EXIT_USAGE, fail, load_pipeline

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Measure eventwire against gold data.")

DataOption = Annotated[Path, typer.Option("--data", help="The shared gold data folder.")]
DEFAULT_DATA = Path("../shared/data")
SaveOption = Annotated[Path | None, typer.Option(
    "--save", metavar="DIR", help="Also write the figures to DIR/<evaluation>.json with the data files read (size, "
                                  "sha256), the date, the eventwire version and git commit (evaluation/results "
                                  "in the checkout is what the documentation's accuracy page shows).")]


def _report(figures: Any, save: Path | None, command: str, options: list[str], data: list[Path],
            printed: bool = False) -> None:
    """Print the figures (unless `printed` already); with --save also store them with what they were measured on."""
    if not printed:
        typer.echo(json.dumps(figures, indent=2))
    if save is not None:
        from eventwire.evaluation.results import save_result

        try:
            typer.echo(f"saved {save_result(save, command, options, data, figures)}", err=True)
        except OSError as exc:
            fail(str(save), f"cannot write the result ({exc.strerror or exc})")
            raise typer.Exit(EXIT_CANNOT_RUN) from None


def _need(path: Path) -> None:
    if not path.exists():
        fail(str(path), "no such file (give the gold data folder with --data)")
        raise typer.Exit(EXIT_CANNOT_RUN)


@app.command()
def places(
    data: DataOption = DEFAULT_DATA,
    limit: Annotated[int | None, typer.Option(help="Only the first N articles of each corpus.")] = None,
    half: Annotated[str, typer.Option(help="all, development (articles at even positions of each file) or "
                                           "held-out (odd positions).")] = "all",
    save: SaveOption = None,
) -> None:
    """Toponym recognition and resolution on LGL and GeoVirus."""
    from eventwire.evaluation.places import HALVES, evaluate_places

    if half not in HALVES:
        fail("--half", f"must be one of {', '.join(HALVES)}")
        raise typer.Exit(EXIT_USAGE)
    corpora = {"lgl": data / "geoparsing" / "lgl.xml", "geovirus": data / "geoparsing" / "GeoVirus.xml"}
    for path in corpora.values():
        _need(path)
    pipeline = load_pipeline(None)
    figures = {}
    for name, path in corpora.items():
        figures[name] = evaluate_places(pipeline, name, path, limit, half)
        typer.echo(json.dumps(figures[name]))  # one line per corpus as it is done
    options = [*(["--limit", str(limit)] if limit is not None else []), *(["--half", half] if half != "all" else [])]
    _report(figures, save, "places", options, list(corpora.values()), printed=True)


@app.command()
def times(data: DataOption = DEFAULT_DATA, save: SaveOption = None) -> None:
    """Date normalization on hand-annotated expressions in LGL and in Wikinews (annotated blind), beside dateparser
    on the same spans; each set and the whole."""
    from eventwire.evaluation.results import packaged
    from eventwire.evaluation.times import evaluate_times

    path = data / "geoparsing" / "lgl.xml"
    wikinews = data / "wikinews" / "wikinews_2019.csv"
    _need(path)
    _need(wikinews)
    _report(evaluate_times(load_pipeline(None), path, wikinews), save, "times", [],
            [path, wikinews, packaged("lgl_times.tsv"), packaged("wikinews_times.tsv")])


@app.command()
def quotes(
    data: DataOption = DEFAULT_DATA,
    gold: Annotated[Path, typer.Option(help="Hand-annotated quotes.")] = Path("tests/data/quotes_gold.tsv"),
    save: SaveOption = None,
) -> None:
    """Quote spans and speakers on hand-annotated quotes in real articles."""
    from eventwire.evaluation.quotes import evaluate_quotes

    truth = data / "article-extraction" / "ground-truth.json"
    _need(truth)
    _need(gold)
    _report(evaluate_quotes(load_pipeline(None), gold, truth), save, "quotes", [], [gold, truth])


@app.command()
def numbers(
    gold: Annotated[Path, typer.Option(help="Hand-annotated casualty sentences.")] = Path(
        "tests/data/casualties_gold.tsv"),
    save: SaveOption = None,
) -> None:
    """Casualty counts (category, min, max) and the word they hang on."""
    from eventwire.evaluation.numbers import evaluate_numbers

    _need(gold)
    _report(evaluate_numbers(load_pipeline(None), gold), save, "numbers", [], [gold])


@app.command()
def events(data: DataOption = DEFAULT_DATA, save: SaveOption = None) -> None:
    """Event coding on PLOVER GSR, CAMEO PentaClass and CAMEO source/target spans (dev and held-out)."""
    from eventwire.evaluation.events import evaluate_pentaclass, evaluate_plover, evaluate_spans

    plover = data / "plover-gsr" / "PLOVER_GSR_CAMEO.json"
    penta = data / "cameo-pentaclass" / "train.tsv"
    spans = data / "cameo-source-target" / "train.txt"
    for path in (plover, penta, spans):
        _need(path)
    pipeline = load_pipeline(None).without("relevance")  # the coder's reading of each sentence
    report = {"plover_gsr": evaluate_plover(pipeline, plover), "cameo_pentaclass": evaluate_pentaclass(pipeline, penta),
              "cameo_source_target": evaluate_spans(pipeline, spans)}
    _report(report, save, "events", [], [plover, penta, spans])


@app.command(name="actors")
def actors_(data: DataOption = DEFAULT_DATA, save: SaveOption = None) -> None:
    """Actor codes on PLOVER GSR, countries on CAMEO source/target spans, the seed gold's actors, and
    coreference of pronouns and descriptions in 48 real articles beside a recency baseline."""
    from eventwire.evaluation.actors import evaluate_plover_actors, evaluate_seed_actors, evaluate_span_countries
    from eventwire.evaluation.coref import GOLD_FILE, evaluate_coreference
    from eventwire.evaluation.results import packaged

    plover = data / "plover-gsr" / "PLOVER_GSR_CAMEO.json"
    spans = data / "cameo-source-target" / "train.txt"
    seed = data.parent / "seed" / "000_ca7f5d1c64f82479.txt"
    gold = data.parent / "seed" / "000_ca7f5d1c64f82479.gold.json"
    read = [plover, spans, seed, gold, data / "article-extraction" / "ground-truth.json",
            data / "geoparsing" / "lgl.xml"]
    for path in read:
        _need(path)
    pipeline = load_pipeline(None).without("relevance")  # actors of every event the coder reads
    report = {"plover_gsr": evaluate_plover_actors(pipeline, plover),
              "cameo_source_target": evaluate_span_countries(pipeline, spans, pipeline.resources.actor_kb),
              "seed": evaluate_seed_actors(pipeline, seed, gold),
              "coreference": evaluate_coreference(pipeline, data)}
    _report(report, save, "actors", [], [*read, packaged(GOLD_FILE)])


@app.command(name="ingest")
def ingest_(data: DataOption = DEFAULT_DATA, save: SaveOption = None) -> None:
    """Body text, title and date of 121 real HTML pages beside trafilatura's defaults; chrome removal on the
    same pages rendered to scraped text."""
    from eventwire.evaluation.ingest import META_FILE, evaluate_html, evaluate_scraped_text
    from eventwire.evaluation.results import packaged

    _need(data / "article-extraction" / "ground-truth.json")
    report = {"html": evaluate_html(data), "scraped_text": evaluate_scraped_text(data)}
    _report(report, save, "ingest", [], [data / "article-extraction", packaged(META_FILE)])


@app.command()
def records(
    data: DataOption = DEFAULT_DATA,
    gold: Annotated[Path | None, typer.Option(help="A gold file in the packaged format (default: the packaged "
                                                    "whole-article gold).")] = None,
    details: Annotated[Path | None, typer.Option(help="Write one JSON line per emitted event and per missed gold "
                                                       "event of the development half to this file.")] = None,
    fit: Annotated[Path | None, typer.Option(help="Fit the relevance model on the development half, write it to "
                                                   "this TSV file and score with it.")] = None,
    fresh: Annotated[bool, typer.Option("--fresh", help="Score the fresh set instead: 51 more articles coded "
                                                         "blind after the coder's tuning, scored whole (no "
                                                         "--details or --fit on it).")] = False,
    web: Annotated[bool, typer.Option("--web", help="Score the web set instead: news pages of many sites "
                                                     "(article-extraction), coded blind, in two halves.")] = False,
    local: Annotated[bool, typer.Option("--local", help="Score the local-news set instead: LGL stories of US "
                                                         "local papers, coded blind, in two halves.")] = False,
    save: SaveOption = None,
) -> None:
    """Whole articles, whole records: every event emitted for 120 Wikinews articles coded blind (precision per
    field, recall of root and dyad, reliability of confidence), development and held-out halves; with
    --fresh, 51 further articles never tuned on; with --web, news pages of many sites; with --local, US local
    news (police, courts, councils)."""
    import dataclasses

    from eventwire.errors import CannotRun, EventwireError
    from eventwire.evaluation.records import (
        code_gold_articles,
        detail_rows,
        read_gold_articles,
        read_local_gold_articles,
        read_web_gold_articles,
        report_by_split,
        score_articles,
    )
    from eventwire.evaluation.records_gold import gold_name, load_gold
    from eventwire.evaluation.results import packaged

    if fresh and (details is not None or fit is not None or gold is not None):
        raise typer.BadParameter("the fresh set is scored whole: it takes no --details, --fit or --gold",
                                 param_hint="--fresh")
    if fresh + web + local > 1:
        raise typer.BadParameter("choose one of --fresh, --web and --local", param_hint="--web")
    corpus = data / ("article-extraction/ground-truth.json" if web else "geoparsing/lgl.xml" if local
                     else "wikinews/wikinews_2019.csv")
    _need(corpus)
    if gold is not None:
        _need(gold)
    pipeline = load_pipeline(None)
    try:
        truth = load_gold(gold, fresh=fresh, web=web, local=local)
        read = read_web_gold_articles if web else read_local_gold_articles if local else read_gold_articles
        articles = read(corpus, truth)
        if fit is not None:
            from eventwire.evaluation.relevance_fit import code_for_fitting, fit_relevance, training_rows, write_model
            from eventwire.pipeline import Pipeline

            coded = code_for_fitting(pipeline, articles, truth)
            model = fit_relevance(coded)
            rows = len(training_rows([a for a in coded if a.gold.split == "development"])[1])
            write_model(model, fit, rows)
            pipeline = Pipeline(dataclasses.replace(pipeline.resources, relevance=model), pipeline.stages)
        scores = code_gold_articles(pipeline, articles, truth)
    except EventwireError as exc:
        fail(str(gold or "records gold"), str(exc))
        raise typer.Exit(EXIT_CANNOT_RUN if isinstance(exc, CannotRun) else EXIT_INPUT_FAILED) from None
    if details is not None:
        with details.open("w", encoding="utf-8") as out:
            for row in detail_rows([s for s in scores if s.article.split == "development"]):
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    report = {"fresh": score_articles(scores)} if fresh else report_by_split(scores)
    options = [*(["--fresh"] if fresh else []), *(["--web"] if web else []), *(["--local"] if local else []),
               *(["--gold", gold.name] if gold is not None else []), *(["--fit", fit.name] if fit is not None else [])]
    _report(report, save, "records", options, [corpus, gold or packaged(gold_name(fresh=fresh, web=web, local=local))])
