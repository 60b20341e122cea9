import pytest

from grades import Student, class_report, letter_grade


@pytest.mark.parametrize("score, expected", [(97, "A"), (85.5, "B"), (72, "C"), (59.9, "F")])
def test_letter_grade_inside_bands(score, expected):
    assert letter_grade(score) == expected


@pytest.mark.parametrize("score, expected", [(90, "A"), (80, "B"), (60, "D")])
def test_letter_grade_on_the_cutoff(score, expected):
    assert letter_grade(score) == expected


def test_student_without_scores_averages_zero():
    assert Student("Ines").average() == 0.0


def test_class_report_groups_students_by_grade():
    students = [
        Student("Zoe", [78, 82]),
        Student("Adam", [91, 95, 88]),
        Student("Mia", [50, 61]),
    ]
    assert class_report(students) == {"B": ["Zoe"], "A": ["Adam"], "F": ["Mia"]}
