"""Attributions that come before a quotation: in its own sentence (Peskov told reporters that
Putin “…”; According to X, “…”; He added: “…”), or trailing a run of quotations
(`find_trailing`). `cues` holds the shared `RawAttribution` and the cue after the quotation."""

from __future__ import annotations

from bot.attribution.appositions import described_start, knowing_source_start
from bot.attribution.cues import (
    _CUE_WORDS,
    WINDOW,
    RawAttribution,
    _speaker_after_verb,
    _strong_after,
    _subject_speaks,
    _two_word_cue,
    _verb_attribution,
)
from bot.attribution.lexicons import (
    AUXILIARIES,
    DETERMINERS,
    DOCUMENTS,
    INVERTING,
    MODALS,
    NOT_NAMES,
    PARTICIPLE_OPENERS,
    SPEECH_VERBS,
    STOP_PREPS,
    TELL,
    UTTERANCES,
)
from bot.attribution.phrases import _TIME_WORDS, np_left, np_right
from bot.attribution.source_phrases import (
    _indefinite_subject,
    _speech_noun,
    _with_participle,
)
from bot.attribution.subjects import _clause_end, clause_subject
from bot.attribution.text import sentence_end, sentence_start, tokens


def find_before(text: str, lo: int, hi: int) -> RawAttribution | None:
    """An attribution earlier in the quotation's sentence: text[lo:hi] ends at its mark."""
    lo = max(lo, hi - WINDOW)
    lo = sentence_start(text, lo, hi)
    toks = tokens(text, lo, hi)
    n = len(toks)
    for v in range(n - 1, -1, -1):
        tok = toks[v]
        low = tok.lower
        if low == "according" and v + 1 < n and toks[v + 1].lower == "to":
            raw = _two_word_cue(text, toks, v, n, lo, hi)
            if raw is not None:
                return raw
            continue
        if (low not in _CUE_WORDS or not tok.text[0].islower()) and not (
            # "the board issued a statement apologizing …": issuing a statement speaks
            low in _ISSUING
            and v + 2 < n
            and toks[v + 1].lower in ("a", "an")
            and toks[v + 2].lower in _STATEMENTS
        ):
            continue  # checked inline: this loop runs over every word before a quote
        if v > 0 and toks[v - 1].lower in MODALS:
            continue  # "Americans will say “no”": a prediction, not the attribution
        if (
            low in ("asked", "questioned", "pressed")
            and v > 0
            and toks[v - 1].lower in ("was", "were", "is", "are", "being", "been")
            and v + 2 < n
            and toks[v + 1].lower == "by"
        ):
            # "Holt was asked by host Nell Mather, “…”": the one asking speaks.
            raw = _two_word_cue(text, toks, v, n, lo, hi)
            if raw is not None:
                return raw
        if v > 0 and (toks[v - 1].lower in DETERMINERS or toks[v - 1].lower.endswith(("’s", "'s"))):
            continue  # "Ukraine’s stated goal", "the reported deal": an adjective
        if (
            v >= 3
            and toks[v - 1].lower in DOCUMENTS
            and toks[v - 2].lower in DETERMINERS
            and toks[v - 3].lower in ("in", "through", "with")
        ):
            continue  # "said in a statement read to the jury:": the statement is read, not reading
        if (
            v > 0
            and toks[v - 1].lower == "to"
            and low in SPEECH_VERBS
            and low.isalpha()
            and (
                low
                in (
                    "say",
                    "tell",
                    "add",
                    "write",
                    "ask",
                    "declare",
                    "warn",
                    "argue",
                    "note",
                    "demand",
                    "insist",
                    "explain",
                    "claim",
                    "suggest",
                    "urge",
                )
            )
        ):
            # "went as far as claiming: …": the sentence's subject says it.
            return _subject_speaks(text, toks, v, n, lo)
        if (
            low.endswith("ing")
            and v > 0
            and (toks[v - 1].lower in PARTICIPLE_OPENERS or toks[v - 1].lower in UTTERANCES)
        ):
            # "…, adding that …" / "by suggesting that": the subject is the clause's own.
            return _subject_speaks(text, toks, v, n, lo)
        found = np_left(toks, v)
        if found is not None and not low.endswith("ing"):
            k = described_start(toks, found[0])
            if k is not None:
                found = (k, found[1], None)  # "A spokesperson for the Port Authority said"
        elif found is None and low in _CUE_WORDS:  # ("One customer called it “…”")
            k = knowing_source_start(toks, v)  # "A source close to the show said: …"
            found = _indefinite_subject(toks, v) or ((k, v, None) if k == 0 else None)
        if (
            found is not None
            and found[0] >= 2
            and toks[found[0] - 1].lower in _SUBORDINATORS
            and any(t.lower in _REPORTING for t in toks[: found[0] - 1])
            and any(t.text == "," for t in toks[v + 1 :])  # the clause closes first
        ):
            # "Pike said that when Lind railed against the banks, “…”": the verb of the
            # "when" clause, closed before the quotation, is not its attribution; the
            # reporting verb before it is. ("… when Lind called for “…”" is Lind's.)
            continue
        participle = low.endswith("ing") and low in SPEECH_VERBS
        if (
            found is not None
            and low.endswith("ing")
            and found[0] > 0
            and toks[found[0] - 1].lower not in ("with", ",", "and", "—", "–", ";")
            and not toks[found[0] - 1].text[:1].isupper()
        ):
            # "put up a note on Facebook reading …", "released a statement Friday saying":
            # the noun before the participle is an object; the clause's subject speaks.
            found, participle = None, True
        if found is None and participle:
            found = _with_participle(toks, v)  # "with one fan writing: …"
        if found is None and (
            participle or (v > 1 and toks[v - 1].lower == "and" and low in SPEECH_VERBS)
        ):
            # "published a study last week charging …", "he backed the mayor and said, …":
            # the clause's subject speaks.
            # "published a study last week charging …": the clause's subject charges.
            return _subject_speaks(text, toks, v, n, lo)
        if found is None:
            # "But, said Solovey, “…”": an inverted attribution just before the quotation.
            found = np_right(toks, v + 1, n)
            if (
                found is None
                or low not in INVERTING
                or not toks[found[0]].capitalized
                or (found[1] < n and toks[found[1]].text not in (",", ":"))
                or found[1] < n - 1
                and toks[n - 1].text not in (",", ":")
                and not (
                    # "The biggest legacy, says Carl Anthony, a historian, is that she was “…”":
                    # an attribution set off by commas inside the quotation's sentence.
                    v > 0 and toks[v - 1].text == "," and toks[found[1]].text == ","
                )
            ):
                continue
        return _verb_attribution(text, toks, v, n, found, (lo, _clause_end(toks, v, hi)), False)
    found_noun = _speech_noun(toks, n)
    if found_noun is not None:
        c, a, b = found_noun
        return RawAttribution(
            toks[c].text,
            toks[c].start,
            toks[c].end,
            toks[a].start,
            toks[b - 1].end,
            None,
            None,
            lo,
            hi,
            False,
        )
    if n >= 2 and toks[-1].text in (":", ","):
        subject = clause_subject(toks, 0, n - 1)
        role: str | None = None
        whole = np_left(toks, n - 1) if toks[-1].text == ":" and toks[n - 2].capitalized else None
        if (
            whole is not None
            and whole[1] == n - 1
            and whole[0] <= 6
            and all(
                t.text.replace(".", "").isalpha()
                and t.lower not in SPEECH_VERBS
                and t.lower not in AUXILIARIES
                and not t.lower.endswith("ed")
                for t in toks[: whole[0]]
            )
        ):
            # "Former harbor master Ada Pike: “…”": a label, the name at its end speaks.
            subject = whole[0], whole[1]
            run = n - 1
            while run > 0 and toks[run - 1].capitalized and toks[run - 1].lower not in NOT_NAMES:
                run -= 1  # the name's own words; the ones before it are its role
            role = " ".join(t.text for t in toks[:run]) or whole[2]
        # After a comma only a named subject will do: "Filippo Grandi … reacted, “…”".
        if subject is not None and (
            toks[-1].text == ":"
            or (
                (
                    toks[subject[1] - 1].capitalized
                    and toks[subject[1] - 1].lower not in NOT_NAMES
                    or toks[subject[0]].lower in ("he", "she")
                )
                and (subject[0] == 0 or toks[subject[0] - 1].text == ",")
            )
        ):
            a, b = subject
            return RawAttribution(
                ":",
                toks[-1].start,
                toks[-1].end,
                toks[a].start,
                toks[b - 1].end,
                role,
                None,
                lo,
                hi,
                False,
            )
    return None


_ISSUING = frozenset("issued issues released releases".split())


_STATEMENTS = frozenset("statement letter apology".split())


_SUBORDINATORS = frozenset("when while whenever if because although though after before".split())


_REPORTING = frozenset("said says say told tells wrote writes added adds argued argues".split())


def find_trailing(text: str, lo: int, hi: int) -> RawAttribution | None:
    """“…” for Kyiv, he said: an attribution closing the sentence after more words."""
    hi = min(hi, lo + WINDOW)
    stop = sentence_end(text, lo, hi)
    toks = tokens(text, lo, stop)
    n = len(toks)
    for c in range(n):
        if toks[c].text != ",":
            continue
        if c + 1 < n and _strong_after(toks, c + 1) and toks[c + 1].lower in INVERTING:
            # “…” like the slow recovery of the harbor, said Ines Calder, an economist.
            found = np_right(toks, c + 2, n)
            if found is not None:
                return _speaker_after_verb(text, toks, c + 1, n, found, (toks[c].start, stop))
        for v in range(c + 2, min(n, c + 9)):
            if toks[v].text in (",", ";", ":"):
                break
            if not _strong_after(toks, v):
                continue
            found = np_left(toks, v, c + 1)
            if found is None or found[0] != c + 1:
                break
            nxt = toks[v + 1] if v + 1 < n else None
            if (
                nxt is not None
                and nxt.text not in (",", ".", "!", "?")
                and (
                    nxt.lower not in STOP_PREPS
                    and nxt.lower not in _TIME_WORDS
                    and toks[v].lower not in TELL
                )
            ):
                break
            return _verb_attribution(text, toks, v, n, found, (toks[c].start, stop), True)
    return None
