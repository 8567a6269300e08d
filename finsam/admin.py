"""Django's admin, for system administrators (superusers) only."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from simple_history.admin import SimpleHistoryAdmin

from finsam.frysning import FrysbarAdminMixin, kan_andras
from finsam.models import (
    Avgiftsbeslut,
    Avgiftsrad,
    ExternIntakt,
    Forbund,
    Kommununderlag,
    Medlem,
    Person,
    Uppdrag,
    User,
)


@admin.register(Forbund)
class ForbundAdmin(admin.ModelAdmin):
    list_display = ["namn", "orgnr", "kortnamn", "ort"]
    search_fields = ["namn", "orgnr"]


@admin.register(User)
class FinsamUserAdmin(UserAdmin):
    list_display = ["username", "get_full_name", "forbund", "roll", "is_active"]
    list_filter = ["forbund", "roll", "is_active", "is_superuser"]
    fieldsets = (
        *(UserAdmin.fieldsets or ()),
        ("Förbund och roll", {"fields": ("forbund", "roll", "person")}),
    )
    add_fieldsets = (
        *UserAdmin.add_fieldsets,
        ("Förbund och roll", {"fields": ("forbund", "roll", "person")}),
    )


@admin.register(Medlem)
class MedlemAdmin(SimpleHistoryAdmin):
    list_display = ["namn", "forbund", "typ", "orgnr", "medlem_fran", "medlem_till"]
    list_filter = ["forbund", "typ"]


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ["efternamn", "fornamn", "parti", "forbund"]
    list_filter = ["forbund"]
    search_fields = ["efternamn", "fornamn"]


@admin.register(Uppdrag)
class UppdragAdmin(SimpleHistoryAdmin):
    list_display = ["person", "typ", "medlem", "fran", "till", "forbund"]
    list_filter = ["forbund", "typ"]


class AvgiftsradInline(admin.TabularInline):
    model = Avgiftsrad
    extra = 0

    def has_change_permission(self, request, obj=None):
        # A sent decision changes only through a new decision that replaces it.
        return obj is None or kan_andras(obj)

    has_add_permission = has_delete_permission = has_change_permission


@admin.register(Avgiftsbeslut)
class AvgiftsbeslutAdmin(FrysbarAdminMixin, SimpleHistoryAdmin):
    list_display = ["ar", "forbund", "total", "status"]
    list_filter = ["forbund", "status"]
    inlines = [AvgiftsradInline]


admin.site.register(Kommununderlag)
admin.site.register(ExternIntakt)
admin.site.site_header = "Finsam – systemadministration"
