"""Vocabulary as data: one table per concept, read once per process.

Each table is a UTF-8 TSV beside this module (`#` lines are comments). The tables say
what words mean; each consumer normalises them for its own use (an agency name keeps
the cased spelling, indicator matching lower-cases it), so a word is added in one place.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_HERE = Path(__file__).resolve().parent


def _rows(name: str) -> list[list[str]]:
    rows = []
    for line in (_HERE / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


@lru_cache(maxsize=None)
def abbreviations(user: str) -> dict[str, str]:
    """Short form → long form, for one user of the table (`agency` or `indicator`), in the
    table's order. Long forms are spelled as in an agency name (`Ủy ban nhân dân`)."""
    return {short: long for short, long, users in _rows("abbreviations.tsv") if user in users.split()}


@lru_cache(maxsize=None)
def document_kinds() -> dict[str, str]:
    """Type code inside a document symbol → kind of document (`QĐ` → `Quyết định`)."""
    return {code: kind for code, kind in _rows("document_kinds.tsv")}


def _used_by(name: str, user: str) -> tuple[str, ...]:
    """First column of the rows of a `word<TAB>used by` table whose users include `user`, in order."""
    return tuple(row[0] for row in _rows(name) if user in row[-1].split())


@lru_cache(maxsize=None)
def task_verbs(user: str) -> tuple[str, ...]:
    """Verbs by which a clause carries out a task, for `agency` or `deadline`; words joined by
    one space, as printed."""
    return _used_by("task_verbs.tsv", user)


@lru_cache(maxsize=None)
def not_task_verbs(user: str) -> tuple[tuple[str, bool, str], ...]:
    """Verbs by which a body named before them does not carry out a task, for `not-task`,
    `speaks` or `superior`: (verb, whether it must end a word, the words that must not
    follow it or ``""``), in the table's order."""
    return tuple((verb, word == "word", unless) for verb, word, unless, users in _rows("not_task_verbs.tsv")
                 if user in users.split())


@lru_cache(maxsize=None)
def directing_verbs(user: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Verbs by which a text directs the bodies written after them, for `directed` or
    `directed-chain`: (verb, the words that must not stand just before it), in the table's order."""
    return tuple((verb, tuple(w.strip() for w in unless.split(",") if w.strip()))
                 for verb, unless, users in _rows("directing_verbs.tsv") if user in users.split())


@lru_cache(maxsize=None)
def past_headings(user: str) -> tuple[str, ...]:
    """Headings of a section that reports the past, for `agency` or `target`; lower case."""
    return _used_by("past_headings.tsv", user)


@lru_cache(maxsize=None)
def level_words(user: str) -> tuple[str, ...]:
    """Words for a level of government or place (`tỉnh`, `thị trấn`), for `document`, `place`
    or `agency`."""
    return _used_by("level_words.tsv", user)


@lru_cache(maxsize=None)
def recurrence_phrases() -> tuple[tuple[str, str], ...]:
    """(phrase, recurrence) of the phrases that give a schedule its rhythm, in the table's
    order; a phrase is written with the table's little grammar (see recurrences.tsv)."""
    return tuple((phrase, recurrence) for phrase, recurrence in _rows("recurrences.tsv"))


@lru_cache(maxsize=None)
def syllable_counts() -> dict[str, int]:
    """Vietnamese syllables seen as words in the project's texts, with how often (lower case)."""
    return {word: int(count) for word, count in _rows("syllables.tsv")}


def _padded(name: str, columns: int) -> list[list[str]]:
    """The rows of a table, each given its empty trailing columns back."""
    return [row + [""] * (columns - len(row)) for row in _rows(name)]


@lru_cache(maxsize=None)
def not_in_body_names() -> tuple[tuple[str, str, str], ...]:
    """Words that never stand inside a body's name (a name that has one ran on into the
    clause): (word, the word that must not stand just before it or ``""``, the words that
    must not follow it or ``""``), in the table's order."""
    return tuple((word, after, unless) for word, after, unless in _padded("not_in_body_names.tsv", 3))


@lru_cache(maxsize=None)
def not_actor_before() -> tuple[tuple[str, bool, tuple[str, ...]], ...]:
    """Words before a body's name that make it not the one who acts: (words as printed,
    whether they must begin a word, the words that must not stand just before them), in the
    table's order."""
    return tuple((words, start == "word", tuple(w.strip() for w in after.split(",") if w.strip()))
                 for words, start, after in _padded("not_actor_before.tsv", 3))


@lru_cache(maxsize=None)
def predicate_words() -> tuple[tuple[str, tuple[str, ...], str], ...]:
    """Words that open what a body named before them must do: (words as printed, the words
    that must not stand just before them, the words that must not follow them or ``""``), in
    the table's order."""
    return tuple((words, tuple(w.strip() for w in after.split(",") if w.strip()), unless)
                 for words, after, unless in _padded("predicate_words.tsv", 3))


@lru_cache(maxsize=None)
def issuer_ends() -> tuple[str, ...]:
    """Words after which the name of a cited document's issuer has ended, in the table's order."""
    return tuple(row[0] for row in _rows("issuer_ends.tsv"))
