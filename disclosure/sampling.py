"""Strata of the verification draw (grade band × entity × duty station).

The allocation and the draw are the shared, seeded ones in ethics_office.base.sampling.
"""

from ethics_office.base.sampling import allocate, stratified_sample

__all__ = ["GRADE_BANDS", "allocate", "stratified_sample", "stratum_of"]

GRADE_BANDS = {
    "G": "G",
    "P-1": "P1-P3",
    "P-2": "P1-P3",
    "P-3": "P1-P3",
    "P-4": "P4-P5",
    "P-5": "P4-P5",
    "D-1": "D1-D2",
    "D-2": "D1-D2",
    "ASG": "ASG-USG",
    "USG": "ASG-USG",
}


def stratum_of(grade: str, entity_code: str, duty_station_code: str) -> str:
    return f"{GRADE_BANDS.get(grade, grade)}|{entity_code}|{duty_station_code}"
