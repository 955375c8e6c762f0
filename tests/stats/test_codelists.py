"""Built-in UK code lists: recognised spellings, unrecognised ones, headers, generalisation."""

from __future__ import annotations

import pytest

from pipeline.stats.codelists import CODELISTS, age_band, codelist_for_header, normalise

WB = "White: English, Welsh, Scottish, Northern Irish or British"


def test_ethnicity_has_19_categories_in_5_groups():
    eth = CODELISTS["ethnicity"]
    detailed = [c for c in eth.categories if ":" in c]
    assert len(detailed) == 19
    assert len({eth.generalise(c) for c in detailed}) == 5
    assert eth.special


@pytest.mark.parametrize(
    "spelling, expected",
    [(WB, WB), ("White British", WB), ("white - english, welsh, scottish, northern irish or "
                                       "british", WB),
     ("Gypsy/Irish Traveller", "White: Gypsy or Irish Traveller"), ("Roma", "White: Roma"),
     ("Irish", "White: Irish"), ("WHITE IRISH", "White: Irish"),
     ("Black African", "Black, Black British, Black Welsh, Caribbean or African: African"),
     ("Asian or Asian British: Indian", "Asian, Asian British or Asian Welsh: Indian"),
     ("Mixed: White & Asian", "Mixed or Multiple ethnic groups: White and Asian"),
     ("Arab", "Other ethnic group: Arab"), ("White", "White"),
     ("Prefer not to say", "Prefer not to say"), ("", "Not known"), ("Unknown", "Not known")],
)
def test_ethnicity_recognised(spelling, expected):
    assert CODELISTS["ethnicity"].recognise(spelling) == expected


@pytest.mark.parametrize("spelling", ["Other", "White - Britsh", "Caucasian", "BME", "Asain",
                                      "Traveler"])
def test_ethnicity_unrecognised(spelling):
    assert CODELISTS["ethnicity"].recognise(spelling) is None


@pytest.mark.parametrize(
    "name, spelling, expected",
    [("sex", "F", "Female"), ("sex", "male", "Male"), ("sex", "Woman", None),
     ("sex", "Non-binary", None),
     ("religion", "Islam", "Muslim"), ("religion", "No religion", "No religion"),
     ("religion", "Jedi", None),
     ("sexual_orientation", "Straight", "Straight or Heterosexual"),
     ("sexual_orientation", "Gay/Lesbian", "Gay or Lesbian"), ("sexual_orientation", "Bi", None),
     ("disability", "Yes", "Disabled"), ("disability", "No known disability",
                                         "No known impairment"),
     ("disability", "57 D/deaf or have a hearing impairment", "D/deaf or hearing impairment"),
     ("disability", "Disabled under the Equality Act: limited a lot",
      "Disabled under the Equality Act: limited a lot"), ("disability", "Bad back", None),
     ("age", "16-24", "16 to 24"), ("age", "65+", "65 and over"), ("age", "34", "25 to 34"),
     ("age", "Aged 15 years and under", "15 and under"), ("age", "121", None),
     ("age", "thirty", None), ("age", "-3", None), ("age", "34.5", None)],
)
def test_other_lists(name, spelling, expected):
    assert CODELISTS[name].recognise(spelling) == expected


def test_age_exact_numbers_kept_for_k_anonymity():
    assert CODELISTS["age"].recognise("34", exact_numbers=True) == "34"
    assert CODELISTS["age"].generalise("34") == "25 to 34"


@pytest.mark.parametrize("age, band", [(0, "15 and under"), (15, "15 and under"),
                                       (16, "16 to 24"), (24, "16 to 24"), (49, "35 to 49"),
                                       (64, "50 to 64"), (65, "65 and over"), (102, "65 and over")])
def test_age_band_edges(age, band):
    assert age_band(age) == band


def test_age_band_rejects_negative():
    with pytest.raises(ValueError):
        age_band(-1)


@pytest.mark.parametrize(
    "name, label, broad",
    [("disability", "Learning difference", "Disabled"),
     ("disability", "No known impairment", "Not disabled"),
     ("disability", "Not disabled: no long-term condition", "Not disabled"),
     ("sexual_orientation", "Bisexual", "Gay, Lesbian, Bisexual or other (LGB+)"),
     ("sexual_orientation", "Straight or Heterosexual", "Straight or Heterosexual"),
     ("religion", "Sikh", "Has a religion"), ("ethnicity", "White: Roma", "White")],
)
def test_generalisations(name, label, broad):
    assert CODELISTS[name].generalise(label) == broad


@pytest.mark.parametrize(
    "header, name",
    [("Ethnicity", "ethnicity"), ("Ethnic group", "ethnicity"), ("ethnic_origin", "ethnicity"),
     ("Sex", "sex"), ("gender", "sex"), ("Religion or belief", "religion"),
     ("Sexual orientation", "sexual_orientation"), ("Disability", "disability"),
     ("LLDD", "disability"), ("age", "age"), ("Age band", "age"), ("site", None),
     ("Postcode", None), ("Page", None), ("Message", None)],
)
def test_codelist_for_header(header, name):
    found = codelist_for_header(header)
    assert (found.name if found else None) == name


def test_normalise():
    assert normalise("  White & Asian ") == "white and asian"
    assert normalise("D/deaf") == "d deaf"


def test_special_categories():
    assert {n for n, c in CODELISTS.items() if c.special} == {
        "ethnicity", "religion", "sexual_orientation", "disability"}
