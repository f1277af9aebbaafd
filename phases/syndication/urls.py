"""The change feed, in every language (/feed/, /es/feed/), under portal.urls' i18n_patterns;
and the site's own files at its root (/sitemap.xml, /robots.txt)."""

from django.contrib.sitemaps.views import sitemap
from django.urls import path

from phases.syndication.feeds import ChangeFeed
from phases.syndication.sitemaps import SITEMAPS, robots_txt

app_name = "syndication"

urlpatterns = [
    path("feed/", ChangeFeed(), name="changes"),
]

at_the_root = [
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots"),
]
