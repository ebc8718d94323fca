"""Synthetic residents of Lai Châu, their visits and vital signs, for training stations and benchmarks.

Pure and seeded: the same seed, communes and sites give the same people, visits and values. Nothing here is a
real person: names are drawn from syllable lists, ID and insurance numbers from random digits. The caller
passes the communes in (read from the reference lists by the services), and turns the dataclasses into rows.

Households are generated whole (head, spouse, children, sometimes grandparents or a married son's family),
so the age pyramid is that of a young mountainous population, and members share village, household code,
poverty status and (for children) the father's surname. Wives keep their own surname, as in Vietnam.
"""
from __future__ import annotations

import bisect
import datetime as dt
import itertools
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from station_app.core.model import FundingSource, MeasureCode, RecordSource, Sex, TargetGroup, VisitStatus
from station_app.core.names import normalise_name

LAI_CHAU_CCCD = "012"  # birthplace code of Lai Châu in the 12-digit ID number
LAI_CHAU_BHYT = "12"  # province code inside a 15-character insurance card code
KINH = "01"

# Share of each group in Lai Châu (2019 census, rounded), by code of ethnic_groups_vn.csv.
ETHNIC_MIX: dict[str, float] = {
    "03": 32.0,  # Thái
    "08": 24.0,  # Mông (H'Mông)
    "01": 13.0,  # Kinh
    "09": 13.0,  # Dao
    "35": 4.2,  # Hà Nhì
    "25": 4.0,  # Giáy
    "41": 2.4,  # La Hủ
    "42": 1.5,  # Lự
    "29": 1.0,  # Khơ Mú
    "45": 1.0,  # Mảng
    "48": 0.6,  # Cống
    "02": 0.6,  # Tày
    "37": 0.3,  # Lào
    "50": 0.2,  # Si La
    "07": 0.2,  # Nùng
}


@dataclass(frozen=True)
class _Naming:
    surnames: tuple[str, ...]
    male_middle: tuple[str, ...]
    female_middle: tuple[str, ...]
    male: tuple[str, ...]
    female: tuple[str, ...]


def _t(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_KINH_NAMES = _Naming(
    _t("Nguyễn Nguyễn Nguyễn Trần Trần Lê Lê Phạm Hoàng Vũ Đặng Bùi Đỗ Ngô Dương Đinh Phan Trịnh Hà Lương"),
    _t("Văn Văn Văn Đức Minh Quang Hữu Xuân Công"),
    _t("Thị Thị Thị Thu Ngọc Thanh Kim Hồng"),
    _t("An Bình Cường Dũng Đức Hải Hùng Khánh Long Minh Nam Phúc Quân Sơn Thắng Tuấn Việt Hiếu Trung Tú Đạt"),
    _t("Anh Chi Dung Hà Hạnh Hoa Hương Lan Linh Mai Nga Ngọc Phương Thảo Trang Yến Huyền Nhung Thủy Hằng"),
)
_THAI_NAMES = _Naming(
    _t("Lò Lò Lò Lường Tòng Quàng Cầm Vì Điêu Lù Hoàng Tao Bạc Lèo Mè Lưu"),
    _t("Văn Văn Văn Văn"),
    _t("Thị Thị Thị Thị"),
    _t("Khăm Pành Inh Xuân Biên Chiến Duẩn Hặc Phiêng Sơn Thương Ọi Bun Tiến Ngoan Hơn Thoại Lả Piếng"),
    _t("Ún Lả Ly Pâng Xoan Mai Hoa Ín Phanh Bua Oanh Xiêng Kim Hương Nhung Ọn Én Dịu Thoa"),
)
_HMONG_NAMES = _Naming(
    _t("Giàng Giàng Vàng Vàng Sùng Sùng Lý Mùa Thào Hờ Lầu Hạng Tráng Cứ Vừ Ly"),
    _t("A A A Văn"),
    _t("Thị Thị Thị Mỷ"),
    _t("Páo Sử Chứ Lử Dơ Tủa Chớ Sình Pó Sáng Dinh Của Tếnh Nhà Vư Khua Chính Súa Lềnh Phừ"),
    _t("Mỷ Dở Sua Pà Sáy Say Mai Dua Dế Lìa Chư Mua Dợ Xó Già Pàng Súa Lý"),
)
_DAO_NAMES = _Naming(
    _t("Tẩn Tẩn Chảo Chảo Lý Phàn Đặng Triệu Bàn Lò"),
    _t("Láo Láo Văn Sài Quẩy"),
    _t("Mẩy Mẩy Thị Thị Tả"),
    _t("Lở Tả Chản Phẩy Kiềm Quáng Chòi Sểnh Chìu Lỉn Chiêu Vần Phù Dìn Kin"),
    _t("Chài Phin Khé Sành Lai Chạ Sì Dín Mẩy Xiêm Kiều Nhất Chòi"),
)
_HANHI_NAMES = _Naming(
    _t("Pờ Pờ Lỳ Lỳ Chu Lù Phu Sừ Chang"),
    _t("Xá Gạ Hừ Mò A"),
    _t("Mé Mi Thị Hờ"),
    _t("Dò Chà Chừ Xá Dùng Khừ Pà Gò Sạ Phì Hù Lả"),
    _t("Lù Xé Mé Chừ Gơ Pừ Gạ Dũ Khừ Hờ"),
)
_LAHU_NAMES = _Naming(
    _t("Lò Lò Phìn Pù Lý Chà Vàng"),
    _t("Giàng A Xà Văn"),
    _t("Mé Thị Mé"),
    _t("Cà Xe Phì Là Hừ Lo Dì Sú Pò"),
    _t("Mé Xú Hà Nu Xì Pé Lì"),
)
_TAI_NAMES = _Naming(  # Lự, Giáy, Lào, Tày, Nùng, Khơ Mú, Mảng, Cống, Si La: Văn/Thị names, local surnames
    _t("Lò Tao Đao Vàng Lường Quàng Hoàng Vương Lù Sần Chang Chìn Pờ Hù Vì Cà"),
    _t("Văn Văn Văn"),
    _t("Thị Thị Thị"),
    _t("Sinh Páo Chiến Tình Khăm Dính Ơn Thanh Nghiệp Sương Hùng Lả Xiêng"),
    _t("Mỷ Lan Hòa Dính Xiêng Ín Phương Dung Ly Bích Thoa Ún"),
)
_NAMING = {KINH: _KINH_NAMES, "03": _THAI_NAMES, "08": _HMONG_NAMES, "09": _DAO_NAMES, "35": _HANHI_NAMES,
           "41": _LAHU_NAMES, "50": _HANHI_NAMES}

_VILLAGE_SYLLABLES = {
    "tai": (_t("Nà Nậm Huổi Pá Co Hua Phiêng Ten Noong Bó Pắc Nong Khoen Hát Cang"),
            _t("Khum Ban Sẳng Mít Lại Pầu Phát Củng Ngà Luông Xe Hỏm Chạng Ít Phăng Hẹ Khá Dạ Mòn Cuổi")),
    "hmong": (_t("Sín Hồ Sàng Tả Phìn Lao Chu Xà Can Lùng Mù Tủa Sì Lừ"),
              _t("Chải Ta Pao Phìn Sáng Thàng Sang Chản Lìn Dền Hồ Mông Pho Chồ")),
    "dao": (_t("Séo Phìn Nậm Suối Tỉnh Chu Lùng Cò"),
            _t("Lềnh Hồ Chăn Ngài Cười Pầu Chản Xiêm Tả Sin")),
    "hanhi": (_t("Ma Lả Pa Mù Nhóm Tà Ú Xà Sín Phìn"),
              _t("Ú Lư Pố Cả Tổng Hồ Sì Mé Chải Khò")),
}
_KINH_VILLAGES = ("Khu", "Tổ dân phố", "Thôn")
_VILLAGE_STYLE = {"08": "hmong", "09": "dao", "35": "hanhi", "41": "hanhi", "50": "hanhi"}
_MIGRANT_BIRTHPLACES = ("034", "036", "030", "033", "025", "015", "010", "001")  # Thái Bình, Nam Định, …
_MOBILE_PREFIXES = _t("032 033 034 035 036 037 038 039 086 096 097 098 "  # Viettel
                      "081 082 083 084 085 088 091 094 070 077 079 089 090 093")  # VinaPhone, MobiFone
_HIGH_FERTILITY = {"08", "35", "41", "50", "45", "48"}
_POOR_RATE = {KINH: 0.06, "03": 0.18, "08": 0.28, "09": 0.22}  # others 0.25: about 20 % of households overall


@dataclass(frozen=True)
class CommuneSpec:
    """What the generator needs of a commune: its code, its name, and its share of the residents."""

    code: str
    name: str
    weight: float = 1.0


@dataclass(frozen=True)
class Village:
    commune_code: str
    name: str
    ethnic_code: str  # the group most households belong to


@dataclass(frozen=True, slots=True)
class SyntheticResident:
    key: int  # position in the population: visits refer to it
    national_id: str | None
    insurance_number: str | None
    full_name: str
    name_norm: str
    birth_date: dt.date | None  # None: only the year is known (some elderly)
    birth_year: int
    sex: Sex
    ethnic_code: str
    address: str
    commune_code: str
    village: str
    household_code: str
    phone: str | None
    school: str | None
    school_class: str | None
    guardian_name: str | None
    guardian_relation: str | None
    guardian_id_number: str | None
    guardian_phone: str | None
    target_groups: tuple[TargetGroup, ...]
    source: RecordSource = RecordSource.ROSTER_IMPORT


@dataclass(frozen=True, slots=True)
class SyntheticMeasurement:
    code: MeasureCode
    reading: int
    value: float
    unit: str


@dataclass(frozen=True, slots=True)
class SyntheticVisit:
    resident_key: int
    site_key: int
    visit_date: dt.date
    queue_number: int
    status: VisitStatus
    funding_source: FundingSource
    registered_at: dt.datetime  # UTC, naive, like every stored time
    started_at: dt.datetime | None
    completed_at: dt.datetime | None
    cancelled_at: dt.datetime | None
    cancel_reason: str | None
    measurements: tuple[SyntheticMeasurement, ...] = ()
    conclusion: SyntheticConclusion | None = None  # completed and referred visits


@dataclass(frozen=True, slots=True)
class SyntheticConclusion:
    """The doctor's overall class and, for a referred visit, where to, why and how soon."""

    health_class: str  # "I" to "V"
    referral_to: str | None = None
    referral_reason: str | None = None
    referral_urgency: str | None = None  # core.checkup_book.Urgency values
    followed_up_after_days: int | None = None  # the coordinator's follow-up, days after the visit


@dataclass(frozen=True)
class SiteSpec:
    """An exam site residents are sent to: the one of their village, else of their commune, else key 0."""

    key: int
    commune_code: str
    village: str | None = None


def age_on(birth_date: dt.date | None, birth_year: int, day: dt.date) -> int:
    """Age in whole years on ``day``; with only a year known, the age reached during that year."""
    if birth_date is None:
        return day.year - birth_year
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


def target_groups_for(age: int, ethnic_code: str, poverty: TargetGroup | None, disabled: bool,
                      policy: bool, pupil: bool) -> tuple[TargetGroup, ...]:
    groups = [poverty] if poverty else []
    if age >= 60:
        groups.append(TargetGroup.ELDERLY)
    if age < 6:
        groups.append(TargetGroup.CHILD_UNDER_6)
    if pupil and 6 <= age <= 18:
        groups.append(TargetGroup.PUPIL)
    if ethnic_code != KINH:
        groups.append(TargetGroup.ETHNIC_MINORITY)
    if disabled:
        groups.append(TargetGroup.DISABLED)
    if policy:
        groups.append(TargetGroup.POLICY)
    return tuple(groups)


def cccd_number(birthplace: str, sex: Sex, birth_year: int, serial: int) -> str:
    """12 digits: birthplace (3), century and sex (1: even male, odd female), year (2), serial (6)."""
    century_digit = 2 * ((birth_year - 1900) // 100) + (sex is Sex.FEMALE)
    return f"{birthplace}{century_digit}{birth_year % 100:02d}{serial:06d}"


@dataclass
class _Person:
    """A household member while the household is being built."""

    sex: Sex
    age: int
    surname: str
    ethnic_code: str
    role: str  # head, spouse, child, parent, child_spouse, grandchild
    mother: _Person | None = None
    father: _Person | None = None
    name: str = ""
    national_id: str | None = None
    phone: str | None = None


class PopulationGenerator:
    """Residents household by household, streamed so half a million never sit in memory at once."""

    def __init__(self, seed: int, communes: Sequence[CommuneSpec], as_of: dt.date, villages_per_commune: int = 18):
        if not communes:
            raise ValueError("at least one commune is needed")
        self._rng = random.Random(seed)
        self._preschool_rng = random.Random(f"preschool-{seed}")  # apart, so everyone else stays as they were
        self._as_of = as_of
        self._communes = list(communes)
        self._ethnic_codes = list(ETHNIC_MIX)
        self._ethnic_cum_weights = list(itertools.accumulate(ETHNIC_MIX.values()))
        self._village_ethnic_codes = self._ethnic_quota(villages_per_commune * len(self._communes))
        self.villages = [v for c in self._communes for v in self._make_villages(c, villages_per_commune)]
        self._commune_by_code = {c.code: c for c in self._communes}
        self._village_index = {v: i for i, v in enumerate(self.villages)}
        per_commune = len(self.villages) // len(self._communes)
        weights = [self._commune_by_code[v.commune_code].weight / per_commune * self._rng.uniform(0.4, 1.6)
                   for v in self.villages]
        self._village_cum_weights = list(itertools.accumulate(weights))
        self._house_numbers: dict[Village, int] = {}
        self._used_ids: set[str] = set()
        self._used_insurance: set[str] = set()
        self._next_key = 0

    # -- villages ---------------------------------------------------------------------------------------------

    def _make_villages(self, commune: CommuneSpec, count: int) -> list[Village]:
        names: set[str] = set()
        villages = []
        for _ in range(count):
            ethnic = self._village_ethnic_codes.pop()
            name = self._village_name(ethnic)
            while name in names:
                name = self._village_name(ethnic)
            names.add(name)
            villages.append(Village(commune.code, name, ethnic))
        return villages

    def _village_name(self, ethnic: str) -> str:
        rng = self._rng
        if ethnic == KINH:
            return f"{rng.choice(_KINH_VILLAGES)} {rng.randint(1, 15)}"
        first, second = _VILLAGE_SYLLABLES[_VILLAGE_STYLE.get(ethnic, "tai")]
        name = f"Bản {rng.choice(first)} {rng.choice(second)}"
        return f"{name} {rng.randint(1, 3)}" if rng.random() < 0.15 else name

    def _ethnic_quota(self, count: int) -> list[str]:
        """Dominant groups for ``count`` villages (a systematic sample), shuffled.

        Large families of the high-fertility groups would outweigh their share of people: they get fewer villages.
        """
        weights = [share / (1.3 if code in _HIGH_FERTILITY else 1.0) for code, share in ETHNIC_MIX.items()]
        cumulative = list(itertools.accumulate(weights))
        codes = [self._ethnic_codes[bisect.bisect(cumulative, (i + 0.5) * cumulative[-1] / count)]
                 for i in range(count)]
        self._rng.shuffle(codes)
        return codes

    def _pick_ethnic(self) -> str:
        return self._rng.choices(self._ethnic_codes, cum_weights=self._ethnic_cum_weights)[0]

    # -- households -------------------------------------------------------------------------------------------

    def residents(self, count: int) -> Iterator[SyntheticResident]:
        """Exactly ``count`` residents; the last household is cut short if needed."""
        made = 0
        while made < count:
            for resident in self._household():
                if made == count:
                    return
                made += 1
                yield resident

    def _household(self) -> list[SyntheticResident]:
        rng = self._rng
        village = rng.choices(self.villages, cum_weights=self._village_cum_weights)[0]
        ethnic = village.ethnic_code if rng.random() < 0.85 else self._pick_ethnic()
        members = self._members(ethnic)
        number = self._house_numbers.get(village, 0) + 1
        self._house_numbers[village] = number
        household_code = f"{village.commune_code}.{self._village_index[village] % 100:02d}.{number:04d}"
        poor_rate = _POOR_RATE.get(ethnic, 0.25)
        draw = rng.random()
        poverty = TargetGroup.POOR if draw < poor_rate else TargetGroup.NEAR_POOR if draw < poor_rate * 1.5 else None
        commune = self._commune_by_code[village.commune_code]
        for person in members:
            self._identify(person)
        return [self._resident(p, village, commune, household_code, poverty) for p in members]

    def _members(self, ethnic: str) -> list[_Person]:
        rng = self._rng
        naming = _NAMING.get(ethnic, _TAI_NAMES)
        head_age = int(min(88, 19 + rng.gammavariate(2.2, 9.0)))
        male_head = rng.random() < (0.88 if head_age < 65 else 0.6)
        head = _Person(Sex.MALE if male_head else Sex.FEMALE, head_age, rng.choice(naming.surnames), ethnic, "head")
        members = [head]
        father, mother = (head, None) if male_head else (None, head)
        if rng.random() < (0.9 if head_age < 65 else 0.55):
            spouse_age = max(16, head_age + (-3 if male_head else 3) + int(rng.gauss(0, 3)))
            spouse_ethnic = ethnic if rng.random() < 0.9 else self._pick_ethnic()
            spouse_naming = _NAMING.get(spouse_ethnic, _TAI_NAMES)
            spouse = _Person(Sex.FEMALE if male_head else Sex.MALE, spouse_age,
                             self._other_surname(spouse_naming, head.surname), spouse_ethnic, "spouse")
            members.append(spouse)
            father, mother = (head, spouse) if male_head else (spouse, head)
        if head_age < 58 and rng.random() < 0.3:
            members.extend(self._parents(head, naming))
        members.extend(self._children(father, mother, head, ethnic))
        return members

    def _other_surname(self, naming: _Naming, surname: str) -> str:
        for _ in range(5):  # H'Mông clans marry out: a spouse has another surname
            other = self._rng.choice(naming.surnames)
            if other != surname:
                return other
        return surname

    def _parents(self, head: _Person, naming: _Naming) -> list[_Person]:
        age = min(95, head.age + self._rng.randint(20, 34))
        parents = [_Person(Sex.FEMALE, age, self._other_surname(naming, head.surname), head.ethnic_code, "parent")]
        if age < 80 and self._rng.random() < 0.45:
            parents.append(_Person(Sex.MALE, age + self._rng.randint(0, 5), head.surname, head.ethnic_code, "parent"))
        return parents

    def _children(self, father: _Person | None, mother: _Person | None, head: _Person, ethnic: str) -> list[_Person]:
        rng = self._rng
        parent = mother or father or head
        mean = 4.0 if ethnic in _HIGH_FERTILITY else 2.2 if ethnic == KINH else 3.0
        wanted = min(9, int(rng.expovariate(1 / mean) + 0.5))
        surname = (father or head).surname
        children: list[_Person] = []
        age_at_birth = rng.randint(17, 25)
        for _ in range(wanted):
            age = parent.age - age_at_birth
            if age < 0:
                break
            if age < 19 or rng.random() < 0.25 * (age < 35):  # older children have mostly moved out
                child = _Person(Sex.MALE if rng.random() < 0.515 else Sex.FEMALE, age, surname, ethnic, "child",
                                mother=mother, father=father)
                children.append(child)
                if child.sex is Sex.MALE and age >= 20 and rng.random() < 0.6:
                    children.extend(self._son_family(child))
            age_at_birth += rng.randint(1, 4)
        return children

    def _son_family(self, son: _Person) -> list[_Person]:
        naming = _NAMING.get(son.ethnic_code, _TAI_NAMES)
        wife = _Person(Sex.FEMALE, max(17, son.age - self._rng.randint(0, 4)),
                       self._other_surname(naming, son.surname), son.ethnic_code, "child_spouse")
        kids = [wife]
        age = wife.age - self._rng.randint(17, 21)
        while age >= 0 and len(kids) < 4:
            kids.append(_Person(Sex.MALE if self._rng.random() < 0.515 else Sex.FEMALE, age, son.surname,
                                son.ethnic_code, "grandchild", mother=wife, father=son))
            age -= self._rng.randint(2, 4)
        return kids

    # -- one person -------------------------------------------------------------------------------------------

    def _identify(self, person: _Person) -> None:
        rng = self._rng
        naming = _NAMING.get(person.ethnic_code, _TAI_NAMES)
        modern = person.age < 30 and person.ethnic_code != KINH and rng.random() < 0.35
        pool = _KINH_NAMES if modern else naming
        male = person.sex is Sex.MALE
        middle = rng.choice(pool.male_middle if male else pool.female_middle)
        if modern:
            middle = "Văn" if male else "Thị"
        given = rng.choice(pool.male if male else pool.female)
        person.name = f"{person.surname} {middle} {given}"
        if 18 <= person.age < 70 and rng.random() < (0.75 if person.age < 50 else 0.45):
            person.phone = f"{rng.choice(_MOBILE_PREFIXES)}{rng.randrange(10_000_000):07d}"

    def _birth(self, age: int) -> tuple[dt.date | None, int]:
        rng = self._rng
        latest = _years_before(self._as_of, age)
        earliest = _years_before(self._as_of, age + 1) + dt.timedelta(days=1)
        born = earliest + dt.timedelta(days=rng.randrange((latest - earliest).days + 1))
        if age >= 65 and rng.random() < 0.3:
            return None, born.year
        return born, born.year

    def _national_id(self, person: _Person, birth_year: int) -> str | None:
        rng = self._rng
        if person.age >= 70 and rng.random() < 0.02:
            return None  # not yet on the roster
        migrant = person.ethnic_code == KINH and person.age >= 25 and rng.random() < 0.4
        birthplace = rng.choice(_MIGRANT_BIRTHPLACES) if migrant else LAI_CHAU_CCCD
        while True:
            number = cccd_number(birthplace, person.sex, birth_year, rng.randrange(1_000_000))
            if number not in self._used_ids:
                self._used_ids.add(number)
                return number

    def _insurance(self, age: int, ethnic: str, poverty: TargetGroup | None, policy: bool, pupil: bool) -> str | None:
        rng = self._rng
        if age < 6:
            prefix = "TE1"
        elif policy:
            prefix = "CC1" if rng.random() < 0.3 else "CK2"
        elif poverty is TargetGroup.POOR:
            prefix = "HN2"
        elif ethnic != KINH:
            prefix = "DT2"
        elif poverty is TargetGroup.NEAR_POOR:
            prefix = "CN3"
        elif pupil:
            prefix = "HS4"
        elif age >= 80:
            prefix = "BT2"
        elif rng.random() < 0.75:
            prefix = rng.choice(("GD4", "GD4", "HC4", "DN4", "HT3"))
        else:
            return None
        if rng.random() < 0.04:
            return None  # card lapsed or not yet issued
        while True:
            number = f"{prefix}{LAI_CHAU_BHYT}{LAI_CHAU_BHYT}{rng.randrange(100_000_000):08d}"
            if number not in self._used_insurance:
                self._used_insurance.add(number)
                return number

    def _resident(self, p: _Person, village: Village, commune: CommuneSpec, household_code: str,
                  poverty: TargetGroup | None) -> SyntheticResident:
        rng = self._rng
        birth_date, birth_year = self._birth(p.age)
        p.national_id = self._national_id(p, birth_year)
        age = age_on(birth_date, birth_year, self._as_of)
        pupil = 6 <= age <= 18 and rng.random() < (0.97 if age <= 14 else 0.65)
        disabled = rng.random() < (0.05 if age >= 60 else 0.015)
        policy = age >= 18 and rng.random() < (0.08 if age >= 60 else 0.02)
        school, school_class = _school(commune.name, age, rng) if pupil else (None, None)
        if PRESCHOOL_AGES[0] <= age <= PRESCHOOL_AGES[1] and self._preschool_rng.random() < PRESCHOOL_SHARE:
            school, school_class = _preschool(commune.name, age)
        guardian = _guardian(p) if age < 18 else None
        return SyntheticResident(
            key=self._take_key(),
            national_id=p.national_id,
            insurance_number=self._insurance(age, p.ethnic_code, poverty, policy, pupil),
            full_name=p.name,
            name_norm=normalise_name(p.name),
            birth_date=birth_date,
            birth_year=birth_year,
            sex=p.sex,
            ethnic_code=p.ethnic_code,
            address=f"{village.name}, {commune.name}, Tỉnh Lai Châu",
            commune_code=commune.code,
            village=village.name,
            household_code=household_code,
            phone=p.phone,
            school=school,
            school_class=school_class,
            guardian_name=guardian.name if guardian else None,
            guardian_relation=("Mẹ" if guardian.sex is Sex.FEMALE else "Bố") if guardian else None,
            guardian_id_number=guardian.national_id if guardian else None,
            guardian_phone=guardian.phone if guardian else None,
            target_groups=target_groups_for(age, p.ethnic_code, poverty, disabled, policy, pupil),
        )

    def _take_key(self) -> int:
        self._next_key += 1
        return self._next_key - 1


def _guardian(child: _Person) -> _Person | None:
    """The mother, else the father (already named: parents are listed before their children)."""
    return child.mother or child.father


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


PRESCHOOL_AGES = (3, 5)  # mẫu giáo: the classes Mầm (3), Chồi (4), Lá (5)
PRESCHOOL_SHARE = 0.8  # of children of those ages on a school's roster (examined through their school, form 14)


def _preschool(commune_name: str, age: int) -> tuple[str, str]:
    place = commune_name.removeprefix("Xã ").removeprefix("Phường ")
    return f"Trường Mầm non {place}", {3: "Mầm", 4: "Chồi"}.get(age, "Lá")


def _school(commune_name: str, age: int, rng: random.Random) -> tuple[str, str]:
    place = commune_name.removeprefix("Xã ").removeprefix("Phường ")
    grade = min(12, age - 5)
    if grade <= 5:
        school = f"Trường Tiểu học {place}"
    elif grade <= 9:
        school = f"Trường PTDTBT THCS {place}"
    else:
        school = f"Trường THPT {place}"
    return school, f"{max(1, grade)}{rng.choice('ABC')}"


# -- visits and vital signs -----------------------------------------------------------------------------------

_STATUS_WEIGHTS = {VisitStatus.COMPLETED: 82, VisitStatus.REFERRED: 7, VisitStatus.IN_PROGRESS: 2,
                   VisitStatus.REGISTERED: 3, VisitStatus.CANCELLED: 6}
_FUNDING_WEIGHTS = {FundingSource.STATE_BUDGET: 78, FundingSource.HEALTH_INSURANCE: 15, FundingSource.EMPLOYER: 3,
                    FundingSource.SELF_PAID: 3, FundingSource.OTHER: 1}
_CANCEL_REASONS = ("Người dân về trước khi khám", "Đăng ký trùng", "Hẹn khám lại ngày khác")
_HOLIDAYS = {(4, 30), (5, 1), (9, 1), (9, 2)}
_LOCAL_OFFSET = dt.timedelta(hours=7)  # Vietnam, UTC+7
_OPENING = dt.time(7, 0)
_WORKING_SECONDS = 9 * 3600
_UNITS = {MeasureCode.HEIGHT_CM: "cm", MeasureCode.WEIGHT_KG: "kg", MeasureCode.SYSTOLIC: "mmHg",
          MeasureCode.DIASTOLIC: "mmHg", MeasureCode.PULSE: "/min", MeasureCode.TEMPERATURE_C: "°C"}
# WHO median height (cm) by age in years, boys and girls; adults reach the province's lower averages.
_HEIGHT_BOYS = (50, 76, 87, 96, 103, 110, 116, 122, 128, 133, 138, 144, 150, 156, 163, 167, 170, 172, 173)
_HEIGHT_GIRLS = (49, 74, 86, 95, 102, 109, 115, 121, 127, 133, 139, 145, 151, 156, 159, 161, 162, 163, 163)
_BMI_CHILD = (17.0, 17.0, 16.3, 15.9, 15.5, 15.3, 15.3, 15.4, 15.7, 16.0, 16.5, 17.0, 17.5, 18.1, 18.8, 19.4,
              19.9, 20.4, 20.8)


def campaign_days(start: dt.date, end: dt.date) -> list[dt.date]:
    """Working days of the campaign: Monday to Saturday, public holidays off."""
    days = (start + dt.timedelta(days=i) for i in range((end - start).days + 1))
    return [d for d in days if d.weekday() < 6 and (d.month, d.day) not in _HOLIDAYS]


@dataclass
class VisitPlanner:
    """Visits for a share of the residents, spread over the campaign's working days.

    Queue numbers count per site and day across every chunk; registration times follow the queue, paced
    by the expected number of visits per site-day, so the numbers and the clock agree.
    """

    seed: int
    sites: Sequence[SiteSpec]
    start: dt.date
    end: dt.date
    expected_visits: int
    share: float = 0.6
    _rng: random.Random = field(init=False)
    _days: list[dt.date] = field(init=False)
    _queues: dict[tuple[int, dt.date], int] = field(init=False, default_factory=dict)
    _pace: float = field(init=False)

    def __post_init__(self) -> None:
        self._rng = random.Random(f"visits-{self.seed}")
        self._conclusion_rng = random.Random(f"conclusions-{self.seed}")  # apart, so visits stay as they were
        self._days = campaign_days(self.start, self.end) or [self.start]
        per_site_day = self.expected_visits / (len(self._days) * max(1, len(self.sites)))
        self._pace = _WORKING_SECONDS / max(1.0, per_site_day * 1.1)
        self._by_village = {(s.commune_code, s.village): s.key for s in self.sites if s.village}
        self._by_commune = {s.commune_code: s.key for s in reversed(self.sites) if not s.village}
        self._by_commune_any = {s.commune_code: s.key for s in reversed(self.sites)}

    def visits_for(self, residents: Sequence[SyntheticResident]) -> list[SyntheticVisit]:
        rng = self._rng
        return [self._visit(r) for r in residents if rng.random() < self.share]

    def _site_for(self, r: SyntheticResident) -> int:
        found = self._by_village.get((r.commune_code, r.village))
        if found is None:
            found = self._by_commune.get(r.commune_code, self._by_commune_any.get(r.commune_code))
        return self.sites[0].key if found is None else found

    def _visit(self, r: SyntheticResident) -> SyntheticVisit:
        rng = self._rng
        site = self._site_for(r)
        day = rng.choice(self._days)
        queue = self._queues.get((site, day), 0) + 1
        self._queues[(site, day)] = queue
        local = dt.datetime.combine(day, _OPENING) + dt.timedelta(seconds=(queue - 1 + rng.random()) * self._pace)
        registered = (local - _LOCAL_OFFSET).replace(microsecond=0)
        status = rng.choices(list(_STATUS_WEIGHTS), list(_STATUS_WEIGHTS.values()))[0]
        funding = rng.choices(list(_FUNDING_WEIGHTS), list(_FUNDING_WEIGHTS.values()))[0]
        if funding is FundingSource.HEALTH_INSURANCE and r.insurance_number is None:
            funding = FundingSource.STATE_BUDGET
        started = completed = cancelled = None
        reason = None
        if status is VisitStatus.CANCELLED:
            cancelled, reason = registered + dt.timedelta(minutes=rng.randint(5, 90)), rng.choice(_CANCEL_REASONS)
        elif status is not VisitStatus.REGISTERED:
            started = registered + dt.timedelta(minutes=rng.randint(3, 45))
            if status in (VisitStatus.COMPLETED, VisitStatus.REFERRED):
                completed = started + dt.timedelta(minutes=rng.randint(10, 50))
        measurements = vital_signs(r, day, rng, partial=status is VisitStatus.IN_PROGRESS) if started else ()
        conclusion = conclusion_for(measurements, status is VisitStatus.REFERRED, self._conclusion_rng) \
            if completed else None
        return SyntheticVisit(r.key, site, day, queue, status, funding, registered, started, completed, cancelled,
                              reason, measurements, conclusion)


_CLASS_WEIGHTS = {"I": 24, "II": 48, "III": 22, "IV": 5, "V": 1}
_REFERRED_CLASS_WEIGHTS = {"II": 10, "III": 55, "IV": 28, "V": 7}
REFERRAL_PLACES = (("Trung tâm Y tế huyện Than Uyên", 70), ("Bệnh viện Đa khoa tỉnh Lai Châu", 20),
                   ("Trung tâm Y tế huyện Tân Uyên", 10))
_REFERRAL_REASONS = (
    "Nghi đái tháo đường, cần xét nghiệm đường huyết tĩnh mạch",
    "Giảm thị lực, cần khám chuyên khoa mắt",
    "Ho kéo dài trên 2 tuần, cần chụp X-quang phổi",
    "Sâu răng nhiều, cần điều trị răng hàm mặt",
    "Nghi viêm gan B, cần xét nghiệm và theo dõi",
    "Đau khớp kéo dài, cần khám chuyên khoa cơ xương khớp",
)
_HYPERTENSION = "Huyết áp cao, cần khám và điều trị tăng huyết áp"
_URGENCY_WEIGHTS = {"routine": 68, "soon": 26, "urgent": 6}


def conclusion_for(measurements: Sequence[SyntheticMeasurement], referred: bool, rng: random.Random
                   ) -> SyntheticConclusion:
    """A plausible overall class; a referral (where, why, how soon, followed up or not) when ``referred``."""
    systolic = max((m.value for m in measurements if m.code is MeasureCode.SYSTOLIC), default=0.0)
    if not referred:
        weights = _CLASS_WEIGHTS if systolic < 160 else {"III": 70, "IV": 30}
        return SyntheticConclusion(rng.choices(list(weights), list(weights.values()))[0])
    health_class = rng.choices(list(_REFERRED_CLASS_WEIGHTS), list(_REFERRED_CLASS_WEIGHTS.values()))[0]
    place = rng.choices([p for p, _ in REFERRAL_PLACES], [w for _, w in REFERRAL_PLACES])[0]
    why = _HYPERTENSION if systolic >= 140 else rng.choice(_REFERRAL_REASONS)
    urgency = rng.choices(list(_URGENCY_WEIGHTS), list(_URGENCY_WEIGHTS.values()))[0]
    followed = rng.randint(1, 14) if rng.random() < 0.45 else None
    return SyntheticConclusion(health_class, place, why, urgency, followed)


def vital_signs(r: SyntheticResident, day: dt.date, rng: random.Random, partial: bool = False
                ) -> tuple[SyntheticMeasurement, ...]:
    """Plausible values for the resident's age and sex; ``partial`` stops after height and weight."""
    age = max(0, age_on(r.birth_date, r.birth_year, day))
    male = r.sex is Sex.MALE
    height = _height(age, male, r.ethnic_code, rng)
    bmi = _BMI_CHILD[age] * rng.gauss(1, 0.09) if age <= 18 else rng.gauss(21.3 if r.ethnic_code != KINH else 22.5, 2.6)
    values = [(MeasureCode.HEIGHT_CM, 1, round(height, 1)),
              (MeasureCode.WEIGHT_KG, 1, round(max(2.0, bmi) * (height / 100) ** 2, 1))]
    if not partial:
        values += [(MeasureCode.PULSE, 1, float(round(rng.gauss(_pulse_mean(age), 9)))),
                   (MeasureCode.TEMPERATURE_C, 1, round(rng.gauss(36.7, 0.28), 1))]
        if age >= 16:
            values += _blood_pressure(age, male, rng)
    return tuple(SyntheticMeasurement(code, reading, value, _UNITS[code]) for code, reading, value in values)


def _height(age: int, male: bool, ethnic: str, rng: random.Random) -> float:
    table = _HEIGHT_BOYS if male else _HEIGHT_GIRLS
    adult = (163.0 if male else 152.5) if ethnic == KINH else (159.0 if male else 149.5)
    median = table[min(age, 18)] * (adult / table[-1] if age >= 6 else 0.97)
    if age >= 70:
        median -= 0.15 * (age - 65)
    return max(45.0, rng.gauss(median, median * 0.04))


def _pulse_mean(age: int) -> float:
    return 125 if age < 1 else 105 if age < 6 else 90 if age < 12 else 78


def _blood_pressure(age: int, male: bool, rng: random.Random) -> list[tuple[MeasureCode, int, float]]:
    years = max(0, age - 20)
    systolic = rng.gauss(112 + (4 if male else 0) + 0.55 * years, 12 + 0.12 * years)
    diastolic = rng.gauss(70 + 0.25 * min(years, 40), 8)
    systolic = round(min(230, max(85, systolic)))
    diastolic = round(min(systolic - 20, max(50, diastolic)))
    values = [(MeasureCode.SYSTOLIC, 1, float(systolic)), (MeasureCode.DIASTOLIC, 1, float(diastolic))]
    if systolic >= 140 or diastolic >= 90:  # high: measured again after a rest
        values += [(MeasureCode.SYSTOLIC, 2, float(systolic - round(abs(rng.gauss(5, 4))))),
                   (MeasureCode.DIASTOLIC, 2, float(diastolic - round(abs(rng.gauss(2, 3)))))]
    return values
