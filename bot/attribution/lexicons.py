"""Small word lists the attribution rules lean on. Lower-case unless noted."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Verbs that double their last consonant before -ed and -ing.
_DOUBLING = frozenset("quip snap jab rip admit rebut fret brag chat concur".split())


def _inflect(base: str) -> set[str]:
    """say -> says, saying, sayed (harmless); regular English inflections of a verb."""
    forms = {base}
    if base in _DOUBLING:  # quip -> quipped, quipping
        return forms | {base + "s", base + base[-1] + "ed", base + base[-1] + "ing"}
    if base.endswith("e"):
        forms |= {base + "s", base + "d", base[:-1] + "ing"}
    elif base.endswith("y") and base[-2:-1] not in "aeiou":
        forms |= {base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    elif base.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {base + "es", base + "ed", base + "ing"}
    else:
        forms |= {base + "s", base + "ed", base + "ing"}
    return forms


_REGULAR_CUES = """
add acknowledge admit advise affirm agree allege announce answer argue ask assert assure
blast boast brag caution charge chide claim comment complain concede conclude confess confirm
contend continue counter crow declare decry demand deny describe dismiss emphasize emphasise
estimate exclaim explain fume gush insist joke lament marvel mock muse note object observe
opine plead pledge point post predict proclaim promise protest question quip rail recall
recount reflect reiterate remark remind repeat reply report respond retort scoff shout sigh
snap state stress suggest tease testify thunder tweet urge vow warn whisper wonder yell
accuse blame praise slam criticize criticise condemn dismiss hail thank challenge tout
reveal disclose interject interrupt bemoan deride chant scream plead talk text email
insist muse concur quote lash characterize characterise indicate bark gripe rant sneer
jab vent rip chuckle laugh react demand
snipe ponder grouse gloat scold rebut fret grumble mutter speculate surmise elaborate riff
imply denounce brag chat concur interject lecture exhort propose
defend reject portray assail lambast ridicule applaud rate hint nickname anticipate express
reference retaliate herald
""".split()

# Past tenses only where the base form is mostly something else ("the press", "I remember").
_IRREGULAR_CUES = """
say says said saying tell tells told telling write writes wrote writing written
speak speaks spoke speaking tweeted tweeting retweeted shot fired
shoots fires sang sings sing singing
pressed remembered reasoned summarized summarised underscored echoed disagreed raved taunted
needled berated roared bellowed hollered murmured mumbled stammered confided beamed
found finds
ruled rules
""".split()

SPEECH_VERBS: frozenset[str] = frozenset(
    {form for base in _REGULAR_CUES for form in _inflect(base)} | set(_IRREGULAR_CUES)
) - {"state", "states"}  # far more often the noun ("the state of the campaign")
# "added" and the like only after a subject or quote; plain "called" only with an object:
# "Trump called it “a disaster”" names the speaker, "a so-called “deal”" does not.
WEAK_VERBS: frozenset[str] = frozenset(
    {
        form
        for base in (
            "call",
            "describe",
            "dub",
            "label",
            "term",
            "brand",
            "cite",
            "read",
            "refer",
            "attack",
            "advocate",
        )
        for form in _inflect(base)
    }
    | {"put", "puts", "putting", "referred", "referring", "labelled", "labelling"}
)

# Words whose 's is "is", not a possessive: "Then there's Tom Axel."
CONTRACTED_IS = frozenset("there here that it what who he she where how".split())

# Nouns that end like adverbs: "said Pike ally Tom Vian".
LY_NOUNS = frozenset("ally family rally belly bully".split())

# Words between a subject and its verb that do not end the subject: "Trump has also said".
AUXILIARIES = _words(
    "has have had also later then once would will could might may again previously recently "
    "earlier subsequently frequently often repeatedly publicly privately simply flatly "
    "reportedly allegedly quickly angrily famously first initially last finally further "
    "is was were are been be being had've did does do not never even just already still"
)

# Titles stripped from the front of a name: "Russian President Vladimir Putin" -> Putin.
TITLES = _words(
    "mr mr. mrs mrs. ms ms. miss dr dr. sir dame lord lady prof prof. professor "
    "president vice secretary senator sen sen. rep rep. representative gov gov. governor "
    "del. delegate "  # a state delegate: "said Del. Ana Ruiz (D-Howard)"
    "mayor minister prime chancellor general gen gen. lt lt. col col. colonel major maj maj. "
    "capt capt. captain admiral adm adm. sgt sgt. sergeant commander chief justice judge "
    "ambassador ambassador. speaker leader director deputy attorney spokesman spokeswoman "
    "spokesperson press state defense defence foreign interior treasury homeland "
    "king queen prince princess pope rev rev. reverend rabbi father sister brother "
    "sheikh emir ayatollah chairman chairwoman chair ceo cfo coach commissioner congressman "
    "congresswoman councilman councilwoman councillor councilor superintendent inspector "
    "envoy adviser advisor former acting interim lady dep dep. assistant associate "
    "special senior junior national security house white federal supreme u.s. us "
    "sheriff detective officer trooper deputy-director pastor archbishop bishop cardinal "
    "rep.-elect sen.-elect gov.-elect president-elect vice-president "
    # Westminster-style and other countries' members and offices: "Labor MP Tim Rowe".
    "mp mep msp mla mpp premier treasurer taoiseach "
    # Asian and African honorifics and ranks: "Datuk Seri Anwar Hamid", "Alhaji Musa Bello",
    # "Hon. Ada Eze", "Engr", "Atty.", "ASP Kato" (a police rank); "Tan Sri": see split_name
    # ("tan" itself is a surname).
    "madam mdm mdm. datuk dato dato' datin seri sri tun puan atty atty. engr engr. shri smt "
    "smt. shrimati alhaji alhaja mallam hon hon. rt rt. barr barr. asp cde adv adv."
)

# Capitalised words that head or belong to organisations and places, never people.
ORG_WORDS = _words(
    "kremlin pentagon house senate congress parliament duma government administration "
    "department ministry agency commission committee council court party union office "
    "campaign bureau service services institute university college school foundation "
    "association corporation corp corp. inc inc. co co. ltd ltd. company group bank fund "
    "post times journal news network press reuters tribune herald guardian telegraph "
    "nato un eu cia fbi nsa irs epa cdc who imf opec gop dnc rnc kgb fsb afp ap bbc cnn "
    "msnbc fox nbc abc cbs npr pbs twitter facebook google apple microsoft amazon "
    "army navy police military forces force command embassy consulate cabinet "
    "board authority league federation coalition alliance society "
    "republicans democrats republican democratic state states street city county "
    "fc afc club "  # "Harbour City FC said"
    "chamber chambers "  # "the Scottish Chambers of Commerce said"
    "palace "  # "the Palace said": a head of state's office
    "diocese archdiocese church"  # "the Diocese of Kilcarra said", "the Church of Ireland"
)

# Heads of plural nouns that make a group speaker: "Russian officials", "critics".
GROUP_NOUNS = _words(
    "officials authorities lawmakers legislators democrats republicans critics analysts "
    "experts economists protesters demonstrators residents voters supporters opponents "
    "aides advisers advisors sources people leaders diplomats officers investigators "
    "prosecutors researchers scientists authors activists members organizers organisers workers "
    "doctors nurses teachers students parents families witnesses observers commentators "
    "strategists pollsters insiders executives negotiators ministers senators "
    "representatives governors mayors spokesmen spokespeople rebels militants soldiers "
    "troops police residents villagers farmers employees staffers staff allies "
    "conservatives liberals progressives evangelicals campaigners scholars historians "
    "lawyers attorneys judges justices generals commanders agencies groups organizations "
    "organisations companies firms banks unions governments states countries nations "
    "regulators ministries administrators others many some both commissioners trustees "
    "councillors councilors delegates jurors shareholders inspectors firefighters "
    "survivors victims relatives neighbors neighbours customers passengers fans "
    "protestors marchers petitioners plaintiffs defendants landlords tenants "
    "crowd crowds audience audiences "  # "The crowd chanted, “…”"
    "parishioners worshippers"
)

ORG_NOUNS = _words(
    "kremlin pentagon government administration ministry department agency commission "
    "committee council court party campaign company firm group organization organisation "
    "union office bureau embassy army military police statement report study survey poll "
    "white house spokesman's network newspaper paper magazine website site outlet "
    "coalition alliance movement foundation institute university club association utility "
    "board diocese archdiocese church"
)

PRONOUNS_MALE = _words("he him his")
PRONOUNS_FEMALE = _words("she her hers")
PRONOUNS_PLURAL = _words("they them their we i you it")

MALE_WORDS = _words(
    "mr mr. spokesman chairman congressman councilman king prince father brother son "
    "husband sir lord emir sheikh pope boy man businessman grandfather uncle nephew shri "
    "alhaji"
)
FEMALE_WORDS = _words(
    "mrs mrs. ms ms. miss spokeswoman chairwoman congresswoman councilwoman queen princess "
    "mother sister daughter wife dame lady girl woman businesswoman grandmother aunt niece "
    "madam mdm smt shrimati alhaja"
)

MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}

# Capitalised words that start sentences or name things but are never a person's name.
NOT_NAMES = (
    _words(
        "the a an this that these those it its he she they we i you his her their our my "
        "but and or so yet if when while after before as in on at of for to from with by "
        "mr mrs ms dr however meanwhile still also then now there here what who why how "
        "monday tuesday wednesday thursday friday saturday sunday "
        "january february march april may june july august september october november december "
        "jan feb mar apr jun jul aug sep sept oct nov dec god "
        "whatever whoever although because despite during since unless until where which whose "
        "why yes no not now perhaps maybe indeed instead even just only yet both either neither "
        "each every all any few many most several such other another "
        "one two three four five asked pressed speaking according meanwhile still "
        "editor’s editor's note update updated read watch related photo video breaking "
        "new i'm i’m i've i’ve i'd i’d i'll i’ll we're we’re we've we’ve it's it’s that's that’s "
        "there's there’s let's let’s "
        # sentence openers seen before a colon or a verb: "Latest: …", "Wait: …"
        "latest wait across likewise often rather"
    )
    | ORG_WORDS
)

COUNTRIES = _words(
    "russia ukraine china america india iran iraq israel syria turkey germany france britain "
    "england japan korea mexico canada cuba venezuela brazil poland italy spain egypt "
    "afghanistan pakistan europe africa asia moscow kyiv kiev washington beijing london "
    "paris berlin tehran jerusalem gaza taiwan hungary belarus georgia latvia lithuania "
    "estonia finland sweden norway denmark greece romania qatar yemen lebanon libya "
    "nigeria kenya australia vietnam "
    "alabama alaska arizona arkansas california colorado connecticut delaware florida "
    "hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland "
    "massachusetts michigan minnesota mississippi missouri montana nebraska nevada ohio "
    "oklahoma oregon pennsylvania tennessee texas utah vermont virginia wisconsin wyoming "
    "carolina dakota angeles francisco vegas "
    "chicago boston philadelphia atlanta miami houston dallas seattle denver detroit "
    "baltimore cleveland brooklyn manhattan queens bronx harlem york jersey hampshire "
    "orleans"
)

# Lower-case words that may sit inside a speaker's noun phrase before or after the name:
# "Kremlin spokesman Dmitry Peskov", "the economist Jared Bernstein".
ROLE_WORDS = _words(
    "spokesman spokeswoman spokesperson secretary adviser advisor professor official "
    "minister economist analyst president senator candidate chairman chairwoman chair director "
    "leader manager strategist pollster lawyer attorney press campaign former deputy senior "
    "national security chief top general retired emeritus host anchor reporter correspondent "
    "editor columnist commentator author historian expert scientist researcher governor mayor "
    "representative congressman congresswoman ambassador envoy negotiator diplomat officer "
    "commander founder executive head member chief-of-staff staff aide consultant operative "
    "presidential vice assistant associate acting interim republican democratic "
    "conservative liberal progressive independent political foreign defense defence "
    "military white house state federal prime lawmaker judge justice prosecutor "
    "activist organizer spokespeople owner president-elect nominee hopeful front-runner "
    "frontrunner rival challenger incumbent co-founder ceo cfo strategist pastor bishop "
    "father mother wife husband son daughter brother sister friend colleague supporter family "
    "critic opponent economist physician doctor surgeon teacher student resident voter "
    "businessman businesswoman billionaire developer investor banker lobbyist donor "
    # sports posts before a name: "Left-arm spinner Nuwan Perera", "opener Tamim Chowdhury"
    "striker midfielder defender goalkeeper winger spinner seamer paceman bowler batter "
    "batsman opener all-rounder wicketkeeper jockey "
    "of for at"
)

DETERMINERS = _words("the a an his her their its our my another some")


# ---- word lists the rule modules use (each says what it is for) ----

SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we", "who", "you"})
# Words that open a clause and so can never start a speaker's noun phrase.
NOT_SUBJECT_START = frozenset(
    "and but or because as while when that which if so nor to for with by from in on at "
    "of about after before since than then though although unless until where whether "
    "not no is was are were be been has have had do does did will would can could should "
    "may might must also even just only still yet".split()
)
STOP_PREPS = frozenset(
    "on in at aboard during via through from to over before after that when while".split()
)
TELL = frozenset(
    {
        "told",
        "tell",
        "tells",
        "telling",
        "asked",
        "asks",
        "asking",
        "assured",
        "assures",
        "reminded",
        "warned",
        "urged",
        "informed",
        "advised",
    }
)
HEADLINE_VERBS = frozenset(
    "says tells warns claims praises slams blasts calls writes tweets asks urges vows "
    "insists admits accuses denies".split()
)
DISCOURSE = frozenset(
    "meanwhile however though too also moreover instead nonetheless nevertheless "
    "therefore then later earlier again indeed".split()
)
SPEECH_NOUNS = frozenset(
    "conclusion conclusions call remark remarks comment comments words statement "
    "statements claim claims description assertion warning warnings promise pledge vow "
    "slogan message rhetoric argument speech tweet tweets letter report testimony "
    "characterization criticism accusation response reply answer interview op-ed essay "
    "column editorial memo announcement declaration plea refrain mantra quip joke "
    "insistence admission complaint prediction".split()
)
MODALS = frozenset("will would could can might may should must shall".split())
TIME_TAIL = frozenset(
    "later earlier ago week weeks month months year years night morning afternoon evening "
    "day days weekend monday tuesday wednesday thursday friday saturday sunday".split()
)
# Words opening a described speaker after a quotation: “…,” one Labour backbencher said.
INDEFINITE_SPEAKERS = frozenset("a an one another the".split())
# Words opening a clause set off by commas between a described speaker and its verb ("one
# driver, who asked not to be named, said"; "an aide, speaking on condition of anonymity,").
CLAUSE_OPENERS = frozenset(
    "who whose which speaking asking declining requesting quoted interviewed".split()
)
# Adverbs that open a clause without a comma after them: "Then Trump went …".
LONE_ADVERBS = frozenset("then now still also instead again finally eventually soon".split())
OPENERS = frozenset(
    "though however meanwhile like unlike despite amid among under over during since "
    "instead still later earlier now then asked pressed speaking ever once here there "
    # sentence adverbs set off by a comma: "Afterwards, she was blunt."
    "afterwards afterward nevertheless nonetheless separately elsewhere overall initially "
    "eventually finally ultimately moreover furthermore besides privately publicly".split()
)
# "issued a statement saying": the statement's author is the clause's subject.
UTTERANCES = frozenset(
    "statement release letter tweet tweets post memo message video ad email e-mail "
    "interview speech remarks note".split()
)
# Verbs that put their subject after them: "…, said Solovey, “…”".
INVERTING = frozenset(
    "said says added asked wrote writes continued replied explained noted recalled "
    "declared insisted argued warned".split()
)
PARTICIPLE_OPENERS = frozenset({",", "by", "after", "while", "before", "when", "and", "—", "–"})
BEFORE_MONTH = frozenset("in since until by early late mid of last this next through".split())
# Words that end a description before a speech verb: a clause, not an appositive.
NOT_DESCRIPTION = frozenset(
    "who which that whose whom said says told added is was are were has had have will would "
    "but because when while if as".split()
)
QUANTIFIERS = frozenset(
    "one two three four five several some many few most both all each every another other "
    "any no".split()
)
NP_STOP = frozenset(
    "who which that in on at during after before when while as because but and to from "
    "with about said says told added wrote".split()
)
LEADING_PARTICIPLES = frozenset("speaking writing posting testifying".split())
NOT_SIGNATURES = frozenset(
    "reporting editing writing additional photo photos source sources credit credits via "
    "the end compiled updated".split()
)
# An appositive holding one of these is a clause, not a role.
CLAUSE_VERBS = frozenset("is was are were has had have will would can could".split())
HONORIFICS = frozenset(
    "mr mr. mrs mrs. ms ms. miss dr dr. sir dame madam mdm mdm. shri smt smt. alhaji alhaja".split()
)
# Honorifics written before the given name rather than the family name ("Alhaji Musa" for
# Alhaji Musa Bello; "Mr Bello" is the family name).
BEFORE_GIVEN_NAME = frozenset("alhaji alhaja".split())
# A mention right after one of these is an object, not the subject a pronoun refers to.
OBJECT_BEFORE = frozenset(
    "with to of for from by about against on in at over than between like into toward "
    "towards under without outside inside near across around behind beyond through met "
    "told asked urged called invited defeated beat backed "
    "endorsed criticized attacked praised named appointed thanked blamed accused "
    "replace replaced succeeded joined supporting support supported and or the a an "
    # the -ing forms of the same verbs: "the sense of backing Gil Jonas"
    "backing endorsing criticizing attacking praising thanking blaming accusing replacing "
    "joining choosing electing defeating inviting urging meeting".split()
)
ORG_HEADS = frozenset(
    "company firm agency organization organisation group ministry department office "
    "campaign union party network administration government committee commission council "
    "court bureau newspaper paper website outlet foundation institute university coalition "
    "alliance association embassy police army military regulator "
    # Bodies of other countries' copy: "the college said" after "the Royal College of
    # Nursing", "the board" (of trade), "the club", "the trust" (an NHS trust).
    "college board club trust "
    "federation league society authority "  # "the federation says" after "… Federation"
    "airline carrier "  # "the airline said" after "Skyward Air"
    "diocese archdiocese church".split()  # "the diocese said" after "the Diocese of …"
)
# Letters after a name for an office or an honour (as written, upper case): "Ann Rowe MP".
POST_NOMINALS = frozenset("TD MP MSP MLA MEP MPP MHA MLC QC KC OBE MBE CBE".split())
# "the bank said": a business or institution named before (source_phrases.named_body).
BUSINESS_HEADS = frozenset(
    "company firm bank lender retailer airline carrier insurer operator chain manufacturer "
    "automaker carmaker broadcaster publisher charity group startup developer brewer "
    "supermarket utility hospital university school district regulator network agency "
    "foundry factory mill".split()  # "Brightmoor Castings, a 400-employee foundry,"
)
# Words in an organisation's name that a generic head stands for: "the club" is "Harbour
# City FC", "the party" the "Democratic Civic Alliance".
ORG_HEAD_NAMES = {
    "club": ("fc", "afc", "cf"),
    "party": ("alliance", "front", "movement", "congress", "bloc", "greens", "labour", "labor"),
    **dict.fromkeys(("airline", "carrier"), ("air", "airlines", "airways", "aviation")),
}
# Last words of a football club's name, which copy rarely ends in "FC": "Harbourside City
# have signed …", later "the club said".
CLUB_NAME_ENDS = (
    "City United Rovers Town Athletic Wanderers Albion Rangers County FC AFC CF"
).split()
COMPANY_SUFFIXES = frozenset(
    "inc inc. corp corp. co co. llc ltd ltd. plc group holdings airlines airways motors "
    "technologies systems energy bank labs partners media foods industries international "
    "pharmaceuticals pharma therapeutics capital insurance air".split()
)
# Heads of descriptions that stand for one person: "the Vermont senator".
PERSON_HEADS = frozenset(
    "senator governor president candidate nominee secretary spokesman spokeswoman "
    "billionaire businessman businesswoman mogul congressman congresswoman lawmaker mayor "
    "chairman chairwoman pontiff pope actor actress host anchor front-runner frontrunner "
    "speaker leader minister chancellor king queen prince general judge justice "
    "ambassador envoy director executive ceo founder author economist professor "
    "republican democrat contender hopeful rival challenger incumbent veteran star "
    "comedian singer rapper tycoon magnate developer preacher reverend rabbi bishop "
    # Offices and posts of other countries' copy ("the former premier", "the Labor MP").
    "premier mp mep msp mla treasurer councillor councilor taoiseach coach captain "
    # Sports copy names the person just quoted by their post: "the Rovers boss said".
    "boss manager skipper striker midfielder defender goalkeeper winger "
    # cricket, rugby and racing posts: "the all-rounder said", "the jockey said"
    "all-rounder allrounder batter batsman bowler spinner seamer paceman opener "
    "wicketkeeper fly-half scrum-half flanker jockey handler trainer".split()
)
# Sports copy's other words for a post: "the Gulls skipper" after "Gulls captain Brent …".
POST_SYNONYMS = {"skipper": "captain", "boss": "manager", "gaffer": "manager"}
# Offices one person does not hold two of at once: "the judge" is not a vice president.
OFFICES = frozenset(
    "senator governor president secretary mayor pope pontiff chancellor minister judge "
    "justice ambassador king queen prince rabbi bishop reverend professor".split()
)
# Title abbreviations as the office they stand for.
OFFICE_ABBREVIATIONS = {
    "sen": "senator",
    "gov": "governor",
    "pres": "president",
    "prof": "professor",
    "rev": "reverend",
    "rep": "representative",
    "sgt": "sergeant",
    "atty": "attorney",
    "adv": "advocate",  # South African and Indian courts: "Adv. Lindiwe Mahlangu"
    "del": "delegate",
}
# A title whose holder copy also calls by another word: "Justice Folake Ayeni" is "the judge".
TITLE_ALSO = {"justice": "judge"}
# "the Ukrainian leader" is whoever the article calls its president or prime minister.
LEADER_HEADS = frozenset("leader head".split())
LEADER_ROLES = frozenset(
    "president premier chancellor minister king queen leader dictator ruler emir".split()
)
PARTIES = {
    "republican": "r",
    "republicans": "r",
    "gop": "r",
    "democratic": "d",
    "democrat": "d",
    "democrats": "d",
    "labour": "l",
    "conservative": "c",
    "tory": "c",
}
NOT_HEAD_NOUNS = frozenset(
    "he she they we i you it who which that also then later and or but has had have was "
    "were is are be been".split()
)
# "Her father, Brad, 39, …": a first name in apposition to a relative.
KIN_GENDER = {
    **dict.fromkeys("father husband son brother grandfather uncle nephew boyfriend".split(), "m"),
    **dict.fromkeys("mother wife daughter sister grandmother aunt niece girlfriend".split(), "f"),
    **dict.fromkeys("partner spouse child fiancé fiancee fiance cousin friend".split(), ""),
}
# Heads of descriptions that stand for someone deliberately left unnamed.
ANONYMOUS = frozenset(
    "official source person insider operative staffer aide diplomat officer employee "
    "resident witness".split()
)
DOCUMENTS = frozenset(
    "statement report study survey poll letter memo analysis document filing release "
    "complaint lawsuit indictment ruling decision order "
    # what a campaign, a paper or a court filing "says": "The ad says", "the petition reads"
    "ad advertisement commercial email petition editorial suit video mailer flyer".split()
)
# What a person or body writes and "reads" ("“…,” the post read"), its author the subject
# of the sentence before.
WRITINGS = frozenset("post tweet letter message note email".split())
SPOKES = frozenset(
    "spokesman spokeswoman spokesperson representative rep official statement".split()
)
NOT_ROLE_START = frozenset(
    "who whose which that and but or said says told wrote added was is has had will would "
    "in on at with for to from by as if when while".split()
)
BETWEEN_WORDS = frozenset(
    "of has had have also later then once again previously recently on last this Monday "
    "Tuesday Wednesday Thursday Friday Saturday Sunday week night".split()
)
WORK_NOUNS = frozenset(
    "book books film movie documentary song album show series episode article essay op-ed "
    "column editorial headline memoir novel play poem report program programme podcast "
    "titled entitled headlined dubbed nicknamed so-called slogan motto hashtag sign signs "
    "banner t-shirt t-shirts hat hats concert musical exhibit exhibition tour film's "
    "program's show's".split()
)
# Words naming what follows whatever its case: a so-called “efficiency plan”.
NAMING_WORDS = frozenset(
    "titled entitled headlined dubbed nicknamed so-called slogan motto hashtag".split()
)
NOT_HEADLINE_LABELS = frozenset(
    "update watch exclusive breaking video photos live opinion analysis review editorial "
    "commentary report poll editor’s editor's note read listen transcript".split()
)
TITLE_SMALL_WORDS = frozenset("with from into onto over upon than that this about".split())
# Words a title may leave in lower case: "Meet the Region", "Gone with the Tide".
TITLE_FUNCTION_WORDS = frozenset(
    "a an the of on in to for and or at by with from but nor as vs vs. per via up into "
    "over upon than that this about".split()
)
NAMING_VERBS = frozenset("call calls called dub dubs dubbed nickname nicknamed".split())
GENERIC = frozenset("people many some locals townspeople residents fans everyone others".split())
PREPOSITIONS = frozenset(
    "with to of for from by about against on in at over than between like into toward "
    "towards under without through after before during".split()
)
AGENT_ADVERBS = frozenset("later also then again first once since".split())

# A describing noun and the words that tie it to a body: "a spokesperson for the Riverside
# Port Authority", "an official at the ministry", "a member of the union".
DESCRIPTION_LINKS = frozenset("for of at with from in".split())
# Determiners that open the description of a source the article does not name.
DESCRIPTION_OPENERS = frozenset("a an one another two three several some the".split())
# Speech verbs a headline capitalises right after a name ("Brandt Said ‘No Deal’"): never
# part of the name.
HEADLINE_SAYS = frozenset(
    "said says told tells adds added writes wrote asks asked warns warned insists insisted "
    "urges urged claims claimed admits admitted vows vowed slams slammed".split()
)
