"""URLs of the budget pages, included by ekonomi/urls.py."""

from django.urls import path

from ekonomi.views import budget as views

urlpatterns = [
    path("budget/", views.budget_list, name="budget_list"),
    path("budget/ny/", views.budget_create, name="budget_create"),
    path("budget/<int:ar>/", views.budget_detail, name="budget_detail"),
    path("budget/<int:ar>/post/ny/", views.budgetpost_create, name="budgetpost_create"),
    path(
        "budget/post/<int:budgetpost_id>/",
        views.budgetpost_edit,
        name="budgetpost_edit",
    ),
    path(
        "budget/post/<int:budgetpost_id>/ta-bort/",
        views.budgetpost_delete,
        name="budgetpost_delete",
    ),
    path("budget/<int:ar>/avgifter/", views.budget_avgifter, name="budget_avgifter"),
    path("budget/<int:ar>/andra/", views.budget_edit, name="budget_edit"),
    path("budget/<int:ar>/anta/", views.budget_anta, name="budget_anta"),
    path("budget/<int:ar>/revidera/", views.budget_revidera, name="budget_revidera"),
    path(
        "budget/<int:ar>/jamforelse/", views.budget_jamforelse, name="budget_jamforelse"
    ),
    path("budget/<int:ar>/plan/", views.budget_plan, name="budget_plan"),
    path("budget/<int:ar>/utfall/", views.budget_utfall, name="budget_utfall"),
    path(
        "budget/<int:ar>/period/<int:manad>/", views.budget_period, name="budget_period"
    ),
    path(
        "budget/<int:ar>/period/<int:manad>/prognos/",
        views.budget_prognos,
        name="budget_prognos",
    ),
    path(
        "budget/<int:ar>/period/<int:manad>/excel/",
        views.budget_period_excel,
        name="budget_period_excel",
    ),
    path(
        "budget/<int:ar>/excel/<slug:tabell>/", views.budget_excel, name="budget_excel"
    ),
    path("budget/<int:ar>/dokument/", views.budget_dokument, name="budget_dokument"),
    path(
        "budget/<int:ar>/verksamhetsplan/",
        views.budget_verksamhetsplan,
        name="budget_verksamhetsplan",
    ),
]
