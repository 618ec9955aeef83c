"""Resolving a speaker phrase: pronouns, surnames, descriptions, groups, unnamed sources."""

from __future__ import annotations

import pytest

from bot.attribution import SpeakerKind

from .helpers import by_text, quotes


@pytest.mark.parametrize(
    ("body", "quote", "speaker"),
    [
        # No judge is named: "the judge" is shown as described, never the vice president
        # just quoted.
        ("Vice President Jay Vantor said the election was “about the future.”\n\n"
         "According to a transcript, the judge told the defendant, “You have shown no "
         "remorse.”", "You have", ("the judge", SpeakerKind.UNNAMED)),
        # A governor named earlier is still "the governor".
        ("Gov. Maura Healey signed the bill on Monday.\n\nThe governor said the law was "
         "“long overdue for the families of this state.”", "long overdue",
         ("Maura Healey", SpeakerKind.PERSON)),
    ],
)
def test_a_description_names_someone_holding_that_office(
    body: str, quote: str, speaker: tuple[str, SpeakerKind]
) -> None:
    q = by_text(quotes(body), quote)
    assert (q.speaker.name, q.speaker.kind) == speaker


# Descriptions of a person the article has named, and the pronouns after them.
DESCRIPTIONS = [
    # "Ukraine’s president" is the Ukrainian President quoted just before.
    ("Ukrainian President Vadym Zorin said on Telegram that Kyiv was “ready for peace.” "
     "Ukraine’s president added that he was “grateful to all our partners.”",
     "grateful", "Vadym Zorin"),
    # A description leading a sentence is a mention: the next "he" is that person, not the
    # Kremlin spokesman quoted in the paragraph before.
    ("Russian President Pavel Orlov and Ukrainian President Vadym Zorin have not met.\n\n"
     "Kremlin spokesman Dmitry Pesin told reporters that Moscow saw “no alternative” to "
     "talks. “The next move is theirs,” he said.\n\n"
     "The Ukrainian leader dismissed the remarks. “Russia does not want peace,” he said.",
     "Russia does not", "Vadym Zorin"),
    # "Name of Place, a description, said": the name speaks, so the next "he" is his.
    ("Council Speaker Paul Ostrow told a press briefing they were “laying the groundwork.”\n\n"
     "Republican Rep. Owen Tarkel of New Mexico, a Corwin supporter, said it would help both "
     "men.\n\n“No single endorsement decides a race,” he said outside.",
     "No single", "Owen Tarkel"),
    # A first name in apposition to a relative is a person, of the relative's gender.
    ("At the fair, Aubrey Pell held a banner. Her father, Colm, 44, feared that neighbours "
     "would not see the sense of backing Gil Jonas.\n\n"
     "“Folks worry about throwing their votes away,” he surmised.", "Folks worry", "Colm"),
    ("Councillor Ruben Marsh said closed meetings shut out renters. On the radio, his wife, "
     "Ines, asked for an open hall. “Keeping people out is unwise,” she said.",
     "Keeping people", "Ines"),
    # "a worker named X has …": X leads the sentence, so the next "he" is his.
    ("Hugh Tallant, a union leader, said the plant would close.\n\nIn Monterrey, a "
     "worker named Miguel Janik has only kind words for his foreman. “The "
     "shifts are fair,” he said.", "The shifts", "Miguel Janik"),
    # "…40,000 Syrians, said he would …": a people is never the person "he" stands for.
    ("Victor Hallam, later claiming that the mayor wanted to house 40,000 Syrians, said "
     "he would review the newcomers, who he speculates are “mostly students.”", "mostly students",
     "Victor Hallam"),
    # A bare surname shared with a relative introduced a while ago is the main person.
    ("Victor Hallam accepted the party's endorsement on Thursday night in Dunmore.\n\n"
     "His daughter Greta Hallam introduced him, describing a father who had taught his "
     "children to work hard, and the hall rose to its feet for her. Delegates waved signs "
     "and the band played on as the family gathered near the stage. Many delegates said "
     "afterwards that the introduction had been the warmest moment of the whole week, and "
     "the networks replayed it through the night. Outside, protesters and supporters "
     "traded chants behind police lines until well after midnight.\n\n"
     "Hallam said the town could not keep “borrowing against its own future.”",
     "borrowing against", "Victor Hallam"),
    # "the Republican nominee" is not the Democratic vice presidential nominee.
    ("Victor Hallam, the Republican, spoke in Dover. Democratic vice presidential nominee "
     "Ned Kassel answered him in Salem.\n\nHallam said he wanted an audit of the "
     "state’s bridges.\n\nThe Republican nominee also attacked his opponent. He said her "
     "budget was “a disaster.”", "a disaster", "Victor Hallam"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), DESCRIPTIONS)
def test_descriptions_and_pronouns(body: str, quote: str, speaker: str) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker


@pytest.mark.parametrize(
    ("body", "quote", "speaker"),
    [
        # "it" after a sentence led by an organisation: that organisation.
        ("The growers’ association said prices had fallen. In a letter, it said the harvest "
         "was ‘the worst in a decade’.", "the worst", "association"),
        ("The Harbor Commission raised fares on Monday. It said the rise was “modest and "
         "overdue for years.”", "modest", "Commission"),
        ("The Harbor Board raised fares on Monday. It said the rise was “modest and "
         "overdue for years.”", "modest", "Board"),
        # "they" after a group.
        ("Local farmers met in the square. They said the new rules were “unworkable for "
         "anyone with cattle.”", "unworkable", "farmers"),
        # "they" past a sentence quoting one of the group: the group.
        ("Republicans said the bill was too expensive. “We cannot keep spending,” said Sen. "
         "John Barrow of Wyoming. They argued the program would “crowd out private "
         "providers.”", "crowd out", "Republicans"),
    ],
)
def test_it_and_they_for_collectives(body: str, quote: str, speaker: str) -> None:
    q = by_text(quotes(body), quote)
    assert q.speaker.name is not None and q.speaker.name.split()[-1] == speaker


@pytest.mark.parametrize(
    "body",
    [
        "Retired general Keith Kellogg, a senior official, spoke on Monday.\n\n"
        "“The talks will fail,” the official said, speaking on condition of anonymity.",
        "“It was a mistake,” a senior administration official told Reuters.",
    ],
)
def test_anonymous_sources_stay_unnamed(body: str) -> None:
    # Unnamed on purpose: shown by the article's description, never by a name nearby.
    (q,) = [q for q in quotes(body) if q.text.startswith(("The talks", "It was"))]
    assert q.speaker.kind is SpeakerKind.UNNAMED
    assert q.speaker.name is not None and q.speaker.name.endswith("official")
    assert "Kellogg" not in q.speaker.name


# A document whose issuer the article does not name near by is itself the described source:
# the answer shows "the report", never a blank speaker.
DOCUMENTS_WITHOUT_AUTHOR = [
    ("“Rates will fall,” the statement said.", "Rates", "the statement"),
    ("A study of 400 rivers was published by the Lowmere Trust on Monday.\n\nIts authors "
     "spent three summers taking samples from every bank and every weir between the hills "
     "and the sea, and they counted the fibres in each sample by hand under a microscope in "
     "a borrowed laboratory.\n\n“Not one river was clean,” the report said.", "Not one",
     "the report"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), DOCUMENTS_WITHOUT_AUTHOR)
def test_a_document_without_author_is_shown_as_itself(
    body: str, quote: str, speaker: str
) -> None:
    q = by_text(quotes(body), quote)
    assert (q.speaker.name, q.speaker.kind) == (speaker, SpeakerKind.UNNAMED)


def test_a_description_standing_for_a_named_person_is_shown() -> None:
    # "The developer said": Hale, shown with the words the article used for him.
    body = ("Tom Hale bought the pier in 2019.\n\nThe developer said the town would “thank "
            "him one day.”")
    q = by_text(quotes(body), "thank him")
    assert (q.speaker.name, q.speaker.role) == ("Tom Hale", "developer")


def test_a_description_leading_a_participle_sentence() -> None:
    # "The billionaire businessman mocked …, saying": the description speaks, and stands
    # for the person the article is about.
    body = ("Tom Hale spoke in Dover on Monday.\n\nThe billionaire businessman mocked the "
            "governor, saying the plan was “a disaster.”")
    q = by_text(quotes(body), "a disaster")
    assert (q.speaker.name, q.speaker.role) == ("Tom Hale", "billionaire businessman")


def test_a_possessive_description_leading_a_participle_sentence() -> None:
    body = ("Ana Pike spoke in Dover on Monday.\n\nHer chief aide wrote to donors, saying the "
            "vote was “a test of nerve.”")
    q = by_text(quotes(body), "a test of nerve")
    assert (q.speaker.name, q.speaker.kind) == ("Her chief aide", "unnamed")


def test_an_indefinite_description_leading_a_participle_sentence() -> None:
    # "Hale's comments, saying": the author of the comments is not who says it.
    body = ("Mayor Tom Hale spoke first.\n\nOne aide at City Hall tried to play down Hale's "
            "remarks, saying the staff saw “nothing new in them.”")
    q = by_text(quotes(body), "nothing new")
    assert (q.speaker.name, q.speaker.kind) == ("One aide at City Hall", "unnamed")


def test_a_surname_that_is_also_a_word() -> None:
    body = ("Harbor chief executive Ivo Read said the board had weighed the offer.\n\n"
            "“We like the price,” Read said. Analysts read the remarks closely.")
    q = by_text(quotes(body), "We like")
    assert (q.speaker.name, q.speaker.role) == ("Ivo Read", "Harbor chief executive")


@pytest.mark.parametrize(
    "body",
    [
        # An adverb opening the sentence before a colon is nobody's name.
        "The council voted on the harbor plan on Monday after a long debate.\n\n"
        "Specifically: “The pier must close by June and the ferry must stop.”",
        # Nor is a word the article also writes in lower case.
        "The council met again on Monday, and the latest plan was read out.\n\n"
        "Latest: “The pier must close by June and the ferry must stop.”",
    ],
)
def test_a_common_word_is_no_speaker(body: str) -> None:
    q = by_text(quotes(body), "The pier")
    assert q.speaker.name is None


# Described sources and bodies: (article, quotation's first words, (speaker, kind)).
DESCRIBED_SOURCES = [
    # "one Pike aide said": the "one" stays with the description; unnamed, not unresolved.
    ("“That does not mean no answer,” one Pike aide said late last month.", "That does",
     ("one Pike aide", "unnamed")),
    # A person described by the body they belong to is unnamed, not the body.
    ("“We need more time,” said one district GOP leader.", "We need",
     ("one district GOP leader", "unnamed")),
    # An abbreviation inside the description ("U.S.") does not cut it short.
    ("“The files were never secure,” said a retired U.K. port police officer who ran the "
     "inquiry.", "The files", ("a retired U.K. port police officer", "unnamed")),
    ("“The files were never secure,” a retired U.K. port police officer said.",
     "The files", ("a retired U.K. port police officer", "unnamed")),
    ("“We will reopen the dock by Friday,” a spokesperson for the Riverside Port Authority "
     "said.", "We will reopen", ("a spokesperson for the Riverside Port Authority", "unnamed")),
    ("A spokeswoman for the Millbrook Water Board said the pipes were “older than anyone "
     "knew.”", "older than", ("A spokeswoman for the Millbrook Water Board", "unnamed")),
    ("One senior administration official told reporters the plan was “dead for now.”",
     "dead for now", ("One senior administration official", "unnamed")),
    ("“It’s a shambles,” a Labour backbencher said.", "It’s a shambles",
     ("a Labour backbencher", "unnamed")),
    ("“Nobody warned us,” an official at the Harbour Office said.", "Nobody warned",
     ("an official at the Harbour Office", "unnamed")),
    # The description is the organisation itself: the one the article names.
    ("Veltrix Corp. announced layoffs on Monday. “We regret the decision,” the company said "
     "in a statement.", "We regret", ("Veltrix Corp", "organization")),
    ("Members of the Dockworkers Union met on Sunday. “We will strike on Monday,” the union "
     "said.", "We will strike", ("Dockworkers Union", "organization")),
    ("Amazon said it would “invest heavily in the region.”", "invest heavily",
     ("Amazon", "organization")),
    ("“The road is closed,” officials said.", "The road", ("officials", "group")),
    # "the Department of Health": the body, not a person called Health.
    ("In a statement, the Department of Health said the outbreak was “under control.”",
     "under control", ("the Department of Health", "organization")),
    ("The Department of Transport said the line would reopen “within the month.”",
     "within the month", ("the Department of Transport", "organization")),
    # An indefinite description with a noun no list knows, before or after the verb.
    ("“It is a disaster for renters,” said one letting agent in Bristol.", "It is a disaster",
     ("one letting agent in Bristol", "unnamed")),
    ("“The queues start at six,” said a shopkeeper.", "The queues",
     ("a shopkeeper", "unnamed")),
    ("“Nobody reads the small print,” one estate agent in Perth said.", "Nobody reads",
     ("one estate agent in Perth", "unnamed")),
    # A description the phrase finder cut to its bare noun, and one told by whose it is.
    ("“The lease was never signed,” the real estate developer said.", "The lease",
     ("the real estate developer", "unnamed")),
    ("“We will vote against it,” one lawmaker said.", "We will vote",
     ("one lawmaker", "unnamed")),
    ("Oren Blake was sentenced on Friday. “He is a good father,” his wife told reporters.",
     "He is a good", ("his wife", "unnamed")),
    ("“The deal fell through in June,” Mayor Hale's spokeswoman said.", "The deal fell",
     ("Mayor Hale's spokeswoman", "unnamed")),
    # A spokesperson for a named person is not that person.
    ("“The mayor is resting,” a spokesman for Mayor Carl Brandt said.", "The mayor is",
     ("a spokesman for Mayor Carl Brandt", "unnamed")),
]


@pytest.mark.parametrize(("body", "quote", "expected"), DESCRIBED_SOURCES)
def test_described_sources(body: str, quote: str, expected: tuple[str, str]) -> None:
    q = by_text(quotes(body), quote)
    assert (q.speaker.name, q.speaker.kind.value) == expected


# The next pronoun goes to the described source, until a named person speaks.
PRONOUNS_AFTER_DESCRIBED = [
    ("“We will reopen the dock by Friday,” a spokesperson for the Riverside Port Authority "
     "said.\n\n“The cranes are already back,” she said.", "The cranes",
     "a spokesperson for the Riverside Port Authority"),
    ("Mayor Ida Brandt toured the dock on Monday.\n\n“We need answers,” a spokesman for the "
     "Harbor Board said. “The board meets on Friday,” he said.", "The board meets",
     "a spokesman for the Harbor Board"),
    # "he" does not fit a spokeswoman: the man named before.
    ("Mayor Carl Brandt toured the dock on Monday.\n\n“We need answers,” a spokeswoman for "
     "the Harbor Board said. “The board meets on Friday,” he said.", "The board meets",
     "Carl Brandt"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), PRONOUNS_AFTER_DESCRIBED)
def test_pronouns_after_a_described_source(body: str, quote: str, speaker: str) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker


# A plural group noun opening a sentence is a group, not a person called "Residents"; the
# "they" that follows is that group.
GROUPS_AT_SENTENCE_START = [
    ("Residents said the water had been “brown for weeks.”", "brown for", ("Residents", "group")),
    ("Officials at the port said the ship had been searched twice. “Nothing was found,” they "
     "said.", "Nothing was found", ("Officials at the port", "group")),
]


@pytest.mark.parametrize(("body", "quote", "expected"), GROUPS_AT_SENTENCE_START)
def test_a_group_noun_at_a_sentence_start(
    body: str, quote: str, expected: tuple[str, str]
) -> None:
    q = by_text(quotes(body), quote)
    assert (q.speaker.name, q.speaker.kind.value) == expected


def test_a_spokeswoman_for_an_unnamed_body_is_a_person_her_pronoun_can_follow() -> None:
    # "for the ministry": the body is not named, but the spokeswoman is still a person
    # described (not the ministry itself), so the "She" that follows is her.
    found = quotes(
        "A spokeswoman for the ministry said the report was “under review”. She added: "
        "“We will respond in due course.”"
    )
    first, second = by_text(found, "under review"), by_text(found, "We will respond")
    assert first.speaker.kind.value == "unnamed"
    assert first.speaker.name == "A spokeswoman for the ministry"
    assert second.speaker.name == "A spokeswoman for the ministry"


# British, Irish and Australian copy refers to a person by age once named with it.
AGED = [
    ("Liam Foley, 45, was jailed on Monday. The 45-year-old told the court: “I am sorry "
     "for what I did.”", "I am sorry", "Liam Foley"),
    ("Marco Silva (23) scored twice. “I am so happy,” said the 23-year-old.", "I am so",
     "Marco Silva"),
    ("23-year-old striker Marco Silva scored twice. “I am so happy,” the 23-year-old "
     "said.", "I am so", "Marco Silva"),
    # No one was given that age: the description as written, never the mayor.
    ("Mayor Tom Berg spoke at the scene. The 23-year-old said: “I saw the whole thing.”",
     "I saw", "the 23-year-old"),
    # No age given, but the description follows a quotation of the person just talking:
    # that person (elegant variation), unless the article gave them another age.
    ("Nursing student Ava Lund said she paid $38 for a taxi. “I cannot do that every "
     "day,” the 22-year-old said.", "I cannot", "Ava Lund"),
    ("Rovers captain Neil Orr said the defeat hurt. “We let the fans down,” the "
     "29-year-old said.", "We let", "Neil Orr"),
    ("Ava Lund, 41, said the rent had doubled. “It is too much,” the 22-year-old said.",
     "It is too", "the 22-year-old"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), AGED)
def test_a_person_referred_to_by_age(body: str, quote: str, speaker: str) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker


# Offices of other countries' copy: a title before the name, and later the description.
OFFICES_ABROAD = [
    ("Labor MP Tim Rowe was angry. “This is a cover-up,” the Labor MP said.", "This is",
     ("Tim Rowe", "Labor MP")),
    ("Former premier Joan Hale spoke at the launch. “It is a disgrace,” the former premier "
     "said.", "It is a", ("Joan Hale", None)),
    ("Mike Tan has led the side since 2019. “We are ready,” the coach said.", "We are",
     ("Mike Tan", None)),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), OFFICES_ABROAD)
def test_offices_abroad(body: str, quote: str, speaker: tuple[str, str | None]) -> None:
    q = by_text(quotes(body), quote)
    assert q.speaker.name == speaker[0]
    if speaker[1]:
        assert q.speaker.role == speaker[1]


def test_a_football_club_is_an_organisation_not_a_person_called_fc() -> None:
    found = quotes(
        "Harbour City FC said in a statement that the manager had “left by mutual consent”. "
        "The club added: “We thank him for his service.”"
    )
    for quote in ("left by", "We thank"):
        q = by_text(found, quote)
        assert (q.speaker.name, q.speaker.kind) == ("Harbour City FC", SpeakerKind.ORGANIZATION)


# "the college", "the board", "the club": the body the article named just before, by its
# full name (with its "of …"), or the club its "FC" names.
BODIES_BY_HEAD = [
    ("The Royal College of Midwives said the figures were a warning. “Care in corridors is "
     "not safe,” the college said.", "Care in", "The Royal College of Midwives"),
    ("The Dunmore Board of Trade warned of the cost. “Every day costs millions,” the board "
     "said.", "Every day", "The Dunmore Board of Trade"),
    ("Kestrel Vale FC condemned the incident. “Those involved will be banned,” the club "
     "said.", "Those involved", "Kestrel Vale FC"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), BODIES_BY_HEAD)
def test_a_body_by_its_head_noun(body: str, quote: str, speaker: str) -> None:
    q = by_text(quotes(body), quote)
    assert (q.speaker.name, q.speaker.kind) == (speaker, SpeakerKind.ORGANIZATION)


# Sports copy names the person just quoted by their post ("the Rovers boss"), and a post
# the article gave someone is theirs.
SPORTS_POSTS = [
    ("His opposite number, Sean Maher, blamed the referee. “It was offside by a yard,” the "
     "Rovers boss said.", "It was offside", "Sean Maher"),
    ("City manager Paul Grennan was furious. Rovers captain Sean Maher was calm. “We will "
     "learn from this,” the City manager said.", "We will learn", "Paul Grennan"),
    ("Kit Arno scored twice. “I just put my head down,” the striker said.", "I just put",
     "Kit Arno"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), SPORTS_POSTS)
def test_sports_posts_stand_for_the_person(body: str, quote: str, speaker: str) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker


# "The witness, whose name was not given, said": an anonymous source kept as described.
def test_the_anonymous_source_with_a_clause_about_them() -> None:
    q = quotes("A bus crashed.\n\nThe witness, whose name was not given, said: “It was dark "
               "and the road was wet.”")[0]
    assert (q.speaker.name, q.speaker.kind.value) == ("the witness", "unnamed")


# "the party said" is the body named before whose name says it is a party of sorts.
def test_the_party_is_the_alliance_named_before() -> None:
    body = ("The Civic Reform Alliance, which sits in opposition, called for the manager to "
            "resign. “This is a failure of leadership,” the party said.")
    q = by_text(quotes(body), "This is a failure")
    assert (q.speaker.name, q.speaker.kind) == ("The Civic Reform Alliance",
                                                SpeakerKind.ORGANIZATION)


# "the MNA said": a title written in capitals stands for the person who holds it; but
# letters that lead a role ("FBI Director …") are the body, and "the FBI" stays the body.
CAPITAL_TITLES = [
    ("The crowd cheered when local MNA Arshad Mehmood arrived. “The funds are stuck,” the "
     "MNA said.", "The funds", "Arshad Mehmood"),
    ("The crowd cheered when FBI Director Ann Cole arrived. “The funds are stuck,” the FBI "
     "said.", "The funds", "the FBI"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), CAPITAL_TITLES)
def test_a_title_in_capitals_is_its_holder(body: str, quote: str, speaker: str) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker


# "the club said": the club named last before, though its name has no "FC" ("Harbourside
# City", "Castlemoor Rovers"), including as the subject before a colon.
CLUBS = [
    ("Harbourside City have signed the winger Tomas Vell.\n\nThe club said in a statement: "
     "“Tomas is one of the most exciting young players in the league.”", "Tomas is one",
     "Harbourside City"),
    ("Castlemoor Rovers were fined after the match.\n\n“Behaviour like that has no place in "
     "our sport,” the club said.", "Behaviour like", "Castlemoor Rovers"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), CLUBS)
def test_the_club_is_the_club_named_before(body: str, quote: str, speaker: str) -> None:
    q = by_text(quotes(body), quote)
    assert (q.speaker.name, q.speaker.kind) == (speaker, SpeakerKind.ORGANIZATION)


# “…,” the post read / the letter reads: the writer, the subject of the sentence before,
# shown with the writing the words come from.
WRITINGS_READ = [
    ("The transfer was confirmed.\n\nAcademy founder Kofi Ansah wrote on Instagram that it "
     "was a record. “From our small pitch to the big stage. Go and make us proud!” the post "
     "read.", "From our small", "Kofi Ansah"),
    ("The board met on Monday.\n\nChair Linda Varga resigned in a letter to colleagues. "
     "“I leave with a clear conscience,” the letter reads.", "I leave", "Linda Varga"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), WRITINGS_READ)
def test_the_writing_read_is_its_writers(body: str, quote: str, speaker: str) -> None:
    q = by_text(quotes(body), quote)
    assert q.speaker.name == speaker
    assert q.speaker.role in ("the post", "the letter")


# "the NGA said", "the agency added" after "the National Grains Authority (NGA)": the
# body's full name, not its letters.
def test_the_acronym_and_the_agency_are_the_full_name() -> None:
    body = ("A senator questioned a contract awarded by the Kessler Grains Authority (KGA).\n\n"
            "In a statement, the KGA said the bidding was “in full compliance with the law.” "
            "The agency added: “We have nothing to hide.”")
    found = quotes(body)
    for quote in ("in full compliance", "We have nothing"):
        assert by_text(found, quote).speaker.name == "Kessler Grains Authority"


# The writer of "the post" or "the letter" may be a description after an opening phrase:
# "In a Facebook post, the sheriff's office praised …", "In a letter, a coalition of 40
# co-ops urged …".
WRITER_DESCRIBED = [
    ("Deputies said the boy acted fast.\n\nIn a Facebook post, the sheriff's office praised "
     "him. “The ice is not safe right now,” the post said.", "The ice", "office"),
    ("Talks went on.\n\nIn a letter to Senate leaders, a coalition of 40 rural cooperatives "
     "urged lawmakers to act. “Our members built the lines,” the letter reads.", "Our members",
     "cooperatives"),
]


@pytest.mark.parametrize(("body", "quote", "last_word"), WRITER_DESCRIBED)
def test_the_writer_may_be_a_description(body: str, quote: str, last_word: str) -> None:
    q = by_text(quotes(body), quote)
    assert q.speaker.resolved and (q.speaker.name or "").endswith(last_word)


# "the Palace said": a head of state's office, a body and not a person named Palace.
def test_the_palace_is_a_body() -> None:
    q = quotes("Asked about the inquiry, the Palace said it would let the Senate “do its job.”")[0]
    assert q.speaker.kind == SpeakerKind.ORGANIZATION


# "the association", "the utility": bodies that head a speaker phrase, named or not.
UNNAMED_BODIES = [
    ("Taps ran dry.\n\nThe residents' association accused the council. In a statement, the "
     "association said: “Every dry season the same excuses are given.”", "Every dry",
     "association"),
    ("Taps ran dry.\n\nThe utility said in a statement that power would return “by the end of "
     "the month.”", "by the end", "utility"),
]


@pytest.mark.parametrize(("body", "quote", "last_word"), UNNAMED_BODIES)
def test_unnamed_bodies_speak(body: str, quote: str, last_word: str) -> None:
    q = by_text(quotes(body), quote)
    assert q.speaker.kind == SpeakerKind.ORGANIZATION
    assert (q.speaker.name or "").endswith(last_word)


# "the board", "the planning appeals board", "The editorial board writes": a body's noun with
# its lower-case modifiers heads the speaker phrase, shown whole.
BOARDS = [
    ("Homes were refused.\n\nIn its decision, the planning appeals board said the scheme would "
     "“endanger public safety.”", "endanger", "the planning appeals board"),
    ("The paper weighed in.\n\nThe editorial board writes: “Are we talking about the same "
     "person?”", "Are we", "the editorial board"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), BOARDS)
def test_a_board_with_its_modifiers_speaks(body: str, quote: str, speaker: str) -> None:
    q = by_text(quotes(body), quote)
    assert (q.speaker.name, q.speaker.kind) == (speaker, SpeakerKind.ORGANIZATION)


def test_the_federation_is_the_federation_named_before() -> None:
    body = ("The Northern Federation of Beekeepers said hive losses had doubled.\n\n"
            "“Our members cannot survive another winter like this,” the federation said.")
    q = by_text(quotes(body), "Our members")
    assert q.speaker.name.removeprefix("The ") == "Northern Federation of Beekeepers"


# "the Finn said", "the Italian added": a nationality as a noun is the person the passage
# is about, not someone named "Finn" or "Italian".
NATIONALITY_NOUNS = [
    ("Harbour Rovers coach Pekka Lindqvist praised his defence. “We waited for our "
     "chance,” the Finn said.", "We waited", "Pekka Lindqvist"),
    ("Striker Giulia Moretti scored twice in the final. “I dreamed of this,” the Italian "
     "said.", "I dreamed", "Giulia Moretti"),
    ("Defender Joost Verbeek was sent off after an hour.\n\n“The referee did not see the "
     "ball,” the Dutchman told reporters.", "The referee", "Joost Verbeek"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), NATIONALITY_NOUNS)
def test_a_nationality_noun_is_the_person_of_the_passage(
    body: str, quote: str, speaker: str
) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker


def test_it_after_a_body_reported_at_the_end_of_a_sentence() -> None:
    # "…, the authority said. “…,” it said": the body named by the trailing cue.
    body = ("The Lakeside Transit Authority announced new timetables on Monday.\n\n"
            "Trains will run every ten minutes from May, the authority said. “Passengers "
            "travelling without tickets will be fined,” it said in a statement.")
    q = by_text(quotes(body), "Passengers")
    assert q.speaker.name.removeprefix("The ") == "Lakeside Transit Authority"


# "“…,” the statement said" after "X said in a statement that …": X, shown with the statement.
STATEMENT_OF = [
    ("The plan was filed in May.\n\nMayor Ana Ruiz said in a statement that the plan was "
     "sound. “We will build it on time,” the statement said.", "We will build", "Ana Ruiz"),
    ("Fares will rise in June.\n\nThe Harbor Transit Authority said in a statement on Friday "
     "that costs had doubled. “We have no other choice,” the statement said.",
     "We have no other", "Harbor Transit Authority"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), STATEMENT_OF)
def test_the_statement_is_whoever_the_sentence_before_says_issued_it(
    body: str, quote: str, speaker: str
) -> None:
    q = by_text(quotes(body), quote)
    assert q.speaker.name is not None and q.speaker.name.endswith(speaker)
    assert q.speaker.role == "the statement"


# "said the Gulls skipper": a post after a team's or party's name (no person's name) is
# the person holding it, by the post's other word in sports copy; one whose team differs
# is not taken.
TEAM_POSTS = [
    ("Gulls captain Brent Mallory was blunt. “We lost,” Mallory said.\n\nReef coach Dan Hale "
     "was thrilled. “Proud of them,” Hale said.\n\nThe Gulls travel next. “We have to win,” "
     "said the Gulls skipper.", "We have to win", "Brent Mallory"),
    ("Gulls captain Brent Mallory was blunt. “We lost,” Mallory said.\n\n“We will be back,” "
     "said the Gulls captain.", "We will be back", "Brent Mallory"),
    ("City manager Ann Roe was pleased. “We earned it,” Roe said.\n\nHis opposite number, "
     "Ben Ruiz, was not. “It was offside,” the Rovers boss said.", "It was offside",
     "Ben Ruiz"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), TEAM_POSTS)
def test_a_post_after_a_team_name_is_its_holder(body: str, quote: str, speaker: str) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker


# "the RDO said": the person whose role's capitalised words have those initials.
def test_a_role_by_its_initials() -> None:
    body = ("The collector visited with Revenue Divisional Officer Kavitha Reddy and Tahsildar "
            "Anil Kumar.\n\n“The survey starts on Monday and ends on Friday,” the RDO said.")
    q = by_text(quotes(body), "The survey")
    assert q.speaker.name == "Kavitha Reddy"


# "the federation" / "the league" / "the society": the body of that kind named before.
BODY_HEADS = [
    ("The Amalgamated Metalworkers' Federation backs a shorter week; “it is about who gets "
     "the gains,” the federation says.", "it is about", "Metalworkers' Federation"),
    ("The Southern Rugby League fined the club. “Standards matter,” the league said.",
     "Standards matter", "Southern Rugby League"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), BODY_HEADS)
def test_a_body_by_its_kind(body: str, quote: str, speaker: str) -> None:
    q = by_text(quotes(body), quote)
    assert q.speaker.name is not None and q.speaker.name.endswith(speaker)


# "the companies said" after two bodies joined by "and": both of them; no pair, no guess.
BODIES_TOGETHER = [
    ("Marrow Seeds Ltd. and Tolland Grain Corp. agreed to merge on Monday. “We are stronger "
     "as one,” the companies said in a joint statement.", "We are stronger",
     "Marrow Seeds Ltd and Tolland Grain Corp"),
    ("Quarry Bank and Edsel Bank will share cash machines. “Customers gain 900 machines,” "
     "the banks said.", "Customers gain", "Quarry Bank and Edsel Bank"),
    ("Quarry Bank and Edsel Bank will share cash machines. “Customers gain 900 machines,” "
     "the two banks said.", "Customers gain", "Quarry Bank and Edsel Bank"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), BODIES_TOGETHER)
def test_the_companies_are_the_pair_named_together(body: str, quote: str, speaker: str) -> None:
    q = by_text(quotes(body), quote)
    assert (q.speaker.name, q.speaker.kind) == (speaker, SpeakerKind.ORGANIZATION)


def test_the_companies_without_a_pair_named_together() -> None:
    body = ("Marrow Seeds Ltd. cut prices on Monday. Its rival, Tolland Grain Corp., followed. "
            "“Prices will stay low,” the companies said.")
    assert " and " not in (by_text(quotes(body), "Prices will").speaker.name or "")


# "her husband" / "his sister" as a speaker: the person the article gave that relation
# ("… with her husband, Karim Saleh"), not a described source with no name.
KIN_SPEAKERS = [
    ("Amira Haddad runs the bakery with her husband, Karim Haddad. “We open at five,” she "
     "said. “Sometimes four,” her husband added.", "Sometimes four", "Karim Haddad"),
    ("Tomas Berg's sister, Lena Berg, kept the shop open. “He would have wanted that,” Tomas "
     "Berg said.\n\n“We had no choice,” his sister said.", "We had no choice", "Lena Berg"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), KIN_SPEAKERS)
def test_a_relation_speaks_for_the_person_given_it(body: str, quote: str, speaker: str) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker


# Match reports: "the 24-year-old" with no one given that age, in a quotation opening the
# paragraph after the one a player led; "the all-rounder" / "the spinner" for the player
# the passage is about.
MATCH_REPORTS = [
    ("Off-spinner Ravi Menon took four for 22 as the hosts won by 40 runs.\n\n"
     "Menon, in only his third match, removed both openers before lunch.\n\n"
     "\"I just tried to hit the same spot,\" the 22-year-old said.",
     "I just tried", "Ravi Menon"),
    ("Ravi Menon took four for 22 as the hosts won.\n\n"
     "Opener Dilan Fonseka, who made 77, said the pitch had been slow.\n\n"
     "\"We had to be patient out there,\" the all-rounder said.",
     "We had to be", "Dilan Fonseka"),
    ("The visitors collapsed after tea on the second day.\n\n"
     "Leg-spinner Tomasz Wilk, playing his first Test, took three wickets in an over.\n\n"
     "\"I was shaking when I came on,\" the spinner said.",
     "I was shaking", "Tomasz Wilk"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), MATCH_REPORTS)
def test_a_player_described_after_the_paragraph_they_led(
    body: str, quote: str, speaker: str
) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker


# Court and study copy: "the judge ruled" after "Justice …" is that justice ("ruled" is a
# cue); "The authors wrote that …" is the authors as a group; "the Kildare handler" is a
# description, never a person called Kildare.
COURT_AND_STUDY = [
    ("Justice Amaka Obi granted the application on Monday.\n\n\"The accused must report to "
     "the police every week,\" the judge ruled.", "The accused must", "Amaka Obi"),
    ("The study followed 900 cyclists for a decade.\n\nThe authors wrote that the results "
     "\"should worry every city planner\".", "should worry", "the authors"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), COURT_AND_STUDY)
def test_court_and_study_speakers(body: str, quote: str, speaker: str) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker


def test_a_trainer_described_by_a_place_is_not_the_place() -> None:
    q = by_text(
        quotes("Bold Venture won the Derby by a neck.\n\n\"He has a big heart,\" said the "
               "Kildare handler."),
        "He has a big heart",
    )
    assert q.speaker.name != "Kildare" and q.speaker.kind is not SpeakerKind.PERSON
