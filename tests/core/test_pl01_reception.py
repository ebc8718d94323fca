"""QĐ 1551 at reception, without a database: one DOI_TUONG code from the resident's target groups by the documented
priority, the funding code with the state budget told apart, and the facility codes as the Ministry and GS1 write
them."""
import pytest

from station_app.core.model import FundingSource, TargetGroup as G
from station_app.core.pl01_reception import (BudgetLevel, GlnProblem, funding_code, gln_problem, gs1_check_digit,
                                             is_valid_facility_code, is_valid_gln, offered_again, target_group_code,
                                             visit_code)
from station_app.services.common.pl01_forms import form


@pytest.mark.parametrize("groups, age, grade, code", [
    ([G.ELDERLY, G.POLICY, G.POOR], 75, None, "4"),        # người có công before everything
    ([G.ELDERLY, G.DISABLED], 70, None, "2"),              # disability before age
    ([G.NEAR_POOR, G.ETHNIC_MINORITY], 40, None, "3"),     # near-poor is code 3 as poor is
    ([G.ELDERLY], 66, None, "1"),
    ([G.OTHER], 61, None, "1"),                            # from 60 years, elderly whatever the groups say
    ([G.OTHER], 59, None, "14"),
    ([G.PUPIL, G.ETHNIC_MINORITY], 12, 7, "11"),           # the school examination counts pupils
    ([G.CHILD_UNDER_6], 4, 0, "10"),                       # a preschool class in the roster
    ([G.CHILD_UNDER_6], 2, None, "14"),                    # a child at home is not "trẻ em trong cơ sở mầm non"
    ([G.ETHNIC_MINORITY], 35, None, "6"),
    ([], None, None, "14"),
])
def test_one_target_group_code_by_the_documented_priority(groups, age, grade, code):
    assert target_group_code(groups, age_years=age, school_grade=grade) == code


def test_every_code_given_is_in_the_forms_list_and_a_chosen_code_wins():
    codes = form(2).field("DOI_TUONG").codes
    for group in G:
        assert target_group_code([group], age_years=30) in codes
    assert visit_code("13", "14") == "13" and visit_code(None, "14") == "14"


@pytest.mark.parametrize("source, budget, code", [
    (FundingSource.STATE_BUDGET, BudgetLevel.LOCAL, "2"), (FundingSource.STATE_BUDGET, BudgetLevel.CENTRAL, "1"),
    (FundingSource.HEALTH_INSURANCE, BudgetLevel.LOCAL, "3"), (FundingSource.EMPLOYER, BudgetLevel.LOCAL, "4"),
    (FundingSource.SELF_PAID, BudgetLevel.LOCAL, "9"), (FundingSource.OTHER, BudgetLevel.CENTRAL, "9"),
])
def test_funding_code_tells_central_from_local_budget(source, budget, code):
    assert funding_code(source, budget=budget) == code
    assert code in form(2).field("NGUON_KINH_PHI").codes


@pytest.mark.parametrize("gln", [
    "6291041500213",   # GS1 General Specifications' worked example of the check digit
    "4000001000005",   # GS1 Germany's own GLN
    "0614141000005",   # GS1 US example company prefix 0614141
    "5412345000013",
    "629 1041 50021 3",  # printed in groups: spaces do not count
])
def test_valid_glns_pass(gln):
    assert is_valid_gln(gln)


@pytest.mark.parametrize("gln, problem", [
    ("6291041500214", GlnProblem.CHECK_DIGIT),   # last digit mistyped
    ("6291041500123", GlnProblem.CHECK_DIGIT),   # two digits swapped
    ("629104150021", GlnProblem.LENGTH),
    ("62910415002130", GlnProblem.LENGTH),
    ("62910415OO213", GlnProblem.NOT_DIGITS),    # letter O for zero
    ("", GlnProblem.NOT_DIGITS),
])
def test_invalid_glns_say_what_is_wrong(gln, problem):
    assert gln_problem(gln) == problem


def test_check_digit_is_gs1_mod_10():
    assert gs1_check_digit("629104150021") == 3
    assert gs1_check_digit("000000000000") == 0


@pytest.mark.parametrize("code, ok", [("12001", True), ("01001", True), (" 12 001 ", True), ("1200", False),
                                      ("120011", False), ("12A01", False), ("１２００１", False)])
def test_facility_code_is_five_digits_as_written(code, ok):
    assert is_valid_facility_code(code) is ok


def test_resident_facts_are_offered_again_visit_facts_are_not():
    assert offered_again("NHOM_MAU") and offered_again("MA_NGHE_NGHIEP") and offered_again("SO_CCCD_NGH_ME")
    assert not offered_again("DOI_TUONG") and not offered_again("LY_DO_VV")
