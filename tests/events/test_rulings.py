"""A court ruling a measure unlawful is a legal finding against its maker (116); anyone else calling it
unlawful is no ruling; a legislature holding an official in contempt censures them (111)."""

from __future__ import annotations

from typing import Any

from tests.conftest import coded_dyads as coded


def test_a_court_ruling_a_measure_unlawful_finds_against_its_maker(coder: Any) -> None:
    owned = coded(coder, "A federal judge in New York found that President Trump's order was unlawful.")
    assert ("116", "USAJUD", "USAGOV") in owned, owned
    declared = coded(coder, "Italy's constitutional court declared the new election law invalid on Tuesday.")
    assert ("116", "ITAJUD", "ITAGOV") in declared, declared
    overturned = coded(coder, "The Kenyan Supreme Court overturned the re-election of President Uhuru Kenyatta.")
    assert [c for c in overturned if c[0] == "116" and c[1] == "KENJUD" and c[2] == "KENGOV"], overturned


def test_a_measure_whose_maker_is_not_named_is_the_governments(coder: Any) -> None:
    events = coded(coder, "The High Court in London ruled on Friday that the suspension was unlawful.")
    assert ("116", "GBRJUD", "GBRGOV") in events, events
    # A thing no government makes has no party the ruling is against.
    strike = coded(coder, "A Nigerian court ruled on Friday that the doctors' strike was illegal.")
    assert not [c for c in strike if c[0] == "116" and c[2] == "NGAGOV"], strike


def test_calling_a_thing_unlawful_is_no_ruling_unless_a_court_does_it(coder: Any) -> None:
    assert not [c for c in coded(coder, "The Kenyan opposition leader said the decree was illegal.")
                if c[0] == "116"]
    assert not [c for c in coded(coder, "Prosecutors in Brazil said the sale of the land was unlawful.")
                if c[0] == "116"]


def test_striking_down_a_law_is_no_force(coder: Any) -> None:
    for text in ("The Indian Supreme Court struck down the state's ban on Monday.",
                 "The Polish parliament struck down the bill on Tuesday."):
        events = coded(coder, text)
        assert not [c for c in events if c[0][:2] in ("18", "19", "20")], (text, events)


def test_holding_an_official_in_contempt_is_a_censure(coder: Any) -> None:
    events = coded(coder, "The United States House of Representatives voted to hold Commerce Secretary Wilbur Ross "
                          "in contempt of Congress.")
    assert ("111", "USALEG", "USAGOV") in events, events


def test_a_court_turning_down_a_claim_rejects_it_and_a_ministry_dismissing_one_denies_it(coder: Any) -> None:
    court = coded(coder, "A Texas judge threw out the lawsuit against the governor on Monday.")
    assert [c[0] for c in court if c[1] == "USAJUD"] == ["120"], court
    claims = coded(coder, "Judge Joan Ericksen of Minnesota dismissed the claims last Friday.")
    assert [c[0] for c in claims] == ["120"], claims
    ministry = coded(coder, "The Russian foreign ministry dismissed the claims as nonsense on Monday.")
    assert [c[0] for c in ministry] == ["016"], ministry


def test_a_ruling_that_binds_a_party_to_act_is_against_that_party(pipeline: Any) -> None:
    """"ruled that the government must release the prisoners": a ruling against the government; a prosecutor
    saying what a convict must pay is no ruling of a court."""
    events = coded(pipeline, "The Supreme Court of India ruled on Monday that the government must release the "
                             "prisoners.")
    assert ("116", "INDJUD", "INDGOV") in events, events
    said = coded(pipeline, "COLUMBIA, S.C. — In addition to prison time, she must pay $342,991 back to the center, "
                           "the U.S. Attorney's office said.")
    assert not [c for c in said if c[0] == "116"], said
