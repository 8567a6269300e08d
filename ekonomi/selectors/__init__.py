"""Reads of the economy, one module per concern (budget, bokforing, rakenskaper, ...)."""
