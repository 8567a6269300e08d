"""URLs of the budget pages, included by ekonomi/urls.py."""

from django.urls import path

from ekonomi.views import budget as views

urlpatterns = [
    path("budget/", views.budget_list, name="budget_list"),
    path("budget/ny/", views.budget_create, name="budget_create"),
    path("budget/<ar:ar>/", views.budget_detail, name="budget_detail"),
    path("budget/<ar:ar>/post/ny/", views.budgetpost_create, name="budgetpost_create"),
    path(
        "budget/post/<id:budgetpost_id>/",
        views.budgetpost_edit,
        name="budgetpost_edit",
    ),
    path(
        "budget/post/<id:budgetpost_id>/ta-bort/",
        views.budgetpost_delete,
        name="budgetpost_delete",
    ),
    path("budget/<ar:ar>/avgifter/", views.budget_avgifter, name="budget_avgifter"),
    path("budget/<ar:ar>/andra/", views.budget_edit, name="budget_edit"),
    path("budget/<ar:ar>/anta/", views.budget_anta, name="budget_anta"),
    path("budget/<ar:ar>/revidera/", views.budget_revidera, name="budget_revidera"),
    path(
        "budget/<ar:ar>/jamforelse/", views.budget_jamforelse, name="budget_jamforelse"
    ),
    path("budget/<ar:ar>/plan/", views.budget_plan, name="budget_plan"),
    path("budget/<ar:ar>/utfall/", views.budget_utfall, name="budget_utfall"),
    path(
        "budget/<ar:ar>/period/<id:manad>/", views.budget_period, name="budget_period"
    ),
    path(
        "budget/<ar:ar>/period/<id:manad>/prognos/",
        views.budget_prognos,
        name="budget_prognos",
    ),
    path(
        "budget/<ar:ar>/period/<id:manad>/excel/",
        views.budget_period_excel,
        name="budget_period_excel",
    ),
    path(
        "budget/<ar:ar>/excel/<slug:tabell>/", views.budget_excel, name="budget_excel"
    ),
    path("budget/<ar:ar>/dokument/", views.budget_dokument, name="budget_dokument"),
    path(
        "budget/<ar:ar>/verksamhetsplan/",
        views.budget_verksamhetsplan,
        name="budget_verksamhetsplan",
    ),
]
