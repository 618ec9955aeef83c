"""Write gold.jsonl for the world3 set from the annotations below.

Offsets are found from the quotation strings (each searched after the previous one in its
article), never from the extractor. Run from the repository root:
    python eval/attribution/world3/make_gold.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from gold_from_quotes import Gold, R, U, write_gold  # noqa: E402

# article -> [(quote, speaker, source_span, unresolved, cue)]
GOLD: Gold = {
    "401_sg_lift_upgrade": [
        ("My knees cannot take the stairs any more,", "Goh Siew Lan", "she", R, "said"),
        ("I ask my neighbour to buy vegetables for me.", "Goh Siew Lan", "she", R, "said"),
        ("Every time I call the hotline, they tell me next month, next month,",
         "Goh Kian Hock", "Mr Goh", R, "said"),
        ("My mother has been hearing 'next month' since 2023.", "Goh Kian Hock", "Mr Goh", R,
         "said"),
        ("We understand residents' frustration and apologise for the inconvenience caused,",
         "Estates and Housing Board", "the board", R, "said in a Facebook post"),
        ("This is not acceptable for a block where one in three residents is above 65,",
         "Ong Kah Seng", "Mr Ong", R, "said"),
        ("I will keep pressing until every lift is running,", "Ong Kah Seng", "he", R, "added"),
        ("I was stuck for 40 minutes. Nobody answered the emergency button,",
         "A retiree who has lived in Block 216 for 30 years", "the retiree", U, "said"),
        ("Every emergency button is now tested weekly,", "An EHB spokesman", "the spokesman",
         U, "said"),
        ("Tested weekly, broken monthly,", "Goh Kian Hock", "he", R, "said"),
        ("If I must climb, I rest on each floor,", "Goh Siew Lan", "she", R, "said"),
        ("Slowly, slowly, I still reach.", "Goh Siew Lan", "she", R, "said"),
    ],
    "402_my_landslide": [
        ("No one will be left without supplies. We have enough stocks for at least two weeks,",
         "Ahmad Faizal Rahim", "Ahmad Faizal", R, "told reporters"),
        ("within three to four weeks, weather permitting", "Ahmad Faizal Rahim", "He", R,
         "said"),
        ("Our teams remain on standby at Kampung Lubuk Dalam in case of further soil movement,",
         "Fire and Rescue Department", "the department", R, "said"),
        ("If the road is closed for a month, how do we feed our children?",
         "Siti Aminah Yusof", "she", R, "asked"),
        ("It is dangerous, but what choice do we have?", "Razak Yusof", "Razak", R, "said"),
        ("This road was built in a hurry in the 1990s, with very little drainage,",
         "Lee Chong Meng", "Tan Sri Lee", R, "said"),
        ("Landslides like this are a question of when, not if.", "Lee Chong Meng",
         "Tan Sri Lee", R, "said"),
        ("The ground simply could not hold,",
         "A senior engineer with the state Public Works Department", "he", U, "said"),
        ("This is our land. We are not leaving,", "Siti Aminah Yusof", "she", R, "said"),
    ],
    "403_ph_franchise": [
        ("Our drivers are not asking for favors. They are asking for a piece of paper they "
         "have already paid for,", "Teresita Bautista-Reyes", "Bautista-Reyes", R,
         "said in a statement"),
        ("We acknowledge the backlog and we are adding personnel to address it,",
         "Land Transport Franchising Authority", "the agency", R, "said"),
        ("Majority of the pending applications lack the required insurance papers,",
         "Ramon Villareal", "Villareal", R, "said"),
        ("Once they comply, we can release the franchise within a week.", "Ramon Villareal",
         "Villareal", R, "said"),
        ("That is not true. We submitted everything, twice,", "Danilo Cruz",
         'STKM president Danilo "Danny" Cruz', R, "said"),
        ("If I stop driving, my family stops eating,", "Danilo Cruz", "he", R, "said"),
        ("The enforcers do not care that the papers are stuck in their own office,",
         "Jun Cruz", "Jun Cruz", R, "said"),
        ("The encoding had to be done manually. That is the real reason,",
         "A source at the LTFA", "the source", U, "said"),
        ("Everyone involved will be invited. We want answers, not excuses.",
         "Teresita Bautista-Reyes", "the senator", R, "said"),
    ],
    "404_us_tv_shooting": [
        ("It appears a dark-colored sedan pulled up, someone inside fired several rounds, and "
         "the vehicle left heading north,", "Dana Whitfield",
         "Sgt. Dana Whitfield, a police spokeswoman", R, "said"),
        ("We don't believe the victim was the intended target.", "Dana Whitfield",
         "Sgt. Dana Whitfield, a police spokeswoman", R, "said"),
        ("He went to get a soda. That's it. He went to get a soda,", "Rosa Alvarez", "she", R,
         "said"),
        ("We did everything right,", "Marco Alvarez", "Alvarez", R, "said"),
        ("And it still came to our door.", "Marco Alvarez", "Alvarez", R, "said"),
        ("I got down on the floor with my kids and waited,",
         "A neighbor who asked not to be identified", "the neighbor", U, "told WKTV"),
        ("This is the second time this spring.", "A neighbor who asked not to be identified",
         "the neighbor", U, "told WKTV"),
        ("It's dark out there after ten. Anybody can do anything,", "Harjit Sandhu", "he", R,
         "said"),
        ("We've talked about this corner for too long,", "Ray Whitfield", "Whitfield", R,
         "said"),
        ("Talk is cheap. Lights are cheap too.", "Ray Whitfield", "Whitfield", R, "said"),
        ("We're going to find who did this,", "Dana Whitfield", "Sgt. Whitfield", R, "said"),
        ("This remains an active investigation and we have no further information to release "
         "at this time.", "Millbrook Police Department", "the department", R, "said"),
    ],
    "405_ca_obituary": [
        ("She was stubborn right to the end. She told the nurses which song she wanted "
         "playing,", "Claire Dufresne", "Claire", R, "said"),
        ("It was Vigneault, of course.", "Claire Dufresne", "Claire", R, "said"),
        ("You don't take the school out of a town and expect the town to survive,",
         "Marguerite Dufresne", "she", R, "told The Canadian Press"),
        ("We'll be here every morning until they change their minds.", "Marguerite Dufresne",
         "she", R, "told The Canadian Press"),
        ("Even her grocery lists had proper punctuation,", "Luc Dufresne", "he", R, "said"),
        ("the reason I have a job, and the reason this building has lights on.",
         "Annie Beaulieu", "Former student Annie Beaulieu, now the school's principal", R,
         "called"),
        ("Every teacher here knows her story,", "Annie Beaulieu", "Beaulieu", R, "said"),
        ("We tell it to the Grade 7s on their first day.", "Annie Beaulieu", "Beaulieu", R,
         "said"),
        ("what one determined teacher can do for a whole region.",
         "Quebec's education minister", "Quebec's education minister", U,
         "said in a statement"),
        ("She'd want it there,", "Luc Dufresne", "he", R, "said"),
        ("She'd want to check that they'd kept the floors clean.", "Luc Dufresne", "he", R,
         "said"),
    ],
    "406_tech_results": [
        ("This was a quarter of hard choices,", "Nadia Ferris",
         "Chief Executive Officer Nadia Ferris", R, "said in a press release"),
        ("We are investing ahead of demand in our data-center footprint, and that weighs on "
         "margins in the near term.", "Nadia Ferris", "Chief Executive Officer Nadia Ferris",
         R, "said in a press release"),
        ("reset year", "Nadia Ferris", "Ferris", R, "described"),
        ("The pipeline is healthy. The deals are simply closing later,", "Nadia Ferris", "she",
         R, "said"),
        ("We are not announcing any reductions today.", "Martin Kaye", "Kaye", R, "said"),
        ("The story has shifted from acceleration to patience, and investors were not paid to "
         "be patient,", "Priya Raman", "Harwick Securities analyst Priya Raman", R,
         "wrote in a note to clients"),
        ("They're building the roads before the traffic shows up,", "Tom Ferris", "he", R,
         "said"),
        ("That always looks bad for a few quarters.", "Tom Ferris", "he", R, "said"),
        ("There is interest, but nothing is close,",
         "A person familiar with the company's plans", "the person", U, "said"),
        ("We don't comment on market speculation,", "A Corvanta spokeswoman", "she", U,
         "said"),
    ],
    "407_chef_interview": [
        ("Mostly stubbornness,", "Priya Nandakumar", "Priya Nandakumar", R, "says"),
        ("And a very patient landlord.", "Priya Nandakumar", "Priya Nandakumar", R, "says"),
        ("The fermentation is completely different here. In winter the batter just sulks,",
         "Priya Nandakumar", "she", R, "says"),
        ("I burned the first hundred, easily. Maybe the first two hundred.",
         "Priya Nandakumar", "she", R, "says"),
        ("She'd say it was the stove. It was never the stove,", "Arjun Nandakumar", "he", R,
         "says"),
        ("We get a lot of business plans. We don't often get one with a queue of customers "
         "already attached,", "Helen Marsh", "Marsh", R, "says"),
        ("People see the full room on a Saturday. They don't see me doing the accounts at two "
         "in the morning.", "Priya Nandakumar", "Priya", R, ""),
        ("She still tells me the chutney needs more salt,", "Priya Nandakumar", "Priya", R,
         "says"),
        ("She is usually right.", "Priya Nandakumar", "Priya", R, "says"),
        ("Write everything down. Every sale, every mistake. The notebook is the business.",
         "Priya Nandakumar", "she", R, ""),
        ("Find a sister who can cook,", "Arjun Nandakumar", "he", R, "says"),
    ],
    "408_liveblog_count": [
        ("We expect to finish the mail-in ballots today and the in-person ballots by Friday "
         "evening,", "Joan Pruitt", "Pruitt", R, "said"),
        ("Every ballot is being looked at by two people, one from each party.", "Joan Pruitt",
         "Pruitt", R, "said"),
        ("Whatever the number is, I'll accept it. I just want it to be right,", "Greg Hollis",
         "Hollis", R, "said"),
        ("confident that the result will stand.", "Estevez campaign",
         "The campaign of Democrat Maria Estevez, who led by 186 votes after election night",
         R, "said"),
        ("The voters have spoken, and a careful count will confirm it.", "Estevez campaign",
         "The Estevez campaign", R, "said in a statement"),
        ("I'm not saying anything's wrong. I'm saying somebody should look,",
         "A poll watcher for the Hollis campaign", "the poll watcher", U, "said"),
        ("I trust the people doing this work. They're our neighbors,", "Maria Estevez", "she",
         R, "said"),
        ("Honestly, I'm just trying to keep my kids off the news,", "Maria Estevez", "she", R,
         "added"),
        ("closely enough under the statute.", "Luis Ortega", "Board chairman Luis Ortega", R,
         "said"),
        ("I would have liked one more day to compare the files,", "Ben Pruitt", "Pruitt", R,
         "said"),
        ("It's holding very steady,", "Joan Pruitt", "she", R, "said"),
        ("No decisions have been made,", "Kyle Danner", "Danner", R, "said"),
    ],
    "409_health_sleep_study": [
        ("The size of the effect surprised us,", "Hannah Okafor",
         "Dr. Hannah Okafor, a sleep researcher at the University of Westbridge and the "
         "study's lead author", R, "said"),
        ("Forty minutes is more than most medication trials for insomnia achieve in adults.",
         "Hannah Okafor", "Dr. Hannah Okafor, a sleep researcher at the University of "
         "Westbridge and the study's lead author", R, "said"),
        ("These were households that wanted this to work,", "Hannah Okafor", "she", R, "said"),
        ("A school-wide policy might look very different.", "Hannah Okafor", "she", R, "said"),
        ("Six weeks tells us about habits forming, not whether they last,", "Samuel Greaves",
         "Greaves", R, "said"),
        ("I'd like to see the same kids a year later.", "Samuel Greaves", "Greaves", R, "said"),
        ("like losing a limb.", "One 15-year-old participant",
         "One 15-year-old participant, quoted anonymously in the paper's supplementary "
         "material", U, "described"),
        ("It lasted four days,", "Samuel Greaves", "he", R, "said"),
        ("Then my daughter found the charger.", "Samuel Greaves", "he", R, "said"),
        ("Sleep is one of the most important and most neglected parts of adolescent health,",
         "Canadian Paediatric Association", "the association", R, "said"),
    ],
    "410_us_politics_anon": [
        ("She's genuinely torn. She likes the job she has,", "one aide", "one aide", U,
         "said"),
        ("The numbers are better than anyone expected, and she knows it,",
         "A person familiar with Marsh's thinking", "the person", U, "said"),
        ("Right now I'm focused on getting the budget done,", "Ellen Marsh", "she", R,
         "told reporters"),
        ("There will be plenty of time for politics.", "Ellen Marsh", "she", R,
         "told reporters"),
        ("That's a family conversation, and it's going to stay one.", "Peter Marsh", "Marsh",
         R, "said"),
        ("a must-win.", "A senior official at the Democratic Senatorial Campaign Committee",
         "A senior official at the Democratic Senatorial Campaign Committee, who was not "
         "authorized to speak publicly", U, "said"),
        ("We'd clear the field for her tomorrow,",
         "A senior official at the Democratic Senatorial Campaign Committee", "the official",
         U, "said"),
        ("Ellen Marsh can't decide whether she wants to run a state or run away from it,",
         "Doug Kimball", "Kimball", R, "said in a statement"),
        ("The governor is doing her job. Mr. Kimball should try doing his,", "Tara Lindgren",
         "the spokeswoman, Tara Lindgren", R, "said"),
        ("We'd be trading one seat for another,", "One longtime Democratic lawmaker",
         "the lawmaker", U, "said"),
    ],
}


def main() -> None:
    """Write gold.jsonl from GOLD."""
    print(write_gold(HERE, GOLD), "quotations")


if __name__ == "__main__":
    main()
