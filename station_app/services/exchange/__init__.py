"""What travels between a station and the office: keys, the FHIR bundle, writing and checking batches, receipts' format and signatures, the station's client of the office service."""
