"""Given names and their usual gender, from general resources rather than a list of our own.

`gender-guesser` (PyPI; about 40,000 given names from many countries, with how strongly
each leans male or female) says whether a word is a given name and which pronoun it
usually takes; `nameparser` (PyPI) supplies the titles that come before a name. Both are
read once, on first use, from files installed with them: nothing is fetched at run time.

This module stays Python (it is not in setup.py's COMPILED): the compiled rules call it
like any other Python module.
"""

from __future__ import annotations

from functools import lru_cache

# Only clear answers count: "mostly_*" names are shared enough between men and women
# ("Bernie", "Kim") that a pronoun should not be refused on their strength.
_CLEAR = {"male": "m", "female": "f"}


@lru_cache(maxsize=1)
def _detector() -> object:
    # 0.2 s, once. Ignored for types: it has no stubs, and is absent from the isolated
    # environment mypyc type-checks in at install time.
    import gender_guesser.detector as detector  # type: ignore[import-untyped,import-not-found]

    return detector.Detector(case_sensitive=False)


@lru_cache(maxsize=65536)
def _answer(word: str, english: bool = True) -> str:
    first, _, second = word.partition("-")
    if second and first.isalpha() and second.isalpha():
        # "Jean-François", "Marie-Ève", "Anne-Mette": two given names, the first's answer
        # as the resource gives it overall ("Jean" of "Jean-Luc" is French, a man's);
        # "Jae-in" or "Al-Amin" are not two names, and stay unknown.
        answers = (_answer(first, False), _answer(second, False))
        return answers[0] if "unknown" not in answers else "unknown"
    if not word.isalpha() or len(word) < 2:
        return "unknown"
    answer: str = _detector().get_gender(word)  # type: ignore[attr-defined]
    if english and answer in _CLEAR:
        return _in_english(word, answer)
    return answer


# The resource's answer for British and American bearers, as a lean ("m"/"f"/"").
_LEAN = {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f"}


def _in_english(word: str, answer: str) -> str:
    """The answer for English-language copy: where the resource's overall answer is one
    sex but its British and American bearers lean the other ("Jean", "Nate", "Toni",
    "Laurence"), theirs; where those two disagree with each other, either ("andy")."""
    detect = _detector().get_gender  # type: ignore[attr-defined]
    leans = {_LEAN.get(detect(word, country), "") for country in ("usa", "great_britain")}
    leans.discard("")
    overall = _CLEAR[answer]
    if not leans or leans == {overall}:
        return answer
    if len(leans) == 2:
        return "andy"
    return "female" if overall == "m" else "male"


def gender(word: str) -> str:
    """'m' or 'f' when the given name usually takes "he" or "she", else ''."""
    return _CLEAR.get(_answer(word.strip(".,")), "")


def is_given_name(word: str) -> bool:
    """Is the word a given name of clear gender ("Elise", "Carl", "Ximena")?"""
    return _answer(word.strip(".,")) in _CLEAR


def is_shared_given_name(word: str) -> bool:
    """A given name borne by men and women alike ("Ashley", "Bernie", "Kim"): a person,
    but no pronoun is refused on its strength."""
    return _answer(word.strip(".,")) in ("mostly_male", "mostly_female", "andy")


def leans_given_name(word: str) -> bool:
    """A given name that leans one way ("Dale", "Kerry"), not one the resource marks as
    either ("Xi", "Ban": family names first in Chinese and Korean copy)."""
    return _answer(word.strip(".,")) in ("mostly_male", "mostly_female")


def unlisted_name(word: str) -> bool:
    """A word the resource does not know as a given name at all ("Abena", "Kwame", "Efua"):
    many African and Asian given names are missing from it."""
    return _answer(word.strip(".,")) == "unknown"


@lru_cache(maxsize=1)
def name_titles() -> frozenset[str]:
    """Titles that may stand before a name ("dr", "mayor", "sen"), lower case, from
    nameparser."""
    from nameparser.config import CONSTANTS  # type: ignore[import-untyped,import-not-found]

    return frozenset(str(t) for t in CONSTANTS.titles)
