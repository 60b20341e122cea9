import csv
import io
from dataclasses import dataclass


@dataclass
class Person:
    name: str
    city: str
    age: int


def parse_people(text):
    """Read people from CSV text with a name,city,age header."""
    people = []
    for row in csv.DictReader(io.StringIO(text)):
        people.append(Person(row["name"].strip(), row["city"].strip(), row["age"].strip()))
    return people


def oldest_first(people):
    return [p.name for p in sorted(people, key=lambda p: p.age, reverse=True)]


def average_age(people):
    if not people:
        return 0.0
    return round(sum(p.age for p in people) / len(people), 1)


def by_city(people):
    cities = {}
    for p in people:
        cities.setdefault(p.city, []).append(p.name)
    return {city: sorted(names) for city, names in cities.items()}
