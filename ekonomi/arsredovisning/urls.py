"""URLs of the årsredovisning pages, included by ekonomi/urls.py (namespace "ekonomi")."""

from django.urls import path

from ekonomi.arsredovisning import views

urlpatterns = [
    path("", views.index, name="arsredovisning_index"),
    path("faststallda/", views.arkiv, name="arsredovisning_arkiv"),
    path("<int:ar>/", views.ar_detail, name="arsredovisning_ar"),
    path("<int:ar>/text/<slug:avsnitt>/", views.text_edit, name="arsredovisning_text"),
    path("<int:ar>/fynd/", views.fynd_godta, name="arsredovisning_fynd"),
    path("<int:ar>/godkann/", views.godkann, name="arsredovisning_godkann"),
    path("<int:ar>/enhet/", views.enhet, name="arsredovisning_enhet"),
    path("<int:ar>/visa/", views.visa, name="arsredovisning_visa"),
    path("<int:ar>/tabeller.xlsx", views.excel, name="arsredovisning_excel"),
    path(
        "<int:ar>/arsredovisning.pdf",
        views.godkand_pdf,
        name="arsredovisning_godkand_pdf",
    ),
]
