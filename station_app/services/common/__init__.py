"""What both sides use: accounts and passwords, reference lists, PDFs, decoding codes, this laptop's settings."""
