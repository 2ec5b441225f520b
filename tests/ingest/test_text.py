"""Scraped-text cleaning: the line classifier on the seed and on other site styles."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import UnreadableInput
from eventwire.ingest import read_article
from eventwire.ingest.text import (
    LineKind,
    classify_line,
    clean_scraped_text,
    credit_from_line,
    split_sections,
)
from tests.conftest import SEED, SEED_GOLD, load_json


def test_seed_title_sections_credit_and_body_bounds() -> None:
    gold = load_json(SEED_GOLD)["article"]
    article = read_article(SEED)
    assert article.title == gold["title"]
    assert list(article.sections) == gold["sections"]
    assert article.credit == gold["credit"]
    assert article.text.startswith(gold["first_body_sentence"])
    assert article.text.rstrip().endswith(gold["last_body_sentence"])
    assert list(article.related_headlines) == gold["related_headlines"]
    for chrome in gold["boilerplate_absent_from_body"]:
        assert chrome not in article.text


@pytest.mark.parametrize(
    ("line", "sections"),
    [
        ("Middle EastWar", ("Middle East", "War")),
        ("Home » News » Africa", ("News", "Africa")),
        ("World / Middle East", ("World", "Middle East")),
        ("Politics | Europe", ("Politics", "Europe")),
    ],
)
def test_breadcrumbs_split_into_sections(line: str, sections: tuple[str, ...]) -> None:
    assert split_sections(line) == sections


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Leave a Reply", LineKind.END_MARKER),
        ("Related Posts", LineKind.END_MARKER),
        ("Read more:", LineKind.END_MARKER),
        ("Back to top button", LineKind.CHROME),
        ("Your email address will not be published. Required fields are marked *", LineKind.CHROME),
        ("Share this: Facebook Twitter WhatsApp", LineKind.CHROME),
        ("Facebook Twitter WhatsApp", LineKind.CHROME),
        ("We use cookies to improve your experience. Accept all cookies", LineKind.CHROME),
        ("© 2023 Daily Courier. All rights reserved.", LineKind.CHROME),
        ("Sign up for our daily newsletter", LineKind.CHROME),
        ("With reporting by AFP.", LineKind.CREDIT),
        ("Reporting by Jane Roe; Editing by John Doe", LineKind.CREDIT),
        ("Source: AFP", LineKind.CREDIT),
        ("By Amina Yusuf", LineKind.BYLINE),
        ("Published: 14 June 2023 10:42 GMT", LineKind.BYLINE),
        ("Egypt air base deal bolsters Russia's presence in Middle East", LineKind.HEADLINE),
        ("The minister said the talks would resume next week in Geneva.", LineKind.PROSE),
    ],
)
def test_line_classifier(line: str, kind: LineKind) -> None:
    assert classify_line(line) is kind


def test_credit_names_the_agency_or_reporters() -> None:
    assert credit_from_line("With reporting by AFP.") == "AFP"
    assert credit_from_line("Reporting by Jane Roe; Editing by John Doe") == "Jane Roe"
    assert credit_from_line("Source: Reuters") == "Reuters"


def test_wire_dateline_gives_credit_and_leaves_body_clean() -> None:
    raw = "\n\n".join([
        "World",
        "Rebels seize border town after two days of fighting",
        "KABUL, May 2 (Reuters) - Rebels seized a border town on Tuesday after two days of fighting, "
        "officials said, in the biggest advance of the year.",
        "The defence ministry said troops had withdrawn to positions outside the town to regroup.",
        "Reporting by Jane Roe; Editing by John Doe",
        "Our Standards: The Thomson Reuters Trust Principles.",
    ])
    cleaned = clean_scraped_text(raw)
    assert cleaned.title == "Rebels seize border town after two days of fighting"
    assert cleaned.credit == "Reuters"
    assert cleaned.body.startswith("Rebels seized a border town")
    assert "Trust Principles" not in cleaned.body and "Editing by" not in cleaned.body


def test_page_date_in_byline_becomes_publication_date() -> None:
    raw = "\n".join([
        "Home » News » Africa",
        "Gunmen kill five in attack on village in northeast Nigeria",
        "By Amina Yusuf",
        "Published: 14 June 2023 10:42 GMT",
        "Gunmen killed five villagers in an overnight attack in Borno state, police said on Wednesday.",
        "The attackers arrived on motorcycles and set fire to homes before fleeing, residents said.",
    ])
    cleaned = clean_scraped_text(raw)
    assert cleaned.published == "2023-06-14"
    assert cleaned.sections == ("News", "Africa")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"\x00\x01\x02binary\x00", "binary"),
    ],
)
def test_bad_files_raise_unreadable_input(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(UnreadableInput) as info:
        read_article(path)
    assert reason in str(info.value)
    assert str(path) in str(info.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UnreadableInput, match="no such file"):
        read_article(tmp_path / "absent.txt")


# Scraped pages in scripts other than Latin: their paragraphs are text, not chrome (issue 19).
NON_LATIN_PAGES = {
    "ru": ("Главная » Новости » Мир\n\nТысячи человек вышли на акцию протеста у здания парламента в Тбилиси\n\n"
           "Тысячи человек в понедельник вечером вышли на акцию протеста у здания парламента Грузии в Тбилиси, "
           "требуя отозвать законопроект об иностранных агентах.\n\n"
           "Полиция применила слезоточивый газ и водометы, чтобы разогнать демонстрантов, сообщили очевидцы.\n\n"
           "Поделиться: Facebook Twitter\n"),
    "ar": ("الرئيسية » أخبار » العالم\n\nآلاف المحتجين يتظاهرون أمام البرلمان في تبليسي\n\n"
           "تظاهر آلاف الأشخاص مساء الاثنين أمام مبنى البرلمان الجورجي في تبليسي، مطالبين بسحب مشروع قانون "
           "العملاء الأجانب.\n\n"
           "واستخدمت الشرطة الغاز المسيل للدموع وخراطيم المياه لتفريق المتظاهرين، بحسب شهود عيان وصحفيين محليين.\n"),
    "zh": ("首页 » 新闻 » 国际\n\n数千人在第比利斯议会大楼外抗议\n\n"
           "周一晚上，数千人聚集在第比利斯的格鲁吉亚议会大楼外抗议，要求撤回外国代理人法案。\n\n"
           "据目击者和当地记者说，警方使用催泪瓦斯和高压水枪驱散示威者。\n"),
}


@pytest.mark.parametrize("language", sorted(NON_LATIN_PAGES))
def test_non_latin_paragraphs_are_the_body_not_chrome(tmp_path: Path, language: str) -> None:
    page = NON_LATIN_PAGES[language]
    path = tmp_path / f"{language}.txt"
    path.write_text(page, encoding="utf-8")
    paragraphs = page.split("\n\n")
    article = read_article(path)
    assert article.text == "\n\n".join([paragraphs[2], paragraphs[3].strip()])
    assert article.title == paragraphs[1] and article.sections[-1] == paragraphs[0].split(" » ")[-1]
