"""Write gold.jsonl for the world7 set from the annotations below.

Offsets are found from the quotation strings (each searched after the previous one in its
article), never from the extractor. Run from the repository root:
    python eval/attribution/world7/make_gold.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from gold_from_quotes import Gold, R, U, write_gold  # noqa: E402

# article -> [(quote, speaker, source_span, unresolved, cue)]
GOLD: Gold = {
    "801_us_local_break_ins": [
        ("We've lived here 19 years and never once thought about it,", "Doreen Vasquez-Holt",
         "Doreen Vasquez-Holt", R, "said"),
        ("Now I lie awake listening for the door.", "Doreen Vasquez-Holt",
         "Doreen Vasquez-Holt", R, "said"),
        ("You can replace a saw. You can't replace that,", "Raymond Vasquez-Holt", "he", R,
         "said"),
        ("We believe this is the same individual or individuals, based on the method of entry,",
         "Lyle Parmenter", "Parmenter", R, "said"),
        ("We'd ask residents to keep garage doors closed and report anything out of the "
         "ordinary.", "Lyle Parmenter", "Parmenter", R, "said"),
        ("It went around three, four times. I wrote down part of the plate,",
         "A neighbor who asked not to be named", "the neighbor", U, "said"),
        ("The safety of our residents is our first priority,",
         "Birchwood Estates Homeowners Association", "the letter", R, "said"),
        ("Folks are scared, and I don't blame them,", "Gary Tillotson", "Tillotson", R,
         "said"),
    ],
    "802_ent_wire_split": [
        ("They have decided to part ways amicably and remain close friends,",
         "a rep for the actor", "a rep for the actor", U, "told Starline Weekly"),
        ("They ask for privacy at this time.", "a rep for the actor", "a rep for the actor",
         U, "told Starline Weekly"),
        ("focused on her music and her family.", "A spokesperson for Quintero",
         "A spokesperson for Quintero", U, "adding"),
        ("Long distance is hard. Anyone who tells you otherwise is lying,", "Dex Halloran",
         "he", R, "said"),
        ("anyone who's starting over.", "Marisol Quintero", "she", R, "dedicated a song to"),
        ("a long time coming.", "A source close to the singer", "A source close to the singer",
         U, "told Starline Weekly"),
        ("Marisol was always on the road, and Dex was filming in Vancouver,",
         "A source close to the singer", "the source", U, "said"),
        ("Nobody did anything wrong.", "A source close to the singer", "the source", U,
         "said"),
        ("Dex isn't going to comment further, and we'd ask everyone to respect that,",
         "Tamsin Okoye", "Okoye", R, "said"),
        ("We love you, Marisol, always,", "Static Society", "the group", R, "wrote"),
    ],
    "803_uk_pmqs_sketch": [
        ("Will the Prime Minister tell the House how many ducks must move in before his "
         "Government fills a single hole?", "Harriet Quayle", "she", R, "asked"),
        ("I am grateful to the Hon. Lady for her interest in wildlife,", "Alistair Penrose",
         "he", R, "replied"),
        ("This Government has given councils a record sum for road repairs.",
         "Alistair Penrose", "he", R, "replied"),
        ("A record sum,", "Harriet Quayle", "she", R, "repeated"),
        ("and a record number of ducks.", "Harriet Quayle", "she", R, "repeated"),
        ("It will reach every part of this United Kingdom,", "Alistair Penrose",
         "the Prime Minister", R, "replied"),
        ("Then it's taking the scenic route,", "Duncan Farquhar", "Mr Farquhar", R,
         "shouted"),
        ("not our finest half hour.", "One Conservative backbencher",
         "One Conservative backbencher", U, "said"),
        ("every confidence", "A Downing Street spokesman", "A Downing Street spokesman", U,
         "insisted"),
        ("Potholes are a matter for local authorities,", "A Downing Street spokesman",
         "the spokesman", U, "said"),
    ],
    "804_ie_gaa_column": [
        ("The legs tell me one thing and the head tells me another,", "Seánie Ó Murchú", "he",
         R, "says"),
        ("The head usually wins, and then the legs send me the bill on Wednesday.",
         "Seánie Ó Murchú", "he", R, "says"),
        ("He minds me like I'm the one who's old,", "Cathal Ó Murchú", "Cathal", R, "laughs"),
        ("I tell him he is the one who's old.", "Cathal Ó Murchú", "Cathal", R, "laughs"),
        ("If they're going well in training, they play. Age has nothing to do with it,",
         "Pádraig Nestor", "Nestor", R, "says"),
        ("Seánie has been our best man three weeks running.", "Pádraig Nestor", "Nestor", R,
         "says"),
        ("We have a fixtures calendar to respect, and every club is in the same boat,",
         "the county board", "the board", R, "said in a statement"),
        ("Three games in 15 days for amateurs with jobs and families. It's madness,",
         "Pádraig Nestor", "he", R, "says"),
        ("When Darragh can take a puck-out over my head, I'll stop,", "Seánie Ó Murchú", "he",
         R, "says"),
    ],
    "805_trade_chip_startup": [
        ("Copper has had a great run. It is simply out of headroom at these bandwidths,",
         "Irene Szabo-Reyes", "Irene Szabo-Reyes", R, "said in an interview"),
        ("Our customers are telling us the wall is two product cycles away, not five.",
         "Irene Szabo-Reyes", "Irene Szabo-Reyes", R, "said in an interview"),
        ("We have working silicon in the lab. Working silicon in a customer's rack is a "
         "different animal,", "Tomas Szabo-Reyes", "he", R, "said"),
        ("We are not going to promise a date we can't hit.", "Tomas Szabo-Reyes", "he", R,
         "said"),
        ("the most credible roadmap of the startups we track,", "Priya Ramanathan",
         "Priya Ramanathan", R, "said"),
        ("Photonics companies live and die on yield,", "Priya Ramanathan", "she", R, "said"),
        ("Irene and Tomas are the first team we met who talk about manufacturing before they "
         "talk about physics,", "Howard Lindqvist", "Lindqvist", R, "said"),
        ("If Heron slips, it slips by weeks, not quarters,", "Tomas Szabo-Reyes", "he", R,
         "said"),
    ],
    "806_za_court_interpreter": [
        ("since he was a small boy.", "Nomvula Khumalo", "Nomvula Khumalo", R, "said"),
        ("I was selling oranges. He walked past my table and greeted me. Then I heard the gun,",
         "Nomvula Khumalo", "she", R, "told the court"),
        ("You could not have seen his face from where you were standing, could you?",
         "Ruan Steenkamp", "Steenkamp", R, "asked"),
        ("I know that face. I have known it for twenty years,", "Nomvula Khumalo", "Khumalo",
         R, "replied through the interpreter"),
        ("Nobody told me anything. I came here because I saw it,", "Nomvula Khumalo", "she", R,
         "said"),
        ("The State is confident in its case,", "Thandeka Zulu",
         "NPA regional spokesperson Thandeka Zulu", R, "said"),
        ("We are tired, but we will come every day,", "Zanele Mthethwa", "Zanele", R, "said"),
    ],
}


def main() -> None:
    """Write gold.jsonl from GOLD."""
    print(write_gold(HERE, GOLD), "quotations")


if __name__ == "__main__":
    main()
