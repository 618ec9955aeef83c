"""Speaker phrases next to a cue that are not a plain name: an indefinite description
("said one estate agent in Leeds", "a former U.K. port police officer"), the body that
issued a document ("according to a statement from the ministry"), and the author of a
word for something said ("Quint's finding that …", "a report from the group").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from bot.attribution.given_names import is_given_name
from bot.attribution.lexicons import (
    AGENT_ADVERBS,
    ANONYMOUS,
    BUSINESS_HEADS,
    CLAUSE_OPENERS,
    DESCRIPTION_LINKS,
    DOCUMENTS,
    FEMALE_WORDS,
    GROUP_NOUNS,
    INDEFINITE_SPEAKERS,
    MALE_WORDS,
    PARTIES,
    PERSON_HEADS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    SPOKES,
    WRITINGS,
)
from bot.attribution.model import Speaker, SpeakerKind
from bot.attribution.people import PRONOUN_WINDOW, Entities, Mention
from bot.attribution.phrases import (
    np_left,
    np_right,
)
from bot.attribution.text import Token, tokens


def _issuer(
    toks: list[Token], found: tuple[int, int, str | None] | None, n: int
) -> tuple[int, int, str | None] | None:
    """ "according to a statement from the ministry": the body that issued the document,
    when the phrase found is a document followed by "from"/"by" and a name."""
    if found is None:
        return None
    a, b, _ = found
    inner = next(
        (d for d in range(a, b - 2) if toks[d].lower in DOCUMENTS and toks[d + 1].lower == "by"),
        -1,
    )
    if inner >= 0:
        return inner + 2, b, None  # "a letter by Mayor Ada Pike" read as one phrase
    if b + 1 >= n or toks[b - 1].lower not in DOCUMENTS or toks[b].lower not in ("from", "by"):
        return found
    issuer = np_right(toks, b + 1, n)
    if issuer is None or not (
        any(t.capitalized for t in toks[issuer[0] : issuer[1]]) or toks[issuer[0]].lower == "the"
    ):
        return found
    return issuer[0], issuer[1], None


def _head_before_link(toks: list[Token], v: int) -> int:
    """The noun a description's "in"/"at"/"for" follows ("one estate agent in Perth"), else
    the last word before the verb."""
    link = next((k for k in range(2, v) if toks[k].lower in DESCRIPTION_LINKS), v)
    return link - 1


def _indefinite_right(toks: list[Token], a: int, n: int) -> tuple[int, int, None] | None:
    """ "said one estate agent in Leeds", "according to one miner": a described speaker no
    word list knows, to the clause's end (as the subject-first form does)."""
    if a + 1 >= n or toks[a].lower not in INDEFINITE_SPEAKERS:
        return None
    b = a + 1
    while (
        b < n
        and toks[b].text.replace("-", "").replace("’", "").replace(".", "").isalpha()
        and toks[b].lower not in _RELATIVES
    ):
        b += 1
    if b - a <= 8 and (b == n or toks[b].text in ",." or toks[b].lower in _RELATIVES):
        return a, b, None
    return None


_RELATIVES = frozenset("who whose which that".split())
_AGE_WORD = re.compile(r"^\d{1,3}-(?=year-old)")


def _before_relative(toks: list[Token], v: int) -> int:
    """Where the subject ends before verb `toks[v]` when a relative or participle clause
    set off by commas sits between them ("one driver, who asked not to be named, said"),
    else `v`."""
    if v < 4 or toks[v - 1].text != ",":
        return v
    k = v - 2
    while k > 1 and toks[k].text != ",":
        k -= 1
    # (or an appositive: "One customer, a guitarist who has played them for years, called")
    if toks[k].text == "," and (
        toks[k + 1].lower in CLAUSE_OPENERS
        or toks[k + 1].lower in ("a", "an")
        # any participle: "One elderly man, leaning on a stick, told the meeting:"
        or toks[k + 1].text.endswith("ing")
        and toks[k + 1].text.isalpha()
        and k + 1 < v - 2
    ):
        return k
    return v


def _before_who(toks: list[Token], v: int) -> int:
    """ "One consultant who has worked for both camps described …": where the subject ends
    before a relative clause without commas (its "who" within the first six words); not
    after "the" ("The person who plays Trump …" is someone the article goes on about)."""
    if toks[0].lower == "the":
        return v
    return next((k for k in range(2, min(6, v - 1)) if toks[k].lower == "who"), v)


def _indefinite_subject(toks: list[Token], v: int) -> tuple[int, int, None] | None:
    """ "One truck driver said: …", "A nurse, who asked not to be named, said …": a
    described speaker opening the sentence, whose noun no word list knows."""
    while v > 2 and toks[v - 1].lower in AGENT_ADVERBS:
        v -= 1  # "A spokesman for the trust later added: …"
    head_end = _before_relative(toks, v)
    head_end = _before_who(toks, v) if head_end == v else head_end
    if (
        head_end >= 2
        # ("A youth leader in the community said:": a longer one only with its link)
        and (head_end <= 5 or head_end <= 7 and _head_before_link(toks, head_end) < head_end - 1)
        and toks[0].lower in INDEFINITE_SPEAKERS
        # "The driver said": someone the article named before; but "The witness, whose
        # name was not given, said": an anonymous source with a clause about them.
        and (toks[0].lower != "the" or head_end < v and toks[head_end - 1].lower in ANONYMOUS)
        # ("One 15-year-old participant said": an age in the description too)
        and all(_AGE_WORD.sub("", t.text).replace("-", "").isalpha() for t in toks[1:head_end])
        and not toks[_head_before_link(toks, head_end)].capitalized
    ):
        return 0, head_end, None
    return None


def _with_participle(toks: list[Token], v: int) -> tuple[int, int, None] | None:
    """ "…, with one fan writing: …", "with another resident saying": the described
    subject of the participle `toks[v]` after "with", not the sentence's subject."""
    a = v - 1
    while a > 0 and v - a <= 5 and toks[a].lower not in ("a", "an", "one", "another"):
        if not toks[a].text.replace("-", "").isalpha():
            return None
        a -= 1
    if (
        a > 0
        and v - a >= 2
        and toks[a - 1].lower == "with"
        and toks[a].lower in ("a", "an", "one", "another")
        and not toks[v - 1].capitalized
    ):
        return a, v, None
    return None


def _the_writing(toks: list[Token]) -> bool:
    """Do the words open with "the post", "the letter" (a writing that "reads")?"""
    return len(toks) > 2 and toks[0].lower == "the" and toks[1].lower in WRITINGS


def _described_right(toks: list[Token], a: int, n: int) -> tuple[int, int, None] | None:
    """ "said a retired U.K. port police officer who …": an indefinite description
    ending on a noun for a source, kept whole (the phrase finder stops at "U.K.")."""
    if a >= n or toks[a].lower not in ("a", "an", "one", "another"):
        return None
    found = _indefinite_right(toks, a, n)
    if found is None or toks[found[1] - 1].lower not in ANONYMOUS | SPOKES | PERSON_HEADS:
        return None
    return found


def _speech_noun(toks: list[Token], n: int) -> tuple[int, int, int] | None:
    """ "Quint's finding that the permits were “…”", "a report in The Harbor
    Gazette about “…”": a word for something said, with its author. Returns (cue, np)."""
    for c in range(n - 1, -1, -1):
        if toks[c].lower not in SPEECH_NOUNS:
            continue
        # Author before: "Quint's finding", "Lindqvist's rallying cry".
        k = c - 1
        while k >= 0 and c - k <= 3 and not toks[k].lower.endswith(("’s", "'s")):
            if not toks[k].text[:1].isalpha():
                break
            k -= 1
        if k >= 0 and c - k <= 3 and toks[k].lower.endswith(("’s", "'s")) and toks[k].capitalized:
            found = np_left(toks, k + 1)
            end = k + 1
            first = found[0] if found is not None and found[1] == end else k
            return c, first, end
        # Author after: "a letter from the group", "a report in The Harbor Gazette"
        # (but "an op-ed in The Post" is the subject's, the paper only prints it).
        after = toks[c + 1].lower if c + 1 < n else ""
        if c + 2 < n and (
            after in ("by", "from")
            or after in ("in", "of")
            and toks[c].lower in ("report", "editorial", "story", "article")
        ):
            found = np_right(toks, c + 2, n)
            if found is not None and toks[found[0]].capitalized:
                return c, found[0], found[1]
    return None


# "… for the Transport Department", "… at Harwick Securities": the body after a description.
_BODY_AFTER = (
    r"(?:[ \t]+(?:for|at|of|with|from|in|to)[ \t]+(?:the[ \t]+)?[A-Z][\w’'.-]*"
    r"(?:[ \t]+(?:of[ \t]+|and[ \t]+)?[A-Z][\w’'.-]*)*)?"
)


def earlier_description(text: str, head: str, lo: int, pos: int) -> str | None:
    """ "A spokesman for the Transport Department said …. “…,” the spokesman said": the
    indefinite description earlier in the paragraph that "the spokesman" takes up; None
    when there is none, or when a name follows it ("A spokesman, Tom Reed, said")."""
    found = None
    pattern = re.compile(
        rf"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)[ \t]+(?:[\w’'-]+[ \t]+){{0,3}}?{re.escape(head)}\b"
        + _BODY_AFTER
    )
    for match in pattern.finditer(text, lo, pos):
        found = match
    if found is None or re.match(r",?[ \t]*[A-Z][a-z]+[ \t]+[A-Z]", text[found.end() :]):
        return None
    return found.group()


_DESCRIBED_SUBJECT = re.compile(
    r"(?P<desc>\b(?:[Aa]n?|[Oo]ne|[Aa]nother"
    # "The owner of a bakery said": "the" before someone new, taken from a place or body
    r"|[Tt]he(?=[ \t]+[a-z]+[ \t]+of[ \t]+an?[ \t]))"
    r"[ \t]+(?:[\w’'-]+[ \t]+){0,3}?"
    r"(?!(?:them|those|us)\b)(?P<head>[a-z]+)\b"  # ("One of them, a student": not "them")
    # "… for the Port Authority", "… at a private school in Al Rimal": the body, in any
    # case, a few words
    r"(?:[ \t]+(?:for|at|of|with|from|in|to)(?:[ \t]+[\w’'.-]+){1,7}?){0,2}"
    r")(?:,[^,.\n]{1,80})?,?[ \t]+(?P<verb>"
    + "|".join(sorted((v for v in SPEECH_VERBS if v.isalpha()), key=len, reverse=True))
    + r")\b"
)


_ONE_OF = re.compile(r"(?:^|[.!?\n”\"][ \t]*)[Oo]ne of (?:them|those|us),[ \t]*$")
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "ee")


def described_speaker_before(text: str, lo: int, pos: int, gender: str) -> tuple[int, str] | None:
    """ "A spokeswoman for the Port Authority said the cranes would go. … “…,” she said":
    the last indefinite description of a person that speaks (a speech verb after it)
    between `lo` and `pos` whose noun fits "he"/"she" (`gender` "m"/"f"), with its offset."""
    other = FEMALE_WORDS if gender == "m" else MALE_WORDS
    found = None
    for match in _DESCRIBED_SUBJECT.finditer(text, lo, pos):
        head = match.group("head")
        # opening its sentence: "Rachel Berg, a philanthropist from Monsey, said" is a
        # named person's apposition, not a described source
        if (
            (
                match.start() == lo
                or text[: match.start()].rstrip()[-1:] in '.!?\n”"'
                # "Fans booed, and one supporter, …, said": a second clause's subject
                or text[max(lo, match.start() - 6) : match.start()].rstrip().endswith(", and")
                # "One of them, a college student from Hagerstown, told the committee"
                or _ONE_OF.search(text, max(0, match.start() - 20), match.start()) is not None
            )
            and (
                head in SPOKES
                or head in ANONYMOUS
                or head in PERSON_HEADS
                # "a senior engineer", "one retiree": a noun for someone who does something
                or head.endswith(_AGENT_ENDINGS)
                and head not in DOCUMENTS
                and head not in SPEECH_NOUNS
            )
            and head not in other
        ):
            found = (match.start(), match.group("desc"))
    return found


# A capitalised name of one or more words ("Norvik Bank", "St Brendan's Hospital",
# "Human Rights Watch"), "of" / "and" / "&" inside it.
_BODY_NAME = re.compile(
    r"\b[A-Z][\w’'&.-]*(?:[ \t]+(?:of[ \t]+|and[ \t]+|&[ \t]+)?[A-Z][\w’'&.-]*)*"
)


def named_body(
    text: str, head: str, lo: int, pos: int, not_a_body: Callable[[str], bool]
) -> str | None:
    """ "Westpac raised its rates. “…,” the bank said": the body "the <head>" stands for,
    between `lo` and `pos`: the latest name holding the head word ("Norvik Bank" for "the
    bank"), else the latest name opening a sentence of the same paragraph ("Westpac"),
    outside quotation marks; `not_a_body` rejects a person's name or a common word."""
    here = max(lo, text.rfind("\n", lo, pos) + 1)
    with_head: str | None = None
    subject: str | None = None
    for match in _BODY_NAME.finditer(text, lo, pos):
        words = match.group().removesuffix("’s").removesuffix("'s").split()
        if words[0] in ("The", "A", "An"):
            if len(words) <= 2:
                continue  # "The Chinese tech company": a word before a noun, not a name
            words = words[1:]
        name = " ".join(words)
        start = match.start()
        para = max(lo, text.rfind("\n", lo, start) + 1)
        quoted = text.count('"', para, start) % 2 or text.count("“", para, start) > text.count(
            "”", para, start
        )
        if quoted or not_a_body(name):
            continue
        if head in (w.lower() for w in words[1:]):
            with_head = name
        elif (
            start >= here
            # opening a sentence ("… rates. Westpac raised …") and followed by its verb
            # or an apposition ("Ofreg, the energy regulator, fined …")
            and (start == para or text[max(para, start - 4) : start].rstrip()[-1:] in ".!?")
            and (
                text[match.end() : match.end() + 1] == ","
                or text[match.end() + 1 : match.end() + 2].islower()
            )
        ):
            subject = name
    return with_head or subject


def party_member(text: str, party: str, mentions: Sequence[Mention]) -> str | None:
    """ "the Democrat said" after "Sen. Maria Delgado, a Democrat from Tucson": the latest
    of the people mentioned whose own words name that party (`party` a PARTIES code) and
    not another."""
    for pos, name, *_ in reversed(mentions):
        near = text[max(0, pos - 30) : pos + len(name) + 40]
        words = {w.lower() for w in re.findall(r"[A-Z][a-z]+", near)}
        named = {PARTIES[w] for w in words if w in PARTIES}
        if named == {party}:
            return name
    return None


def definite_description(
    text: str, head: str, pos: int, not_a_body: Callable[[str], bool]
) -> Speaker | None:
    """ "the <head>" said at `pos`: the business or institution named before (for a
    BUSINESS_HEADS noun), else the indefinite description earlier in the paragraph that it
    takes up; None when neither is there."""
    lo = max(0, pos - PRONOUN_WINDOW)
    if head in BUSINESS_HEADS:
        named = named_body(text, head, lo, pos, not_a_body)
        if named is not None:
            return Speaker(named, "the " + head, SpeakerKind.ORGANIZATION)
    if head.isalpha():
        earlier = earlier_description(text, head, max(text.rfind("\n", 0, pos) + 1, lo), pos)
        if earlier is not None:
            return Speaker(earlier, None, SpeakerKind.UNNAMED)
    return None


_GROUP_SUBJECT = re.compile(
    r"(?:^|(?<=[.!?\n])[ \t]*)(?P<desc>(?:(?:Two|Three|Several|Some|Many|Other)[ \t]+)?"
    r"(?:[a-z]+[ \t]+)?(?P<head>[A-Za-z]+s)\b"
    r"(?:[ \t]+(?:at|for|of|in|from|with)(?:[ \t]+[\w’'.&-]+){1,5}?)?)"
    r"[ \t]+(?:also[ \t]+)?(?P<verb>"
    + "|".join(sorted((v for v in SPEECH_VERBS if v.isalpha()), key=len, reverse=True))
    + r")\b",
    re.MULTILINE,
)


def group_speaker_before(text: str, lo: int, pos: int) -> Speaker | None:
    """ "Analysts at Brightwater Securities wrote in a note that …. “…,” they wrote": the
    last plural description opening a sentence with a speech verb between `lo` and `pos`."""
    found = None
    for match in _GROUP_SUBJECT.finditer(text, lo, pos):
        if match.group("head").lower() in GROUP_NOUNS:
            found = Speaker(match.group("desc"), None, SpeakerKind.GROUP)
    return found


# "Sri Lanka Cricket said in a statement": a capitalised name opening its sentence with it.
_STATED_BY = re.compile(
    r"(?:^|(?<=[.!?\n])[ \t]*)(?P<name>(?:[A-Z][\w&’'.-]*[ \t]+){0,3}[A-Z][\w&’'.-]*)"
    r"[ \t]+(?:said|announced|confirmed)[ \t]+in[ \t]+a[ \t]+statement\b",
    re.MULTILINE,
)


def body_in_statement(ents: Entities, pos: int) -> str | None:
    """ "Sri Lanka Cricket said in a statement that …. “…,” the board said": the last
    name in this paragraph or the one before that spoke "in a statement" and is not a
    person the article knows, when no body of the described kind was named."""
    found = None
    for match in _STATED_BY.finditer(ents.text, ents.paragraph_floor(pos), pos):
        name = match.group("name")
        first = name.split()[0]
        person = ents.people.get(ents.full_name(name.split(), match.start()) or name)
        if (
            first not in ("The", "A", "He", "She", "It", "They")
            and not is_given_name(first)  # ("Sri" of "Sri Lanka" is a given name of either sex)
            and (person is None or person.gender is None)
        ):
            found = name
    return found


_WORD_AFTER = re.compile(r"[ \t]+([a-z][a-z-]*)\b")


def possessor_of_noun_after(
    text: str, lo: int, open_pos: int, after: int, hi: int
) -> tuple[int, int, int, int] | None:
    """ "Tom Vale’s “half the town” comment", "Vale's “no more tolls” pledge": a word for
    something said right after the quotation, and the name owning it right before; the
    noun's and the name's offsets (cue start, cue end, name start, name end)."""
    noun = _WORD_AFTER.match(text, after, hi)
    if noun is None or noun.group(1) not in SPEECH_NOUNS:
        return None
    toks = tokens(text, max(lo, open_pos - 120), open_pos)
    if (
        not toks
        or text[toks[-1].end : open_pos].strip()
        or not toks[-1].capitalized
        or not toks[-1].lower.endswith(("’s", "'s"))
    ):
        return None
    found = np_left(toks, len(toks))
    first = found[0] if found is not None and found[1] == len(toks) else len(toks) - 1
    return noun.start(1), noun.end(1), toks[first].start, toks[-1].end
