"""agenda-emploi's core: the event and service model, validation and geography (no Pelican here)."""
