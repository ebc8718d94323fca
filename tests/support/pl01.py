"""A visit's PL01 form answered in full: devkit.pl01, used by the tests and the benchmarks alike."""
from devkit.pl01 import FACILITY_CODE, FACILITY_GLN, answer_everything, plausible, set_facility

__all__ = ["FACILITY_CODE", "FACILITY_GLN", "answer_everything", "plausible", "set_facility"]
