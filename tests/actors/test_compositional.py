"""Actors the knowledge base does not name, coded from their role noun or title (legislatures, courts, police,
ministries, parties, unions; 'Sen.', 'Judge', 'Sheriff' ...), on sentences written for the purpose."""

from __future__ import annotations

from typing import Any

import pytest

from eventwire.model import ExtractResult
from tests.conftest import coded_dyads
from tests.conftest import run_text as run


def codes(result: ExtractResult) -> dict[str, str]:
    return {a.text: a.code for a in result.actors}


@pytest.mark.parametrize(("text", "mention", "code"), [
    # legislatures and legislators
    ("The Freedonian Senate rejected the budget on Monday.", "The Freedonian Senate", ""),
    ("The Mexican Senate rejected the treaty on Monday.", "The Mexican Senate", "MEXLEG"),
    ("In Richmond, Virginia, the House of Delegates passed the bill.", "the House of Delegates", "USALEG"),
    ("In Canberra, the House voted against the plan.", "the House", "AUSLEG"),
    ("In Nairobi, Parliament approved the loan.", "Parliament", "KENLEG"),
    ("The Brazilian Congress rejected the reform.", "The Brazilian Congress", "BRALEG"),
    ("Sen. Jane Doe of Ohio criticized the plan.", "Sen. Jane Doe", "USALEG"),
    ("In Texas, Republican Representative John Roe proposed a bill.", "Republican Representative John Roe",
     "USALEG"),
    ("Former Irish prime minister John Roe criticised the plan.", "Former Irish prime minister John Roe", "IRLELI"),
    # courts, judges and prosecutors
    ("In Lagos, the Supreme Court ruled against the governor.", "the Supreme Court", "NGAJUD"),
    ("In Denver, Judge Mary Ann Smith sentenced the man to ten years.", "Judge Mary Ann Smith", "USAJUD"),
    ("In Boston, Attorney General John Roe sued the company.", "Attorney General John Roe", "USAJUD"),
    ("The Manila district attorney's office is investigating the mayor.",
     "The Manila district attorney's office", "PHLJUD"),
    # a lawyer is a private person unless the office is a public prosecutor's; a city's attorneys are its own
    ("In Ohio, a lawyer for the family criticised the police.", "a lawyer", "USACVL"),
    ("In Denver, city attorneys rejected the developer's offer.", "city attorneys", "USAGOV"),
    ("In Ohio, the county attorney charged the man with murder.", "the county attorney", "USAJUD"),
    ("In Dallas, U.S. Attorney John Roe charged the man with fraud.", "U.S. Attorney John Roe", "USAJUD"),
    # clergy
    ("In London, religious leaders condemned the scheme.", "religious leaders", "GBRREL"),
    ("In Cairo, an imam criticised the government.", "an imam", "EGYREL"),
    # police forces
    ("The sheriff's office in Reno arranged for reinforcements.", "The sheriff's office", "USACOP"),
    ("In Chicago, Sheriff John Roe said deputies arrested two men.", "Sheriff John Roe", "USACOP"),
    ("The NYPD arrested two men in Brooklyn.", "The NYPD", "USACOP"),
    ("In Beirut, the Internal Security Forces arrested two men.", "the Internal Security Forces", "LBNCOP"),
    # ministries, departments, agencies
    ("In Berlin, the Federal Aviation Office grounded the plane.", "the Federal Aviation Office", "DEUGOV"),
    ("In Paris, the Department of Agriculture banned the pesticide.", "the Department of Agriculture", "FRAGOV"),
    # parties and unions
    ("In London, the Green Party criticised the budget.", "the Green Party", "GBRPTY"),
    ("In Lagos, the teachers' union called a strike.", "the teachers' union", "NGALAB"),
    # criminals named by their crime
    ("In Beirut, police arrested three drug dealers.", "drug dealers", "LBNCRM"),
    ("Police in Ohio arrested two burglars on Monday.", "burglars", "USACRM"),
    ("In Jalisco, soldiers killed a cartel leader.", "a cartel leader", "MEXCRM"),
    # who leads a movement or a rebellion, and a ruling military council
    ("In Khartoum, protest leaders rejected the offer.", "protest leaders", "SDNOPP"),
    ("In Bamako, rebel leaders rejected the ceasefire.", "rebel leaders", "MLIREB"),
    ("The Sudanese military council banned the rally.", "The Sudanese military council", "SDNMIL"),
    # officials of a business or a school are that body's
    ("In Guangdong, factory officials detained a reporter.", "factory officials", "CHNBUS"),
    ("In Texas, school officials closed the campus.", "school officials", "USAEDU"),
    # the public is the country's people; public officials are its officials
    ("In Texas, public officials urged residents to stay home.", "public officials", "USAGOV"),
    # out of office: CAMEO's elites, whether named or only described
    ("A former Greek foreign minister criticised Russia on Monday.", "A former Greek foreign minister", "GRCELI"),
    ("A retired Kenyan police officer was arrested in Nairobi.", "A retired Kenyan police officer", "KENELI"),
    # forces led by a country are that country's, wherever they fight
    ("The Saudi-led coalition bombed a market in Saada on Tuesday.", "The Saudi-led coalition", "SAUMIL"),
    ("French-led forces attacked a rebel base near Gao on Friday.", "French-led forces", "FRAMIL"),
])
def test_bodies_and_office_holders_are_coded_from_their_role_noun(pipeline: Any, text: str, mention: str,
                                                                   code: str) -> None:
    found = codes(run(pipeline, text))
    if code:
        assert found.get(mention) == code, found
    else:  # no country can be found for an invented one: it stays uncoded rather than guessed
        assert not found.get(mention), found


@pytest.mark.parametrize(("text", "mention"), [
    ("Newmont Mining officials blamed the spill in Peru on a contractor.", "Newmont Mining officials"),
    ("In Ohio, General Motors officials met the governor.", "General Motors officials"),
])
def test_officials_of_an_organisation_the_kb_does_not_know_are_not_the_state(pipeline: Any, text: str,
                                                                              mention: str) -> None:
    found = codes(run(pipeline, text))
    assert not any(code.endswith("GOV") for text_, code in found.items() if text_ in mention)


def test_officials_of_a_state_body_stay_the_state(pipeline: Any) -> None:
    found = codes(run(pipeline, "In Ohio, City Hall officials criticised the governor. "
                                "State Department officials criticised Iran."))
    assert [code for text, code in found.items() if text.endswith("officials")] == ["USAGOV", "USAGOV"]


def test_a_title_gives_no_role_the_name_does_not_bear(pipeline: Any) -> None:
    found = codes(run(pipeline, "The Opera House in Sydney hosted a concert. A representative of the firm "
                                "spoke in Sydney. Marine Le Gall spoke in Paris."))
    assert not found.get("The Opera House"), found
    assert "a representative" not in {k.lower() for k in found}, found
    assert not found.get("Marine Le Gall"), found  # "Marine" is her given name, not a title


def test_a_known_person_keeps_the_kb_role_whatever_the_title(pipeline: Any) -> None:
    # Putin is in the KB as Russia's president on this day; a title written before his name does not recode him.
    found = codes(run(pipeline, "Judge Vladimir Putin spoke in Moscow.", "2023-05-10"))
    assert found.get("Vladimir Putin") == "RUSGOV", found


def test_a_title_given_later_codes_a_person_named_before(pipeline: Any) -> None:
    result = run(pipeline, "John Roe has run the county for years. In Reno, Sheriff Roe said deputies arrested a man.")
    assert codes(result).get("Sheriff Roe") == "USACOP", codes(result)


def test_a_body_of_another_country_is_not_the_kb_s_body_of_that_name(pipeline: Any) -> None:
    assert codes(run(pipeline, "The Mexican Congress approved the law."))["The Mexican Congress"] == "MEXLEG"


def test_a_regional_court_takes_no_country_from_its_place(pipeline: Any) -> None:
    found = codes(run(pipeline, "The European Court of Human Rights ruled in Strasbourg."))
    assert not any(code.startswith("FRA") and "Court" in text for text, code in found.items()), found


def test_the_article_focus_counts_named_actors(pipeline: Any) -> None:
    # Ukraine is named as a place three times, but more of the story's actors are American.
    text = ("President Joe Biden spoke about Ukraine with Secretary of State Antony Blinken and Vice President "
            "Kamala Harris. Blinken visited Ukraine. Aid to Ukraine was discussed. The House passed the bill.")
    assert codes(run(pipeline, text, "2023-05-10")).get("The House") == "USALEG"


def test_it_refers_back_to_a_body_named_by_its_role_noun(pipeline: Any) -> None:
    result = run(pipeline, "In Ottawa, the Supreme Court said it would rule next week.")
    assert any(a.text == "it" and a.code == "CANJUD" for a in result.actors), [(a.text, a.code) for a in result.actors]


def test_a_person_the_kb_lacks_takes_the_role_of_a_bare_appositive(pipeline: Any) -> None:
    """"Ahmad Karimi, a police officer," is police; "Sarah Jones, a spokeswoman for the Red Cross," is the Red
    Cross's, not a government's; "a columnist" gives no code."""
    assert codes(run(pipeline, "In Kabul, Ahmad Karimi, a police officer, arrested two men.")).get(
        "Ahmad Karimi") == "AFGCOP"
    assert codes(run(pipeline, "In Kabul, Ahmad Karimi, a Pakistani police officer, arrested two men.")).get(
        "Ahmad Karimi") == "PAKCOP"
    spokeswoman = codes(run(pipeline, "In Geneva, Sarah Jones, a spokeswoman for the Red Cross, said aid arrived."))
    assert not spokeswoman.get("Sarah Jones", "").endswith("GOV"), spokeswoman
    assert not codes(run(pipeline, "In Ohio, Jane Roe, a columnist, criticised the mayor.")).get("Jane Roe")


def test_a_surname_opening_a_sentence_is_the_person_named_before(pipeline: Any) -> None:
    """"Tamalt, 42, lived in England. He was arrested": the tagger's common noun is the surname, and "he" is
    Tamalt, not the president named between them."""
    result = run(pipeline, "ALGIERS — Mohamed Tamalt, a journalist imprisoned for insulting President Abdelaziz "
                           "Bouteflika, died in hospital. Tamalt, 42, lived in England. He was arrested on May 2 near "
                           "his parents' home.")
    he = [a for a in result.actors if a.text == "He"]
    assert he and he[0].name == "Mohamed Tamalt", [(a.text, a.name) for a in result.actors]


def test_a_countrys_name_read_as_a_town_gives_its_police_the_towns_country(pipeline: Any) -> None:
    """"Jordan police" in a Minnesota story are the police of Jordan, Minnesota, and "Lebanon Police" in an Indiana
    story those of Lebanon, Indiana: the country the places stage read the name in."""
    jordan = run(pipeline, "A man from Jordan, Minn., was charged on Friday. Jordan police arrested him at his home.")
    assert {a.code for a in jordan.actors if a.text == "Jordan police"} == {"USACOP"}, jordan.actors
    lebanon = run(pipeline, "A Boone County man was arrested in Indiana on Friday. Lebanon Police and the Boone "
                            "County Sheriff's Office began an investigation after a dispatcher said the man might "
                            "have illegal images on a computer.")
    assert {a.code for a in lebanon.actors if a.text == "Lebanon Police"} == {"USACOP"}, lebanon.actors


def test_a_short_form_the_article_defines_is_that_actor_again(pipeline: Any) -> None:
    """"British Transport Police (BTP) ... BTP started an investigation": the short form in brackets after a coded
    actor names it wherever it comes again; a short form nobody defined stays unknown."""
    story = run(pipeline, "LONDON — A man died at the station, British Transport Police (BTP) said on Monday. BTP "
                          "started an investigation of the death.")
    assert [a.code for a in story.actors if a.text == "BTP"] == ["GBRCOP"], story.actors
    undefined = run(pipeline, "LONDON — A man died at the station on Monday. BTP started an investigation.")
    assert not [a for a in undefined.actors if a.text == "BTP" and a.code], undefined.actors


def test_a_person_the_kb_does_not_know_is_who_the_role_beside_them_says(pipeline: Any) -> None:
    """"Pawel Adamowicz, mayor of Gdansk": the mayor's code; a title in a company the KB does not code, or a
    private role ("a farmer"), gives the person no state code."""
    mayor = run(pipeline, "Pawel Adamowicz, mayor of the Polish city of Gdansk, was stabbed on stage on Sunday.")
    assert [(a.text, a.code) for a in mayor.actors if a.kind == "person"] == [("Pawel Adamowicz", "POLGOV")]
    assert [(e.cameo[:2], e.target.code) for e in mayor.events if e.target] == [("18", "POLGOV")], mayor.events
    company = run(pipeline, "Dan Adkins, vice president of Hartman & Tyner Inc., met Senator Joe Manchin in "
                                 "Charleston on Monday.")
    assert not [a for a in company.actors if a.text == "Dan Adkins" and a.code.endswith("GOV")], company.actors
    farmer = run(pipeline, "John Smith, a farmer from Ohio, spoke at the rally in Columbus on Monday.")
    assert not [a for a in farmer.actors if a.text == "John Smith" and a.code], farmer.actors


def test_where_goods_come_from_is_not_where_the_sentences_people_are(pipeline: Any) -> None:
    text = ("Seoul banned rallies against rice imports from Thailand after dozens of people were hurt in clashes "
            "with riot police on Saturday.")
    police = [a.code for a in run(pipeline, text).actors if a.text == "riot police"]
    assert police == ["KORCOP"]


def test_a_surname_two_differently_coded_people_share_is_neithers(pipeline: Any) -> None:
    """A suspect and the prosecutor of his case share a surname: "Williams was charged" names neither for sure,
    so it does not take the prosecutor's code."""
    result = run(pipeline, "POMEROY, Ohio — Charles S. Williams, 40, was arrested on Friday. Prosecutor Colleen "
                           "Williams said the evidence was strong. Williams was charged with theft on Monday.")
    bare = [a for a in result.actors if a.text == "Williams"]
    assert bare and all(a.code == "" for a in bare), [(a.text, a.code) for a in result.actors]


def test_police_the_parser_hangs_on_a_name_is_no_title(pipeline: Any) -> None:
    """"Witnesses told police Jones got upset": the parser makes "police" a compound of "Jones", but Jones is the
    suspect, not a police officer ("Officer Jones" would be)."""
    result = run(pipeline, "CHARLESTON, W.Va. — Charleston police were called to a motel on Tuesday. Witnesses told "
                           "police Jones got upset and pulled a gun. Officer Smith arrested him.")
    assert "USACOP" not in {a.code for a in result.actors if "Jones" in a.text}, result.actors
    assert {a.code for a in result.actors if a.text == "Officer Smith"} == {"USACOP"}, result.actors


def test_a_former_office_beside_a_name_makes_an_elite_and_a_possessive_is_the_subjects(pipeline: Any) -> None:
    """"Nickey Iyambo, former vice-president of Namibia": out of office, an elite (NAMELI), not the government;
    "The current president of Namibia, Hage Geingob, expressed his sadness": "his" is Geingob's, the subject's
    name in apposition, not the man named in the sentence before."""
    result = run(pipeline, "Nickey Iyambo, former vice-president of Namibia, died on Sunday. The current president "
                           "of Namibia, Hage Geingob, expressed his sadness at the death.")
    assert codes(result).get("Nickey Iyambo") == "NAMELI", result.actors
    his = [a for a in result.actors if a.text == "his"]
    assert his and his[0].name == "Hage Geingob", [(a.text, a.name) for a in result.actors]


def test_the_eus_court_is_the_eus(pipeline: Any) -> None:
    """The Court of Justice of the EU, by its common names, is an EU body (IGOEUR), not an unknown organisation."""
    result = run(pipeline, "On Thursday, the European Court of Justice ruled that Facebook can be ordered to remove "
                           "posts worldwide. The ECJ is the EU's top court.")
    assert {a.code for a in result.actors if "Court of Justice" in a.text or a.text == "ECJ"} == {"IGOEUR"}, \
        result.actors


def test_where_a_move_goes_is_not_where_the_movers_are_from(pipeline: Any) -> None:
    criticized = coded_dyads(pipeline, "WASHINGTON — Senate Majority Leader Mitch McConnell criticized the "
                                       "president's decision to withdraw troops from Syria.")
    assert ("111", "USALEG", "USAGOV") in criticized, criticized
    # people sent home are of the country they are sent to
    deported = coded_dyads(pipeline, "Guatemalan authorities have deported 2,374 migrants to Honduras.")
    assert [target for _, _, target in deported if target][:1] == ["HNDREF"], deported


def test_a_role_noun_opening_a_sentence_is_a_role_though_tagged_a_name(pipeline: Any) -> None:
    # the small model tags a capitalised plural opening a sentence as a proper noun ("Lawmakers")
    criticized = coded_dyads(pipeline, "WASHINGTON — Lawmakers criticized the president's budget plan on Monday.")
    assert ("111", "USALEG", "USAGOV") in criticized, criticized


def test_a_country_in_a_private_bodys_name_is_not_its_state(pipeline: Any) -> None:
    """"the Kenya Medical Association", "Transparency International Kenya": where the body is, not the state."""
    for text in ("The Kenya Medical Association called on the government to pay striking doctors.",
                 "Transparency International Kenya urged parliament to reject the bill.",
                 "Kenya Airways criticised the government's new tax on fuel."):
        sources = {e.source.code for e in run(pipeline, text).events}
        assert "KENGOV" not in sources and "KEN" not in sources, (text, sources)


def test_a_national_branch_of_a_known_organisation_is_the_organisation(pipeline: Any) -> None:
    dyads = coded_dyads(pipeline, "Amnesty International Australia criticised the government's refugee policy.")
    assert ("111", "NGOAMN", "AUSGOV") in dyads, dyads


def test_a_state_body_named_by_its_country_still_acts_for_it(pipeline: Any) -> None:
    for text, code in (("The Kenya Revenue Authority accused the firm of tax evasion.", "KENGOV"),
                       ("The Kenya Defence Forces accused al-Shabab of attacking a convoy.", "KENMIL")):
        sources = {e.source.code for e in run(pipeline, text).events}
        assert code in sources, (text, sources)


def test_the_ruling_party_is_a_party(pipeline: Any) -> None:
    dyads = coded_dyads(pipeline, "NAIROBI, Kenya (AP) — Opposition leader Raila Odinga accused the ruling party "
                                  "of rigging the vote.")
    assert ("112", "KENOPP", "KENPTY") in dyads, dyads


def test_a_private_body_with_a_role_of_its_own_keeps_its_country(pipeline: Any) -> None:
    """"the U.S. Chamber of Commerce", "the Kenya Broadcasting Corporation": business of that country, not its
    government nor no one."""
    for text, name, code in (("Last week, the U.S. Chamber of Commerce urged the British government to act.",
                              "the U.S. Chamber", "USABUS"),
                             ("The Kenya Broadcasting Corporation criticised the new tax.",
                              "The Kenya Broadcasting Corporation", "KENBUS")):
        found = codes(run(pipeline, text))
        assert found.get(name) == code, (text, found)
