"""The station's use cases: registry, roster import, examination, findings, lists, progress, set-up, self-test, the audit log, uploads and receipts, the training station."""
