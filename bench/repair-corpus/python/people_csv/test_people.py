from people import average_age, by_city, oldest_first, parse_people

CSV = """name,city,age
Ada, London, 36
Grace,New York,85
Linus,Helsinki,9
Tim,London,102
"""


def test_names_and_cities_are_trimmed():
    people = parse_people(CSV)
    assert [(p.name, p.city) for p in people][:2] == [("Ada", "London"), ("Grace", "New York")]


def test_age_is_a_number():
    assert parse_people(CSV)[0].age == 36


def test_oldest_first():
    assert oldest_first(parse_people(CSV)) == ["Tim", "Grace", "Ada", "Linus"]


def test_average_age():
    assert average_age(parse_people(CSV)) == 58.0


def test_by_city():
    assert by_city(parse_people(CSV)) == {"London": ["Ada", "Tim"], "New York": ["Grace"], "Helsinki": ["Linus"]}
