"""Persistence: the only package that imports SQLAlchemy. Tables, engine, migrations, unit of work."""
