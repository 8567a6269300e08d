from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from finsam import (
    dokumentfil_views,
    forsegling_views,
    historik_views,
    konto_views,
    views,
)
from finsam.access import public
from finsam.forms import EgetLosenordForm

handler500 = "finsam.errors.server_error"

finsam_patterns = [
    path("", views.dashboard, name="dashboard"),
    path("medlemmar/", views.medlem_list, name="medlem_list"),
    path("medlemmar/ny/", views.medlem_edit, name="medlem_create"),
    path("medlemmar/<id:medlem_id>/", views.medlem_edit, name="medlem_edit"),
    path("personer/", views.person_list, name="person_list"),
    path("personer/ny/", views.person_edit, name="person_create"),
    path("personer/<id:person_id>/", views.person_edit, name="person_edit"),
    path("uppdrag/", views.uppdrag_list, name="uppdrag_list"),
    path("uppdrag/nytt/", views.uppdrag_edit, name="uppdrag_create"),
    path("uppdrag/<id:uppdrag_id>/", views.uppdrag_edit, name="uppdrag_edit"),
    path(
        "uppdrag/<id:uppdrag_id>/ta-bort/", views.uppdrag_delete, name="uppdrag_delete"
    ),
    path("styrelsen/", views.styrelsen, name="styrelsen"),
    path("dokument/", views.dokument, name="dokument"),
    path(
        "dokument/filer/begar/",
        dokumentfil_views.dokumentfil_begar,
        name="dokumentfil_begar",
    ),
    path(
        "dokument/filer/<id:dokumentfil_id>/",
        dokumentfil_views.dokumentfil_detail,
        name="dokumentfil_detail",
    ),
    path(
        "dokument/filer/<id:dokumentfil_id>/fil.pdf",
        dokumentfil_views.dokumentfil_pdf,
        name="dokumentfil_pdf",
    ),
    path("dokument/verifiera/", forsegling_views.verifiera, name="verifiera"),
    path(
        "dokument/forseglade/<id:forsegling_id>/fil.pdf",
        forsegling_views.forsegling_pdf,
        name="forsegling_pdf",
    ),
    path("installningar/", views.installningar, name="installningar"),
    path("forbund/", views.forbund_valj, name="forbund_valj"),
    path("anvandare/", views.user_list, name="user_list"),
    path("anvandare/ny/", views.user_edit, name="user_create"),
    path("anvandare/<id:user_id>/", views.user_edit, name="user_edit"),
    path("konto/losenord/", views.losenord_byt, name="losenord_byt"),
    path("historik/", historik_views.historik_logg, name="historik_logg"),
    path(
        "historik/<str:modell>/<id:pk>/",
        historik_views.historik_objekt,
        name="historik_objekt",
    ),
    path("konto/tvafaktor/", konto_views.tvafaktor_sida, name="tvafaktor"),
    path(
        "konto/tvafaktor/verifiera/",
        konto_views.tvafaktor_verifiera,
        name="tvafaktor_verifiera",
    ),
    path("konto/tvafaktor/krav/", konto_views.tvafaktor_krav, name="tvafaktor_krav"),
    path("avgifter/", views.avgift_list, name="avgift_list"),
    path("avgifter/historik/", views.avgift_historik, name="avgift_historik"),
    path("avgifter/nytt/", views.avgiftsbeslut_create, name="avgiftsbeslut_create"),
    path(
        "avgifter/<id:avgiftsbeslut_id>/",
        views.avgiftsbeslut_detail,
        name="avgiftsbeslut_detail",
    ),
    path(
        "avgifter/<id:avgiftsbeslut_id>/andra/",
        views.avgiftsbeslut_edit,
        name="avgiftsbeslut_edit",
    ),
    path(
        "avgifter/<id:avgiftsbeslut_id>/ersatt/",
        views.avgiftsbeslut_ersatt,
        name="avgiftsbeslut_ersatt",
    ),
    path(
        "avgifter/<id:avgiftsbeslut_id>/expediera/",
        views.avgiftsbeslut_expediera,
        name="avgiftsbeslut_expediera",
    ),
    path(
        "avgifter/<id:avgiftsbeslut_id>/brev.pdf",
        views.avgiftsbeslut_brev,
        name="avgiftsbeslut_brev",
    ),
    path(
        "avgifter/<id:avgiftsbeslut_id>/fordelning.xlsx",
        views.avgiftsbeslut_excel,
        name="avgiftsbeslut_excel",
    ),
    path("avgifter/underlag/<ar:ar>/", views.kommununderlag, name="kommununderlag"),
    path(
        "avgifter/underlag/<ar:ar>/import/",
        views.kommununderlag_import,
        name="kommununderlag_import",
    ),
    path(
        "avgifter/underlag/<ar:ar>/mall.xlsx",
        views.kommununderlag_mall,
        name="kommununderlag_mall",
    ),
    path("avgifter/bud/<ar:ar>/", views.avgiftsbud, name="avgiftsbud"),
    path("avgifter/extern/ny/", views.externintakt_edit, name="externintakt_create"),
    path(
        "avgifter/extern/<id:externintakt_id>/",
        views.externintakt_edit,
        name="externintakt_edit",
    ),
]

urlpatterns = [
    path("", include((finsam_patterns, "finsam"))),
    path("insatser/", include("insatser.urls")),
    path("ekonomi/", include("ekonomi.urls")),
    path("styrelse/", include("styrelse.urls")),
    path(
        "logga-in/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("logga-ut/", auth_views.LogoutView.as_view(), name="logout"),
    # Reset by e-mail: Django's views, Swedish templates in templates/registration/.
    path(
        "losenord/aterstall/",
        public(auth_views.PasswordResetView.as_view()),
        name="password_reset",
    ),
    path(
        "losenord/aterstall/skickad/",
        public(auth_views.PasswordResetDoneView.as_view()),
        name="password_reset_done",
    ),
    path(
        "losenord/aterstall/<uidb64>/<token>/",
        public(
            auth_views.PasswordResetConfirmView.as_view(form_class=EgetLosenordForm)
        ),
        name="password_reset_confirm",
    ),
    path(
        "losenord/aterstall/klar/",
        public(auth_views.PasswordResetCompleteView.as_view()),
        name="password_reset_complete",
    ),
    path("admin/", admin.site.urls),
]
