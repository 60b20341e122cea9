from dataclasses import dataclass, field

CUTOFFS = [(90, "A"), (80, "B"), (70, "C"), (60, "D")]


def letter_grade(score):
    for cutoff, letter in CUTOFFS:
        if score > cutoff:
            return letter
    return "F"


@dataclass
class Student:
    name: str
    scores: list = field(default_factory=list)

    def average(self):
        if not self.scores:
            return 0.0
        return sum(self.scores) / len(self.scores)

    def grade(self):
        return letter_grade(self.average())


def class_report(students):
    """Map each letter grade to the sorted names of the students who earned it."""
    report = {}
    for student in students:
        report.setdefault(student.grade(), []).append(student.name)
    for names in report.values():
        names.sort()
    return report
