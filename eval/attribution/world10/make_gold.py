"""Write gold.jsonl for the world10 set from the annotations below.

Offsets are found from the quotation strings (each searched after the previous one in its
article), never from the extractor. Run from the repository root:
    python eval/attribution/world10/make_gold.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from gold_from_quotes import Gold, R, U, write_gold  # noqa: E402

# article -> [(quote, speaker, source_span, unresolved, cue)]
GOLD: Gold = {
    "1101_science_study": [
        ("The difference was about two years of biological age for every decade of night "
         "work,", "Freya Halvorsen", "Dr Freya Halvorsen, an epidemiologist at Tarland and "
         "the study's lead author", R, "said"),
        ("That's not trivial. It's roughly what we see with heavy smoking.", "Freya Halvorsen",
         "Dr Freya Halvorsen", R, "said"),
        ("People who stay on nights for ten years may be different in other ways. We tried to "
         "account for that, but we can't rule it out,", "Freya Halvorsen", "she", R, "said"),
        ("add to a growing body of evidence that circadian disruption carries long-term costs",
         "The authors", "The authors", U, "wrote"),
        ("careful and well-designed", "Martin Ekwueme", "Professor Martin Ekwueme", R,
         "called it"),
        ("Biological clocks of this kind are still a young science. I'd want to see whether "
         "these changes actually predict illness before drawing conclusions,",
         "Martin Ekwueme", "he", R, "said"),
        ("Nobody is suggesting we stop staffing hospitals at night,", "Lars Brink", "Brink", R,
         "said"),
        ("But we can rotate people out of nights more often.", "Lars Brink", "Brink", R,
         "said"),
        ("for years", "Nursing Federation of Denmark", "The Nursing Federation of Denmark", R,
         "said in a statement"),
    ],
    "1102_horse_racing": [
        ("I've been coming here since I was a boy, and I never thought I'd stand in this "
         "spot,", "Des Maguire", "the Tipperary handler", R, "said"),
        ("This is for everyone at home who kept the faith.", "Des Maguire",
         "the Tipperary handler", R, "said"),
        ("He travelled so well I had to keep telling myself not to go too early,",
         "Aoife Kinsella", "the jockey", R, "said"),
        ("When I asked him at the last, he just took off.", "Aoife Kinsella", "the jockey", R,
         "said"),
        ("serious money", "Ciarán Maguire", "Maguire's son, Ciarán Maguire", R, "said"),
        ("Dad wouldn't hear of it. He said that horse was going to Cheltenham, and that was "
         "the end of the conversation,", "Ciarán Maguire", "he", R, "said"),
        ("We had no excuses. The winner was the best horse on the day,", "Harriet Crane",
         "she", R, "said"),
        ("It was a bit dead for him in the last half-mile,", "Tom Easterby", "Easterby", R,
         "said"),
        ("Silver Harbour was the people's horse from Tuesday morning,",
         "a spokesman for Betline", "a spokesman for Betline", U, "said"),
        ("We've taken a bath.", "a spokesman for Betline", "a spokesman for Betline", U,
         "said"),
    ],
    "1103_school_board": [
        ("I grew up three blocks from Lincoln. This is not a vote I wanted to take,",
         "Dana Okafor", "Okafor", R, "said"),
        ("But we are spending money on an empty building that should be spent on teachers.",
         "Dana Okafor", "Okafor", R, "said"),
        ("You are taking away the one thing in this neighborhood that works,", "Rosa Delgado",
         "Rosa Delgado, whose two children attend the school", R, "said"),
        ("Where are our kids supposed to go? Across a highway?", "Rosa Delgado",
         "Rosa Delgado", R, "said"),
        ("I bought my house because of Lincoln,", "One father, holding his daughter on his hip",
         "he", U, "said"),
        ("You're telling me that was a mistake.", "One father, holding his daughter on his hip",
         "he", U, "said"),
        ("We are making a permanent decision on temporary numbers,", "Gary Whitfield",
         "Whitfield", R, "said"),
        ("No child will have to walk along Route 9. I can promise that,", "Lorraine Pak", "she",
         R, "said"),
        ("deeply disappointed", "Maple Grove Education Association",
         "The Maple Grove Education Association, the teachers union", R, "said"),
    ],
    "1104_obituary_musician": [
        ("He played until the very end. Last week he asked for his guitar and played for the "
         "nurses,", "Funmi Okonjo-Davies", "she", R, "said"),
        ("That was who he was.", "Funmi Okonjo-Davies", "she", R, "said"),
        ("I didn't know any chords. I just knew what I wanted to hear,", "Bertie Okonjo", "he",
         R, "told an interviewer"),
        ("The guitar had to catch up with my ears.", "Bertie Okonjo", "he", R,
         "told an interviewer"),
        ("Bertie would make you play a phrase fifty times. Then he would buy you dinner,",
         "Femi Adebayo", "Mr. Adebayo", R, "said"),
        ("Nobody left that band the same musician they joined.", "Femi Adebayo", "Mr. Adebayo",
         R, "said"),
        ("Every guitar line I love, I can trace back to Uncle Bertie. Rest well, sir.",
         "Temi Ade", "The Afrobeats singer Temi Ade", R, "wrote on Instagram"),
        ("Remember the songs. Forget the man. The man was always late,", "Bertie Okonjo", "he",
         R, "said"),
    ],
    "1105_business_filing": [
        ("working urgently to remedy the condition", "Harlow Motors", "The company", R,
         "said in the filing"),
        ("Customer safety is the only priority here, and we will not cut corners to save time "
         "or money,", "Sandra Voigt", "Chief Executive Sandra Voigt", R, "said in a statement"),
        ("This is a big number for a company that was just getting its margins back,",
         "Deepak Menon", "Deepak Menon, an analyst at Carrow Brothers", R, "wrote"),
        ("The question is whether the supplier pays for it.", "Deepak Menon", "Deepak Menon",
         R, "wrote"),
        ("Our components met every specification Harlow gave us,", "a Brennick spokeswoman",
         "a Brennick spokeswoman", U, "said"),
        ("It would be premature to put a final number on this today,", "Paul Lindgren",
         "Lindgren", R, "said"),
    ],
    "1106_sa_parliament": [
        ("We are turning the corner. By the end of winter you will see fewer hours of load "
         "shedding,", "Lindani Mokwena", "he", R, "said"),
        ("The minister has been turning the corner for six months. South Africans are still "
         "sitting in the dark,", "Craig Hendricks", "Hendricks", R, "said"),
        ("We will not sit here and listen to fairy tales,", "Mandla Zitha",
         "EFF leader Mandla Zitha", R, "told reporters"),
        ("Comrade Mokwena has been in the job for three months. Give him time,",
         "Pumla Ndlovu", "ANC chief whip Pumla Ndlovu", R, "said"),
        ("Every month I think I will close. Then I think of my three staff and I keep going,",
         "Thandi Nkosi", "Nkosi", R, "said"),
    ],
    "1107_bushfire_update": [
        ("spreading rapidly to the south-east", "Rural Fire Service", "The Rural Fire Service",
         R, "saying"),
        ("We had the eastern flank held at lunchtime. By two o'clock it had spotted a "
         "kilometre ahead of the front,", "Bronwyn Hale", "Commissioner Hale", R, "said"),
        ("If you are in Carrick Vale now, you need to shelter in a solid building.",
         "Bronwyn Hale", "Commissioner Hale", R, "said"),
        ("That will bring relief on the temperature, but for a couple of hours it will make "
         "the fire front much wider,", "A Bureau of Meteorology spokesperson",
         "the spokesperson", U, "said"),
        ("Every resource we have is going into this fire,", "Nick Savvas", "he", R,
         "told reporters"),
        ("I've lived through three fires in that house. This one sounded different. It "
         "sounded like a train,", "Kath Prentice", "she", R, "said"),
        ("He's stubborn. I hope he's all right.", "Kath Prentice", "she", R, "said"),
    ],
    "1108_tech_launch": [
        ("Apps were a great idea in 2008. They're a tax on your attention now,", "Imani Brooks",
         "co-founder and CEO Imani Brooks", R, "said onstage"),
        ("You say what you want. It does it. That's the whole interface,", "Theo Lindqvist",
         "he", R, "said"),
        ("We've seen this movie before. The demos are always magical; the first month with "
         "real users is not,", "Carla Mendes", "Carla Mendes, a principal analyst at Northgate "
         "Research", R, "said"),
        ("When it books the wrong table, what happens? That's the product,", "Carla Mendes",
         "she", R, "told Whosaid World Desk"),
        ("We have enough runway to ship this product and the next one,", "Theo Lindqvist",
         "Lindqvist", R, "said"),
        ("After that, the customers decide.", "Theo Lindqvist", "Lindqvist", R, "said"),
        ("We don't want your data. We want you to come back,", "Imani Brooks", "she", R,
         "said"),
    ],
    "1109_nigeria_efcc": [
        ("awarded to companies owned by associates of the defendants", "Dapo Olawale",
         "The agency's spokesman, Dapo Olawale", R, "said in a statement"),
        ("Investigation revealed that not one of the roads was completed, although the "
         "contractors were paid in full,", "Dapo Olawale", "the statement", R, "read"),
        ("a respected public servant who has never missed a court date", "Olumide Fasanya",
         "Mr. Olumide Fasanya, SAN", R, "describing him as"),
        ("My Lord, the defendants have the means and the connections to flee the "
         "jurisdiction,", "Abba Mohammed", "Mohammed", R, "told the court"),
        ("The sureties must be civil servants not below Grade Level 14 and must own landed "
         "property within Akure,", "Folake Ayeni", "the judge", R, "ruled"),
        ("fully confident of his innocence", "Olumide Fasanya", "Fasanya", R, "said"),
    ],
}


def main() -> None:
    """Write gold.jsonl from GOLD."""
    print(write_gold(HERE, GOLD), "quotations")


if __name__ == "__main__":
    main()
