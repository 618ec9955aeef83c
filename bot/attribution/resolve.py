"""Resolving a quotation's speaker phrase: a name, a surname, a pronoun, a description,
a group or an organisation, to the person or body the article means.

A phrase that cannot be tied to anyone stays unresolved: a wrong name is worse than none.
"""

from __future__ import annotations

import bisect
import re

from bot.attribution.appositions import described_lead, name_set_off_after
from bot.attribution.described import (
    _PLURAL_BODIES,
    _bodies_named_together,
    _by_initials,
    _described_source,
)
from bot.attribution.given_names import is_given_name
from bot.attribution.lexicons import (
    ANONYMOUS,
    COUNTRIES,
    DESCRIPTION_OPENERS,
    DOCUMENTS,
    GROUP_NOUNS,
    KIN_GENDER,
    MONTHS,
    NOT_NAMES,
    ORG_HEADS,
    ORG_NOUNS,
    ORG_WORDS,
    PARTIES,
    PERSON_HEADS,
    POST_SYNONYMS,
    PRONOUNS_FEMALE,
    PRONOUNS_MALE,
    ROLE_WORDS,
    SPEECH_VERBS,
    SPOKES,
    TITLES,
    WRITINGS,
)
from bot.attribution.model import UNRESOLVED_SPEAKER, Speaker, SpeakerKind
from bot.attribution.names import _clean_role, _is_org_name, is_nationality_noun, split_name
from bot.attribution.people import Entities, Person, _place_possessor
from bot.attribution.pronouns import _person_of_passage, _resolve_plural, resolve_pronoun
from bot.attribution.role_fit import _leads_role, _modifiers
from bot.attribution.source_phrases import (
    body_in_statement,
    definite_description,
    party_member,
)
from bot.attribution.subjects import subject_of_sentence
from bot.attribution.text import sentence_start, tokens


def resolve(ents: Entities, phrase: str, pos: int, role_hint: str | None) -> Speaker:
    words = (
        [t.text for t in tokens(phrase, 0, len(phrase)) if t.text not in ",()"]
        if ("." in phrase or "," in phrase or "(" in phrase)
        else phrase.split()
    )  # plain phrases need no tokenizer (a hot path)
    if "and" in words[1:-1] and words[0][:1].isupper():
        k = words.index("and")
        left, right = words[:k], words[k + 1 :]
        if sum(w[:1].isupper() for w in left) >= 2 and sum(w[:1].isupper() for w in right) >= 2:
            words = left  # "David Albright and Serena …": the first of two people
    if len(words) > 1 and words[0] in ("Said", "Says"):
        words = words[1:]  # "Said the mayor: “…”": an inverted cue opening the sentence
    if not words:
        return UNRESOLVED_SPEAKER
    low = [w.lower() for w in words]
    if len(words) == 1 and low[0] in PRONOUNS_MALE | PRONOUNS_FEMALE:
        return resolve_pronoun(ents, low[0], pos)
    if len(words) == 1 and low[0] in ("they", "it", "we", "i", "you", "who"):
        return _resolve_plural(ents, low[0], pos)
    if low[-1].endswith(("’s", "'s")):
        words[-1] = words[-1][:-2]
        low[-1] = low[-1][:-2]
    if (len(words) == 1 or len(words) == 2 and low[0] == "the") and words[-1] in ents.acronyms:
        # "VMRC said", "the NGA said" after "the … Corporation (VMRC)": its full name.
        return Speaker(ents.acronyms[words[-1]], None, SpeakerKind.ORGANIZATION)
    if len(words) == 1 and low[0] in GROUP_NOUNS and low[0] not in ents.by_surname:
        # "Residents said", "Officials said" at a sentence's start: a group, not a name.
        return Speaker(words[0], None, SpeakerKind.GROUP)
    named = (
        name_set_off_after(ents.text, pos + len(phrase))
        if low[0] == "the"
        and len(low) > 1
        and low[1] in PERSON_HEADS | ROLE_WORDS
        # (not a body's head: PolNeAR's gold gives "the director of the F.B.I., James
        # Comey," to the bureau)
        and not any(w.strip(".") in ORG_WORDS or "." in w for w in low[2:])
        else None
    )
    if named is not None and ents.people.get(named) is not None:
        # "The governor of Alto Cauce, Juan Carlos Ortega Salinas, was blunt: …": the name
        # in apposition, which a phrase cut at the comma left out.
        return Speaker(named, " ".join(words), SpeakerKind.PERSON)
    if len(low) == 2 and low[0] in ("his", "her") and low[1] in KIN_GENDER:
        # "“…,” her husband added" after "… with her husband, Karim Saleh": the person the
        # article gave that relation.
        kin = ents.by_role(low[1], pos)
        if kin is not None:
            return Speaker(kin.name, " ".join(words), SpeakerKind.PERSON)
    described = _described_source(ents, words, low, pos)
    if described is not None:
        return described
    if low[0] == "the" and len(words) >= 3 and low[-1] in PERSON_HEADS and words[-1].islower():
        # "said the Gulls skipper", "the Labour leader": a post with its team or party
        # after "the" (no name): the person holding it ("captain" for "skipper").
        post = POST_SYNONYMS.get(low[-1], low[-1])
        found = ents.by_role(post, pos, _modifiers(words[1:-1]), strict=True)
        if found is not None and all(w[:1].isupper() for w in words[1:-1]):
            return Speaker(found.name, " ".join(words[1:]), found.kind)
    aged = _AGED.match(low[1]) if low[0] == "the" and 2 <= len(words) <= 3 else None
    if aged is not None:
        # "The 45-year-old told the court", "said the 23-year-old striker": whoever the
        # article gave that age ("Liam Foley, 45,"), else the description as written.
        return _aged_person(ents, words, int(aged.group(1)), pos)
    if low[0] == "the" and len(words) == 2 and low[1] in PARTIES:
        # "the Democrat said": the person just mentioned whom the article placed in it
        index = bisect.bisect_left(ents.mention_pos, pos)
        member = party_member(ents.text, PARTIES[low[1]], ents.mentions[max(0, index - 30) : index])
        if member is not None:
            return Speaker(member, "the " + words[1], SpeakerKind.PERSON)
    if (
        low[0] == "the"
        and len(words) == 2
        and is_nationality_noun(words[1])
        and low[1] not in ORG_WORDS | TITLES | ROLE_WORDS
        and low[1] not in ents.by_surname
    ):
        # "the Finn said" after "coach Sven Aaltonen": the person the passage is about.
        passage = _person_of_passage(ents, pos)
        if passage is not None:
            return Speaker(passage.name, passage.role or "the " + words[1], SpeakerKind.PERSON)
    if (
        low[0] == "the"
        and len(words) == 2
        and words[1].isupper()
        and len(words[1]) >= 2
        and low[1] not in ORG_WORDS
    ):
        # "the MNA said" after "Local MNA Arshad Mehmood": a title in capitals, the
        # person who holds it, not a person named "MNA" (but "the FBI" after "FBI
        # Director Ann Cole": the letters lead her role, so name the body).
        titled = ents.by_role(low[1], pos) or _by_initials(ents, words[1], pos)
        if titled is not None and not _leads_role(low[1], titled.role):
            return titled
    name, prefix = split_name(words, ents.common)
    if not name and len(words) == 1 and words[0][:1].isupper() and low[0] in ents.by_surname:
        name, prefix = words, []  # "Read said" after "Ian Read": a surname that is a word
    if not name and words[-1][:1].isupper() and low[-1] in MONTHS and low[-1] in ents.by_surname:
        name, prefix = words[-1:], words[:-1]  # "May said" after "Theresa May"
    if (
        name
        and len(prefix) >= 2
        and prefix[-1].lower() == "of"
        and prefix[-2][:1].isupper()
        and prefix[-2].lower() in ORG_WORDS
    ):
        # "the Department of Health", "the Ministry of Defence": a body, not "Health".
        body = " ".join(words)
        body = "the" + body[3:] if low[0] == "the" else body
        return Speaker(body, None, SpeakerKind.ORGANIZATION)
    role = _clean_role(role_hint) or _clean_role(" ".join(prefix))
    if name and len(name) == 1 and name[0].lower() not in ents.by_surname:
        org = ents.org_named(name[0], pos)
        if org is not None:
            return Speaker(org, role, SpeakerKind.ORGANIZATION)  # "Hartwell said"
    if name and len(name) >= 2 and any(o == " ".join(name) for _, o in ents.self_speaking):
        return Speaker(" ".join(name), role, SpeakerKind.ORGANIZATION)  # "Kestrel Freight"
    if (
        name
        and len(name) == 1
        and all(w.lower() in ("the", "a", "an") for w in prefix)
        and name[0].lower() not in ents.by_surname
        and not is_given_name(name[0])
        and (name[0].lower() in ents.common or _adverb_like(name[0]))
    ):
        # "Latest: …", "Wait: …", "Hastily, …": a common word opening a sentence, no
        # name the article gives anyone. Better no speaker than that word.
        return Speaker(None, role, SpeakerKind.UNRESOLVED)
    if name and not _is_org_name(name):
        if len(name) == 1 and len(ents.by_surname.get(name[0].lower(), ())) >= 2:
            # Several people share the surname: the one the passage is about, or nobody.
            chosen = ents.namesake(name[0].lower(), pos, prefix)
            if chosen is None:
                return Speaker(None, role, SpeakerKind.UNRESOLVED)
            name = chosen.split()
        full = ents.full_name(name, pos) or " ".join(name)
        person = ents.people.get(full)
        if role is None and person is not None:
            role = person.role
        return Speaker(full, role, SpeakerKind.PERSON)
    text = " ".join(words)
    if words[0] == "The" and len(words) > 1:
        text = "the" + text[3:]  # "The Kremlin said" at a sentence start: the Kremlin
    head = low[-1]
    if (
        head in SPOKES
        and len(words) >= 3
        and low[0] in ("a", "an", "the")
        and words[1][:1].isupper()
    ):
        # "a Twitter spokesman": the organisation speaks through its spokesperson.
        org = " ".join(w for w in words[1:-1] if w[:1].isupper())
        if org and org.lower() not in COUNTRIES:
            return Speaker(org, text, SpeakerKind.ORGANIZATION)
    if head in ANONYMOUS and (
        low[0] in ("a", "an", "one", "another", "the") or not words[0][:1].isupper()
    ):
        # "a senior administration official", "the source": unnamed on purpose, and
        # shown as the article describes them.
        return Speaker(text, None, SpeakerKind.UNNAMED)
    if low[0] == "the" and len(words) == 2 and (head in WRITINGS or head in DOCUMENTS):
        # "Ofori wrote on Instagram that … “…,” the post read.": its writer, shown with
        # the writing the words come from; "the statement said" after "The company said in
        # a statement that …": whoever the sentence naming the statement is about.
        writer = _writer_before(ents, pos, None if head in WRITINGS else head)
        if writer is not None:
            return Speaker(writer.name, " ".join(words), writer.kind)
    if low[:-1] in (["the"], ["the", "two"], ["both"]) and head in _PLURAL_BODIES:
        pair = _bodies_named_together(ents, pos)
        if pair is not None:
            return Speaker(pair, text, SpeakerKind.ORGANIZATION)
    if low[0] == "the" and len(words) == 2 and head in DOCUMENTS:
        # "the statement said": whoever issued it, if the article just named them.
        found_org = ents.org_before(head, pos)
        if found_org is not None:
            return Speaker(found_org, text, SpeakerKind.ORGANIZATION)
        # "the report said" with no issuer near: the document is the described source, shown
        # as the article names it rather than left blank.
        return Speaker(text, None, SpeakerKind.UNNAMED)
    if low[0] == "the" and len(words) in (2, 3) and head in ORG_HEADS:
        found_org = ents.org_before(head, pos)
        # "the sheriff's office" after "the Harlow County Sheriff's Office": its middle
        # word is in the name too.
        middle = low[1].removesuffix("’s").removesuffix("'s") if len(words) == 3 else None
        if found_org is not None and (
            middle is None or middle in re.findall(r"[a-z]+", found_org.lower())
        ):
            return Speaker(found_org, text, SpeakerKind.ORGANIZATION)
        stated = body_in_statement(ents, pos)
        if stated is not None and len(words) == 2:
            return Speaker(stated, text, SpeakerKind.ORGANIZATION)
    if low[0] == "the" and len(words) == 2:
        # "the bank said" after "Westpac raised …", "the spokesman said" after "A spokesman
        # for the department said …": the body or unnamed person just named.
        described = definite_description(ents.text, head, pos, ents.not_a_body)
        if described is not None:
            return described
    possessor = _place_possessor(words, ents.people)
    if (low[0] in ("the", "this") or possessor) and head in PERSON_HEADS:
        # "the former Florida governor", "the Ukrainian leader", "Ukraine’s president": a
        # person the article has named, by role if one fits, else the person it is
        # talking about, if their role does not say otherwise.
        modifiers = _modifiers(words[1:-1]) + ([possessor] if possessor else [])
        found = ents.by_description(head, modifiers, pos)
        if found is not None:
            if found.role is None or head not in found.role.lower().split():
                # "the businessman said": shown with the words the article used for them.
                wording = " ".join(words[1:]) if low[0] in ("the", "this") else text
                return Speaker(found.name, wording, found.kind)
            return found
        # No one the article named fits: the description itself ("the judge").
        return Speaker(text, None, SpeakerKind.UNNAMED)
    if head in GROUP_NOUNS:
        return Speaker(text, None, SpeakerKind.GROUP)
    if (
        low[0] in ("a", "an", "one", "another")
        and len(words) >= 3
        and words[-1][:1].islower()
        and (head in PERSON_HEADS or head in ROLE_WORDS or head in ANONYMOUS or head in SPOKES)
    ):
        # "a prominent Republican National Committee member", "one district GOP leader":
        # a person described by the body they belong to, not the body.
        return Speaker(text, None, SpeakerKind.UNNAMED)
    if (
        any(w in ORG_WORDS or w in COUNTRIES or w in ORG_NOUNS for w in low)
        or (words[-1][:1].isupper() and head not in NOT_NAMES)
        or len(words) >= 2
        and all(w[:1].isupper() for w in words)
    ):  # "Judicial Watch"
        return Speaker(text, None, SpeakerKind.ORGANIZATION)
    if low[0] in ("the", "this") and (head in ROLE_WORDS or head in TITLES):
        found = ents.by_role(head, pos)
        if found is not None:
            return found
    if "of" in low[2:-1] and low[0] in ("a", "an", "one", "another"):
        head = low[low.index("of", 2) - 1]  # "a mother of three": the mother
    if (
        low[0] in DESCRIPTION_OPENERS
        and len(words) >= 2
        and head.isalpha()
        and not words[-1][:1].isupper()
        and head not in DOCUMENTS
        and head not in NOT_NAMES
    ):
        # "one Labour backbencher", "a longtime friend": a person described, not named.
        return Speaker(text, None, SpeakerKind.UNNAMED)
    if (
        len(words) >= 2
        and (
            low[0] in ("his", "her", "their", "its", "our")
            or any(w.endswith(("’s", "'s")) for w in words[:-1])
        )
        and head.isalpha()
        and not words[-1][:1].isupper()
        and head not in DOCUMENTS
        and head not in NOT_NAMES
    ):
        # "his wife", "her lawyer", "Grayson's spokeswoman": described by whose they are.
        return Speaker(text, None, SpeakerKind.UNNAMED)
    return Speaker(None, text, SpeakerKind.UNRESOLVED)


_AGED = re.compile(r"(\d{1,3})-year-old$")


def _aged_person(ents: Entities, words: list[str], age: int, pos: int) -> Speaker:
    """The person the article gave age `age` before `pos` ("Liam Foley, 45," / "Liam
    Foley (45)" / "45-year-old Liam Foley"), or the description itself."""
    text = " ".join(words)
    text = "the" + text[3:] if words[0] == "The" else text
    before = ents.text[max(0, pos - 3000) : pos]
    best: tuple[int, str] | None = None
    for found in re.finditer(
        rf"([A-Z][\w’'.-]+(?:[ \t]+[A-Z][\w’'.-]+)*)(?:,[ \t]+|[ \t]+\(){age}\b[,)]"
        rf"|\b{age}-year-old[ \t]+(?:[a-z]+[ \t]+){{0,2}}([A-Z][\w’'.-]+(?:[ \t]+[A-Z][\w’'.-]+)*)",
        before,
    ):
        name = (found.group(1) or found.group(2)).split()
        full = ents.full_name(name, pos)
        if full is not None and full in ents.people:
            best = (found.start(), full)
    if best is None:
        person = _just_quoted_unaged(ents, pos)
        if person is not None:
            return ents.speaker_of(person)
        return Speaker(text, None, SpeakerKind.UNNAMED)
    return ents.speaker_of(ents.people[best[1]])


_OPENING_MARKS = ("“", '"', "‘", "'")


def _just_quoted_unaged(ents: Entities, pos: int) -> Person | None:
    """ "Emily Tran said she paid $38. “I can't do that,” the 22-year-old said.": with
    no one given the age, a description right after a quotation is the person leading
    the talk in this paragraph, unless the article gave them another age. (A description
    opening its own sentence may introduce someone new, and stays as written.)"""
    before = ents.text[max(0, pos - 4) : pos].rstrip(" \t")
    if not before.endswith(("”", '"', "’")):
        return None
    floor = ents.text.rfind("\n", 0, pos) + 1
    person = _person_of_passage(ents, pos, floor)
    if person is None and ents.text[floor : floor + 1] in _OPENING_MARKS:
        # "Perera … removed the top three.\n\n“…,” the 24-year-old said": a quotation
        # opening its paragraph continues the person the paragraph before led with.
        person = _person_of_passage(ents, pos)
    if person is None:
        return None
    surname = re.escape(person.name.split()[-1])
    aged = re.search(rf"\b{surname}(?:,[ \t]+|[ \t]+\()\d{{1,3}}\b[,)]", ents.text[:pos])
    return None if aged is not None else person


def _adverb_like(word: str) -> bool:
    """ "Hastily", "Specifically", "Adding": an adverb or participle, not a name."""
    low = word.lower()
    return len(low) > 5 and low.endswith(("ly", "ing"))


def _writer_before(ents: Entities, pos: int, naming: str | None = None) -> Speaker | None:
    """The subject of the sentence before the quotation's, in its paragraph: the writer of
    "the post" or "the letter" that the quotation comes from (if `naming`, only when that
    sentence has the word)."""
    text = ents.text
    plo = text.rfind("\n", max(0, pos - 2000), pos) + 1
    sent_lo = sentence_start(text, plo, pos)
    for _ in range(4):  # back to the sentence the quotation opens (it may hold several)
        if sent_lo - 2 <= plo or text[sent_lo] in "“\"‘'":
            break
        sent_lo = sentence_start(text, plo, sent_lo - 2)
    if sent_lo - 2 <= plo:
        return None
    prev_lo = sentence_start(text, plo, sent_lo - 2)
    if naming is not None and naming not in text[prev_lo:sent_lo].lower().split():
        return None
    found = subject_of_sentence(text, prev_lo, sent_lo) or described_lead(text, prev_lo, sent_lo)
    if found is None:
        return None
    writer = resolve(ents, text[found[0] : found[1]], found[0], None)
    return writer if writer.resolved else None


_TRAILING_BODY = re.compile(
    r",[ \t]+([Tt]he[ \t]+[a-z]+)[ \t]+(?:said|says|added|announced|stated|wrote)[ \t]*\.$"
)


def _collective_before(text: str, entities: Entities, pos: int) -> Speaker | None:
    """ "The operators’ association said … In a statement, it said …": "it" (or "they")
    is the organisation or group leading one of the three sentences before it in the
    paragraph, the nearest first."""
    plo = text.rfind("\n", max(0, pos - 2000), pos) + 1
    sent_lo = sentence_start(text, plo, pos)
    is_it = text[pos : pos + 2].lower() == "it"
    want = (SpeakerKind.ORGANIZATION,) if is_it else (SpeakerKind.GROUP, SpeakerKind.ORGANIZATION)
    # The sentences before, nearest first, back to the paragraph's start: "Republicans said
    # the bill cost too much. “…,” said Sen. X. They argued …" ("they" skips the senator).
    for _ in range(3):
        if sent_lo <= plo:
            return None
        prev_lo = sentence_start(text, plo, max(plo, sent_lo - 2))
        trailing = _TRAILING_BODY.search(text[prev_lo:sent_lo].rstrip())
        if trailing is not None:
            # "Trains will run from May, the authority said.": the body of the trailing cue
            speaker = resolve(entities, trailing.group(1), prev_lo + trailing.start(1), None)
            if speaker.resolved and speaker.kind in want:
                return speaker
        found = subject_of_sentence(text, prev_lo, sent_lo)
        toks = tokens(text, prev_lo, sent_lo)
        verb = next((v for v, t in enumerate(toks[:7]) if t.lower in SPEECH_VERBS), 0)
        if found is None and verb >= 2 and toks[0].lower in ("the", "a", "an"):
            found = toks[0].start, toks[verb - 1].end  # "The operators’ association said"
        if found is not None:
            speaker = resolve(entities, text[found[0] : found[1]], found[0], None)
            if speaker.resolved and speaker.kind in want:
                return speaker
            if is_it and speaker.resolved and speaker.kind is SpeakerKind.PERSON:
                return None  # "it" does not reach past a person
        sent_lo = prev_lo
    return None
