"""What the tests and the benchmarks share, so neither imports the other's folder: synthetic stations built
through the real services (``devkit.station``) and a throwaway PostgreSQL server (``devkit.postgres``).

Never shipped: the package build includes ``station_app*`` only. Synthetic people only, never a real card.
"""
