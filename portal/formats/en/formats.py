"""Dates in English as the site writes them ("2 December 2027"), in the admin too, so editors
and patients read one format (Django's own English one is "Dec. 2, 2027")."""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
