"""Background tasks (django-tasks; the database backend's ``db_worker`` runs them)."""

from django_tasks import task


@task()
def rendera_dokumentfil(dokumentfil_id: int, avtryck: str) -> str:
    """Render a queued Dokumentfil (finsam/dokumentfiler.py)."""
    from finsam.dokumentfiler import rendera_id

    return rendera_id(dokumentfil_id, avtryck)
