"""Synthetic PL01 answers for the training station: every answer is one its field accepts, mostly normal, never for
a field the station computes or keeps elsewhere, and none of the obstetric block for a man."""
import random

import pytest

from station_app.core.pl01 import CAMPAIGN_FORMS
from station_app.core.synthetic_pl01 import answerable, synthetic_answers
from station_app.services.common.pl01_forms import form


@pytest.mark.parametrize("number", CAMPAIGN_FORMS)
def test_every_synthetic_answer_is_accepted_by_its_field(number):
    definition = form(number)
    answers = synthetic_answers(definition, female=True, rng=random.Random(number))
    assert answers, f"form {number} got no answers"
    for a in answers:
        f = definition.field(a.code)
        assert f.accepts(a.value), (a.code, a.value)
        assert answerable(f, female=True)


def test_a_mans_adult_form_gets_no_obstetric_answers_and_hearing_is_normal():
    answers = {a.code: a.value for a in synthetic_answers(form(2), female=False, rng=random.Random(1), abnormal=0)}
    assert not any(form(2).field(c).desk == "doctor:obgyn" for c in answers)
    assert answers["TAI_TRAI_NOI_THUONG"] == "5" and answers["KHAM_THE_LUC_PL"] == "1"
    assert "CHIEU_CAO" not in answers  # the vital-signs desk's measurement, kept as a measurement
