"""Write gold.jsonl for the world6 set from the annotations below.

Offsets are found from the quotation strings (each searched after the previous one in its
article), never from the extractor. Run from the repository root:
    python eval/attribution/world6/make_gold.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from gold_from_quotes import Gold, R, U, write_gold  # noqa: E402

# article -> [(quote, speaker, source_span, unresolved, cue)]
# Not quotations of speech, so not here: "grid solidarity" and "Power for Everyone" (701),
# "warning strike" (703), "Clear Water, Green Banks" (704), "golden generation" (709),
# "Vremya Segodnya." (710).
GOLD: Gold = {
    "701_de_power_levy": [
        ("We cannot build the grid of tomorrow with the money of yesterday,",
         "Margarete Albrecht", "Albrecht", R, "told"),
        ("Those who use the most power must carry a fair share.", "Margarete Albrecht",
         "Albrecht", R, "told"),
        ("I will not put my name to a law that costs us jobs in Saxony and the Ruhr,",
         "Jonas Wendt", "the minister", R, "said"),
        ("Many firms are now asking whether Germany is still the right place to produce,",
         "Federal Association of Medium-Sized Industry", "the association", R,
         "said in a statement"),
        ("constructive", "Tobias Brenner", "Albrecht's spokesman, Tobias Brenner", R,
         "told reporters"),
        ("The alternative is higher bills for every family in this country,", "Sabine Wendt",
         "Wendt", R, "said"),
        ("Energy is not a luxury good,", "Sabine Wendt", "she", R, "added"),
        ("a tax on work.", "Friedrich Haas",
         "Opposition leader Friedrich Haas of the Christian Union", R, "called"),
        ("The chancellor is asking German industry to pay for the indecision of her own "
         "coalition.", "Friedrich Haas", "Friedrich Haas", R, ""),
        ("He wants changes, not a crisis,", "A senior official at the economy ministry",
         "the official", U, "said"),
    ],
    "702_jp_rice": [
        ("We will do whatever is necessary so that rice returns to a price households can "
         "accept,", "Ishikawa Kenji", "Ishikawa", R, "told"),
        ("The distribution route has been shortened,", "Morita Aya", "Morita", R, "said"),
        ("I ask consumers not to buy more than they need.", "Morita Aya", "Morita", R, "said"),
        ("That discussion is separate from the current price problem,", "Morita Aya", "she",
         R, "said"),
        ("Production costs have risen by nearly 40 percent in three years,",
         "National Federation of Rice Growers", "the federation", R, "said"),
        ("For the first time in my life, people are chasing my rice,", "Tanaka Shigeru",
         "Tanaka", R, "said"),
        ("But fertilizer and fuel have eaten most of it.", "Tanaka Shigeru", "Tanaka", R,
         "said"),
        ("I love this land, but I cannot feed a family on it,", "Tanaka Daisuke", "Daisuke",
         R, "said"),
        ("Our numbers were too optimistic,", "An official at the agriculture ministry",
         "the official", U, "said"),
        ("Without a clear plan for production, the price will climb again next year,",
         "Sugimoto Rina", "Sugimoto", R, "said"),
    ],
    "703_kr_shipyard": [
        ("The company made record profits last year. The people who built those ships saw "
         "nothing,", "Kim Dong-hyun", "Kim Dong-hyun, head of the shipyard's union branch", R,
         "said"),
        ("We remain open to dialogue, but we cannot accept conditions that threaten the "
         "future of the company,", "Haedong Heavy Industries", "the company", R,
         "said in a statement"),
        ("A prolonged strike helps no one, least of all the workers,", "Park Eun-ji", "Park",
         R, "told reporters"),
        ("We stand on the same deck and breathe the same fumes,", "Kim Soo-ah", "Ms. Kim", R,
         "said"),
        ("Why should my pay be so different?", "Kim Soo-ah", "Ms. Kim", R, "said"),
        ("We are prepared to stay out through the summer,", "Kim Dong-hyun", "he", R, "said"),
        ("Orders are booming, but the yards have relied on cheap subcontracted labor for 20 "
         "years,", "Lee Jung-ho", "Lee", R, "said"),
        ("If they stop for a month again, I will have to close,",
         "The owner of a restaurant near the shipyard gate", "she", U, "said"),
    ],
    "704_cn_river": [
        ("Water quality along the entire section has reached Grade II of the national "
         "standard for the first time since monitoring began,", "Wang Lei",
         "Wang Lei, spokesperson for the provincial department of ecology and environment", R,
         "said"),
        ("Ecological protection and high-quality development are not in conflict; they "
         "reinforce each other,", "Chen Xiaoyan", "Chen", R, "said"),
        ("The river used to smell so bad in summer that we kept our windows closed,",
         "a villager surnamed Zhang", "a villager surnamed Zhang", U, "said"),
        ("Now my grandson goes fishing here on weekends.", "a villager surnamed Zhang",
         "a villager surnamed Zhang", U, "said"),
        ("Every plant that moved meant jobs that had to be found elsewhere,", "Li Jianguo",
         "he", R, "said"),
        ("Local governments had to make very careful arrangements.", "Li Jianguo", "he", R,
         "said"),
        ("The recovery of the ecosystem is a long process, and we must not relax,", "Li Meng",
         "Li Meng", R, "said"),
    ],
    "705_gulf_schools": [
        ("A child who leaves home at half past five in the morning cannot learn well at "
         "eight,", "Hamdan bin Rashid Al Qassimi", "Sheikh Hamdan", R, "said"),
        ("The comfort and safety of our students come before any other consideration.",
         "Hamdan bin Rashid Al Qassimi", "Sheikh Hamdan", R, "said"),
        ("Companies that fail to comply will face fines and may lose their licences,",
         "Al Safra Education Council", "it", R, "said in a statement"),
        ("We see children in our clinics with headaches that are simply the result of too "
         "little sleep,", "Maryam Al Habsi", "Dr. Al Habsi", R, "said"),
        ("By the time he comes home in the afternoon, he is too tired to eat,",
         "Salem Al Habsi", "Al Habsi", R, "said"),
        ("We support the goal, of course, but buses and drivers do not appear overnight,",
         "Khalid Ibrahim", "Mr. Ibrahim", R, "said"),
        ("Someone will have to pay, and in the end it will be the parents.", "Khalid Ibrahim",
         "Mr. Ibrahim", R, "said"),
        ("The first lesson of the day is a lost lesson for half the class,",
         "A teacher at a private school in Al Rimal", "she", U, "said"),
    ],
    "706_latam_mine": [
        ("No company is above the law, and no profit justifies poisoning the water that "
         "thousands of families drink,", "María José Fernández Ruiz", "Fernández", R, "said"),
        ("We deeply regret this incident and are cooperating fully with the authorities,",
         "Minera Cordillera Dorada", "the company", R, "said"),
        ("This is the third spill in four years. Apologies do not clean rivers.",
         "Juan Carlos Ortega Salinas",
         "The governor of Alto Cauce, Juan Carlos Ortega Salinas", R, "was blunt"),
        ("Every fisherman on this river has lost his income,", "Juan Carlos Ortega Salinas",
         "Ortega", R, "said"),
        ("The children were swimming in it,", "A community leader", "she", U, "said"),
        ("Nobody came to tell us anything.", "A community leader", "she", U, "said"),
        ("We need doctors, not press releases,", "Camilo Fernández", "the mayor", R, "said"),
        ("Investors will watch this case very closely, because it will show whether the new "
         "government is serious about enforcement,", "Carolina Méndez Arango", "she", R,
         "said"),
    ],
    "707_ua_front": [
        ("The enemy is deliberately targeting our energy system ahead of the winter,",
         "Oksana Melnyk", "regional governor Oksana Melnyk", R, "wrote on Telegram"),
        ("The situation is difficult but under control,", "Andriy Kovalenko", "Kovalenko", R,
         "said"),
        ("Our units are holding their lines.", "Andriy Kovalenko", "Kovalenko", R, "said"),
        ("We see them coming, but we cannot always answer,", "Taras", "Taras", R, "said"),
        ("All targets were military or connected to the military,", "Pavel Orlov", "Orlov", R,
         "said"),
        ("We expected this, and we expect more of it,", "A senior Western official",
         "the official", U, "said"),
        ("We need people more than anything else,",
         "Two Ukrainian officers familiar with the situation near Stepove",
         "one of the officers", U, "said"),
        ("Our energy workers are heroes,", "Oksana Melnyk", "she", R, "wrote"),
    ],
    "708_un_briefing": [
        ("We are watching a slow-motion disaster, and we are running out of time to stop it,",
         "Ingrid Solberg",
         "Ingrid Solberg, a spokesperson for the UN Office for Relief Coordination (UNORC)", R,
         "told a briefing"),
        ("If funding does not arrive in the next six weeks, we will have to cut rations in "
         "half,", "Ingrid Solberg", "she", R, "told reporters"),
        ("That is not a threat; it is arithmetic.", "Ingrid Solberg", "she", R,
         "told reporters"),
        ("Every dollar we do not receive is a meal that a child does not eat,",
         "World Grain Relief Programme", "the programme", R, "said in a statement"),
        ("Our teams are treating more than 300 patients a day in tents,", "Tomás Reyes",
         "Dr. Reyes", R, "said"),
        ("Clean water would prevent most of these cases.", "Tomás Reyes", "Dr. Reyes", R,
         "said"),
        ("unpredictable.", "Ingrid Solberg", "Solberg", R, "said"),
        ("desperate, and getting worse.", "An aid worker in Kemah",
         "An aid worker in Kemah, reached by telephone", U, "described"),
        ("foreign media", "regional government", "The delta's regional government", R,
         "said in a statement"),
        ("Without money, there is no response.", "International Federation of Relief Societies",
         "The federation", R, "put it plainly"),
    ],
    "709_football_presser": [
        ("We were not good enough,", "Luca Benedetti", "Benedetti", R, "said"),
        ("and for that the responsibility is mine, not the players'.", "Luca Benedetti",
         "Benedetti", R, "said"),
        ("I spoke with the president this morning. He told me to continue, and I will "
         "continue.", "Luca Benedetti", "He", R, "added"),
        ("We knew that if we kept the ball and waited, the spaces would come,",
         "Sven Aaltonen", "the Finn", R, "said"),
        ("It is strange to score against your brother, but tonight I had to forget he was my "
         "brother,", "Ivan Petrović", "Ivan", R, "said"),
        ("He was better than me today. At home, I will hear about this for a long time,",
         "Marko Petrović", "he", R, "said"),
        ("the full confidence of the board.", "Porto Alvor", "Porto Alvor", R,
         "said in a statement"),
        ("The coach is not the one who missed chances,", "Rafael Nunes", "Nunes", R, "said"),
        ("We are.", "Rafael Nunes", "Nunes", R, "said"),
        ("I do not know what this team wants to be,",
         "one supporter, a season-ticket holder for 30 years", "he", U, "said"),
    ],
    "710_archive_1991": [
        ("We have been patient for seventy years,", "Valentin Sokolov",
         "Mr. Valentin Sokolov, a 44-year-old electrician who heads the strike committee at "
         "the Zarya mine", R, "said"),
        ("Now we want to be heard.", "Valentin Sokolov", "Mr. Valentin Sokolov", R, "said"),
        ("Irresponsible elements are using the legitimate grievances of the workers for "
         "political ends,", "Sovinform", "the agency", R, "said"),
        ("The ministry in Moscow decides everything,", "Gennady Lukin", "he", R, "said"),
        ("I cannot even buy soap for the bathhouse.", "Gennady Lukin", "he", R, "said"),
        ("My husband goes down into the mine every day, and I cannot give him a proper meal,",
         "Nina Sokolova", "Mrs. Sokolova", R, "said"),
        ("If the mines stay closed for a month, the whole of industry will feel it,",
         "A Western diplomat in Moscow", "the diplomat", U, "said"),
        ("They promised us apartments. We are still waiting for the apartments.",
         "Valentin Sokolov", "Mr. Sokolov", R, ""),
        ("The Government will not negotiate under pressure,", "Council of Ministers",
         "the council", R, "said in a statement"),
    ],
}


def main() -> None:
    """Write gold.jsonl from GOLD."""
    print(write_gold(HERE, GOLD), "quotations")


if __name__ == "__main__":
    main()
