"""People in the store: each owns their records; deleting one takes their data with them."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from nightlegs.diary import DiaryExport, NightIn, PersonIn, ProfileIn, SqlDiaryStore
from nightlegs.errors import InputError, NotFoundError

MakeNight = Callable[..., NightIn]


def test_records_belong_to_their_person(store: SqlDiaryStore, make_night: MakeNight) -> None:
    lily = store.create_person(PersonIn(name="Lily", birth_year=2016)).id
    mine = store.create_night(make_night(1))
    hers = store.create_night(make_night(2), person=lily)
    store.add_assessment({"text": "a"}, {"triage": "doctor"}, "1", person=lily)
    store.create_recording("night.edf", 10, person=lily)
    assert [n.id for n in store.list_nights()] == [mine.id]
    assert [n.id for n in store.list_nights(person=lily)] == [hers.id]
    assert store.latest_assessment() is None and store.list_recordings() == []
    with pytest.raises(NotFoundError, match=f"night {hers.id} not found"):
        store.get_night(hers.id)
    with pytest.raises(NotFoundError, match="person 99 not found; the diary's people have"):
        store.list_nights(person=99)


def test_deleting_a_person_deletes_only_their_data(
    store: SqlDiaryStore, make_night: MakeNight
) -> None:
    lily = store.create_person(PersonIn(name="Lily")).id
    store.create_night(make_night(1))
    store.create_night(make_night(2), person=lily)
    store.add_assessment({}, {"triage": "doctor"}, "1", person=lily)
    store.create_recording("night.edf", 10, person=lily)
    store.delete_person(lily)
    assert [p.name for p in store.list_people()] == ["Me"]
    assert len(store.list_nights()) == 1
    with pytest.raises(InputError, match="only person"):
        store.delete_person(store.list_people()[0].id)


def test_replace_import_touches_one_person(store: SqlDiaryStore, make_night: MakeNight) -> None:
    lily = store.create_person(PersonIn(name="Lily", medicines=["med_statin"])).id
    store.create_night(make_night(1))
    store.create_night(make_night(2), person=lily)
    data = DiaryExport(profile=ProfileIn(age=9.5), nights=[make_night(3), make_night(4)])
    assert store.import_diary(data, person=lily, replace=True) == 2
    assert [n.date.day for n in store.list_nights(person=lily)] == [3, 4]
    assert [n.date.day for n in store.list_nights()] == [1]
    person = store.get_person(lily)
    assert person.name == "Lily" and person.age == 9.5 and person.medicines == []
    assert store.export_diary(person=lily).profile == ProfileIn(age=9.5)
    assert store.get_profile() is None  # the default person still has none


def test_the_default_person_is_the_first_left(store: SqlDiaryStore) -> None:
    me = store.get_person()
    lily = store.create_person(PersonIn(name="Lily")).id
    store.delete_person(me.id)
    assert store.get_person().id == lily
