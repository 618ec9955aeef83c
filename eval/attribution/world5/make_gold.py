"""Write gold.jsonl for the world5 set from the annotations below.

Offsets are found from the quotation strings (each searched after the previous one in its
article), never from the extractor. Run from the repository root:
    python eval/attribution/world5/make_gold.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from gold_from_quotes import Gold, R, U, write_gold  # noqa: E402

# article -> [(quote, speaker, source_span, unresolved, cue)]
GOLD: Gold = {
    "601_uk_towed_car": [
        ("like a criminal on my own doorstep", "Kerry Bramwell", "A furious mum-of-two", R,
         "says"),
        ("I ran out in my slippers with a towel over my shoulder, shouting at them to stop,",
         "Kerry Bramwell", "the 34-year-old", R, "said"),
        ("They just looked at me and carried on.", "Kerry Bramwell", "the 34-year-old", R,
         "said"),
        ("There was no sign, no letter, nothing,", "Kerry Bramwell", "she", R, "said"),
        ("I've parked in that same spot for six years.", "Kerry Bramwell", "she", R, "said"),
        ("Kerry's car was already there. They painted round it, then came back and took it,",
         "Sandra Bramwell", "Sandra", R, "said"),
        ("It's a disgrace. They want the money, simple as that,", "Pat Gorringe", "she", R,
         "told the Echo"),
        ("Parking restrictions on Hollinwood Road were advertised in line with legal "
         "requirements. Anyone who believes a penalty was issued in error can appeal.",
         "A Stallbridge Borough Council spokesman", "A Stallbridge Borough Council spokesman",
         U, "said"),
        ("told to wait 24 hours", "a source at the council", "a source at the council", U,
         "told the Echo"),
        ("Somebody jumped the gun, and everyone in the office knows it,",
         "a source at the council", "the source", U, "said"),
        ("I'm not doing this for the £285,", "Kerry Bramwell", "Kerry", R, "said"),
        ("I'm doing it because it could be anyone's mum next.", "Kerry Bramwell", "Kerry", R,
         "said"),
        ("Residents should never find out about a restriction by watching their car "
         "disappear,", "Raj Dhillon", "Cllr Dhillon", R, "said"),
    ],
    "602_au_league_report": [
        ("We were dead and buried, and the boys just refused to accept it,", "Darren Haskell",
         "Reef Cats coach Darren Haskell", R, "said"),
        ("That's the proudest I've been of a group in 20 years of coaching.",
         "Darren Haskell", "Reef Cats coach Darren Haskell", R, "said"),
        ("I wasn't thinking about the misses. Hask told me at half-time to back myself, so I "
         "did,", "Jayden Tuimavave", "he", R, "said"),
        ("There were two forward passes in that last try you could see from the moon,",
         "Brent Mallory", "Mallory", R, "told reporters"),
        ("But we shouldn't have been in that position. That's on us.", "Brent Mallory",
         "Mallory", R, "told reporters"),
        ("We'll review it. I'm not going to sit here and blame the referee,", "Luke Mallory",
         "the coach", R, "said"),
        ("When they started singing with ten minutes to go, you could feel it on the field. "
         "That's what this club is about.", "Sione Havili", "Reef Cats captain Sione Havili",
         R, ""),
        ("assessed in the usual way on Sunday", "A league spokeswoman", "A league spokeswoman",
         U, "said"),
        ("He's tough as teak, Tevita. He'll want to play next week but we'll be smart about "
         "it,", "Darren Haskell", "the coach", R, "said"),
        ("We've got to win. Simple as that,", "Brent Mallory", "the Gulls skipper", R, "said"),
    ],
    "603_us_earnings_call": [
        ("We are not going to pretend this was the quarter we wanted,", "Megan Aldridge",
         "Chief Executive Megan Aldridge", R, "said on a call with analysts"),
        ("Consumers are trading down, and cocoa is costing us more than at any point in our "
         "94-year history.", "Megan Aldridge", "Chief Executive Megan Aldridge", R,
         "said on a call with analysts"),
        ("We've locked in a meaningful portion, but not at prices we'd call comfortable,",
         "Paul Aldridge", "he", R, "said"),
        ("mid-single-digit", "Megan Aldridge", "Ms. Aldridge", R, "said"),
        ("Every lever is on the table, including the plant footprint.", "Paul Aldridge",
         "Mr. Aldridge", R, "added"),
        ("I'm not going to get ahead of a review that isn't finished,", "Megan Aldridge",
         "she", R, "said"),
        ("The guidance cut was bigger than anyone modeled, and the commentary on volumes was "
         "vague,", "Tamsin Rhee", "Tamsin Rhee", R, "wrote"),
        ("raised more questions than it answered.",
         "Another analyst, who asked not to be named because her firm does business with "
         "Larkspur", "Another analyst", U, "said"),
        ("Our balance sheet is strong, and returning cash to shareholders remains a priority,",
         "Larkspur Foods", "the statement", R, "said"),
        ("Our members read about this in the news, the same as everyone else,", "Dale Purcell",
         "Dale Purcell", R, "said"),
    ],
    "604_us_statehouse": [
        ("No one in this state should have to choose between insulin and rent,",
         "Renata Kowalczyk", "Del. Renata Kowalczyk", R, "said"),
        ("This is a question of whether we let people ration a drug they need to stay alive.",
         "Renata Kowalczyk", "Del. Renata Kowalczyk", R, "said"),
        ("There's no free lunch here. Insurers will make up that money somewhere, and it'll be "
         "small businesses that pay,", "Travis Quade", "Del. Travis Quade", R, "said"),
        ("before the crossover deadline, full stop.", "Marcus Whitfield", "Whitfield", R,
         "said in an interview"),
        ("We share the goal of affordability, but a mandate without a funding source is not a "
         "solution,", "Chesapeake Insurance Coalition", "the coalition", R,
         "said in written testimony"),
        ("Proud of @DelKowalczyk and the committee for getting this done. Annapolis is leading "
         "where Washington won't,", "Ellen Kowalczyk", "she", R, "wrote"),
        ("Every state that's done this has seen no measurable increase in premiums. None,",
         "Renata Kowalczyk", "Del. Kowalczyk", R, "said"),
        ("I ended up in the emergency room. That cost everyone a lot more than $30,",
         "a 19-year-old college student from Hagerstown with Type 1 diabetes",
         "a 19-year-old college student from Hagerstown", U, "said"),
    ],
    "605_in_tank_breach": [
        ("We told the AE three times since August that water was leaking from the bund. "
         "Nobody came,", "K. Venkata Ramana", "K. Venkata Ramana", R, "said"),
        ("Compensation will be paid as per the norms to every affected farmer. No one will be "
         "left out,", "P. Lakshmi Prasanna", "Ms. Lakshmi Prasanna", R, "told reporters"),
        ("The breach was caused by an unprecedented inflow of 2,400 cusecs after 180 mm of "
         "rain in the catchment. The bund was inspected in October,", "G. Suresh Babu", "he",
         R, "said"),
        ("If it was inspected, why were the sluice gates rusted shut?", "K. Venkata Ramana",
         "Mr. Venkata Ramana", R, "asked"),
        ("We have a copy of the resolution with the department's stamp on it,",
         "B. Padmavathi", "she", R, "said"),
        ("Officials who let this happen must be suspended, not transferred,", "Y. Rama Rao",
         "Mr. Rama Rao", R, "said"),
        ("The enumeration will begin on Monday and the list will be displayed at the gram "
         "panchayat office,", "M. Srinivasa Rao", "the RDO", R, "said"),
        ("The government has failed the farmers of Vellanki,", "Praja Vikasam Party",
         "the release", R, "said"),
    ],
    "606_sci_octopus_sleep": [
        ("Active sleep in octopuses shares striking features with REM sleep in mammals and "
         "birds,", "the authors", "the authors", U, "wrote"),
        ("This raises the possibility that the capacity for dream-like states evolved "
         "independently at least twice.", "the authors", "the authors", U, "wrote"),
        ("We were looking at camouflage. Then one night a graduate student noticed an animal "
         "going through its whole colour repertoire while completely still,",
         "Ingrid Halvorsen", "she", R, "said"),
        ("I thought the camera was broken,", "Tomás Echeverría", "he", R, "said"),
        ("I watched it for an hour before I called Ingrid.", "Tomás Echeverría", "he", R,
         "said"),
        ("It's a lovely study, but we should be careful with the word 'dream,'", "Priya Raman",
         "Priya Raman", R, "said"),
        ("What we can say is that the brain is replaying something. What it feels like, if "
         "anything, we can't know.", "Priya Raman", "Priya Raman", R, "said"),
        ("The paper says what it says, and nothing about crabs,", "Lars Eide", "Eide", R,
         "said"),
        ("supports curiosity-driven research, even when the results surprise us.",
         "Nordic Ocean Fund", "which", R, "said in a statement"),
        ("Skin is a window, but a blurry one,", "Ingrid Halvorsen", "she", R, "said"),
    ],
    "607_storm_flash_flood": [
        ("Please, if you do not have to be on the roads, stay home,",
         "Carrow County Sheriff's Office", "the sheriff's office", R,
         "said in a post on Facebook"),
        ("Turn around, don't drown.", "Carrow County Sheriff's Office", "the sheriff's office",
         R, "said in a post on Facebook"),
        ("The water came up faster than anything I've seen in 30 years,", "Roberta Vance",
         "Vance", R, "said"),
        ("We got to them with maybe a foot to spare.", "Roberta Vance", "Vance", R, "said"),
        ("This is a life-threatening situation. Move to higher ground now,",
         "Carrow Valley Weather Office", "the office", R, "warned"),
        ("We heard it before we saw it, a roar, like a train,", "Dolores Whitcomb",
         "Dolores Whitcomb", R, "said"),
        ("Stupid, probably. But everything I own is in that house,", "Ray Whitcomb", "he", R,
         "said"),
        ("They're just things. Everybody on this street got out, and that's all that matters,",
         "Curtis", "Curtis", R, "said"),
        ("We have cots, food and medical staff there, and we'll keep it open as long as we "
         "need to,", "Alan Pruitt", "he", R, "said"),
        ("It's too early to say, but I'd be surprised if we don't.", "Alan Pruitt", "he", R,
         "said"),
    ],
    "608_qa_luthier": [
        ("Every board has a history. I just try not to get in its way,", "Hollis Marchetti",
         "Marchetti", R, "said"),
        ("the warmest things I've ever put a microphone in front of.",
         "One customer, a session guitarist who has recorded with him for a decade",
         "One customer", U, "called"),
        ("Wood is for houses, not for music.", "Enzo Marchetti", "He", R, "used to say"),
        ("Dad, just build them.", "Gia Marchetti", "She", R, "tells"),
        ("People always ask about it. I tell them it used to be a cow shed,", "Gia Marchetti",
         "she", R, "said"),
    ],
    "609_analysis_four_day_week": [
        ("The office trials measured output per hour, and in knowledge work you can squeeze "
         "out meetings,", "Helen Obuya", "Helen Obuya", R, "says"),
        ("On a production line, the line runs at the speed it runs.", "Helen Obuya",
         "Helen Obuya", R, "says"),
        ("If I take a day off the week, I either hire 20% more people or I lose 20% of my "
         "output. There's no third option I've found.", "Marek Dvorak", "Marek Dvorak", R,
         "says"),
        ("The injury reports went up in the tenth hour. We stopped it after four months.",
         "Marek Dvorak", "He", R, ""),
        ("it is a question of who gets the gains from automation,",
         "Amalgamated Metalworkers' Federation", "the federation", R, "says"),
        ("A four-day week that means four ten-hour days is not a win for anyone whose back "
         "hurts at 3 p.m.,", "Sandra Kim", "Sandra Kim", R, "says"),
        ("Predictable shifts. Ask anyone on nights what they want, and it's knowing their "
         "schedule two weeks out.", "Sandra Kim", "Kim", R, "says"),
        ("Governments that want this will have to subsidise it at first, the way some did "
         "with short-time work in recessions,", "Helen Obuya", "Obuya", R, "argues"),
        ("a solution in search of a problem", "Jonas Feld", "Jonas Feld", R, "says"),
        ("Let firms compete for workers with whatever schedule they like. The good ones will "
         "figure it out,", "Jonas Feld", "he", R, "says"),
        ("We're piloting a nine-day fortnight in January,", "Marek Dvorak", "he", R, "says"),
        ("Ask me in a year.", "Marek Dvorak", "he", R, "says"),
    ],
    "610_court_appeal_ruling": [
        ("A public employee does not surrender her right to speak as a citizen because the "
         "subject of her speech is her job,", "Amara Nwosu", "Justice Amara Nwosu", R,
         "wrote"),
        ("Ms. Pettibone spoke at a public meeting, during the public comment period, as a "
         "parent and a taxpayer.", "Amara Nwosu", "Justice Amara Nwosu", R, "wrote"),
        ("blurred a line the Supreme Court drew with care.", "Howard Sayre",
         "Justice Howard Sayre", R, "wrote"),
        ("Ms. Pettibone's remarks concerned the curriculum she was assigned to teach. That is "
         "the core of her official duties.", "Howard Sayre", "He", R, "added"),
        ("The district continues to believe its decision was lawful and unrelated to any "
         "speech,", "Halvern Unified School District", "the district", R,
         "said in a statement"),
        ("relieved, mostly.", "Lorna Pettibone", "Pettibone", R, "said"),
        ("I never wanted to sue anybody. I wanted to be able to say what I thought about a "
         "reading list,", "Lorna Pettibone", "she", R, "said in a phone interview"),
        ("more than we'd like to admit", "Glen Pettibone", "Glen Pettibone", R, "said"),
        ("a clear statement that teachers are citizens too.", "Daniel Okonkwo",
         "Daniel Okonkwo", R, "called"),
        ("We look forward to trying it,", "Daniel Okonkwo", "Okonkwo", R, "said"),
    ],
}


def main() -> None:
    """Write gold.jsonl from GOLD."""
    print(write_gold(HERE, GOLD), "quotations")


if __name__ == "__main__":
    main()
