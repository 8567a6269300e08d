"""Django's admin for the board's records (superusers only). Frozen records — a justerat
protocol, its §§, attendance and delegation reports — are read-only here too."""

from django.contrib import admin

from finsam.frysning import FrysbarAdminMixin
from styrelse.models import Arende, Delegationsbeslut, Paragraf, Sammantrade


@admin.register(Sammantrade)
class SammantradeAdmin(FrysbarAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "status", "justerat_tid"]
    list_filter = ["organ__forbund", "status"]


@admin.register(Paragraf)
class ParagrafAdmin(FrysbarAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "sammantrade", "omedelbart_justerad"]
    list_filter = ["organ__forbund"]


@admin.register(Arende)
class ArendeAdmin(FrysbarAdminMixin, admin.ModelAdmin):
    list_display = ["diarienummer", "rubrik"]
    list_filter = ["forbund"]


@admin.register(Delegationsbeslut)
class DelegationsbeslutAdmin(FrysbarAdminMixin, admin.ModelAdmin):
    list_display = ["datum", "arendetyp", "delegat", "anmald_paragraf"]
    list_filter = ["forbund"]
