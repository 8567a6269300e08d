"""Sample values for URL keyword arguments that do not name an object.

The URL sweeps (tests/finsam/test_tenancy.py) resolve every ``<model>_id`` kwarg to an
object of the right förbund by itself; any other kwarg needs a value here. Add one line
per new kwarg name.
"""

import datetime as dt

# name -> value, or a callable taking the förbund the URL is requested for.
KWARG_VALUES = {
    "ar": 2017,
    "datum": dt.date(2018, 3, 23).isoformat(),
    "orgnr": lambda forbund: forbund.orgnr,
    "avsnitt": "ordforande",
}
