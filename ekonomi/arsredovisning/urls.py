"""URLs of the årsredovisning pages, included by ekonomi/urls.py."""

from django.urls import path  # noqa: F401

urlpatterns: list = []
