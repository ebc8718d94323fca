"""One page per job of the station."""
