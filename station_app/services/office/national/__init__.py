"""The link to the national check-up database (QĐ 1551): the protocol (``protocol``), the office's client
(``client``) and a stand-in hub for tests and training (``stand_in``)."""
