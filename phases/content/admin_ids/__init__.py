"""Ids in the admin's own addresses: ASCII digits only.

Python's str.isdigit() (and Django's <int:> converter's \\d in some places) accept digits such
as "²" or "①" that int() refuses, which used to become a 500. The admin's extra addresses
(preview, translate, bring back a version) match ids with `ascii_id`, and anything else there
is a plain 404.
"""

from django.http import Http404
from django.urls import register_converter


class AsciiId:
    regex = "[0-9]+"

    def to_python(self, value: str) -> str:
        return value  # the admin's views take ids as text, as Django's own do

    def to_url(self, value) -> str:
        return str(value)


register_converter(AsciiId, "ascii_id")


def no_such_item(request, *args, **kwargs):
    raise Http404("No such item or version.")
