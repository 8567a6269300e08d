"""Background task: lay out an approved årsredovisning's frozen HTML into its PDF, once."""

from django_tasks import task


@task()
def faststall_pdf(arsredovisning_id: int) -> str:
    from ekonomi.arsredovisning.services import arsredovisning_pdf_faststall

    return arsredovisning_pdf_faststall(arsredovisning_id=arsredovisning_id)
