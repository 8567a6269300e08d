"""Django's admin for the insatser's records (superusers only). An approved period report
is read-only here too."""

from django.contrib import admin

from finsam.frysning import FrysbarAdminMixin
from insatser.models import Periodrapport


@admin.register(Periodrapport)
class PeriodrapportAdmin(FrysbarAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "status", "granskad"]
    list_filter = ["insats__forbund", "status", "ar"]
