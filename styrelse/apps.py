from django.apps import AppConfig


class StyrelseConfig(AppConfig):
    name = "styrelse"
    verbose_name = "Styrelse"
