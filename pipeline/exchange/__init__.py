"""公文電子交換: write letter records as DI files (104 DTD) with their .sw roster and attachments."""
