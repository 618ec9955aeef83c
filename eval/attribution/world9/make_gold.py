"""Write gold.jsonl for the world9 set from the annotations below.

Offsets are found from the quotation strings (each searched after the previous one in its
article), never from the extractor. Run from the repository root:
    python eval/attribution/world9/make_gold.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from gold_from_quotes import Gold, R, U, write_gold  # noqa: E402

# article -> [(quote, speaker, source_span, unresolved, cue)]
GOLD: Gold = {
    "1001_uk_crown_court": [
        ("treated the residents' savings as her own private bank account", "Helen Marsh",
         "Helen Marsh KC", R, "told the jury"),
        ("She was trusted by families who could not be there every day,", "Helen Marsh",
         "Ms Marsh", R, "said"),
        ("She repaid that trust by helping herself.", "Helen Marsh", "Ms Marsh", R, "said"),
        ("Dad never spent anything. He didn't leave the building,", "Carol Pattison", "she", R,
         "said"),
        ("I rang the bank three times before anyone took me seriously.", "Carol Pattison",
         "she", R, "said"),
        ("Sick. Just sick.", "Carol Pattison", "Mrs Pattison", R, "paused before answering"),
        ("I borrowed some of it. I always meant to put it back.", "Lorraine Hollis", "Hollis",
         R, "said"),
        ("hopelessly disorganised, not dishonest", "Simon Leach", "Simon Leach", R,
         "told the jury"),
        ("Sloppy paperwork is not a crime,", "Simon Leach", "Mr Leach", R, "said"),
        ("You will hear that she often paid for residents' treats out of her own pocket.",
         "Simon Leach", "Mr Leach", R, "said"),
        ("You must decide this case on the evidence you hear in this room, and nowhere else,",
         "Anthony Crewe", "he", R, "said"),
    ],
    "1002_uk_inquest": [
        ("missed chances", "Rachel Dunmore", "A coroner", R, "has said"),
        ("the loudest person in any room and the first to help anyone", "Joanne Doyle",
         "his mother, Joanne Doyle", R, "described"),
        ("He wasn't reckless,", "Joanne Doyle", "she", R, "said"),
        ("He'd been swimming since he was four. Nobody told those boys the river had changed.",
         "Joanne Doyle", "she", R, "said"),
        ("It was like walking off a step. One second he was stood up, the next he was gone,",
         "Callum Reece", "Callum", R, "told the hearing"),
        ("much faster than it looks", "Lewis Baird", "PC Lewis Baird", R, "said"),
        ("I accept that we did not check they had been replaced, and I am deeply sorry for "
         "that,", "Gareth Pryor", "he", R, "said"),
        ("Kieran's death was a tragedy, and I am not satisfied that everything that could have "
         "been done to warn him was done,", "Rachel Dunmore", "Mrs Dunmore", R, "said"),
        ("There were missed chances here. Signs are cheap. Lives are not.", "Rachel Dunmore",
         "She", R, "added"),
        ("Our thoughts remain with Kieran's family. New signs were installed in August and we "
         "have changed how our contractors work.", "A spokesperson for the trust",
         "A spokesperson for the trust", U, "said"),
        ("in full and in good time", "Shropshire Council", "Shropshire Council", R, "said"),
    ],
    "1003_cricket_report": [
        ("When the ball started gripping, I knew I just had to keep it tight and let the pitch "
         "do the rest,", "Nuwan Perera", "the 24-year-old", R, "said"),
        ("This is the best day of my life so far.", "Nuwan Perera", "the 24-year-old", R,
         "said"),
        ("Nuwan bowled like a veteran today,", "Kusal Perera", "the skipper", R, "said"),
        ("We asked him to bowl the tough overs and he wanted the ball.", "Kusal Perera",
         "the skipper", R, "said"),
        ("I just tried to bat through. The boys around me did the hard work,", "Kusal Perera",
         "he", R, "said"),
        ("That spell killed us,", "Mahmud Hasan", "Bangladesh coach Mahmud Hasan", R, "said"),
        ("We had a plan against spin, but we didn't execute it. That's on all of us.",
         "Mahmud Hasan", "Bangladesh coach Mahmud Hasan", R, "said"),
        ("He's our best batter. One bad week doesn't change that,", "Mahmud Hasan", "he", R,
         "said"),
        ("Asitha will undergo rehabilitation at the High Performance Centre in Colombo,",
         "Sri Lanka Cricket", "the board", R, "said"),
        ("buzzing", "Dhananjaya Silva", "Silva", R, "said"),
        ("We want to take this into the Tests. Bangladesh are tough at home, so we can't "
         "relax,", "Dhananjaya Silva", "the all-rounder", R, "said"),
    ],
    "1004_tennis_presser": [
        ("I just stopped thinking", "Léa Moreau", "Moreau", R, "headline"),
        ("stopped thinking", "Léa Moreau", "Qualifier Léa Moreau", R, "said"),
        ("At 5-4 in the second I was already thinking about my flight home,", "Léa Moreau",
         "Moreau", R, "told reporters"),
        ("Then I just stopped thinking. I hit the ball. That's all.", "Léa Moreau", "Moreau",
         R, "told reporters"),
        ("I don't really know what happened after that. I think I will understand tomorrow.",
         "Léa Moreau", "Moreau", R, "told reporters"),
        ("She played better on the big points, simple as that,", "Anastasia Volkova",
         "the Russian", R, "said"),
        ("My wrist is fine. I don't want to take anything away from her.", "Anastasia Volkova",
         "the Russian", R, "said"),
        ("I'll see how I feel on Monday. Probably yes.", "Anastasia Volkova", "Volkova", R,
         "shrugged"),
        ("I couldn't watch. I heard the crowd and I knew from the noise whether it was good or "
         "bad,", "Thierry Anselme", "he", R, "said"),
        ("Whoever it is, I've got nothing to lose,", "Léa Moreau", "she", R, "said"),
        ("Nobody expects me to be here.", "Léa Moreau", "she", R, "said"),
        ("She moves like a veteran. I saw her in Palermo and I thought, this one is going to be "
         "dangerous,", "Greta Lindqvist", "Lindqvist", R, "said"),
        ("I just stopped thinking.", "Léa Moreau", "Léa Moreau", R, "- (pull-quote)"),
    ],
    "1005_press_release": [
        ("Our customers are automating faster than at any point in our history, and Corvane is "
         "the platform they are choosing to do it,", "Dana Whitlock",
         "Dana Whitlock, co-founder and Chief Executive Officer of Corvane", R, "said"),
        ("We added 46 new enterprise customers this quarter, including three of the ten "
         "largest grocery distributors in North America.", "Dana Whitlock",
         "Dana Whitlock, co-founder and Chief Executive Officer of Corvane", R, "said"),
        ("Just as importantly, our existing customers are expanding. Net revenue retention "
         "reached 128%, the highest we have ever reported.", "Dana Whitlock",
         "Dana Whitlock, co-founder and Chief Executive Officer of Corvane", R, "(continued)"),
        ("We are raising our outlook while continuing to invest in research and development,",
         "Marcus Oyelaran", "Marcus Oyelaran, Chief Financial Officer", R, "said"),
        ("Operating margin expanded by four points, and we ended the quarter with $640 million "
         "in cash and no debt.", "Marcus Oyelaran", "Marcus Oyelaran, Chief Financial Officer",
         R, "said"),
        ("We evaluated five vendors, and Corvane was the only one that could go live in our "
         "busiest building without shutting it down for a weekend,", "Ruth Adeyemi",
         "Ruth Adeyemi, Vice President of Operations at Greywater Logistics", R, "said"),
    ],
    "1006_kenya_county": [
        ("We have paid every shilling that has come to us. Those who are shouting in the "
         "assembly know very well where the money is stuck,", "Esther Chepkoech", "Chepkoech",
         R, "said"),
        ("The governor cannot keep blaming Nairobi for everything. We want to see the books,",
         "Peter Kiprono Langat", "Langat", R, "said"),
        ("before the end of this financial year", "Faith Wambui", "Dr Wambui", R,
         "told the Nation"),
        ("The contractor is back on site next month. The equipment has already been procured,",
         "Faith Wambui", "she", R, "said"),
        ("We are told every year that the hospital is almost ready. My children were born in "
         "Nakuru because there is nothing here,", "Mary Njeri", "Mrs Njeri", R, "said"),
        ("The funds were disbursed. The county must account for them,", "Daniel Otieno",
         "the CS", R, "said in a statement"),
        ("Our people do not care whose fault it is. They want a hospital,", "Alice Langat",
         "she", R, "said"),
        ("Our members are being asked to perform miracles in a building without water,",
         "Kenya Medical Practitioners, Pharmacists and Dentists Union", "the union", R,
         "said"),
    ],
    "1007_us_house_hearing": [
        ("This wasn't weather. This was a company that knew its systems were held together "
         "with tape and chose not to fix them,", "Glenda Ashby", "Rep. Glenda Ashby (D-Ore.)",
         R, "said"),
        ("We failed our customers, and I am not here to make excuses,", "Robert Kessling",
         "he", R, "told the subcommittee"),
        ("Mr. Chairman, the system did not show us that in real time,", "Robert Kessling",
         "Kessling", R, "replied"),
        ("That is exactly the problem we are fixing.", "Robert Kessling", "Kessling", R,
         "replied"),
        ("With respect, that's not an answer,", "Dwight Harlan", "Harlan", R, "said"),
        ("I'll take that as a no,", "Glenda Ashby", "Ashby", R, "said"),
        ("Our members called the crew desk and sat on hold for nine, ten hours,", "Tanya Ruiz",
         "she", R, "said"),
        ("Some of them gave up and paid for rooms out of their own pockets.", "Tanya Ruiz",
         "she", R, "said"),
        ("ongoing and thorough", "Department of Transportation",
         "The Department of Transportation", R, "said in a statement"),
    ],
    "1008_scottish_sheriff_court": [
        ("Dashcam footage from a following vehicle shows the accused's head bowed towards his "
         "lap throughout,", "Lorna Baxter", "Ms Baxter", R, "said"),
        ("thoroughly ashamed", "Graeme Tait", "Solicitor Graeme Tait, defending", R, "said"),
        ("He has not driven since the day of the accident. He does not intend to,",
         "Graeme Tait", "Mr Tait", R, "said"),
        ("You chose to look at a screen rather than the road, and a young woman will live with "
         "the consequences of that for the rest of her life,", "Morag Lennox", "the sheriff",
         R, "told McAllister"),
        ("I still can't ride a bike. I'm not sure I ever will,", "Eilidh Forsyth", "she", R,
         "said"),
        ("Eight seconds. That's all it takes,", "Ross Forsyth", "he", R, "said"),
        ("Every phone-related crash is preventable. We urge every driver to put the phone out "
         "of reach.", "Cycling Scotland", "Cycling Scotland", R, "said"),
    ],
    "1009_letters_page": [
        ("I have lived on the high street for 41 years. I have watched it turn from a street "
         "where children played into a lorry park. Build the bypass, and build it now.",
         "Margaret Hale", "Margaret Hale, of Ripon Road", R, "writes"),
        ("A bypass will do to Harwick what it did to Thornby: the traffic will go, and so will "
         "the shops,", "Derek Salt", "Derek Salt, who runs a newsagent in Market Square", R,
         "warns"),
        ("Anyone who was here in 2007 knows where the water goes,",
         "A retired civil engineer from Stainby", "he", U, "writes"),
        ("We are a family of six. A bin every three weeks is not a policy, it is a punishment,",
         "Priya Bhandari", "Priya Bhandari, of Elm Close", R, "writes"),
        ("Nobody wanted to make this change. But the alternative was cutting the budget for "
         "social care, and I wasn't prepared to do that,", "Tony Redfern", "he", R, "said"),
        ("They tell me I can read books on a tablet. I don't want a tablet. I want Mrs Carr at "
         "the desk who knows what I like,", "Jean Whitby", "she", R, "writes"),
        ("Closing the library would save £60,000 a year. The council spends more than that on "
         "consultants,", "Jean Whitby", "she", R, "adds"),
    ],
    "1010_police_appeal": [
        ("a gentle giant who would give you his last pound",
         "The family of a man who died after being attacked outside a takeaway in Coventry",
         "The family of a man who died after being attacked outside a takeaway in Coventry", U,
         "have described him as"),
        ("Jordan was the baby of the family and the tallest of all of us. He was a gentle "
         "giant who would give you his last pound.", "his family", "his family", U, "said"),
        ("He had just started his apprenticeship and was so proud of it. We can't believe we "
         "will never hear him laugh again.", "his family", "his family", U, "said"),
        ("We ask that people give us time and space to grieve.", "his family", "his family", U,
         "said"),
        ("This is a tragic case, and our thoughts are with Jordan's family,", "Samantha Roe",
         "she", R, "said"),
        ("We know the street was busy at the time and we need anyone who saw what happened, or "
         "who has phone footage, to come forward.", "Samantha Roe", "she", R, "said"),
        ("People will see more officers, and I'd encourage anyone with concerns to speak to "
         "them.", "Samantha Roe", "She", R, "added"),
        ("He was always the first in and he'd make everyone a brew before the shift started. "
         "The lads are in bits,", "Steve Okoro", "Mr Okoro", R, "said"),
        ("a horrible thud", "A woman who lives above a neighbouring shop",
         "A woman who lives above a neighbouring shop", U, "said"),
        ("I looked out and there were people running in every direction,",
         "A woman who lives above a neighbouring shop", "she", U, "said"),
    ],
    "1011_diocese_closure": [
        ("with no responsible alternative", "Diocese of Kilcarra", "The diocese", R,
         "said in a statement"),
        ("the hardest of my ministry", "Eamon Tierney", "Bishop of Kilcarra, Dr Eamon Tierney",
         R, "said"),
        ("I know what St Brigid's means to the people of Ballykeel. I was confirmed there "
         "myself,", "Eamon Tierney", "Bishop Tierney", R, "said"),
        ("But we cannot ask a congregation of forty people to carry a bill of nearly a million "
         "euro.", "Eamon Tierney", "Bishop Tierney", R, "said"),
        ("People were baptised here, married here, and they expected to be buried from here. "
         "That is not a small thing to take away,", "Declan Moran", "he", R, "said"),
        ("We raised the money for the new windows in 1998 with cake sales. Don't tell me we "
         "can't raise it again,", "Sheila Maguire", "Mrs Maguire", R, "said"),
        ("We are not going away,", "Brendan Maguire", "he", R, "said"),
        ("I've buried my wife from that church. I want to be buried from it too.",
         "One elderly man, leaning on a stick at the back of the hall",
         "One elderly man, leaning on a stick at the back of the hall", U, "told the meeting"),
    ],
}


def main() -> None:
    """Write gold.jsonl from GOLD."""
    print(write_gold(HERE, GOLD), "quotations")


if __name__ == "__main__":
    main()
