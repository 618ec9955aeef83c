"""Write gold.jsonl for the world8 set from the annotations below.

Offsets are found from the quotation strings (each searched after the previous one in its
article), never from the extractor. Run from the repository root:
    python eval/attribution/world8/make_gold.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from gold_from_quotes import Gold, R, U, write_gold  # noqa: E402

# article -> [(quote, speaker, source_span, unresolved, cue)]
GOLD: Gold = {
    "901_us_senate_interview": [
        ("I can't go home and tell people in Tucumcari that their train is a line item someone "
         "forgot,", "Marisol Quintero", "Quintero", R, "said in an interview"),
        ("That's not a negotiating position. That's a promise I made.", "Marisol Quintero",
         "Quintero", R, "said in an interview"),
        ("open to conversations", "A senior White House official",
         "A senior White House official", U, "said"),
        ("This isn't a red or blue thing,", "Marisol Quintero", "she", R, "said"),
        ("Every one of us has a town that grew up around a depot.", "Marisol Quintero", "she",
         R, "said"),
        ("Marisol's right that the routes matter,", "Dale Whitcomb", "Whitcomb", R, "said"),
        ("Whether this is the bill to fix it, I'm not sure yet.", "Dale Whitcomb", "Whitcomb",
         R, "said"),
        ("remains committed to service in every region of the country.",
         "Transportation Department", "The Transportation Department", R,
         "said in a statement"),
        ("Cutting these trains cuts jobs in places that don't have many left,", "Rhonda Biggs",
         "Rhonda Biggs, president of the Rail Crafts Council", R, "said"),
    ],
    "902_hospital_strike": [
        ("Our members are exhausted, and they are frightened for their patients,",
         "Tamsin Rourke", "Tamsin Rourke, the union's regional organiser", R, "said"),
        ("Nobody takes this step lightly.", "Tamsin Rourke",
         "Tamsin Rourke, the union's regional organiser", R, "said"),
        ("disappointed", "Ashgrove Hospitals Trust", "The Ashgrove Hospitals Trust", R, "said"),
        ("We have recruited 140 nurses this year and we are continuing to recruit,",
         "Neil Farrant", "Dr Neil Farrant, the trust's chief executive", R, "said"),
        ("We would urge the union to come back to the table.", "Neil Farrant",
         "Dr Neil Farrant, the trust's chief executive", R, "said"),
        ("You eat a biscuit standing up at the nurses' station and call it lunch,",
         "One nurse on a surgical ward", "she", U, "said"),
        ("Patients will pay the price for this,", "Gordon Pyle", "its chair, Gordon Pyle", R,
         "said"),
    ],
    "903_env_river_report": [
        ("up to nine times higher", "The report", "The report", U,
         "found"),
        ("We expected to find plastics. We did not expect to find them everywhere we looked,",
         "Priya Nandakumar", "Dr Priya Nandakumar, the report's lead author", R, "said"),
        ("There was no clean sample. Not one.", "Priya Nandakumar",
         "Dr Priya Nandakumar, the report's lead author", R, "said"),
        ("The source is in our homes as much as in any factory,",
         "the report", "the report", U, "said"),
        ("We take our environmental responsibilities seriously and will study the report in "
         "detail,", "a company spokeswoman", "a company spokeswoman", U, "said"),
        ("It's careful work, but I'd want to see samples from further upstream before pointing "
         "at one outflow,", "Alan Gresley", "he", R, "said"),
    ],
    "904_nz_council_vote": [
        ("This was never going to please everyone,", "Helen Fairweather", "Mayor Fairweather",
         R, "said"),
        ("But the town voted for safer streets, and this is what safer streets look like.",
         "Helen Fairweather", "Mayor Fairweather", R, "said"),
        ("I support cycling. I don't support writing a blank cheque,", "Rob Fairweather",
         "Cr Rob Fairweather", R, "said"),
        ("If we turn it down now, that money goes to another district,", "Anahera Tipene",
         "she", R, "said"),
        ("Bikes stop for coffee. Trucks don't,", "Mere Walsh", "she", R, "said"),
        ("He's entitled to that, and I'll make the case again,", "Helen Fairweather", "she", R,
         "said"),
    ],
    "905_bw_merger": [
        ("Together we will have the scale to compete in every aisle of the store,",
         "Halden Foods Inc. and Pelican Brands Co.", "the companies", R, "said"),
        ("Pelican's brands have grown faster than the market for five straight years, and "
         "Halden gives them a national stage,", "Laura Mendes", "Mendes", R, "said"),
        ("This is about growth first and savings second,", "Craig Osterberg", "Osterberg", R,
         "said on a call with analysts"),
        ("We are not buying Pelican to shrink it.", "Craig Osterberg", "Osterberg", R,
         "said on a call with analysts"),
        ("The savings look achievable, but integration in packaged food has a poor record,",
         "Nadia Korhonen", "Nadia Korhonen, an analyst at Brightwater Securities", R, "said"),
    ],
    "906_feature_spelling_bee": [
        ("I like the words that don't play fair,", "Lily Brennan", "Lily", R, "said"),
        ("Like 'rhythm.' Where are the vowels supposed to go?", "Lily Brennan", "Lily", R,
         "said"),
        ("I went out on 'separate,'", "Joanne Brennan", "Joanne", R, "said"),
        ("I still can't spell it without thinking.", "Joanne Brennan", "Joanne", R, "said"),
        ("She's tougher than I was,", "Joanne Brennan", "Joanne", R, "said"),
        ("When she misses one, she writes it out fifty times.", "Joanne Brennan", "Joanne", R,
         "said"),
        ("She'd come in with pages of words she'd gotten wrong the day before,",
         "Martin Oduya", "he", R, "said"),
        ("Most kids hide their mistakes. Lily collects them.", "Martin Oduya", "he", R,
         "said"),
        ("If I lose, I lose on a hard word,", "Lily Brennan", "she", R, "said"),
        ("That's okay.", "Lily Brennan", "she", R, "said"),
        ("A trampoline,", "Caleb", "Caleb", R, "said"),
    ],
}


def main() -> None:
    """Write gold.jsonl from GOLD."""
    print(write_gold(HERE, GOLD), "quotations")


if __name__ == "__main__":
    main()
