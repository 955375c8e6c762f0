"""Reproducible synthetic corpus of UK care/education documents with gold annotations.

``generate(seed, n_docs, …)`` is pure and deterministic: the same arguments give the same
texts, gold spans and person clusters. Documents are grouped into cases (portfolios) whose
people and identifiers recur across documents, so label consistency can be measured across
files. :func:`build` renders the documents as .txt/.docx/.pdf next to a JSON manifest.
"""

from __future__ import annotations

import random
import re
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import gold, identifiers
from bench.gold import GoldDoc, GoldSpan
from bench.names import Person, is_word_name, make_person
from bench.phrases import PHRASES
from bench.templates import BODIES, CLOSINGS, HEADERS

#: Bump when the generator's output changes, so cached corpora are rebuilt.
VERSION = 5
ROLES = ("C", "D", "W", "M", "R", "P")
_SLOT = re.compile(r"\{([A-Za-z]+)(?:\.([a-z]+))?\}")
_KINDS = {
    "adult": (("reflective", 5), ("witness", 4), ("casenote", 5), ("handover", 3),
              ("safeguarding", 3)),
    "child": (("safeguarding", 4), ("casenote", 3), ("reflective", 3)),
}
_RELATIONS = ("daughter", "son", "niece", "nephew", "husband", "wife", "partner", "brother",
              "sister", "mother", "father", "grandson")


@dataclass(frozen=True)
class _Case:
    scope: str
    kind: str
    people: dict[str, Person]
    values: dict[str, Any]


class _Builder:
    """Accumulates text while recording gold spans and phrases at their exact offsets."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.spans: list[GoldSpan] = []
        self.phrases: list[str] = []
        self.length = 0

    def add(self, text: str, entity: str = "", person: str = "") -> None:
        if entity:
            self.spans.append(GoldSpan(self.length, self.length + len(text), entity, person))
        self.parts.append(text)
        self.length += len(text)

    def text(self) -> str:
        return "".join(self.parts)


def _make_case(rng: random.Random, index: int, used: set[str]) -> _Case:
    scope = f"case{index:04d}"
    kind = "adult" if rng.random() < 0.7 else "child"
    people = {role: make_person(rng, f"{scope}:{role}", used) for role in ROLES}
    values: dict[str, Any] = {
        "C.addr": identifiers.address(rng),
        "C.dob": identifiers.date_of_birth(rng, adult=kind == "adult"),
        "D.dob": identifiers.date_of_birth(rng, adult=True),
        "C.nhs": identifiers.nhs_number(rng),
        "D.nhs": identifiers.nhs_number(rng),
        "C.nino": identifiers.nino(rng),
        "C.upn": identifiers.upn(rng),
        "W.uln": identifiers.uln(rng),
    }
    for role, person in people.items():
        values[f"{role}.phone"] = identifiers.phone(rng)
        values[f"{role}.email"] = identifiers.email(person, rng)
    return _Case(scope, kind, people, values)


def _short_form(rng: random.Random, p: Person) -> str:
    roll = rng.random()
    if roll < 0.45:
        return p.first
    if roll < 0.70:
        return f"{p.title} {p.last}"
    if roll < 0.82:
        return p.full
    if roll < 0.88:
        return p.first.upper() if is_word_name(p.first) else p.first.lower()
    if roll < 0.94:
        return p.first.upper()
    return f"{p.initial} {p.last}"


def _person_slot(b: _Builder, rng: random.Random, p: Person, form: str) -> None:
    forms = {
        "full": p.full, "first": p.first, "title": f"{p.title} {p.last}",
        "titlefull": f"{p.title} {p.full}", "upper": p.full.upper(), "rev": f"{p.last}, {p.first}",
        "init": f"{p.initial} {p.last}",
    }
    if form in forms:
        b.add(forms[form], gold.PERSON, p.pid)
    elif form in ("ref", "poss"):
        b.add(_short_form(rng, p), gold.PERSON, p.pid)
    elif form == "fullposs":
        b.add(p.full, gold.PERSON, p.pid)
    else:
        raise KeyError(form)
    if form in ("poss", "fullposs"):
        b.add("'s")


def _value_slot(b: _Builder, rng: random.Random, case: _Case, role: str, form: str) -> None:
    v = case.values
    if form in ("addr", "addrblock"):
        a: identifiers.Address = v[f"{role}.addr"]
        if form == "addr":
            b.add(f"{a.street_line}, {a.town}", gold.ADDRESS)
            b.add(rng.choice((" ", ", ")))
        else:
            b.add(f"{a.street_line}\n{a.town}", gold.ADDRESS)
            b.add("\n")
        b.add(a.postcode, gold.POSTCODE)
    elif form == "dob":
        b.add(v[f"{role}.dob"], gold.DOB)
    elif form == "nhs":
        b.add(identifiers.format_nhs(v[f"{role}.nhs"], rng), gold.NHS)
    elif form == "nino":
        b.add(identifiers.format_nino(v[f"{role}.nino"], rng), gold.NINO)
    elif form == "upn":
        b.add(v[f"{role}.upn"], gold.UPN)
    elif form == "uln":
        b.add(v[f"{role}.uln"], gold.ULN)
    elif form == "phone":
        b.add(v[f"{role}.phone"], gold.PHONE)
    elif form == "email":
        b.add(v[f"{role}.email"], gold.EMAIL)
    else:
        _person_slot(b, rng, case.people[role], form)


def _neutral(rng: random.Random, name: str) -> str:
    if name == "date":
        return identifiers.event_date(rng)
    if name == "time":
        return rng.choice(("10:30", "2.15pm", "14:05", "9am", "16:40", "11.20am"))
    if name == "room":
        return f"Room {rng.randrange(1, 40)}"
    if name == "rel":
        return rng.choice(_RELATIONS)
    if name == "town":
        return rng.choice(identifiers.TOWNS)[0]
    raise KeyError(name)


def _fill(b: _Builder, rng: random.Random, case: _Case, template: str) -> None:
    cursor = 0
    for m in _SLOT.finditer(template):
        b.add(template[cursor : m.start()])
        head, form = m.group(1), m.group(2)
        if form:
            _value_slot(b, rng, case, head, form)
        elif head in PHRASES:
            phrase = rng.choice(PHRASES[head])
            b.phrases.append(phrase)
            b.add(phrase)
        else:
            b.add(_neutral(rng, head))
        cursor = m.end()
    b.add(template[cursor:])


def _make_doc(rng: random.Random, case: _Case, doc_id: str, fmt: str,
              paragraphs: int) -> GoldDoc:
    names, weights = zip(*_KINDS[case.kind], strict=True)
    kind = rng.choices(names, weights)[0]
    pool = BODIES[kind]
    chosen = rng.sample(pool, min(paragraphs, len(pool)))
    chosen += [rng.choice(pool) for _ in range(paragraphs - len(chosen))]
    b = _Builder()
    for i, template in enumerate([rng.choice(HEADERS[kind]), *chosen, rng.choice(CLOSINGS)]):
        if i:
            b.add("\n\n")
        _fill(b, rng, case, template)
    hidden = (case.people["C"].full, case.people["W"].full) if fmt != "txt" else ()
    return GoldDoc(doc_id, case.scope, kind, fmt, b.text(), tuple(sorted(b.spans)),
                   tuple(b.phrases), hidden)


def generate(seed: int, n_docs: int, formats: Sequence[str] = ("txt", "docx", "pdf"),
             paragraphs: int = 6, docs_per_case: tuple[int, int] = (3, 6)) -> list[GoldDoc]:
    """Generate ``n_docs`` documents deterministically from ``seed``.

    Args:
        seed: the random seed; the same seed and arguments always give the same corpus.
        n_docs: number of documents.
        formats: formats assigned in turn (``txt``, ``docx``, ``pdf``).
        paragraphs: body paragraphs per document (6 gives about 420 words, 1 about 90).
        docs_per_case: inclusive range of documents per case (portfolio).
    """
    rng = random.Random(seed)
    used: set[str] = set()
    docs: list[GoldDoc] = []
    case_index = 0
    while len(docs) < n_docs:
        case = _make_case(rng, case_index, used)
        case_index += 1
        for _ in range(rng.randint(*docs_per_case)):
            if len(docs) == n_docs:
                break
            fmt = formats[len(docs) % len(formats)]
            docs.append(_make_doc(rng, case, f"doc{len(docs):05d}", fmt, paragraphs))
    return docs


def build(folder: Path, seed: int, n_docs: int, formats: Sequence[str] = ("txt", "docx", "pdf"),
          paragraphs: int = 6) -> list[GoldDoc]:
    """Generate and render a corpus into ``folder`` unless an identical one is already there.

    The folder gets ``docs/<case>/<doc>.<fmt>`` files and ``manifest.json`` (the gold
    annotations); run the anonymiser on ``folder / "docs"``.
    """
    from bench.render import render

    params = {"version": VERSION, "seed": seed, "n_docs": n_docs, "formats": list(formats),
              "paragraphs": paragraphs}
    manifest = folder / "manifest.json"
    if manifest.exists():
        old_params, docs = gold.read_manifest(manifest)
        if old_params == params and all((folder / "docs" / d.relative).exists() for d in docs):
            return docs
    docs = generate(seed, n_docs, formats, paragraphs)
    marker = folder / ".bench-corpus"
    if folder.exists() and any(folder.iterdir()):
        if not (manifest.exists() or marker.exists()):
            raise ValueError(f"{folder} is not empty and holds no corpus; not overwriting it")
        shutil.rmtree(folder)  # also drops subsets linked to the older corpus
    folder.mkdir(parents=True, exist_ok=True)
    marker.touch()
    for doc in docs:
        render(doc, folder / "docs" / doc.relative)
    gold.write_manifest(docs, manifest, params)
    return docs
