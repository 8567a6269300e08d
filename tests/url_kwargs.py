"""Sample values for URL keyword arguments that do not name an object.

The URL sweep (tests/finsam/test_url_sweep.py) and the page query test
(tests/finsam/test_page_queries.py) resolve every ``<model>_id`` kwarg to an
object of the right förbund by itself; any other kwarg needs a value here. Add one line
per new kwarg name.
"""

import datetime as dt

# name -> value, or a callable taking the förbund the URL is requested for.
KWARG_VALUES = {
    "ar": 2017,
    "datum": dt.date(2018, 3, 23).isoformat(),
    "orgnr": lambda forbund: forbund.orgnr,
    "manad": 8,
    "tabell": "jamforelse",
    "avsnitt": "ordforande",
    # The e-mailed password reset link (an invalid one answers with its own page).
    "uidb64": "MQ",
    "token": "ogiltig-lank",
    # The history page of a record: its kind and id (the förbund's first member).
    "modell": "finsam.medlem",
    "pk": lambda forbund: forbund.medlemmar.order_by("pk").first().pk,
}
