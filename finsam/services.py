"""Writes with rules for the förbund's members, people and assignments."""

from __future__ import annotations

from typing import Any, TypeVar

from django.db import models, transaction

from finsam.models import Forbund, Medlem, Person, Uppdrag, User

M = TypeVar("M", bound=models.Model)


def model_save(instance: M, **fields: Any) -> M:
    """Set ``fields``, validate the whole object and save it, all or nothing."""
    for name, value in fields.items():
        setattr(instance, name, value)
    with transaction.atomic():
        instance.full_clean()
        instance.save()
    return instance


def medlem_save(*, forbund: Forbund, medlem: Medlem | None = None, **fields: Any) -> Medlem:
    return model_save(medlem or Medlem(forbund=forbund), **fields)


def person_save(*, forbund: Forbund, person: Person | None = None, **fields: Any) -> Person:
    return model_save(person or Person(forbund=forbund), **fields)


def uppdrag_save(
    *, forbund: Forbund, uppdrag: Uppdrag | None = None, **fields: Any
) -> Uppdrag:
    return model_save(uppdrag or Uppdrag(forbund=forbund), **fields)


def uppdrag_delete(*, uppdrag: Uppdrag) -> None:
    uppdrag.delete()


def user_create(
    *,
    forbund: Forbund,
    username: str,
    password: str,
    roll: str,
    person: Person | None = None,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
) -> User:
    user = User(
        forbund=forbund,
        username=username,
        roll=roll,
        person=person,
        first_name=first_name or (person.fornamn if person else ""),
        last_name=last_name or (person.efternamn if person else ""),
        email=email or (person.epost if person else ""),
    )
    user.set_password(password)
    return model_save(user)
