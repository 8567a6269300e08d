from django.urls import path

from styrelse import views

app_name = "styrelse"

urlpatterns = [
    path("", views.index, name="index"),
    path("nytt/", views.sammantrade_create, name="sammantrade_create"),
    path("<id:sammantrade_id>/", views.sammantrade_detail, name="sammantrade_detail"),
    path("<id:sammantrade_id>/andra/", views.sammantrade_edit, name="sammantrade_edit"),
    path(
        "<id:sammantrade_id>/paragraf/", views.paragraf_create, name="paragraf_create"
    ),
    path("<id:sammantrade_id>/narvaro/", views.narvaro_create, name="narvaro_create"),
    path(
        "<id:sammantrade_id>/narvaro/hela-styrelsen/",
        views.narvaro_hela_styrelsen,
        name="narvaro_hela_styrelsen",
    ),
    path(
        "<id:sammantrade_id>/genomfort/",
        views.sammantrade_genomfort,
        name="sammantrade_genomfort",
    ),
    path(
        "<id:sammantrade_id>/publicera/",
        views.sammantrade_publicera,
        name="sammantrade_publicera",
    ),
    path(
        "<id:sammantrade_id>/justera/",
        views.sammantrade_justera,
        name="sammantrade_justera",
    ),
    path(
        "<id:sammantrade_id>/maskering/",
        views.sammantrade_maskering,
        name="sammantrade_maskering",
    ),
    path(
        "<id:sammantrade_id>/offentlig-kopia.pdf",
        views.offentlig_kopia_pdf,
        name="offentlig_kopia_pdf",
    ),
    path("<id:sammantrade_id>/anslag/", views.anslag_create, name="anslag_create"),
    path("paragraf/<id:paragraf_id>/", views.paragraf_edit, name="paragraf_edit"),
    path(
        "paragraf/<id:paragraf_id>/kommentar/",
        views.kommentar_create,
        name="kommentar_create",
    ),
    path(
        "kommentar/<id:kommentar_id>/losa/",
        views.kommentar_losa,
        name="kommentar_losa",
    ),
    path(
        "narvaro/<id:narvaro_id>/ta-bort/", views.narvaro_delete, name="narvaro_delete"
    ),
    path("<id:sammantrade_id>/kallelse/", views.kallelse, name="kallelse"),
    path("<id:sammantrade_id>/kallelse.pdf", views.kallelse_pdf, name="kallelse_pdf"),
    path(
        "<id:sammantrade_id>/kallelse/skicka/",
        views.kallelse_skicka,
        name="kallelse_skicka",
    ),
    path("paragraf/<id:paragraf_id>/utdrag.pdf", views.utdrag_pdf, name="utdrag_pdf"),
    path(
        "paragraf/<id:paragraf_id>/bestyrk/",
        views.utdrag_bestyrk,
        name="utdrag_bestyrk",
    ),
    path(
        "delegationsbeslut/",
        views.delegationsbeslut_list,
        name="delegationsbeslut_list",
    ),
    path(
        "delegationsbeslut/nytt/",
        views.delegationsbeslut_create,
        name="delegationsbeslut_create",
    ),
    path(
        "delegationsordning/ny/",
        views.delegationspunkt_create,
        name="delegationspunkt_create",
    ),
    path("arenden/<id:arende_id>/", views.arende_detail, name="arende_detail"),
    path("arenden/<id:arende_id>/bilaga/", views.bilaga_create, name="bilaga_create"),
    path("bilaga/<id:bilaga_id>/", views.bilaga_download, name="bilaga_download"),
    path(
        "paragraf/<id:paragraf_id>/justera/",
        views.paragraf_justera,
        name="paragraf_justera",
    ),
    path("plan/<ar:ar>/", views.sammantradesplan, name="sammantradesplan"),
    path("arenden/", views.arende_list, name="arende_list"),
    path("arenden/nytt/", views.arende_create, name="arende_create"),
    path(
        "<id:sammantrade_id>/protokoll.pdf", views.protokoll_pdf, name="protokoll_pdf"
    ),
    path("anslagstavla/<str:orgnr>/", views.anslagstavla, name="anslagstavla"),
    path(
        "anslagstavla/<str:orgnr>/<id:sammantrade_id>/protokoll.pdf",
        views.anslag_protokoll_pdf,
        name="anslag_protokoll_pdf",
    ),
]
