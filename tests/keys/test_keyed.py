from __future__ import annotations

import re

import pytest
from keystore_helpers import FAST, PASSPHRASE

from keys import KeyStore
from pipeline.errors import AnonymiseError, UsageError
from pipeline.keyed import (
    KeyStoreFailure,
    PseudonymStrategy,
    StoredLabelStrategy,
    keystore_errors,
    open_for_run,
    type_name,
)
from pipeline.strategy import Strategy

TOKEN = re.compile(r"[A-Z][A-Z0-9]*-[0-9A-HJKMNP-TV-Z]{10}")


def test_strategies_implement_the_protocol(store):
    strategies: list[Strategy] = [PseudonymStrategy(store), StoredLabelStrategy(store)]
    assert len(strategies) == 2


@pytest.mark.parametrize(
    "entity, value, prefix",
    [("UK_POSTCODE", "W3 6QH", "POSTCODE"), ("UK_NHS", "999 000 0018", "NHS"),
     ("PHONE_NUMBER", "020 7946 0123", "PHONE"), ("EMAIL_ADDRESS", "a.b@example.org", "EMAIL"),
     ("UK_DRIVING_LICENCE", "MORGA753116SM9IJ", "LICENCE"), ("DATE_OF_BIRTH", "1/2/2003", "DOB"),
     ("LOCATION", "Ambridge", "PLACE"), ("SOMETHING_NEW", "x", "SOMETHINGNEW")],
)
def test_pseudonyms_are_typed(store, entity, value, prefix):
    token = PseudonymStrategy(store).entity(entity, value)
    assert TOKEN.fullmatch(token)
    assert token.split("-")[0] == prefix


def test_person_pseudonym(store):
    s = PseudonymStrategy(store)
    token = s.person("margaret o'neill")
    assert token.startswith("PERSON-") and TOKEN.fullmatch(token)
    assert s.person("margaret o'neill") == token
    assert s.person("daniel price") != token


@pytest.mark.parametrize(
    "entity, a, b",
    [("UK_NHS", "999 000 0018", "9990000018"), ("UK_NINO", "qq-12-34-56-c", "QQ 12 34 56 C"),
     ("UK_POSTCODE", "w3 6qh", "W36QH"), ("ADDRESS", "1  High Street", "1 high street")],
)
def test_variants_of_one_value_share_a_pseudonym(store, entity, a, b):
    s = PseudonymStrategy(store)
    assert s.entity(entity, a) == s.entity(entity, b)


def test_pseudonyms_persist_across_runs_and_reveal(store, store_path):
    first = PseudonymStrategy(store)
    token = first.entity("UK_NHS", "999 000 0018")
    person = first.person("margaret o'neill")
    store.close()
    with KeyStore.open(store_path, PASSPHRASE) as again:
        second = PseudonymStrategy(again)
        assert second.entity("UK_NHS", "9990000018") == token
        assert second.person("margaret o'neill") == person
        assert again.reveal(token, "check").original == "999 000 0018"
        assert again.reveal(person, "check").original == "margaret o'neill"


def test_produced_lists_tokens_once_and_never_originals(store):
    s = PseudonymStrategy(store)
    tokens = [s.person("margaret o'neill"), s.entity("UK_NHS", "999 000 0018"),
              s.person("margaret o'neill")]
    assert s.produced() == tokens[:2]
    assert not any("margaret" in t.lower() or "999" in t for t in s.produced())


def test_stored_labels_persist_across_runs(store, store_path):
    first = StoredLabelStrategy(store, "Learner")
    assert [first.person("margaret o'neill"), first.person("daniel price")] == \
        ["Learner A", "Learner B"]
    assert first.entity("UK_POSTCODE", "W3 6QH") == "[POSTCODE]"
    assert first.entity("SOMETHING_NEW", "x") == "[SOMETHING NEW]"
    store.close()
    with KeyStore.open(store_path, PASSPHRASE) as again:
        second = StoredLabelStrategy(again, "Learner")
        assert second.person("arjun patel") == "Learner C"
        assert second.person("daniel price") == "Learner B"
        assert second.produced() == ["Learner C", "Learner B"]
        assert StoredLabelStrategy(again, "Client").person("daniel price") == "Client A"


def test_store_errors_become_one_pipeline_error(store):
    store.forget()
    with pytest.raises(KeyStoreFailure) as exc:
        PseudonymStrategy(store).person("margaret o'neill")
    assert isinstance(exc.value, AnonymiseError)
    assert "margaret" not in str(exc.value)
    with pytest.raises(KeyStoreFailure):
        StoredLabelStrategy(store).person("margaret o'neill")
    assert StoredLabelStrategy(store).entity("UK_NHS", "999 000 0018") == "[NHS NUMBER]"


def test_open_for_run(store, store_path, tmp_path):
    store.close()
    env = {"ANONYMISE_PASSPHRASE": PASSPHRASE}
    inputs, out = [tmp_path / "in"], tmp_path / "out"
    with open_for_run(store_path, inputs, out, env=env, interactive=False) as opened:
        assert not opened.forgotten
    with pytest.raises(UsageError):
        open_for_run(out / "keys.db", inputs, out, env=env, interactive=False)
    with pytest.raises(UsageError):
        open_for_run(store_path, inputs, out, env={}, interactive=False)
    with pytest.raises(KeyStoreFailure):
        open_for_run(tmp_path / "missing.db", inputs, out, env=env, interactive=False)
    with pytest.raises(KeyStoreFailure):
        open_for_run(store_path, inputs, out, env={"ANONYMISE_PASSPHRASE": "wrong passphrase"},
                     interactive=False)


def test_keystore_errors_passes_other_errors_through():
    with pytest.raises(KeyError), keystore_errors():
        raise KeyError("x")


@pytest.mark.parametrize("entity, name", [("PERSON", "PERSON"), ("UK_NINO", "NINO"),
                                          ("IBAN_CODE", "IBAN"), ("UK_FUTURE_ID", "FUTUREID"),
                                          ("9LIVES", "VALUE"), ("a-b", "AB")])
def test_type_name(entity, name):
    assert type_name(entity) == name


def test_type_names_are_distinct():
    from pipeline.keyed import TYPE_NAMES

    assert len(set(TYPE_NAMES.values())) == len(TYPE_NAMES)


def test_unrelated_stores_unrelated_pseudonyms(store, tmp_path):
    with KeyStore.create(tmp_path / "other.db", PASSPHRASE, kdf=FAST) as other:
        assert PseudonymStrategy(store).person("ann") != PseudonymStrategy(other).person("ann")


def test_strategy_batch_commits_per_block(store, store_path):
    from keystore_helpers import raw

    s = PseudonymStrategy(store)
    with s.batch():
        token = s.entity("UK_NHS", "999 000 0018")
        assert raw(store_path).execute("SELECT count(*) FROM entries").fetchone()[0] == 0
    assert raw(store_path).execute("SELECT count(*) FROM entries").fetchone()[0] == 1
    assert store.reveal(token, "check").original == "999 000 0018"
    labels = StoredLabelStrategy(store)
    with labels.batch():
        assert labels.person("ann") == "Client A"


def test_strategy_batch_converts_store_errors(store, store_path):
    s = PseudonymStrategy(store)
    with pytest.raises(KeyStoreFailure), s.batch():
        s.person("ann")
        with KeyStore.open(store_path, PASSPHRASE) as other:
            other.forget()
