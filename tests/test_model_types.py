"""Model constructors refuse a value of the wrong type, naming the field, without conversion."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest

from copharvest import (
    Chapter,
    Colophon,
    Community,
    Guest,
    Member,
    Passage,
    Period,
    Reading,
    Session,
    Settings,
    Visibility,
)

DAY = dt.date(2023, 9, 21)
PERIOD = Period(start=DAY)

WRONG: list[tuple[type, dict[str, Any], str]] = [
    (Session, {"id": "s1", "start": "2023-09-21"}, "Session.start: expected a date"),
    (Session, {"id": "s1", "start": dt.datetime(2023, 9, 21, 10)}, "Session.start: expected a date"),
    (Session, {"id": "s1", "start": DAY, "attendance": ["ann"]}, "Session.attendance: expected a tuple of text"),
    (Session, {"id": "s1", "start": DAY, "attendance": ("ann", 7)}, "Session.attendance: expected a tuple of text"),
    (Session, {"id": "s1", "start": DAY, "guests": ({"name": "G"},)}, "Session.guests: expected a tuple of a Guest"),
    (Session, {"id": "s1", "start": DAY, "place_kind": "venue"}, "Session.place_kind: expected a PlaceKind or None"),
    (Session, {"id": 1, "start": DAY}, "Session.id: expected text, got int 1"),
    (Member, {"id": "ann", "name": "Ann", "consent": 1}, "Member.consent: expected true or false"),
    (Member, {"id": "ann", "name": "Ann", "consent": "false"}, "Member.consent: expected true or false"),
    (Member, {"id": "ann", "name": None}, "Member.name: expected text, got NoneType None"),
    (Member, {"id": "ann", "name": "Ann", "joined": "2023-01-01"}, "Member.joined: expected a date (datetime.date) or None"),
    (Reading, {"id": "r", "title": "T", "year": "2001"}, "Reading.year: expected a whole number or None"),
    (Reading, {"id": "r", "title": "T", "year": True}, "Reading.year: expected a whole number or None"),
    (Reading, {"id": "r", "title": "T", "visibility": "public"}, "Reading.visibility: expected a Visibility"),
    (Chapter, {"id": "c", "part": "1", "title": "T"}, "Chapter.part: expected a whole number"),
    (Chapter, {"id": "c", "part": 1, "title": "T", "body": ("text",)}, "Chapter.body: expected a tuple of a Passage"),
    (Settings, {"core_rate": "0.5"}, "Settings.core_rate: expected a number or None"),
    (Settings, {"core_rate": True}, "Settings.core_rate: expected a number or None"),
    (Colophon, {"editors": "Ann"}, "Colophon.editors: expected a tuple of text"),
    (Passage, {"text": b"bytes"}, "Passage.text: expected text, got bytes"),
    (Guest, {"name": "G", "id": 3}, "Guest.id: expected text or None"),
    (Period, {"start": None}, "Period.start: expected a date"),
    (Community, {"name": "C", "period": {"start": DAY}}, "Community.period: expected a Period"),
    (Community, {"name": "C", "period": PERIOD, "members": (Guest(name="G"),)}, "Community.members: expected a tuple of a Member"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("cls", "kwargs", "message"), WRONG, ids=[m.split(":")[0] + f"-{i}" for i, (_, _, m) in enumerate(WRONG)]
)  # fmt: skip
def test_a_wrong_type_fails_at_construction(
    cls: type, kwargs: dict[str, Any], message: str
) -> None:
    with pytest.raises(TypeError) as caught:
        cls(**kwargs)
    assert str(caught.value).startswith(message), str(caught.value)


RIGHT: list[tuple[type, dict[str, Any]]] = [
    (Session, {"id": "s1", "start": DAY, "attendance": ("ann", "bob"), "end": None}),
    (Settings, {"core_rate": 1, "core_min": 3}),  # a whole number is a number
    (Reading, {"id": "r", "title": "T", "year": None, "visibility": Visibility.INTERNAL}),
    (Member, {"id": "ann", "name": "Ann", "consent": True, "joined": DAY}),
    (Chapter, {"id": "c", "part": 2, "title": "T", "body": (Passage(text="x"),)}),
]


@pytest.mark.parametrize(("cls", "kwargs"), RIGHT, ids=[c.__name__ for c, _ in RIGHT])
def test_the_right_types_are_kept_as_given(cls: type, kwargs: dict[str, Any]) -> None:
    record = cls(**kwargs)
    for name, value in kwargs.items():
        assert getattr(record, name) is value


def test_evolve_checks_types_too() -> None:
    session = Session(id="s1", start=DAY)
    with pytest.raises(TypeError, match=r"^Session\.end: expected a date"):
        attrs.evolve(session, end="2023-09-22")


def test_invariants_still_hold_after_the_type_check() -> None:
    with pytest.raises(ValueError, match="must not be empty"):
        Member(id=" ", name="Ann")


def test_every_model_field_is_checked() -> None:
    # every annotation can be resolved to a check: constructing with a wrong type fails
    import copharvest.model

    classes = [
        value
        for value in vars(copharvest.model).values()
        if isinstance(value, type) and attrs.has(value) and value.__module__ == "copharvest.model"
    ]
    assert len(classes) >= 17
    for cls in classes:
        for field in attrs.fields(cls):
            with pytest.raises(TypeError) as caught:
                cls(**{field.name: object()})
            assert str(caught.value).startswith(f"{cls.__name__}.{field.name}: expected ")
