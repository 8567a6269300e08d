"""Writes of the economy, one module per concern; views call these, never model.save()."""
