"""One record per act and dyad, and the kind of violence the dyad makes of a use of force."""

from __future__ import annotations

from typing import Any

from tests.conftest import coded_dyads as coded
from tests.conftest import every_event
from tests.conftest import run_text as run


def test_one_act_on_two_people_coded_alike_is_one_record(pipeline: Any) -> None:
    events = run(pipeline, "Acting U.S. Attorney Mary Stone announced the indictment Tuesday charging 41-year-old "
                           "Tom Hale and 52-year-old Rick Dunn with bank fraud.").events
    charges = [(e.source.code, e.target.code if e.target else None) for e in events
               if e.cameo.startswith(("17", "112"))]
    assert charges == [("USAJUD", "USACRM")], charges


def test_a_police_raid_is_not_an_assault_but_a_shooting_is(pipeline: Any) -> None:
    raid = run(pipeline, "Police in Ohio raided several homes John Miller owned on Monday.").events
    assert not [e for e in raid if e.cameo.startswith("18")], [(e.cameo, e.evidence.trigger) for e in raid]
    shooting = run(pipeline, "A gunman shot three people at a bar in Ohio on Saturday.").events
    assert [e.cameo for e in shooting if e.evidence.trigger == "shot"] == ["182"]


def test_a_disaster_in_a_country_is_not_that_country_attacking(pipeline: Any) -> None:
    coder = every_event(pipeline)  # the coder's reading, apart from the decision to emit
    epidemic = run(coder, "A cholera epidemic in Angola has killed over 1,200 people in the past three "
                             "months.").events
    assert not [e for e in epidemic if e.cameo_root in ("18", "19", "20")], [(e.cameo, e.source.code)
                                                                              for e in epidemic]
    bomb = run(coder, "A car bomb in Kabul killed twelve people on Monday.").events
    assert [(e.cameo_root, e.source.code) for e in bomb if e.evidence.trigger == "killed"] == [("18", "")]
    strike = run(coder, "An airstrike in Idlib killed nine civilians on Monday.").events
    assert [e.cameo_root for e in strike if e.evidence.trigger == "killed"] == ["19"]


def test_the_speakers_own_possessive_is_no_target(pipeline: Any) -> None:
    found = [(e.cameo, e.source.code, e.target.code if e.target else None, e.target.text if e.target else None)
             for e in run(every_event(pipeline), "Michael Martin, health minister of Ireland, expressed his sympathy "
                                                 "to the family of the victims.").events]
    assert [f for f in found if f[1] == "IRLGOV"], found
    assert not [f for f in found if f[3] == "his"], found  # his sympathy is the speaker's own


def test_whom_a_protest_is_against_and_whose_offer_is_rejected(pipeline: Any) -> None:
    coder = every_event(pipeline)
    strike = coded(coder, "Indian farmers began a one-day hunger strike on Saturday in protest against new "
                          "agricultural laws imposed by the Indian government.")
    assert [c for c in strike if c[0][:2] == "14" and c[2] == "INDGOV"], strike
    policy = coded(coder, "American activists have launched a hunger strike to protest the immigration policy imposed "
                          "by the Trump administration.")
    assert [c for c in policy if c[0] == "142" and c[2] == "USAGOV"], policy  # the strike, not only its aim
    offer = coded(coder, "The Taliban rejected on Monday an Afghan government offer of a ceasefire.")
    assert [c for c in offer if c[0][:2] == "12" and c[1] == "AFGREBTAL" and (c[2] or "").startswith("AFG")], offer


def test_a_participle_opening_a_clause_is_done_to_its_subject(pipeline: Any) -> None:
    coder = every_event(pipeline)
    forced = coded(coder, "Forced to choose between a crackdown and chaos, Xi Jinping will choose the former.")
    assert not [c for c in forced if c[0].startswith("17") and c[1] == "CHNGOV"], forced
    backed = coded(coder, "Backed by Iran, the Houthi rebels attacked Saudi oil facilities on Saturday.")
    assert not [c for c in backed if c[0].startswith("05") and c[1] == "YEMREBHOU"], backed


def test_a_ship_or_a_firm_stands_for_the_country_of_its_flag_or_owner(pipeline: Any) -> None:
    seized = coded(every_event(pipeline), "Iranian forces seized a British-flagged tanker in the Strait of Hormuz "
                                          "on Friday.")
    assert [c for c in seized if c[0].startswith("171") and c[1] == "IRNMIL" and (c[2] or "").startswith("GBR")], \
        seized
    raided = coded(every_event(pipeline), "Kenyan police raided a Somali-owned bank in Nairobi on Friday.")
    assert [c for c in raided if c[1] == "KENCOP" and (c[2] or "").startswith("SOM")], raided


def test_a_participle_joined_to_a_passive_is_passive_too(pipeline: Any) -> None:
    for text in ("In Kenya, two journalists were arrested and charged with sedition on Monday.",
                 "In Ohio, John Miller was sentenced to a year on probation, fined $1,000 and ordered to perform "
                 "community service."):
        events = coded(every_event(pipeline), text)
        assert not [c for c in events if c[1].endswith(("MED", "CRM", "CVL"))], (text, events)  # never the doers
    arrested = coded(every_event(pipeline), "In Kenya, two journalists were arrested and charged with sedition "
                                            "on Monday.")
    assert sorted(c[0] for c in arrested) == ["1121", "173"], arrested  # an arrest and a charge: one record each


def test_killed_in_a_fight_with_someone_is_killed_by_them(pipeline: Any) -> None:
    for text, dyad in (("Three soldiers were killed in an attack by Taliban fighters in Helmand on Monday.",
                        ("AFGREBTAL", "AFGMIL")),
                       ("Two Indian soldiers were killed in a clash with Chinese troops in Ladakh.",
                        ("CHNMIL", "INDMIL")),
                       ("A policeman was killed in a shootout with drug traffickers in Sinaloa on Monday.",
                        ("MEXCRM", "MEXCOP"))):
        events = coded(every_event(pipeline), text)
        assert [c for c in events if c[0][:2] in ("18", "19") and (c[1], c[2]) == dyad], (text, events)


def test_co_subjects_who_exchange_fire_fought_each_other(pipeline: Any) -> None:
    events = coded(every_event(pipeline), "India and Pakistan exchanged fire along the Line of Control on Tuesday.")
    assert [c for c in events if c[0][:2] == "19"] == [("190", "INDMIL", "PAKMIL")], events


def test_a_place_held_by_a_side_stands_for_that_side(pipeline: Any) -> None:
    coder = every_event(pipeline)
    towns = coded(coder, "Syrian government forces shelled rebel-held towns in Idlib on Monday.")
    assert [c for c in towns if c[1] == "SYRMIL" and c[2] == "SYRREB"], towns
    positions = coded(coder, "Russian troops shelled Ukrainian-held positions near Bakhmut on Monday.")
    assert [c for c in positions if c[1] == "RUSMIL" and c[2] == "UKR"], positions
    # a school a group runs is no position of its fighters
    school = coded(coder, "Israeli jets struck a Hamas-run school in Gaza on Monday.")
    assert not [c for c in school if c[2] == "PSEREBHMS"], school


def test_aid_provided_for_people_goes_to_them(pipeline: Any) -> None:
    events = coded(every_event(pipeline), "The UN provided food for 20,000 refugees in Chad on Monday.")
    assert ("073", "IGOUNO", "TCDREF") in events, events


def test_whose_thing_an_act_is_aimed_at_is_its_target(pipeline: Any) -> None:
    # The author named by a by-phrase the parser hangs on the verb's "as" phrase, the owner of records demanded
    # "from" someone, and the people something is confiscated from, before a place named in the same phrase.
    stunt = run(pipeline, "The Mexican government criticised the declaration of a national emergency at the border "
                          "as a political stunt by President Donald Trump.").events
    assert [(e.cameo, e.target.code if e.target else None) for e in stunt] == [("111", "USAGOV")]
    subpoena = run(pipeline, "The US House Judiciary Committee issued a subpoena on Tuesday for tax records from "
                             "the Treasury Department.").events
    assert [(e.cameo, e.target.code if e.target else None) for e in subpoena] == [("1014", "USAGOV")]
    seized = run(pipeline, "Egyptian police confiscated rifles and ammunition from Muslim Brotherhood members in "
                           "Giza on Sunday.").events
    assert [(e.source.code, e.target.code if e.target else None) for e in seized] == [("EGYCOP", "EGYOPPMBR")]
    # the author of a thing named by the by-phrase of a participle on it
    move = run(pipeline, "The African Union condemned the decision announced on Monday by Kenyan President Uhuru "
                         "Kenyatta.").events
    assert [(e.cameo, e.target.code if e.target else None) for e in move] == [("111", "KENGOV")]


def test_an_act_put_off_is_not_done(pipeline: Any) -> None:
    coder = every_event(pipeline)
    events = run(coder, "Japan has delayed lifting its ban on beef imports from the United States.").events
    lifting = [e for e in events if e.evidence.trigger == "lifting"]
    assert lifting and all(e.hypothetical for e in lifting), [(e.cameo, e.hypothetical) for e in lifting]


def test_co_subjects_acting_on_each_other_are_one_record_between_them(pipeline: Any) -> None:
    accused = coded(pipeline, "Russia and Ukraine accused each other of violating the ceasefire on Sunday.")
    assert accused == [("112", "RUSGOV", "UKRGOV")], accused
    blamed = coded(pipeline, "Armenia and Azerbaijan blamed one another for the clashes.")
    assert blamed == [("112", "ARMGOV", "AZEGOV")], blamed


def test_an_accusation_about_someones_act_is_aimed_at_them(pipeline: Any) -> None:
    events = coded(pipeline, "The Kenyan opposition alleged that President William Ruto's campaign had bribed voters.")
    assert events == [("112", "KENOPP", "KENGOV")], events


def test_force_used_on_a_protest_is_used_on_the_protesters(pipeline: Any) -> None:
    # of the country the place or a nationality word names, or those who hold the protest
    assert coded(pipeline, "Kenyan police dispersed a rally in Nairobi on Monday.") == [("175", "KENCOP", "KENOPP")]
    assert coded(pipeline, "Zimbabwean police broke up an opposition march in Harare.") == [
        ("175", "ZWECOP", "ZWEOPP")]
    assert coded(pipeline, "Egypt banned a rally by the Muslim Brotherhood.") == [("1721", "EGYGOV", "EGYOPPMBR")]
    # a rally that is no protest: no protesters
    hosted = coded(pipeline, "Officials in Atlantic Beach, South Carolina, decided to host an annual biker rally.")
    assert not [c for c in hosted if c[2] and c[2].endswith("OPP")], hosted


def test_whoever_is_asked_to_act_is_the_target_of_the_appeal(pipeline: Any) -> None:
    # "lawmakers" takes its country from the story, and is still the one asked
    events = coded(pipeline, "BOISE, Idaho — The Idaho Human Rights Commission is urging lawmakers to pass the "
                             "resolution.")
    assert [c for c in events if c[0][:2] == "02" and c[2] == "USALEG"], events
    # an appeal named by a noun: "calls for Israel to accept" ask Israel
    calls = coded(pipeline, "Abbas reiterated calls for Israel to accept a two-state solution on Monday.")
    assert [c for c in calls if c[0][:2] == "02" and c[2] == "ISRGOV"], calls


def test_the_move_criticised_is_an_act_not_what_someone_said_about_it(pipeline: Any) -> None:
    events = coded(pipeline, "Turkey closed its border with Syria on Monday. The United Nations urged Turkey to "
                             "reopen it. France criticized the move on Tuesday.")
    assert [c for c in events if c[0] == "111"] == [("111", "FRAGOV", "TURGOV")], events


def test_a_request_or_an_offer_rejected_is_aimed_at_whoever_made_it(pipeline: Any) -> None:
    asked = coded(pipeline, "Ukraine asked the UN to send peacekeepers on Monday. Russia rejected the request on "
                            "Tuesday.")
    assert [c for c in asked if c[0][:2] == "12"] == [("120", "RUSGOV", "UKRGOV")], asked
    offered = coded(pipeline, "Iran offered to release the British sailors on Monday. Britain rejected the offer on "
                              "Tuesday.")
    assert [c for c in offered if c[0][:2] == "12"] == [("127", "GBRGOV", "IRNGOV")], offered


def test_a_passive_joined_to_an_active_verb_is_done_to_its_subject(pipeline: Any) -> None:
    """"The man ran from the scene and was arrested by police": the man is arrested."""
    arrested = coded(pipeline, "DALLAS, Texas — The man ran from the scene and was arrested by police.")
    assert ("173", "USACOP", "USACRM") in arrested, arrested


def test_whom_one_refuses_to_join_is_the_target_and_a_refusal_is_one_record(pipeline: Any) -> None:
    joined = coded(pipeline, "MOSCOW — The new mayor refused to join United Russia on Monday.")
    assert [c for c in joined if c[0][:2] == "12" and c[2] == "RUSGOVURS"], joined
    met = coded(pipeline, "Iran refused to meet Trump on Monday.")
    assert [c[0][:2] for c in met] == ["12"], met


def test_an_agreement_or_refusal_governing_an_act_only_promised_stays_the_record(pipeline: Any) -> None:
    """"agreed to offer another aid package": the offer is only promised, so the agreement is not its twin."""
    agreed = coded(pipeline, "The German government has agreed to offer another large aid package to artists.")
    assert [c for c in agreed if c[0] == "030"], agreed


def test_a_country_named_as_a_side_is_its_state(pipeline: Any) -> None:
    """"Germany banned Iranian airline Mahan Air": the German government, against an Iranian firm; a place standing
    in for its country keeps the bare country, for no one there acted."""
    banned = coded(pipeline, "Germany on Monday banned Iranian airline Mahan Air from flying in the European nation.")
    assert ("172", "DEUGOV", "IRNBUS") in banned, banned
    alleged = coded(pipeline, "Saudi Arabia and the United States have alleged Iranian involvement in the attack.")
    assert {c[1] for c in alleged if c[0].startswith("112")} == {"SAUGOV", "USAGOV"}, alleged
    assert {c[2] for c in alleged if c[0].startswith("112")} == {"IRNGOV"}, alleged
    bombed = coded(pipeline, "Russian warplanes bombed a base in Idlib on Monday.")
    assert [c for c in bombed if c[1] == "RUSMIL" and c[2] == "SYR"], bombed


def test_police_shooting_at_no_one_named_is_an_assault_not_combat(pipeline: Any) -> None:
    """Police do not fight wars: a trooper opening fire is an assault (182); in a protest, repression (175). A live
    round is no artillery."""
    trooper = coded(pipeline, "COLUMBIA, S.C. — A state trooper opened fire when the car came toward him, "
                              "authorities said Tuesday.")
    assert [c[0] for c in trooper if c[1] == "USACOP"] == ["182"], trooper
    protest = coded(pipeline, "HONG KONG — Police fired a live round at the crowd during Tuesday's protest.")
    assert [c[0] for c in protest if c[1] == "HKGCOP"] == ["175"], protest
    troops = coded(pipeline, "Syrian troops fired shots into the village on Tuesday.")
    assert [c[0] for c in troops if c[1] == "SYRMIL"] == ["193"], troops
    # force aimed at a protest to break it up is the repression itself, not only a plan to break it up
    teargas = coded(pipeline, "Zimbabwean police in the capital Harare have fired teargas to break up protests "
                              "against the country's worsening economic crisis.")
    assert [c for c in teargas if c[0] == "175" and c[1] == "ZWECOP"], teargas


def test_a_police_cordon_is_no_blockade_unless_around_a_protest(pipeline: Any) -> None:
    """A police cordon or standoff is a step of an investigation or an arrest (no event an analyst counts); a SWAT
    team is police. Police surrounding protesters lay siege (191)."""
    cordon = coded(pipeline, "OZARK, Ala. — Ozark police cordoned off Ozark Dodge on Monday to investigate the death "
                             "of Rufus Church.")
    assert not [c for c in cordon if c[0] == "191"], cordon
    standoff = coded(every_event(pipeline), "LOS ANGELES — SWAT officers surrounded the home on Monday.")
    assert [c[1] for c in standoff if c[0] == "191"] == ["USACOP"], standoff
    assert not [c for c in coded(pipeline, "LOS ANGELES — SWAT officers surrounded the home on Monday.")
                if c[0] == "191"]
    siege = coded(pipeline, "HONG KONG — Police surrounded the university where protesters were holed up on Monday.")
    assert [c for c in siege if c[0] == "191" and c[1] == "HKGCOP"], siege


def test_a_visit_to_a_place_is_to_its_countrys_state(pipeline: Any) -> None:
    """"made an official visit to Prague": the host is the Czech state, not a town."""
    visit = coded(pipeline, "JERUSALEM — Peres made an official visit to Prague on Monday, where he met with the "
                            "president of the Czech Republic.")
    assert [c[2] for c in visit if c[0] == "042"] == ["CZEGOV"], visit


def test_a_nation_named_with_the_is_its_state_in_talk_and_its_people_under_force(pipeline: Any) -> None:
    """"offered the Russians a deal": Russia's state; "killed the Palestinians": people. A place where something
    was said ("in Washington, where lawmakers expressed outrage") is no target."""
    coder = every_event(pipeline)
    offer = coded(coder, "Obama offered the Russians a deal on missile defense.")
    assert [c[2] for c in offer if c[0].startswith("05")] == ["RUSGOV"], offer
    killed = coded(coder, "Israeli forces killed the Palestinians on Monday.")
    assert [c[2] for c in killed if c[0][:2] == "19"] == ["PSECVL"], killed
    outrage = coded(coder, "Hawk Sawyer testified before the Senate Judiciary Committee in Washington, where "
                           "lawmakers expressed outrage over the security breakdown.")
    assert [c for c in outrage if c[0][:2] == "11" and c[2] is None], outrage


def test_a_state_body_arresting_an_official_of_its_own_state_has_a_target(pipeline: Any) -> None:
    """"The EFCC arrested the governor": both are Nigeria's government, but the governor is the one arrested; a
    government defending its own decision acts on no one."""
    coder = every_event(pipeline)
    arrested = coded(coder, "LAGOS — The Economic and Financial Crimes Commission (EFCC) arrested the governor on "
                            "Monday. The EFCC charged him with fraud on Tuesday.")
    assert ("173", "NGAGOV", "NGAGOV") in arrested and [c for c in arrested if c[0] == "1121" and c[1] == "NGAGOV"], \
        arrested
    defended = coded(coder, "WASHINGTON — The government defended its decision on Monday.")
    assert [c[2] for c in defended] == [None], defended


def test_aid_pledged_to_no_one_named_goes_to_the_state_of_the_country_the_story_is_in(pipeline: Any) -> None:
    text = ("A cyclone flattened villages along the coast of Myanmar on Sunday. Rescue teams reached Yangon on "
            "Monday. Japan pledged 5 million dollars in emergency assistance.")
    pledges = [e for e in run(pipeline, text, "2019-05-07").events if e.cameo.startswith("033")]
    assert [(e.source.code, e.target.code if e.target else None) for e in pledges] == [("JPNGOV", "MMRGOV")]
    # a business offering food gives no aid to any state
    shop = run(every_event(pipeline), "Floods hit Myanmar on Sunday. A Japanese shop offered free food to families.",
               "2019-05-07").events
    assert not [e for e in shop if e.target is not None and e.target.code == "MMRGOV"]


def test_an_attack_named_as_the_subject_of_its_harm_is_one_record_of_its_author(pipeline: Any) -> None:
    """"An air strike by Saudi jets killed 20 people": one act, the strike, by the Saudi military on the dead."""
    coder = every_event(pipeline)
    strike = run(coder, "An air strike by Saudi jets on Monday killed 20 people in Yemen.").events
    assert [(e.cameo, e.source.code, e.target.code if e.target else None) for e in strike
            if e.cameo_root == "19"] == [("195", "SAUMIL", "YEMCVL")]
    bombing = run(coder, "A suicide bombing by the Taliban killed 12 soldiers in Kabul on Monday.").events
    assert [(e.cameo, e.source.code, e.target.code if e.target else None) for e in bombing
            if e.cameo_root in ("18", "19")] == [("1831", "AFGREBTAL", "AFGMIL")]


def test_a_participle_that_tells_who_did_an_act_names_its_author(pipeline: Any) -> None:
    coded_ = run(every_event(pipeline), "Palestinian women attended a protest held by the Islamic Jihad movement in "
                                        "Gaza on Monday.").events
    assert [e.source.code for e in coded_ if e.cameo_root == "14"] == ["PSEREBPIJ"]
    # a go-between is no party to the deal
    deal = run(every_event(pipeline), "A deal between the EU and Libya, mediated by Qatar, ended the standoff on "
                                      "Monday.").events
    assert not [e for e in deal if e.cameo == "057" and e.source.code == "QATGOV"]


def test_an_attack_on_a_place_and_the_killing_it_did_are_one_record_of_the_killed(pipeline: Any) -> None:
    events = run(every_event(pipeline), "Taliban fighters attacked a checkpoint in Kunduz on Monday, killing seven "
                                        "soldiers.").events
    assert [(e.source.code, e.target.code if e.target else None) for e in events if e.cameo_root == "19"] == [
        ("AFGREBTAL", "AFGMIL")]


def test_a_blockade_beside_a_protest_keeps_its_own_record(pipeline: Any) -> None:
    """Only force merges with a twin that names whom it hit: "blocked Rustaveli Avenue, ... chanting" keeps the
    obstruction (144) beside the demonstration."""
    from eventwire.ingest import read_article
    from tests.conftest import EXAMPLES

    result = pipeline.run(read_article(EXAMPLES / "protest_tbilisi.txt", published="2024-04-16"))
    assert [e for e in result.events if e.cameo == "144" and e.evidence.trigger == "blocked"]


def test_members_singled_out_after_the_act_are_the_subjects_own_not_its_targets(pipeline: Any) -> None:
    """"Armed opposition groups objected ..., most notably the Justice and Equality Movement": armed groups are
    rebels, and the movement named is one of them, not whom they objected to."""
    events = run(every_event(pipeline), "Armed opposition groups in Darfur objected to the Egyptian deployment on "
                                        "Monday, most notably the Justice and Equality Movement and the Sudan "
                                        "Liberation Army.").events
    objections = [(e.source.code, e.target.code if e.target else None) for e in events if e.cameo == "110"]
    assert objections == [("SDNREB", "EGYGOV")], objections


def test_people_killed_with_no_country_of_their_own_are_of_the_place(pipeline: Any) -> None:
    """The US military telling of a Mosul bombing does not make its dead American."""
    events = run(every_event(pipeline), "A car bomb exploded in a Mosul market on Monday. The U.S. military confirmed "
                                        "the attack but said six people were killed and 11 were wounded.").events
    assert [e.target.code for e in events if e.evidence.trigger == "killed" and e.target] == ["IRQCVL"]


def test_a_person_addressed_by_officials_coded_alike_is_the_target(pipeline: Any) -> None:
    implored = coded(pipeline, "COLUMBIA, S.C. — Mayors of the state's largest cities implored Governor Mark "
                               "Sanford to take the federal money.")
    assert ("020", "USAGOV", "USAGOV") in implored, implored
    # a description beside a name may be that person: the visit is to Russia, not to the king
    visit = coded(every_event(pipeline), "Vladimir Putin has hosted Saudi King Salman for talks at the Kremlin, "
                                         "in the first official visit to Russia by a reigning Saudi monarch.")
    assert ("042", "SAUGOV", "SAUGOV") not in visit, visit


def test_a_protest_told_in_a_city_and_in_its_state_is_one_record(pipeline: Any) -> None:
    events = run(pipeline, "INDIANAPOLIS — Several thousand teachers rallied at the Statehouse on Tuesday to demand "
                           "better pay from lawmakers. The union-organized rally was Indiana's biggest such teacher "
                           "protest in years.").events
    protests = [(e.evidence.trigger, e.place.name if e.place else None) for e in events if e.cameo_root == "14"]
    assert len(protests) == 1, protests


def test_an_act_told_in_the_headline_and_the_lead_is_one_record(pipeline: Any) -> None:
    """"lawmakers" and "legislators" are one legislature: one act, though the words differ."""
    events = run(pipeline, "Connecticut lawmakers consider apologizing for slavery. HARTFORD — Connecticut "
                           "legislators are considering making their state the first in New England to apologize "
                           "for slavery.").events
    considering = [(e.evidence.trigger, e.source.text) for e in events if e.cameo == "014"]
    assert len(considering) == 1, considering


def test_a_state_body_the_source_calls_its_own_is_no_target(pipeline: Any) -> None:
    withdrawn = coded(pipeline, "Nigeria said on Monday it will withdraw its peacekeeping force from Chad.")
    assert {target for _, _, target in withdrawn} == {"TCDGOV"}, withdrawn
    # people it addresses are the target all the same
    urged = coded(pipeline, "Singapore has urged its residents not to travel to Victoria.")
    assert ("020", "SGPGOV", "SGPCVL") in urged, urged


def test_the_sources_own_country_named_by_a_things_adjective_is_no_target(pipeline: Any) -> None:
    """"closed Italian ports to rescue ships": Italy's government does not act on itself."""
    text = "ROME (AP) — Italy's Interior Minister Matteo Salvini closed Italian ports to migrant rescue ships."
    events = coded(pipeline, text)
    assert events and not [e for e in events if e[1] == e[2]], events


def test_a_body_the_source_calls_its_own_is_no_second_target(pipeline: Any) -> None:
    """"recalled its ambassador from Canada": one recall from Canada, not also one of an ambassador the sentence's
    country made Canadian."""
    events = coded(pipeline, "The Philippines recalled its ambassador from Canada over a garbage dispute.")
    assert events == [("161", "PHLGOV", "CANGOV")], events
