"""QĐ 1551 at the reception desk: the visit's one DOI_TUONG code, its NGUON_KINH_PHI code, and the facility codes.

Pure: no database, no Qt. The station keeps several target groups per resident (core.model.TargetGroup) and one
funding source per visit (core.model.FundingSource); PL01 wants one code of each per visit. ``target_group_code``
and ``funding_code`` give the default the reception desk shows (the priority and its reasons are in
docs/CLINICAL-RULES.md, "QĐ 1551: target group and funding codes"); the nurse may change it, and a changed code
is kept as the visit's answer, which then wins over the default (``visit_code``).

The facility codes are set at set-up and in administration: MA_CSKCB, the Ministry's 5-character code of the
health facility (digits, leading zeros kept), and MA_GTIN_CSKCB, the facility's 13-digit GS1 Global Location
Number, whose last digit is a GS1 mod-10 check digit.
"""
from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from station_app.core.model import FundingSource, TargetGroup

DOI_TUONG = "DOI_TUONG"
NGUON_KINH_PHI = "NGUON_KINH_PHI"
NGAYCAP_CCCD = "NGAYCAP_CCCD"

# DOI_TUONG codes (PL01, all forms)
ELDERLY, DISABLED, POOR, MERIT, CHRONIC, ETHNIC_AREA = "1", "2", "3", "4", "5", "6"
PRESCHOOL_CHILD, PUPIL, OTHER = "10", "11", "14"
# NGUON_KINH_PHI codes
CENTRAL_BUDGET, LOCAL_BUDGET, HEALTH_INSURANCE, EMPLOYER, SOCIAL, FUNDING_OTHER = "1", "2", "3", "4", "5", "9"

ELDERLY_FROM_YEARS = 60  # Luật Người cao tuổi 2009, Điều 2: a Vietnamese citizen from 60 years


class BudgetLevel(StrEnum):
    """Which state budget pays a visit funded by the state: PL01 tells them apart, the station's
    FundingSource.STATE_BUDGET does not."""

    CENTRAL = "central"
    LOCAL = "local"


# The priority, first match wins (docs/CLINICAL-RULES.md gives the reasons).
_GROUP_PRIORITY: tuple[tuple[TargetGroup, str], ...] = (
    (TargetGroup.POLICY, MERIT),
    (TargetGroup.DISABLED, DISABLED),
    (TargetGroup.POOR, POOR),
    (TargetGroup.NEAR_POOR, POOR),
    (TargetGroup.ELDERLY, ELDERLY),
)


def target_group_code(groups: Iterable[TargetGroup | str], *, age_years: int | None = None,
                      school_grade: int | None = None) -> str:
    """The one DOI_TUONG code of a visit, from the resident's target groups, age in whole years on the visit date
    and school grade from the roster (0 = preschool, 1–12; None when not a pupil), by the documented priority:
    người có công (4), disabled (2), poor or near-poor household (3), elderly (1; also anyone from 60 years),
    preschool child (10) or pupil (11), ethnic-minority area (6), otherwise other (14)."""
    given = {TargetGroup(g) for g in groups}
    for group, code in _GROUP_PRIORITY:
        if group in given:
            return code
    if age_years is not None and age_years >= ELDERLY_FROM_YEARS:
        return ELDERLY
    if school_grade == 0:
        return PRESCHOOL_CHILD
    if (school_grade is not None and 1 <= school_grade <= 12) or TargetGroup.PUPIL in given:
        return PUPIL
    if TargetGroup.ETHNIC_MINORITY in given:
        return ETHNIC_AREA
    return OTHER


def funding_code(source: FundingSource | str, *, budget: BudgetLevel | str = BudgetLevel.LOCAL) -> str:
    """The NGUON_KINH_PHI code of a visit's funding source. The state budget is the local one (2) unless told it is
    the central one (1); self-paid has no code of its own and is "other" (9)."""
    source = FundingSource(source)
    if source == FundingSource.STATE_BUDGET:
        return CENTRAL_BUDGET if BudgetLevel(budget) == BudgetLevel.CENTRAL else LOCAL_BUDGET
    return {FundingSource.HEALTH_INSURANCE: HEALTH_INSURANCE, FundingSource.EMPLOYER: EMPLOYER}.get(source,
                                                                                                   FUNDING_OTHER)


def visit_code(answered: str | None, default: str) -> str:
    """The code a visit carries: the one the reception desk recorded, or else the default from the station's data."""
    return answered if answered else default


# ------------------------------------------------------------------------------------------ facility codes

FACILITY_CODE_LENGTH = 5
GLN_LENGTH = 13


def gs1_check_digit(digits: str) -> int:
    """The GS1 mod-10 check digit of the digits before it: from the right, weights 3, 1, 3, 1…; the digit brings
    the weighted sum up to a multiple of ten."""
    if not digits.isascii() or not digits.isdigit():
        raise ValueError("GS1 keys are digits only")
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(digits)))
    return (10 - total % 10) % 10


class GlnProblem(StrEnum):
    LENGTH = "length"  # not 13 characters
    NOT_DIGITS = "not_digits"
    CHECK_DIGIT = "check_digit"


def gln_problem(text: str) -> GlnProblem | None:
    """What is wrong with a typed GLN (spaces ignored), or None for a valid one."""
    gln = normalise_code(text)
    if not gln.isascii() or not gln.isdigit():
        return GlnProblem.NOT_DIGITS
    if len(gln) != GLN_LENGTH:
        return GlnProblem.LENGTH
    if gs1_check_digit(gln[:-1]) != int(gln[-1]):
        return GlnProblem.CHECK_DIGIT
    return None


def is_valid_gln(text: str) -> bool:
    return gln_problem(text) is None


def is_valid_facility_code(text: str) -> bool:
    """MA_CSKCB: exactly 5 digits, as the Ministry writes them (a leading zero is part of the code: "01001")."""
    code = normalise_code(text)
    return len(code) == FACILITY_CODE_LENGTH and code.isascii() and code.isdigit()


def normalise_code(text: str | None) -> str:
    """A typed code without spaces (a GLN is often printed in groups: "893 1234 56789 0")."""
    return "".join((text or "").split())


# ------------------------------------------------------------------------------------------ what reception asks

LY_DO_VV = "LY_DO_VV"
CAMPAIGN_REASON = "Khám sức khỏe định kỳ"  # LY_DO_VV's default for the campaign (choices.csv note)

#: Reception codes that belong to the visit, not to the resident: never offered again from an earlier visit.
VISIT_LEVEL_CODES = frozenset({LY_DO_VV, DOI_TUONG, NGUON_KINH_PHI, "HO_TEN_NGUOI_DI_CUNG", "SO_CCCD_NGUOI_DI_CUNG",
                               "MOI_QUAN_HE_VOI_TRE", "DIA_CHI_THAY_DOI", "DIEN_THOAI_THAY_DOI"})
#: Reception codes with a station field whose value reception still records as an answer (a code per visit).
ANSWERED_DESPITE_STATION_FIELD = frozenset({DOI_TUONG, NGUON_KINH_PHI})


def asked_at_reception(station_field: str, code: str) -> bool:
    """Whether the reception sheet asks for a field: the ones the station does not keep elsewhere, and the visit's
    DOI_TUONG and NGUON_KINH_PHI (kept as target groups and a funding source, shown as the code they give)."""
    return not station_field or code in ANSWERED_DESPITE_STATION_FIELD


def offered_again(code: str) -> bool:
    """A resident-level fact (blood group, occupation, workplace, ID issue date and place, the parents) is offered
    again from the resident's earlier visit."""
    return code not in VISIT_LEVEL_CODES
