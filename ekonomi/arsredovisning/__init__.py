"""The årsredovisning: on top of every app (finsam, insatser, styrelse, ekonomi).

Nothing below imports this package; it gathers each app's figures through their selectors.
"""
